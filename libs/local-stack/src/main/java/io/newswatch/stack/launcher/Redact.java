package io.newswatch.stack.launcher;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Keeps secrets that URLs carry out of what the launcher prints: the user and password before the host, and the
 * query string (tokens of private feeds and webhooks live there).
 */
final class Redact {

    /** The user-info part of a URL inside text; bounded, so that it runs in linear time on any input. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]{1,512}+@");
    /** The query of a URL inside text, bounded likewise. */
    private static final Pattern QUERY = Pattern.compile("(://[^\\s?]{1,2048}+)\\?[^\\s]{1,4096}+");

    private Redact() {
    }

    /** A URL without user, password and query: {@code https://user:pw@host/feed?token=x} → {@code https://host/feed}. */
    static String url(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null) {
                return text(url);
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?…");
        } catch (IllegalArgumentException e) {
            return text(url);
        }
    }

    /** Text with the user and password of every URL in it replaced by {@code ***@}, and its query by {@code ?…}. */
    static String text(String text) {
        return QUERY.matcher(USER_INFO.matcher(text).replaceAll("***@")).replaceAll("$1?…");
    }
}
