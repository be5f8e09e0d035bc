package io.newswatch.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article as the feed-poller found it: the value of {@code newswatch.articles.raw}, keyed by {@link #id()}.
 *
 * @param schemaVersion      {@link #SCHEMA_VERSION}
 * @param type               {@link #TYPE}
 * @param id                 {@link Ids#article(String)} of {@link #url()}
 * @param timestamp          when this event was produced
 * @param url                canonical URL
 * @param title              plain text, markup removed
 * @param summary            plain text from the feed item, may be empty
 * @param body               main text of the page when full text is on, else the best text the feed gave; plain
 *                           text, paragraphs separated by blank lines
 * @param author             as given by the feed or page, may be null
 * @param language           ISO 639-1 code, from the feed or detected; null when unknown
 * @param published          publication time in UTC; the fetch time when the feed gave none or a bad one
 * @param publishedEstimated true when {@link #published()} is the fetch time, not the publisher's
 * @param fetched            when the poller saw the item (the start of every end-to-end latency)
 * @param categories         the item's categories as the feed gave them
 * @param source             the outlet and feed
 * @param contentHash        hash of title, summary and body; a changed hash under the same id is a new revision
 * @param revision           1 for the first version of an article, incremented each time its content changes
 */
public record Article(
        int schemaVersion,
        String type,
        String id,
        Instant timestamp,
        String url,
        String title,
        String summary,
        String body,
        String author,
        String language,
        Instant published,
        boolean publishedEstimated,
        Instant fetched,
        List<String> categories,
        Source source,
        String contentHash,
        int revision) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "article";

    public Article {
        Objects.requireNonNull(id, "article id");
        Objects.requireNonNull(url, "article url");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Title, summary and body as one text, in that order, for taggers and matchers. */
    public String fullText() {
        StringBuilder text = new StringBuilder(title.length() + summary.length() + body.length() + 4);
        text.append(title);
        if (!summary.isEmpty() && !body.startsWith(summary)) {
            text.append("\n\n").append(summary);
        }
        if (!body.isEmpty()) {
            text.append("\n\n").append(body);
        }
        return text.toString();
    }

    /** The same article with its language set (the enricher fills it in when the feed did not say). */
    public Article withLanguage(String newLanguage) {
        return new Article(schemaVersion, type, id, timestamp, url, title, summary, body, author, newLanguage,
                published, publishedEstimated, fetched, categories, source, contentHash, revision);
    }
}
