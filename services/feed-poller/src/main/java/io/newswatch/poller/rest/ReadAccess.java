package io.newswatch.poller.rest;

import io.newswatch.rest.ApiKeyFilter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may see secrets in reads: feed URLs are shown with their credentials and token parameters only to a request
 * that carries the configured API key ({@code X-Api-Key}); without a configured key (a local development setup)
 * they are never shown. Everything else in a read is open, as before.
 */
@ApplicationScoped
public class ReadAccess {

    private final Optional<String> apiKey;

    public ReadAccess(@ConfigProperty(name = "newswatch.api-key") Optional<String> apiKey) {
        this.apiKey = apiKey.filter(key -> !key.isBlank());
    }

    /** @param given the request's {@link ApiKeyFilter#HEADER}, or null */
    public boolean revealsSecrets(String given) {
        return apiKey.isPresent() && given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.get().getBytes(StandardCharsets.UTF_8));
    }
}
