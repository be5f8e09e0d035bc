package io.newswatch.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IsoInstant} and {@link Json}'s instants against the JDK's {@code ISO_INSTANT} and jsr310's own mapping (what
 * {@link Json} used before): the same text out for every instant, the same instant in (or the same failure) for every
 * text, canonical or not.
 */
class IsoInstantTest {

    /** {@link Json}'s mapping as it was before {@link IsoInstantJson}: jsr310's serializer and deserializer. */
    private static final ObjectMapper JSR310 = Json.jsr310Mapper();

    private static final long MIN = Instant.parse("-5000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void formatsEveryInstantAsToStringDoes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = randomInstant(random);
            assertThat(IsoInstant.format(instant)).as("%s", instant).isEqualTo(instant.toString())
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.ofEpochSecond(-1, 1), Instant.ofEpochSecond(0, 1000),
                Instant.ofEpochSecond(1, 1_000_000), Instant.parse("2024-02-29T12:00:00.100Z"))) {
            assertThat(IsoInstant.format(edge)).isEqualTo(edge.toString());
        }
    }

    @Test
    void parsesWhatItWritesAsIsoInstantDoes() {
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = randomInstant(random);
            String text = instant.toString();
            Instant parsed = IsoInstant.parse(text);
            boolean fourDigitYear = !text.startsWith("+") && !text.startsWith("-");
            assertThat(parsed).as(text).isEqualTo(fourDigitYear ? Instant.from(DateTimeFormatter.ISO_INSTANT.parse(text)) : null);
        }
    }

    @Test
    void anyFractionOfOneToNineDigitsIsTheSameInstant() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            Instant whole = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_800L));
            String digits = Long.toString(random.nextLong(1_000_000_000L, 2_000_000_000L)).substring(1, 1 + random.nextInt(1, 10));
            String text = whole.toString().substring(0, 19) + "." + digits + "Z";
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.from(DateTimeFormatter.ISO_INSTANT.parse(text)));
        }
    }

    /** Texts near the canonical form, one or two characters changed: the fast path reads one only as ISO_INSTANT does. */
    @Test
    void anyOtherTextIsLeftToIsoInstant() {
        SplittableRandom random = new SplittableRandom(20);
        String alphabet = "0123456789-:.TZtz+ 9";
        int read = 0;
        for (int i = 0; i < 100_000; i++) {
            char[] text = randomInstant(random).toString().toCharArray();
            for (int c = random.nextInt(1, 3); c > 0; c--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String mutated = new String(text);
            Instant reference;
            try {
                reference = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(mutated));
            } catch (DateTimeException e) {
                reference = null;
            }
            Instant parsed = IsoInstant.parse(mutated);
            if (parsed != null) {
                read++;
                assertThat(parsed).as(mutated).isEqualTo(reference);
            }
        }
        assertThat(read).isGreaterThan(3_000);
        for (String other : List.of("2026-02-29T10:00:00Z", "2026-12-07T24:00:00Z", "2016-12-31T23:59:60Z",
                "2026-12-07t10:00:00z", "2026-12-07T10:00:00.Z", "2026-12-07T10:00Z", "2026-12-07T10:00:00+01:00",
                "2026-12-07T10:00:00.5+05:30", "2026-12-07T10:00:00-00:00", " 2026-12-07T10:00:00Z", "2026-13-01T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-12-07T10:00:00.1234567890Z", "")) {
            assertThat(IsoInstant.parse(other)).as(other).isNull();
        }
        assertThat(IsoInstant.parse("2024-02-29T23:59:59.000000001Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.000000001Z"));
        assertThat(IsoInstant.parse("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
        assertThat(IsoInstant.parse("1900-02-29T00:00:00Z")).isNull();
    }

    /** Through the mapping: events' JSON the same bytes as jsr310's, and every value the same instant or failure. */
    @Test
    void theMappingWritesAndReadsInstantsAsJsr310Did() throws Exception {
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 5_000; i++) {
            Instant instant = randomInstant(random);
            Map<String, Instant> event = Map.of("at", instant);
            assertThat(Json.encodeBytes(event)).isEqualTo(JSR310.writeValueAsBytes(event));
            assertThat(Json.encode(event)).isEqualTo(JSR310.writeValueAsString(event));
            String offset = OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(
                    random.nextInt(-18 * 4, 18 * 4 + 1) * 900)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            for (String text : List.of(instant.toString(), offset, offset.replaceFirst("([+-]\\d\\d):(\\d\\d)$", "$1$2"),
                    Long.toString(instant.getEpochSecond()), instant.getEpochSecond() + "." + instant.getNano())) {
                String json = text.matches("-?[0-9.]+") ? "{\"at\":" + text + "}" : "{\"at\":\"" + text + "\"}";
                assertThat(readOrFailure(Json.mapper(), json)).as(json).isEqualTo(readOrFailure(JSR310, json));
            }
        }
        List<String> odd = new ArrayList<>(List.of("\"\"", "null", "\"2016-12-31T23:59:60Z\"", "\"2026-12-07T24:00:00Z\"",
                "\"2026-02-30T00:00:00Z\"", "\"2026-12-07t10:00:00z\"", "\" 2026-12-07T10:00:00Z \"", "\"2026-12-07T10:00:00+0100\"",
                "\"tomorrow\"", "true", "[1,2]", "1.5e3", "\"2026-12-07T10:00:00\\u005a\""));
        for (String value : odd) {
            String json = "{\"at\":" + value + "}";
            assertThat(readOrFailure(Json.mapper(), json)).as(json).isEqualTo(readOrFailure(JSR310, json));
        }
        assertThat(Json.decode("{\"id\":\"a\",\"url\":\"u\",\"fetched\":\"2026-12-07T10:00:00.5+01:00\"}", Article.class).fetched())
                .isEqualTo(Instant.parse("2026-12-07T09:00:00.500Z"));
    }

    /** The instant read, or the failure's class and message. */
    private static String readOrFailure(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, At.class).at());
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage().replaceAll("\\(through reference chain.*", "");
        }
    }

    record At(Instant at) {
    }

    /** Mostly this century and millisecond or microsecond precision, as events carry; also every other kind. */
    private static Instant randomInstant(SplittableRandom random) {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> random.nextLong(MIN, MAX);
            case 1 -> random.nextLong(-62_167_219_200L - 100_000, -62_167_219_200L + 100_000);
            case 2 -> random.nextLong(253_402_300_799L - 100_000, 253_402_300_799L + 100_000);
            default -> random.nextLong(946_684_800L, 4_102_444_800L);
        };
        int nano = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            case 3 -> random.nextInt(1_000_000_000);
            default -> random.nextInt(10) * 100_000_000;
        };
        return Instant.ofEpochSecond(seconds, nano);
    }
}
