package io.newswatch.poller.poll;

import io.newswatch.retry.Backoff;

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
    private final Backoff backoff;
    private final boolean adaptive;
    private final double factor;

    public Schedule(Duration min, Duration max, Duration backoffMax, boolean adaptive, double factor,
                    RandomGenerator random) {
        this.min = min;
        this.max = max;
        // a Retry-After is capped by the host's politeness (HostPoliteness), not here
        this.backoff = new Backoff(min, max(backoffMax, min), 0.25, Duration.ofMillis(Long.MAX_VALUE), random);
        this.adaptive = adaptive;
        this.factor = factor;
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
        return max(backoff.delay(nominal(interval), failures, retryAfter.orElse(null)), min);
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
