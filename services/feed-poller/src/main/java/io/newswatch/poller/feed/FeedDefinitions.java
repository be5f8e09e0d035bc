package io.newswatch.poller.feed;

import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import io.newswatch.poller.http.UrlSecrets;
import io.newswatch.poller.parse.Languages;
import io.newswatch.poller.parse.Urls;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks feed definitions and turns them into registry events. */
public final class FeedDefinitions {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Duration defaultInterval;

    public FeedDefinitions(Duration defaultInterval) {
        this.defaultInterval = defaultInterval;
    }

    /**
     * The feed event for a definition.
     *
     * @throws InvalidFeedException naming the field at fault
     */
    public Feed toFeed(FeedDefinition definition, Instant now) throws InvalidFeedException {
        if (definition == null || definition.url() == null || definition.url().isBlank()) {
            throw new InvalidFeedException("url", "url is required");
        }
        String given = definition.url().strip();
        URI uri = Urls.parse(given).orElseThrow(() -> new InvalidFeedException("url", "not a URL: "
                + UrlSecrets.redact(given)));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidFeedException("url", "url must be an absolute http or https URL, not "
                    + UrlSecrets.redact(given));
        }
        // kept as parsed: spaces and other characters a URL may not hold are percent-encoded, as browsers do, so the
        // URL that is registered is the one that is polled
        String url = uri.toString();
        String id = definition.id() == null || definition.id().isBlank() ? Ids.feed(url) : definition.id().strip();
        if (!ID.matcher(id).matches()) {
            throw new InvalidFeedException("id", "id may hold letters, digits, '.', '_' and '-' (at most 128), not " + id);
        }
        Duration interval = interval(definition.pollInterval());
        String language = null;
        if (definition.language() != null && !definition.language().isBlank()) {
            language = Languages.code(definition.language());
            if (language == null) {
                throw new InvalidFeedException("language", "language must be an ISO 639-1 code such as \"en\", not "
                        + definition.language());
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : definition.tags() == null ? List.<String>of() : definition.tags()) {
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        String name = definition.name() == null || definition.name().isBlank() ? uri.getHost() : definition.name().strip();
        boolean fullText = definition.fullText() == null || definition.fullText();
        return new Feed(Feed.SCHEMA_VERSION, Feed.TYPE, id, now, url, name, interval, fullText, language,
                List.copyOf(tags));
    }

    private Duration interval(String text) throws InvalidFeedException {
        if (text == null || text.isBlank()) {
            return defaultInterval;
        }
        try {
            Duration interval = Duration.parse(text.strip());
            if (interval.isNegative() || interval.isZero()) {
                throw new InvalidFeedException("pollInterval", "pollInterval must be positive, not " + text);
            }
            return interval;
        } catch (DateTimeParseException e) {
            throw new InvalidFeedException("pollInterval", "pollInterval must be an ISO-8601 duration such as PT5M, not "
                    + text);
        }
    }
}
