package io.newswatch.poller.parse;

/** A document that is not a feed, or so broken that even the repairs cannot read it. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
