package io.newswatch.alerter.delivery;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One channel of a rule, as written there: {@code log}, {@code webhook:NAME-or-URL}, {@code slack:NAME-or-URL} or
 * {@code email:ADDRESS}. A NAME refers to a URL configured under {@code newswatch.alerter.delivery.webhooks.NAME}, so
 * that secrets in webhook URLs (Slack's) stay out of rules.
 *
 * @param kind   what delivers
 * @param target URL, webhook name or address; empty for {@code log}
 */
public record ChannelTarget(Kind kind, String target) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");

    /** Ways of notifying. */
    public enum Kind {
        LOG, WEBHOOK, SLACK, EMAIL
    }

    /** Reads a channel as written in a rule; the message of the exception says what is wrong. */
    public static ChannelTarget parse(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a channel is empty");
        }
        String trimmed = channel.strip();
        if (trimmed.equalsIgnoreCase("log")) {
            return new ChannelTarget(Kind.LOG, "");
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("unknown channel '" + trimmed
                    + "': use log, webhook:NAME-or-URL, slack:NAME-or-URL or email:ADDRESS");
        }
        String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String target = trimmed.substring(colon + 1).strip();
        Kind kind = switch (prefix) {
            case "webhook" -> Kind.WEBHOOK;
            case "slack" -> Kind.SLACK;
            case "email" -> Kind.EMAIL;
            default -> throw new IllegalArgumentException("unknown channel type '" + prefix
                    + "': use log, webhook:, slack: or email:");
        };
        if (kind == Kind.EMAIL) {
            if (!EMAIL.matcher(target).matches()) {
                throw new IllegalArgumentException("'" + target + "' is not an email address");
            }
        } else if (isUrl(target)) {
            URI uri = URI.create(target);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + target + "' has no host");
            }
        } else if (!NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("'" + target
                    + "' is neither an http(s) URL nor the name of a configured webhook");
        }
        return new ChannelTarget(kind, target);
    }

    /** The URL to POST to: the target itself, or the configured URL of a named webhook. */
    public Optional<URI> url(Map<String, URI> named) {
        if (kind == Kind.LOG || kind == Kind.EMAIL) {
            return Optional.empty();
        }
        return isUrl(target) ? Optional.of(URI.create(target)) : Optional.ofNullable(named.get(target));
    }

    /** True when the channel names a webhook that is not configured. */
    public boolean isUnknownName(Map<String, URI> named) {
        return (kind == Kind.WEBHOOK || kind == Kind.SLACK) && url(named).isEmpty();
    }

    private static boolean isUrl(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            URI.create(target);
            return true;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + target + "' is not a valid URL: " + e.getMessage());
        }
    }
}
