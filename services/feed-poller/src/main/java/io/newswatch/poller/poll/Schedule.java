package io.newswatch.poller.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to poll a feed next. A healthy feed is polled at an interval that follows how often it publishes (twice
 * per expected new item), within its registered interval divided and multiplied by the adaptive factor and within
 * the global bounds. A failing feed is retried with exponential backoff from its interval, capped, with jitter so
 * that feeds failing together (one host down) do not retry together; a {@code Retry-After} lengthens the wait, it
 * never shortens it. Failing feeds are never given up.
 */
public final class Schedule {

    /** Newest item times that the publishing rate is read from. */
    static final int RATE_WINDOW = 20;
    private static final int MIN_ITEMS = 3;

    private final Duration min;
    private final Duration max;
    private final Duration backoffMax;
    private final boolean adaptive;
    private final double factor;
    private final RandomGenerator random;

    public Schedule(Duration min, Duration max, Duration backoffMax, boolean adaptive, double factor,
                    RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.backoffMax = backoffMax;
        this.adaptive = adaptive;
        this.factor = factor;
        this.random = random;
    }

    /** The shortest wait between two polls of a feed: for a feed with items left for the next poll. */
    public Duration soonest() {
        return min;
    }

    /** The registered interval within the global bounds. */
    public Duration nominal(Duration registered) {
        return clamp(registered, min, max);
    }

    /**
     * The interval after a successful poll.
     *
     * @param registered the feed's registered interval
     * @param itemTimes  publication (or first-seen) times of the feed's items
     */
    public Duration interval(Duration registered, List<Instant> itemTimes, Instant now) {
        Duration nominal = nominal(registered);
        if (!adaptive || itemTimes.size() < MIN_ITEMS) {
            return nominal;
        }
        List<Instant> newest = itemTimes.stream().filter(t -> !t.isAfter(now))
                .sorted(Comparator.reverseOrder()).limit(RATE_WINDOW).toList();
        if (newest.size() < MIN_ITEMS) {
            return nominal;
        }
        Duration span = Duration.between(newest.getLast(), now);
        Duration expectedGap = span.dividedBy(newest.size());
        Duration lower = max(min, divide(nominal, factor));
        Duration upper = min(max, multiply(nominal, factor));
        return clamp(expectedGap.dividedBy(2), lower, upper.compareTo(lower) < 0 ? lower : upper);
    }

    /**
     * The wait before retrying a feed that failed {@code failures} times in a row: its interval doubled per
     * failure after the first, capped, then jittered down by up to a quarter; at least what {@code Retry-After}
     * asked for.
     */
    public Duration backoff(Duration interval, int failures, Optional<Duration> retryAfter) {
        Duration exponential = multiply(nominal(interval), Math.pow(2, Math.min(failures - 1, 30)));
        Duration capped = min(exponential, max(backoffMax, min));
        Duration jittered = multiply(capped, 0.75 + 0.25 * random.nextDouble());
        Duration wait = max(jittered, min);
        return retryAfter.filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
    }

    private static Duration clamp(Duration value, Duration lower, Duration upper) {
        return value.compareTo(lower) < 0 ? lower : value.compareTo(upper) > 0 ? upper : value;
    }

    private static Duration multiply(Duration duration, double by) {
        double millis = duration.toMillis() * by;
        return millis >= Long.MAX_VALUE / 2.0 ? Duration.ofMillis(Long.MAX_VALUE / 2) : Duration.ofMillis((long) millis);
    }

    private static Duration divide(Duration duration, double by) {
        return Duration.ofMillis((long) (duration.toMillis() / by));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
