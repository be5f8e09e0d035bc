package io.newswatch.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which dead letters an operator means: from a topic, since a time, with a reason, from a service. Unset parts
 * match everything.
 *
 * @param topic   the topic the records came from, in full ({@code newswatch.articles.enriched}) or without the
 *                topic prefix ({@code articles.enriched}); null for any
 * @param since   dead-lettered at or after; null for any time
 * @param reason  text in the reason or its detail, any case; null for any
 * @param service the service that gave up on them ({@code indexer}); null for any
 */
record DeadLetterFilter(String topic, Instant since, String reason, String service) {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhdw])");

    /** Matches every letter. */
    static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null);

    /** Whether the filter selects anything less than everything. */
    boolean narrows() {
        return topic != null || since != null || reason != null || service != null;
    }

    boolean matches(DeadLetter letter, String topicPrefix) {
        if (topic != null && !topic.equals(letter.sourceTopic()) && !(topicPrefix + topic).equals(letter.sourceTopic())) {
            return false;
        }
        if (since != null && letter.timestamp().isBefore(since)) {
            return false;
        }
        if (reason != null && !letter.reason().toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return service == null || service.equals(letter.service());
    }

    /**
     * A point in time as an operator writes it: an ISO instant ({@code 2026-12-05T09:30:00Z}), a local date-time
     * or date in the machine's zone ({@code 2026-12-05T09:30}, {@code 2026-12-05}), or an age: {@code 90s},
     * {@code 30m}, {@code 2h}, {@code 7d}, {@code 2w}, {@code PT2H}.
     *
     * @throws IllegalArgumentException with what is accepted, when it is none of these
     */
    static Instant parseTime(String text, Clock clock) {
        String value = text.trim();
        Matcher age = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration duration = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return clock.instant().minus(duration);
        }
        ZoneId zone = clock.getZone();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return clock.instant().minus(Duration.parse(value));
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            if (value.contains("T")) {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            }
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since " + text + " is not a time: write an ISO time "
                    + "(2026-12-05T09:30:00Z, 2026-12-05T09:30, 2026-12-05) or an age (90s, 30m, 2h, 7d, 2w)");
        }
    }
}
