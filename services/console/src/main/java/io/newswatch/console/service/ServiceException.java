package io.newswatch.console.service;

/**
 * A call to the alerter or the poller that did not succeed: the service's own answer ({@code status}, its message,
 * the field at fault and the position in it, as the services' error bodies give them), or 503 when the service could
 * not be reached.
 */
public class ServiceException extends RuntimeException {

    private final int status;
    private final String field;
    private final Integer position;

    public ServiceException(int status, String message, String field, Integer position) {
        super(message);
        this.status = status;
        this.field = field;
        this.position = position;
    }

    public int status() {
        return status;
    }

    /** The request field the service found at fault ("query"), or null. */
    public String field() {
        return field;
    }

    /** The position of the problem in that field, or null. */
    public Integer position() {
        return position;
    }

    /** The service refused the API key (none, or a wrong one). */
    public boolean keyRefused() {
        return status == 401 || status == 403;
    }
}
