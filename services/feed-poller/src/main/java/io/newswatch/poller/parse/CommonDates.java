package io.newswatch.poller.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The two date shapes nearly every feed uses, read with java.time's immutable formatters before Rome's
 * {@code DateParser} is asked: RFC 1123 ({@code Sun, 06 Dec 2026 12:00:00 GMT} or {@code +0100}, the day of the
 * week checked when given) and ISO 8601 to the second with an offset ({@code 2026-12-06T12:00:00Z},
 * {@code +01:00}). Rome builds a {@code SimpleDateFormat} for each of its masks it tries (a W3C mask after another
 * before RFC 822), which was a tenth of the poller's CPU; these give the same instant for the texts they accept
 * ({@code CommonDatesTest} compares them with Rome) and leave every other text, or a field they refuse, to Rome.
 */
final class CommonDates {

    private static final int ISO_UTC_LENGTH = "2026-12-06T12:00:00Z".length();
    private static final int ISO_OFFSET_LENGTH = "2026-12-06T12:00:00+01:00".length();
    /** RFC 1123 read strictly: java.time's own formatter is lenient (it reads "26" as the year 26). */
    private static final DateTimeFormatter RFC_1123 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .parseStrict()
            .optionalStart().appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT).appendLiteral(", ").optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT).appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4).appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "GMT")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private CommonDates() {
    }

    /** The instant the text names in one of the two shapes, or null: then Rome decides. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < ISO_UTC_LENGTH || length > 40) {
            return null;
        }
        try {
            if (Character.isDigit(text.charAt(0)) && text.charAt(4) == '-') {
                // ISO 8601 to the second, no fraction (Rome reads some fractions its own way)
                char zone = text.charAt(19);
                boolean shaped = text.charAt(10) == 'T'
                        && (length == ISO_UTC_LENGTH && zone == 'Z'
                        || length == ISO_OFFSET_LENGTH && (zone == '+' || zone == '-'));
                return shaped ? OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant() : null;
            }
            // RFC 1123 with a four-digit year and GMT or a numeric offset (named zones such as EST: Rome)
            char last = text.charAt(length - 1);
            boolean gmt = text.endsWith(" GMT");
            boolean numeric = Character.isDigit(last) && length > 5
                    && (text.charAt(length - 5) == '+' || text.charAt(length - 5) == '-');
            return gmt || numeric ? OffsetDateTime.parse(text, RFC_1123).toInstant() : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
