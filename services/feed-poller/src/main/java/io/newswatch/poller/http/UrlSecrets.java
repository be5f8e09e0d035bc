package io.newswatch.poller.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secrets in feed URLs, hidden wherever a URL is shown, logged or written outside the registry: the user info
 * ({@code user:password@} becomes {@code ***@}) and the values of query parameters whose names say they are
 * secrets ({@code token}, {@code key}, {@code apikey}, {@code api_key}, {@code access_token}, {@code sig},
 * {@code signature}, {@code password}, {@code secret}, and names containing {@code token}, {@code secret},
 * {@code password}, {@code apikey}, {@code api_key}, {@code signature} or {@code credential}). Scans by hand:
 * linear in the text, whatever it holds.
 */
public final class UrlSecrets {

    /** What a hidden value is replaced with. */
    public static final String HIDDEN = "***";

    private static final Set<String> SECRET_NAMES = Set.of("token", "key", "apikey", "api_key", "api-key",
            "access_token", "sig", "signature", "password", "passwd", "pwd", "pass", "secret", "auth", "session",
            "sessionid", "jwt", "code");
    private static final List<String> SECRET_PARTS = List.of("token", "secret", "password", "passwd", "apikey",
            "api_key", "api-key", "signature", "credential", "private_key", "privatekey");

    private UrlSecrets() {
    }

    /** The URL with its secrets hidden; null stays null. Text that is not a URL comes back unchanged. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        StringBuilder out = new StringBuilder(url.length());
        out.append(url, 0, authorityStart);
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at >= authorityStart) {
            out.append(HIDDEN).append(url, at, authorityEnd);
        } else {
            out.append(url, authorityStart, authorityEnd);
        }
        int query = url.indexOf('?', authorityEnd);
        int fragment = url.indexOf('#', authorityEnd);
        if (query < 0 || (fragment >= 0 && fragment < query)) {
            return out.append(url, authorityEnd, url.length()).toString();
        }
        int queryEnd = fragment < 0 ? url.length() : fragment;
        out.append(url, authorityEnd, query + 1);
        int start = query + 1;
        while (start <= queryEnd) {
            int end = start;
            while (end < queryEnd && url.charAt(end) != '&' && url.charAt(end) != ';') {
                end++;
            }
            int equals = start;
            while (equals < end && url.charAt(equals) != '=') {
                equals++;
            }
            if (equals < end && isSecretName(url.substring(start, equals))) {
                out.append(url, start, equals + 1).append(HIDDEN);
            } else {
                out.append(url, start, end);
            }
            if (end < queryEnd) {
                out.append(url.charAt(end));
            }
            start = end + 1;
        }
        return out.append(url, queryEnd, url.length()).toString();
    }

    /** Free text (an error, a warning) with the secrets of every http(s) URL in it hidden; null stays null. */
    public static String redactText(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (true) {
            int http = lower.indexOf("http", from);
            if (http < 0) {
                break;
            }
            int afterScheme = lower.startsWith("https://", http) ? http + 8 : lower.startsWith("http://", http) ? http + 7 : -1;
            if (afterScheme < 0) {
                from = http + 4;
                continue;
            }
            int end = afterScheme;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "\"'<>".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            while (end > afterScheme && ".,:;)!?".indexOf(text.charAt(end - 1)) >= 0) {
                end--; // punctuation after a URL in a sentence ("refused URL: reason") is not part of it
            }
            String url = text.substring(http, end);
            String hidden = redact(url);
            if (!hidden.equals(url)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, http).append(hidden);
                copied = end;
            }
            from = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** True when the text holds a secret that {@link #redactText(String)} would hide. */
    public static boolean hasSecrets(String text) {
        return text != null && !redactText(text).equals(text);
    }

    private static boolean isSecretName(String rawName) {
        String name;
        try {
            name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            name = rawName.toLowerCase(Locale.ROOT);
        }
        return SECRET_NAMES.contains(name) || SECRET_PARTS.stream().anyMatch(name::contains);
    }
}
