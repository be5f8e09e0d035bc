package io.newswatch.poller.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** A fetch that produced no HTTP response worth reading, with the kind of failure for status and metrics. */
public class FetchException extends IOException {

    /** What went wrong. */
    public enum Kind {
        /** DNS failure, connection refused or reset. */
        CONNECT,
        /** Connect, read or total timeout. */
        TIMEOUT,
        /** The body was larger than the limit and was cut off. */
        TOO_LARGE,
        /** A redirect pointed back to a URL already visited. */
        REDIRECT_LOOP,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** Refused by the address guard: not http(s), or the host resolves to an internal address. */
        BLOCKED,
        /** A response that breaks HTTP: bad redirect location, unknown content encoding, corrupt compression. */
        PROTOCOL,
        /** The host asked us to wait ({@code Retry-After}) and the wait is not over: not contacted. */
        THROTTLED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public FetchException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    private FetchException(Kind kind, String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** The host asked to be left alone for {@code wait} more. */
    public static FetchException throttled(String message, Duration wait) {
        return new FetchException(Kind.THROTTLED, message, null, wait);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#THROTTLED}: how long until the host may be asked again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
