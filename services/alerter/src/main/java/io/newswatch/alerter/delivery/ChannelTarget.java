package io.newswatch.alerter.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One channel of a rule, as written there: {@code log}, {@code webhook:NAME-or-URL}, {@code slack:NAME-or-URL} or
 * {@code email:ADDRESS}. A NAME refers to a URL configured under {@code newswatch.alerter.delivery.webhooks.NAME}, so
 * that secrets in webhook URLs (Slack's) stay out of rules.
 *
 * <p>A webhook URL is a secret (Slack's and most others carry a token in the path or query): outside the rule
 * store, a channel is shown by its {@link #label()}, which never holds a path, a query or user information.
 *
 * @param kind   what delivers
 * @param target URL, webhook name or address; empty for {@code log}
 */
public record ChannelTarget(Kind kind, String target) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
    /** A label of a webhook: a name, or a host with its port (IPv6 in brackets), maybe with a {@code #n}. */
    private static final Pattern LABEL = Pattern.compile("^(webhook|slack):[A-Za-z0-9_.\\[\\]:-]++(#\\d{1,4})?$");

    /** Ways of notifying. */
    public enum Kind {
        LOG, WEBHOOK, SLACK, EMAIL
    }

    /**
     * The channels' labels, in order: what alerts, reads, logs and dead letters show. When two channels of a rule
     * have the same label (two hooks on one host), the later ones get {@code #2}, {@code #3}.
     */
    public static List<String> labels(List<String> channels) {
        List<String> labels = new ArrayList<>(channels.size());
        for (String channel : channels) {
            String label = labelOf(channel);
            String unique = label;
            for (int n = 2; labels.contains(unique); n++) {
                unique = label + "#" + n;
            }
            labels.add(unique);
        }
        return labels;
    }

    /**
     * The label of a channel as a rule writes it (a label stays as it is); a channel that cannot be read shows
     * nothing of itself.
     */
    public static String labelOf(String channel) {
        if (channel != null && LABEL.matcher(channel).matches()) {
            return channel;
        }
        try {
            return parse(channel).label();
        } catch (IllegalArgumentException e) {
            return "invalid-channel";
        }
    }

    /**
     * What may be shown of this channel: {@code log}, {@code email:ADDRESS}, {@code webhook:NAME} for a named hook,
     * {@code webhook:HOST} (with {@code :PORT} when one is given) for a URL.
     */
    public String label() {
        String prefix = kind.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case LOG -> "log";
            case EMAIL -> prefix + ":" + target;
            case WEBHOOK, SLACK -> prefix + ":" + (isUrl(target) ? hostAndPort(URI.create(target)) : target);
        };
    }

    /** True when the channel holds a URL itself, rather than the name of a configured one. */
    public boolean hasUrl() {
        return (kind == Kind.WEBHOOK || kind == Kind.SLACK) && isUrl(target);
    }

    /** A URL as logs may show it: scheme, host and port; never user information, path or query. */
    public static String redact(URI url) {
        return (url.getScheme() == null ? "" : url.getScheme() + "://") + hostAndPort(url);
    }

    private static String hostAndPort(URI url) {
        String host = url.getHost() == null ? "?" : url.getHost();
        return url.getPort() < 0 ? host : host + ":" + url.getPort();
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
            throw new IllegalArgumentException("unknown channel: use log, webhook:NAME-or-URL, slack:NAME-or-URL or"
                    + " email:ADDRESS");
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
                throw new IllegalArgumentException("the " + prefix + " URL has no host");
            }
        } else if (!NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("a " + prefix
                    + " channel is an http(s) URL or the name of a configured webhook (letters, digits, '.', '_', '-')");
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
            // the message of URISyntaxException quotes the whole URL, secret included
            throw new IllegalArgumentException("the URL is not valid (spaces and some characters must be"
                    + " percent-encoded)");
        }
    }
}
