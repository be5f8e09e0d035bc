package io.newswatch.alerter.delivery;

import java.time.Duration;

/**
 * A delivery attempt that failed. Permanent failures (a 4xx other than 408/429, an unknown webhook name, an
 * address the mail server refuses) are not retried; transient ones are, no sooner than {@link #retryAfter()} when
 * the receiver said so.
 */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean permanent, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, false, null, cause);
    }

    public static DeliveryException permanentFailure(String message) {
        return new DeliveryException(message, true, null, null);
    }

    public boolean permanent() {
        return permanent;
    }

    /** How long the receiver asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
