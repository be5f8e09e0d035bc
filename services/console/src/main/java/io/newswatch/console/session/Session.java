package io.newswatch.console.session;

import io.newswatch.console.config.ConsoleConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The analyst's session: the API key they signed in with, kept only in their browser, in an HttpOnly,
 * SameSite=Strict session cookie (no script can read it, no other site can send it). The console holds no key: it
 * forwards this one as {@code X-Api-Key} on the writes it makes for the analyst, and never logs or shows it.
 * Templates see {@code inject:session.signedIn}.
 */
@RequestScoped
@Named("session")
public class Session {

    /** The cookie that carries the key. */
    public static final String COOKIE = "newswatch-key";

    private final HttpServerRequest request;
    private final ConsoleConfig config;

    Session(HttpServerRequest request, ConsoleConfig config) {
        this.request = request;
        this.config = config;
    }

    /** The key of this request, when the analyst signed in. */
    public Optional<String> apiKey() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
            return key.isBlank() ? Optional.empty() : Optional.of(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a cookie this console wrote
        }
    }

    public boolean signedIn() {
        return apiKey().isPresent();
    }

    /** The Set-Cookie value that signs the analyst in. */
    public String signInCookie(String apiKey) {
        // the key in base64url: any key is a valid cookie value
        return cookie(Base64.getUrlEncoder().withoutPadding().encodeToString(apiKey.getBytes(StandardCharsets.UTF_8)),
                false);
    }

    /** The Set-Cookie value that signs the analyst out. */
    public String signOutCookie() {
        return cookie("", true);
    }

    private String cookie(String value, boolean expired) {
        Cookie cookie = Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(config.secureCookies() || request.isSSL());
        if (expired) {
            cookie.setMaxAge(0);
        }
        return cookie.encode();
    }
}
