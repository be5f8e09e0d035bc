package io.newswatch.poller.http;

import java.io.IOException;

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
        PROTOCOL
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
