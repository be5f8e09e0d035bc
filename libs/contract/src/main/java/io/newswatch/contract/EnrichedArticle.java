package io.newswatch.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article with what the enricher found in it: the value of {@code newswatch.articles.enriched}, keyed by the
 * article id.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param type          {@link #TYPE}
 * @param id            the article id
 * @param timestamp     when the enricher produced this event
 * @param article       the article, with its language filled in when the feed did not give it
 * @param entities      people, organisations and places, most salient first
 * @param topics        topics that passed their threshold, best first
 * @param story         the story the article belongs to
 * @param quotes        direct quotations with their speakers
 */
public record EnrichedArticle(
        int schemaVersion,
        String type,
        String id,
        Instant timestamp,
        Article article,
        List<Entity> entities,
        List<TopicScore> topics,
        Story story,
        List<Quote> quotes) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "article.enriched";

    public EnrichedArticle {
        Objects.requireNonNull(id, "article id");
        Objects.requireNonNull(article, "article");
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    /** Entities of one type, most salient first. */
    public List<Entity> entities(EntityType entityType) {
        return entities.stream().filter(e -> e.type() == entityType).toList();
    }
}
