package io.newswatch.indexer.bulk;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so that several indexers that lost Elasticsearch at the same moment do not
 * come back at the same moment, and none waits less than half its step.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial backoff must be positive, not " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the maximum backoff " + max + " is shorter than the initial " + initial);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        long cap = max.toMillis();
        // 2^62 overflows nothing; beyond that every step is the cap anyway
        long step = attempt > 62 ? cap : Math.min(cap, saturatedMultiply(initial.toMillis(), 1L << (attempt - 1)));
        long half = step / 2;
        return Duration.ofMillis(half + (step - half == 0 ? 0 : random.nextLong(step - half + 1)));
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
    }
}
