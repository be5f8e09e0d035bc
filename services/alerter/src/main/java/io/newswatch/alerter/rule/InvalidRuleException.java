package io.newswatch.alerter.rule;

/**
 * A rule that cannot be stored: which field is wrong, why, and for a query where.
 */
public class InvalidRuleException extends Exception {

    private final String field;
    private final Integer position;

    public InvalidRuleException(String field, String message, Integer position) {
        super(message);
        this.field = field;
        this.position = position;
    }

    public InvalidRuleException(String field, String message) {
        this(field, message, null);
    }

    /** The request field at fault ("query", "channels"). */
    public String field() {
        return field;
    }

    /** 0-based position in the field's text, for a query; else null. */
    public Integer position() {
        return position;
    }
}
