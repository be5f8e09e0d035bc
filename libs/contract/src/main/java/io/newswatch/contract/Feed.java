package io.newswatch.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered feed: the value of the compacted topic {@code newswatch.feeds}, keyed by {@link #id()}; a tombstone
 * (null value) removes it.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param type          {@link #TYPE}
 * @param id            {@link Ids#feed(String)} of the URL it was registered with, or an id given in feeds.yaml
 * @param timestamp     when this version of the registration was written
 * @param url           the feed's URL (updated when the publisher redirects permanently)
 * @param name          the outlet's name, shown as the article's source
 * @param pollInterval  the nominal interval between polls; the poller adapts within its configured bounds
 * @param fullText      fetch each item's page and extract its main text
 * @param language      ISO 639-1 code when the operator knows the feed's language, else null (detected)
 * @param tags          carried into every article of the feed
 */
public record Feed(
        int schemaVersion,
        String type,
        String id,
        Instant timestamp,
        String url,
        String name,
        Duration pollInterval,
        boolean fullText,
        String language,
        List<String> tags) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "feed";

    public Feed {
        Objects.requireNonNull(id, "feed id");
        Objects.requireNonNull(url, "feed url");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
