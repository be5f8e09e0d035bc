package io.newswatch.rest;

/**
 * Bad input or a missing resource, answered with an {@link ApiError}. Throw it from a resource; the mapper turns
 * it into the response.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final Integer position;

    public ApiException(int status, String message, String field, Integer position) {
        super(message);
        this.status = status;
        this.field = field;
        this.position = position;
    }

    /** 400: a field is invalid. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field, null);
    }

    /** 400: a field is invalid at a character position (query syntax). */
    public static ApiException badRequest(String field, String message, int position) {
        return new ApiException(400, message, field, position);
    }

    /** 404: no such resource. */
    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", null, null);
    }

    /** The body of the answer. */
    public ApiError toError() {
        return new ApiError(status, getMessage(), field, position);
    }

    public int status() {
        return status;
    }
}
