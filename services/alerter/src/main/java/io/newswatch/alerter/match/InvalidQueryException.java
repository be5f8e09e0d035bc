package io.newswatch.alerter.match;

/**
 * A rule query that cannot be used: the message says what is wrong for a human, the position where (0-based
 * character offset in the query).
 */
public class InvalidQueryException extends Exception {

    private final int position;

    public InvalidQueryException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 0-based offset of the problem in the query. */
    public int position() {
        return position;
    }
}
