package io.newswatch.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A histogram of articles over time as the search page draws it: one bar per bucket, scaled to the largest, each a
 * link to the search narrowed to its period.
 */
public final class Histogram {

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)([smhdwMy])");

    /** One bucket as it comes from the search. */
    public record Bucket(Instant start, long count) {
    }

    /**
     * One bar.
     *
     * @param from    start of its period
     * @param to      end of its period (the next bucket's start)
     * @param count   articles in it
     * @param percent its height, as a share of the largest bar (at least 2 when not empty, so it shows)
     */
    public record Bar(Instant from, Instant to, long count, int percent) {
    }

    private Histogram() {
    }

    /** Bars for the buckets, oldest first. */
    public static List<Bar> bars(List<Bucket> buckets, String interval) {
        long max = buckets.stream().mapToLong(Bucket::count).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            Instant end = i + 1 < buckets.size() ? buckets.get(i + 1).start() : next(bucket.start(), interval);
            int percent = max == 0 || bucket.count() == 0 ? 0
                    : (int) Math.max(2, Math.round(100.0 * bucket.count() / max));
            bars.add(new Bar(bucket.start(), end, bucket.count(), percent));
        }
        return bars;
    }

    /** The start of the bucket after one starting at {@code start}, for an interval as Elasticsearch names it. */
    static Instant next(Instant start, String interval) {
        Matcher matcher = INTERVAL.matcher(interval == null ? "" : interval.strip());
        if (!matcher.matches()) {
            return start.plus(Duration.ofDays(1));
        }
        long amount = Long.parseLong(matcher.group(1));
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        return switch (matcher.group(2)) {
            case "s" -> start.plusSeconds(amount);
            case "m" -> start.plus(Duration.ofMinutes(amount));
            case "h" -> start.plus(Duration.ofHours(amount));
            case "d" -> start.plus(Duration.ofDays(amount));
            case "w" -> start.plus(Duration.ofDays(7 * amount));
            case "M" -> at.plusMonths(amount).toInstant();
            default -> at.plusYears(amount).toInstant();
        };
    }
}
