package io.newswatch.alerter.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between delivery attempts: exponential from {@code initial}, capped at {@code max}, with "equal jitter"
 * (half fixed, half random) so that many alerts failing together do not retry together. A receiver's Retry-After
 * is honoured, up to the cap.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /**
     * The wait after {@code failures} failed attempts (1 for the first failure).
     *
     * @param retryAfter what the receiver asked for, or null
     */
    public Duration delay(int failures, Duration retryAfter) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        long delay = half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1));
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(delay);
    }
}
