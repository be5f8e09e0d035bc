package io.newswatch.contract;

/**
 * A message that can never be processed, however often it is retried: it belongs in the dead-letter topic, with
 * this exception's message as the reason.
 */
public class BadEventException extends RuntimeException {

    public BadEventException(String message) {
        super(message);
    }

    public BadEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
