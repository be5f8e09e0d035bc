package io.newswatch.indexer.document;

import io.newswatch.folding.TextFolding;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.GeoPoint;
import io.newswatch.contract.Quote;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An article as it is stored in Elasticsearch: the fields of {@code deploy/elasticsearch/newswatch-articles
 * .index-template.json}, written in snake case by {@link DocumentJson}. Besides the article's own fields it carries
 * what Kibana filters and aggregates on: one keyword field per entity type ({@code person}, {@code organization},
 * {@code location}, and {@code entity} for all), {@code topic}, {@code countries}, the places as
 * {@code geo_point}s, and {@code text_folded}, the text folded to ASCII for diacritic-free search.
 */
public record ArticleDocument(
        String id,
        String url,
        String title,
        String summary,
        String body,
        String textFolded,
        String author,
        String language,
        Instant published,
        boolean publishedEstimated,
        Instant fetched,
        Instant enriched,
        Instant indexed,
        List<String> categories,
        int revision,
        String contentHash,
        SourceFields source,
        List<EntityFields> entities,
        List<String> entity,
        List<String> person,
        List<String> organization,
        List<String> location,
        List<String> countries,
        List<GeoPoint> places,
        List<TopicFields> topics,
        List<String> topic,
        StoryFields story,
        List<QuoteFields> quotes) {

    /** The outlet and feed. */
    public record SourceFields(String name, String domain, String feed, String feedUrl, List<String> tags) {
    }

    /**
     * One entity, with the numbers that rank it and the other names the knowledge base knows it by (so that a
     * search or backtest of {@code person:"Sergei Lavrov"} finds the articles a live rule would).
     */
    public record EntityFields(String id, String name, String type, int mentions, double salience, boolean discovered,
                               String country, List<String> variants) {
    }

    /** One topic and its score. */
    public record TopicFields(String id, String label, double score) {
    }

    /** The story at the time the article was enriched. */
    public record StoryFields(String id, String firstArticle, Instant firstSeen, int articles, int outlets,
                              int languages) {
    }

    /** One quotation. */
    public record QuoteFields(String speaker, String speakerId, String text) {
    }

    /**
     * The document of an enriched article.
     *
     * @param indexed when the indexer wrote it
     */
    public static ArticleDocument of(EnrichedArticle enriched, Instant indexed) {
        Article article = enriched.article();
        List<Entity> entities = enriched.entities();
        return new ArticleDocument(
                enriched.id(),
                article.url(),
                article.title(),
                article.summary(),
                article.body(),
                TextFolding.searchText(article.fullText(), article.language()),
                article.author(),
                article.language(),
                article.published(),
                article.publishedEstimated(),
                article.fetched(),
                enriched.timestamp(),
                indexed,
                article.categories(),
                article.revision(),
                article.contentHash(),
                source(article.source()),
                entities.stream().map(e -> new EntityFields(e.id(), e.name(), typeName(e.type()), e.mentions(),
                        e.salience(), e.discovered(), e.country(), e.variants())).toList(),
                names(entities, e -> true),
                names(entities, e -> e.type() == EntityType.PERSON),
                names(entities, e -> e.type() == EntityType.ORGANIZATION),
                names(entities, e -> e.type() == EntityType.LOCATION),
                distinct(entities.stream().map(Entity::country).filter(Objects::nonNull).toList()),
                entities.stream().map(Entity::geo).filter(Objects::nonNull).distinct().toList(),
                enriched.topics().stream().map(t -> new TopicFields(t.id(), t.label(), t.score())).toList(),
                distinct(enriched.topics().stream().map(TopicScore::id).filter(Objects::nonNull).toList()),
                story(enriched.story()),
                enriched.quotes().stream().map(ArticleDocument::quote).toList());
    }

    /**
     * The external version of the document: the article's revision. Elasticsearch keeps the write with the highest
     * revision ({@code version_type=external_gte}), so a replay, or a slow consumer that lost its partition, never
     * puts an older revision back over a newer one; the same revision enriched again still overwrites.
     */
    public static long version(EnrichedArticle enriched) {
        return Math.max(0, enriched.article().revision());
    }

    private static SourceFields source(Source source) {
        return source == null ? null
                : new SourceFields(source.name(), source.domain(), source.feedId(), source.feedUrl(), source.tags());
    }

    private static StoryFields story(Story story) {
        return story == null ? null : new StoryFields(story.id(), story.firstArticleId(), story.firstSeen(),
                story.articles(), story.outlets(), story.languages());
    }

    private static QuoteFields quote(Quote quote) {
        return new QuoteFields(quote.speaker(), quote.speakerId(), quote.text());
    }

    private static String typeName(EntityType type) {
        return type == null ? null : type.name();
    }

    private static List<String> names(List<Entity> entities, Predicate<Entity> filter) {
        return distinct(entities.stream().filter(filter).map(Entity::name).filter(Objects::nonNull).toList());
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
