package io.newswatch.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt after failures in a row: exponential from a start (doubled per failure after
 * the first), capped, then jittered down by up to a fraction at random, so that many things failing together (one
 * host down, one receiver down) do not retry together. A {@code Retry-After} the other side sent makes the wait at
 * least that long, up to its own cap: it lengthens the wait, never shortens it.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    /**
     * @param initial       the wait after the first failure, before jitter (a default for {@link #delay(int, Duration)})
     * @param max           the longest wait before jitter
     * @param jitter        the fraction of the wait that is random, 0 to 1: 0.5 waits between half and all of it
     *                      ("equal jitter"), 0.25 between three quarters and all of it
     * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
     * @param random        where the jitter comes from (tests pass a fixed one)
     */
    public Backoff(Duration initial, Duration max, double jitter, Duration maxRetryAfter, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter must be between 0 and 1, got " + jitter);
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /**
     * The wait after {@code failures} failed attempts in a row (1 for the first failure), from the initial wait.
     *
     * @param retryAfter what the other side asked for, or null
     */
    public Duration delay(int failures, Duration retryAfter) {
        return delay(initial, failures, retryAfter);
    }

    /**
     * The wait after {@code failures} failed attempts in a row, from a start of the caller's (a feed's interval).
     *
     * @param retryAfter what the other side asked for, or null
     */
    public Duration delay(Duration start, int failures, Duration retryAfter) {
        long ceiling = Math.max(1, start.toMillis());
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long delay = (long) (ceiling * ((1 - jitter) + jitter * random.nextDouble()));
        if (retryAfter != null && !retryAfter.isNegative()) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), maxRetryAfter.toMillis()));
        }
        return Duration.ofMillis(delay);
    }
}
