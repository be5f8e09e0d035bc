package io.newswatch.poller.parse;

import com.rometools.rome.io.impl.DateParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast reading of the common date shapes gives what Rome gives, and leaves the rest to Rome. */
class CommonDatesTest {

    private static Instant rome(String text) {
        Date date = DateParser.parseDate(text, Locale.US);
        return date == null ? null : date.toInstant();
    }

    @Test
    void theCommonShapesReadAsRomeReadsThem() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        int[] offsets = {0, 3600, -18000, 19800, -34200, 50400};
        for (int i = 0; i < 2000; i++) {
            Instant instant = Instant.ofEpochSecond(631152000L + (long) (random.nextDouble() * 1.3e9));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsets[random.nextInt(offsets.length)]);
            texts.add(DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(offset)));
            texts.add(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                    .format(instant.atOffset(ZoneOffset.UTC)));
            texts.add(DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss xx", Locale.US).format(instant.atOffset(offset)));
            texts.add(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(instant.atOffset(offset)));
        }
        for (String text : texts) {
            Instant fast = CommonDates.parse(text);
            assertThat(fast).as(text).isNotNull().isEqualTo(rome(text));
        }
    }

    @Test
    void otherShapesAndRefusedFieldsAreLeftToRome() {
        for (String text : List.of("Sun, 06 Dec 2026 12:00:00 EST", "Sun, 06 Dec 26 12:00:00 GMT",
                "2026-12-06T12:00:00.5Z", "2026-12-06T12:00:00.123+01:00", "2026-12-06", "2026-12-06T12:00Z",
                "Mon, 06 Dec 2026 12:00:00 GMT", "Sun, 06 Dec 2026 12:00:60 GMT", "06/12/2026 12:00",
                "Sunday, 06-Dec-26 12:00:00 GMT", "2026-12-06 12:00:00+01:00", "", "x".repeat(200))) {
            assertThat(CommonDates.parse(text)).as(text).isNull();
        }
    }

    @Test
    void aDayOfTheWeekIsOptional() {
        assertThat(CommonDates.parse("6 Dec 2026 12:00:00 +0100")).isEqualTo(Instant.parse("2026-12-06T11:00:00Z"))
                .isEqualTo(rome("6 Dec 2026 12:00:00 +0100"));
        assertThat(CommonDates.parse("Sun, 6 Dec 2026 12:00 GMT")).isEqualTo(Instant.parse("2026-12-06T12:00:00Z"))
                .isEqualTo(rome("Sun, 6 Dec 2026 12:00 GMT"));
    }
}
