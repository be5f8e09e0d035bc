package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.Json;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The article history in Elasticsearch, as the backtest reads it: candidate articles of a period, newest first,
 * page by page, turned back into {@link EnrichedArticle}s (the fields the matcher uses) from the documents the
 * indexer wrote.
 */
public final class ArticleHistory {

    /** Fields the matcher needs; the rest of each document stays in Elasticsearch. */
    static final List<String> FIELDS = List.of("id", "url", "title", "summary", "body", "language",
            "published", "fetched", "source.name", "source.domain", "entities.id", "entities.name", "entities.type",
            "entities.variants", "topic", "story.id", "story.outlets", "story.languages");
    private static final int PAGE = 200;

    /** One HTTP exchange with Elasticsearch: a JSON body in, the JSON answer out. */
    @FunctionalInterface
    public interface Search {
        JsonNode post(String path, String body) throws IOException;
    }

    /** A page of candidates and how many there are in all. */
    public record Page(List<EnrichedArticle> articles, long total, JsonNode after) {
    }

    private final Search search;
    private final String index;

    /** @param index the articles alias */
    public ArticleHistory(Search search, String index) {
        this.search = search;
        this.index = index;
    }

    /**
     * Candidates matching {@code query} published in [from, to), newest first.
     *
     * @param after the sort values of the previous page's last hit, or null for the first page
     */
    public Page page(ObjectNode query, Instant from, Instant to, JsonNode after) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", PAGE);
        body.put("track_total_hits", true);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("filter").add(query);
        ObjectNode range = Json.mapper().createObjectNode();
        range.putObject("range").putObject("published").put("gte", from.toString()).put("lt", to.toString());
        bool.withArray("filter").add(range);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("published").put("order", "desc");
        sort.addObject().putObject("id").put("order", "asc");
        ArrayNode includes = body.putObject("_source").putArray("includes");
        FIELDS.forEach(includes::add);
        if (after != null) {
            body.set("search_after", after);
        }
        JsonNode answer = search.post("/" + index + "/_search", Json.encode(body));
        List<EnrichedArticle> articles = new ArrayList<>();
        JsonNode last = null;
        for (JsonNode hit : answer.path("hits").path("hits")) {
            articles.add(article(hit.path("_source")));
            last = hit.path("sort");
        }
        return new Page(articles, answer.path("hits").path("total").path("value").asLong(), last);
    }

    /** The enriched article an indexed document was made from, as far as matching needs it. */
    static EnrichedArticle article(JsonNode doc) {
        Instant published = instant(doc.path("published"));
        Instant fetched = instant(doc.path("fetched"));
        JsonNode source = doc.path("source");
        Article article = new Article(Article.SCHEMA_VERSION, Article.TYPE, doc.path("id").asText(),
                fetched, doc.path("url").asText(), text(doc, "title"), text(doc, "summary"), text(doc, "body"), null,
                doc.hasNonNull("language") ? doc.path("language").asText() : null, published, false, fetched,
                List.of(), new Source(text(source, "name"), text(source, "domain"), null, null, List.of()), null, 1);
        List<Entity> entities = new ArrayList<>();
        for (JsonNode entity : doc.path("entities")) {
            EntityType type = type(entity.path("type").asText());
            if (type != null && entity.hasNonNull("name")) {
                List<String> variants = new ArrayList<>();
                entity.path("variants").forEach(variant -> variants.add(variant.asText()));
                entities.add(new Entity(entity.path("id").asText(null), entity.path("name").asText(), type, 1, 0,
                        List.of(), null, null, false, variants));
            }
        }
        List<TopicScore> topics = new ArrayList<>();
        doc.path("topic").forEach(topic -> topics.add(new TopicScore(topic.asText(), topic.asText(), 0, List.of())));
        JsonNode story = doc.path("story");
        Story storyOf = story.hasNonNull("id") ? new Story(story.path("id").asText(), null, null, 1,
                story.path("outlets").asInt(1), story.path("languages").asInt(1)) : null;
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(), fetched,
                article, entities, topics, storyOf, List.of());
    }

    private static EntityType type(String name) {
        try {
            return EntityType.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // a kind of entity this version does not know
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
