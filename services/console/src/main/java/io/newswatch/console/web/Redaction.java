package io.newswatch.console.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a page may show of a URL or a rule channel: never a credential. The services redact their reads themselves;
 * the console does it again for whatever reaches a page (feed URLs, channels, alert deliveries), so that a service
 * that forgets, or an older one, cannot leak a secret through it.
 *
 * <ul>
 *   <li>A URL loses its {@code user:password@} and the values of query parameters that look like secrets
 *       ({@code token}, {@code key}, {@code sig}, {@code password}...).</li>
 *   <li>A {@code webhook:} or {@code slack:} channel with a URL becomes its kind and host ({@code slack (hooks.slack.com)}):
 *       the path of such URLs is the secret. Named channels ({@code webhook:ops}), {@code log} and {@code email:}
 *       stay as they are.</li>
 * </ul>
 */
public final class Redaction {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&](?:[a-z0-9_.-]*(?:token|key|secret|password|passwd|pwd|sig|signature|auth|credential|session)"
                    + "[a-z0-9_.-]*)=)[^&#]*");
    private static final String HIDDEN = "…";

    private Redaction() {
    }

    /** A URL without credentials; text that is not a URL comes back as it is. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String text = url.strip();
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return text;
        }
        int authorityEnd = indexOfAny(text, scheme + 3, "/?#");
        String authority = text.substring(scheme + 3, authorityEnd);
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : authority.substring(at + 1);
        String rest = text.substring(authorityEnd);
        return text.substring(0, scheme + 3) + host + SECRET_PARAMETER.matcher(rest).replaceAll("$1" + HIDDEN);
    }

    /** A rule channel as a label a page may show. */
    public static String channel(String channel) {
        if (channel == null) {
            return null;
        }
        int colon = channel.indexOf(':');
        if (colon < 0) {
            return channel;
        }
        String kind = channel.substring(0, colon).toLowerCase(Locale.ROOT);
        String target = channel.substring(colon + 1).strip();
        if (!target.contains("://")) {
            return channel; // a name, an address, or a label the alerter made already
        }
        return kind + " (" + host(target) + ")";
    }

    /** True when a channel as shown is not the channel itself (so it must not be sent back as it is). */
    public static boolean redacted(String shown) {
        return shown != null && (shown.contains(HIDDEN) || shown.matches("^[a-z]+ \\(.*\\)$"));
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "hidden" : host;
        } catch (URISyntaxException e) {
            return "hidden";
        }
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
