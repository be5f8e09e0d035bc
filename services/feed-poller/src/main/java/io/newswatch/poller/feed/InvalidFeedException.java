package io.newswatch.poller.feed;

/** A feed definition that cannot be registered: which field is wrong, and why. */
public class InvalidFeedException extends Exception {

    private final String field;

    public InvalidFeedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault ("url", "pollInterval"). */
    public String field() {
        return field;
    }
}
