package io.newswatch.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON over HTTP with one newswatch service: every call has a timeout; an answer that is not 2xx becomes a
 * {@link ServiceException} with the service's own message; an analyst's API key is sent as {@code X-Api-Key} on the
 * calls that change something and is never logged or kept.
 */
public final class ServiceClient {

    /** The header the services read the API key from. */
    public static final String API_KEY_HEADER = "X-Api-Key";

    private final String name;
    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param name    the service, for messages ("alerter")
     * @param base    its base URL
     * @param timeout of each call
     */
    public ServiceClient(String name, URI base, Duration timeout) {
        this.name = name;
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(5, timeout.toSeconds() + 1)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A GET; the answer's JSON. */
    public JsonNode get(String path, Map<String, String> parameters) {
        return send("GET", path + query(parameters), null, null);
    }

    /** A POST, PUT or DELETE with a JSON body (or none), carrying the analyst's key. */
    public JsonNode send(String method, String path, JsonNode body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .timeout(timeout).header("Accept", "application/json");
        if (apiKey != null) {
            request.header(API_KEY_HEADER, apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.encode(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceException(503, "the " + name + " cannot be reached at " + base + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(503, "interrupted while asking the " + name, null, null);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = answer.path("error").isTextual() ? answer.path("error").asText()
                    : "the " + name + " answered HTTP " + response.statusCode();
            throw new ServiceException(response.statusCode(), message, answer.path("field").asText(null),
                    answer.path("position").isInt() ? answer.path("position").asInt() : null);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().missingNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }

    /** A path segment, encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
