package io.newswatch.poller.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Parsing the URLs found in feeds and pages, which are often not quite valid. */
public final class Urls {

    private static final String ILLEGAL = " \"<>\\^`{|}";

    private Urls() {
    }

    /** The URL, with spaces, non-ASCII and other characters that are illegal in a URI escaped; empty if hopeless. */
    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        try {
            return Optional.of(new URI(trimmed));
        } catch (URISyntaxException e) {
            try {
                return Optional.of(new URI(escapeIllegal(trimmed)));
            } catch (URISyntaxException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * Resolves a link against a base ({@code /news/1} against the feed's URL); an absolute link is returned as it
     * is. Empty when the link cannot be read.
     */
    public static Optional<String> resolve(URI base, String link) {
        Optional<URI> parsed = parse(link);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        if (uri.isAbsolute() || base == null) {
            return Optional.of(uri.toString());
        }
        try {
            if (uri.getRawPath() != null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                    && uri.getRawFragment() == null) {
                return Optional.of(base.toString());
            }
            return Optional.of(base.resolve(uri).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String escapeIllegal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && !(i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0)) {
                out.append("%25");
            } else if (c < 0x20 || c >= 0x7f || ILLEGAL.indexOf(c) >= 0) {
                int codePoint = text.codePointAt(i);
                if (Character.charCount(codePoint) == 2) {
                    i++;
                }
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
