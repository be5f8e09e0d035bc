package io.newswatch.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Changing requests (POST, PUT, PATCH, DELETE) must carry {@code X-Api-Key} when {@code newswatch.api-key}
 * ({@code NEWSWATCH_API_KEY}) is set; reading is open. Without a configured key, nothing is checked (a local
 * development setup); {@code ./newswatch up} always configures one.
 */
public class ApiKeyFilter {

    /** The request header that carries the key. */
    public static final String HEADER = "X-Api-Key";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Optional<String> apiKey;

    public ApiKeyFilter(@ConfigProperty(name = "newswatch.api-key") Optional<String> apiKey) {
        this.apiKey = apiKey.filter(key -> !key.isBlank());
    }

    @ServerRequestFilter
    public Optional<jakarta.ws.rs.core.Response> requireKey(ContainerRequestContext request) {
        if (apiKey.isEmpty() || !CHANGING.contains(request.getMethod())) {
            return Optional.empty();
        }
        String given = request.getHeaderString(HEADER);
        if (given == null) {
            return Optional.of(ApiExceptionMappers.response(
                    new ApiError(401, "this request changes data: send the API key in the " + HEADER + " header",
                            HEADER, null)));
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(ApiExceptionMappers.response(
                    new ApiError(403, "wrong API key in the " + HEADER + " header", HEADER, null)));
        }
        return Optional.empty();
    }
}
