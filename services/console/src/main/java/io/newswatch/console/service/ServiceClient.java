package io.newswatch.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The header a paged listing names its next page's cursor in ({@code io.newswatch.rest.Paging}). */
    static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";
    /** Items asked for per page of a listing: the most the services give ({@code Paging.MAX_LIMIT}). */
    static final int LISTING_PAGE = 1000;
    /** Pages of one listing read at most, so that a service that keeps answering "next" cannot hold a page. */
    static final int MAX_LISTING_PAGES = 100;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*\\brel=\"?next\"?");
    private static final Pattern CURSOR = Pattern.compile("(?:^|[?&])cursor=([^&]*)");

    /** A GET; the answer's JSON. */
    public JsonNode get(String path, Map<String, String> parameters) {
        return exchange("GET", path + query(parameters), null, null).json();
    }

    /**
     * Every item of a paged listing ({@code GET /rules}, {@code /feeds}): asks for the largest pages and follows the
     * next page's cursor ({@code X-Next-Cursor}, else the {@code Link} with {@code rel="next"}) until there is none.
     * Only the cursor is taken from a link, never its host: the next page is asked of this service's address.
     *
     * @throws ServiceException when a page cannot be read, or a listing runs past {@value #MAX_LISTING_PAGES} pages
     */
    public ArrayNode list(String path) {
        ArrayNode items = Json.mapper().createArrayNode();
        String cursor = null;
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < MAX_LISTING_PAGES; page++) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("limit", String.valueOf(LISTING_PAGE));
            parameters.put("cursor", cursor);
            Answer answer = exchange("GET", path + query(parameters), null, null);
            if (!answer.json().isArray()) {
                throw new ServiceException(502, "the " + name + " did not answer a list at " + path, null, null);
            }
            answer.json().forEach(items::add);
            cursor = nextCursor(answer.headers());
            if (cursor == null) {
                return items;
            }
            if (!seen.add(cursor)) {
                throw new ServiceException(502, "the " + name + " listed " + path + " in a loop (cursor repeated)",
                        null, null);
            }
        }
        throw new ServiceException(502, "the " + name + " listed more than " + MAX_LISTING_PAGES * LISTING_PAGE
                + " items at " + path, null, null);
    }

    /** The next page's cursor a listing's answer names, or null on its last page. */
    static String nextCursor(HttpHeaders headers) {
        Optional<String> header = headers.firstValue(NEXT_CURSOR_HEADER).filter(value -> !value.isBlank());
        if (header.isPresent()) {
            return header.get().strip();
        }
        for (String link : headers.allValues("Link")) {
            Matcher next = NEXT_LINK.matcher(link);
            if (next.find()) {
                int query = next.group(1).indexOf('?');
                Matcher cursor = CURSOR.matcher(query < 0 ? "" : next.group(1).substring(query + 1));
                if (cursor.find()) {
                    return URLDecoder.decode(cursor.group(1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** A POST, PUT or DELETE with a JSON body (or none), carrying the analyst's key. */
    public JsonNode send(String method, String path, JsonNode body, String apiKey) {
        return exchange(method, path, body, apiKey).json();
    }

    /** An answer's JSON and headers. */
    private record Answer(JsonNode json, HttpHeaders headers) {
    }

    private Answer exchange(String method, String path, JsonNode body, String apiKey) {
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
        return new Answer(answer, response.headers());
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
