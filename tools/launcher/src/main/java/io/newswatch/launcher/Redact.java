package io.newswatch.launcher;

import java.net.URI;

/**
 * Keeps secrets that URLs carry out of what the launcher prints: the user and password before the host, and the
 * query string (tokens of private feeds and webhooks live there). Text is scanned once, word by word, without
 * patterns, so that it takes linear time whatever a feed or a server put in an error message.
 */
final class Redact {

    private Redact() {
    }

    /** A URL without user, password and query: {@code https://user:pw@host/feed?token=x} → {@code https://host/feed?…}. */
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

    /** Text with the user and password of every URL in it replaced by {@code ***}, and its query by {@code …}. */
    static String text(String text) {
        StringBuilder redacted = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            redacted.append(word(text.substring(start, end)));
            int next = end;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            redacted.append(text, end, next);
            start = next;
        }
        return redacted.toString();
    }

    /** One word: from its first {@code ://}, the user info up to an {@code @} before the path goes, and the query. */
    private static String word(String word) {
        int scheme = word.indexOf("://");
        if (scheme < 0) {
            return word;
        }
        int host = scheme + 3;
        int query = word.indexOf('?', host);
        String url = query < 0 ? word : word.substring(0, query);
        int path = url.indexOf('/', host);
        int at = url.lastIndexOf('@', path < 0 ? url.length() - 1 : path);
        if (at >= host) {
            url = url.substring(0, host) + "***" + url.substring(at);
        }
        return query < 0 ? url : url + "?…";
    }
}
