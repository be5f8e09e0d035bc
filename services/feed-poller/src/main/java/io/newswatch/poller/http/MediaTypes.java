package io.newswatch.poller.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading {@code Content-Type} headers. */
public final class MediaTypes {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*+=\\s*+\"?([^\";,\\s]{1,60})");
    /** Longest {@code Content-Type} read: real ones are well under 100 characters. */
    private static final int MAX_LENGTH = 1024;

    private MediaTypes() {
    }

    /** The {@code charset} parameter of a content type, when present. */
    public static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher matcher = CHARSET.matcher(contentType.length() > MAX_LENGTH
                ? contentType.substring(0, MAX_LENGTH) : contentType);
        return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    }

    /** True when this JVM can decode the named charset. */
    public static boolean supported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset.trim());
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    /** The media type without parameters, lower case ("text/html"), or an empty string. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
