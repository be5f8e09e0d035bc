package io.newswatch.alerter.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between delivery attempts: the shared {@link io.newswatch.retry.Backoff} from {@code initial}, capped at
 * {@code max}, with "equal jitter" (half fixed, half random) so that many alerts failing together do not retry
 * together. A receiver's Retry-After is honoured, up to the cap.
 */
public final class Backoff {

    private final io.newswatch.retry.Backoff backoff;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.backoff = new io.newswatch.retry.Backoff(initial, max, 0.5, max, random);
    }

    /**
     * The wait after {@code failures} failed attempts (1 for the first failure).
     *
     * @param retryAfter what the receiver asked for, or null
     */
    public Duration delay(int failures, Duration retryAfter) {
        return backoff.delay(failures, retryAfter);
    }
}
