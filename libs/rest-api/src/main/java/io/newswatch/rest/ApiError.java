package io.newswatch.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every 4xx answer: what is wrong, and where.
 *
 * @param status   the HTTP status, repeated for clients that only see the body
 * @param error    what is wrong, for a human ("unbalanced parenthesis")
 * @param field    the request field at fault ("query"), when one is
 * @param position 0-based character offset in that field, when known (a query's syntax error)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String field, Integer position) {
}
