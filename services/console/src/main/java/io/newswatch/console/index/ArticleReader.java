package io.newswatch.console.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An article as its page shows it: the indexed document, the other articles of its story, and the alerts raised on
 * it. Two round trips: the article, then its story and alerts together.
 */
@ApplicationScoped
public class ArticleReader {

    /** Fields never shown: a feed URL may hold credentials, the folded text is for searching only. */
    private static final List<String> HIDDEN = List.of("source.feed_url", "text_folded", "places");
    private static final List<String> STORY_FIELDS = List.of("id", "url", "title", "language", "published",
            "fetched", "source.name", "source.domain");
    private static final int STORY_ARTICLES = 50;

    private final ElasticsearchReader elasticsearch;
    private final ElasticsearchConfig config;

    ArticleReader(ElasticsearchReader elasticsearch, ElasticsearchConfig config) {
        this.elasticsearch = elasticsearch;
        this.config = config;
    }

    /**
     * An article with its story and alerts.
     *
     * @param article     the indexed document (without the hidden fields)
     * @param story       the story's articles, first seen first (this one included), up to 50
     * @param storyTotal  articles in the story in the index
     * @param outlets     distinct outlets (domains) among them
     * @param languages   their languages, most frequent first
     * @param alerts      alerts raised on this article, newest first
     */
    public record Found(JsonNode article, List<JsonNode> story, long storyTotal, long outlets,
                        List<String> languages, List<JsonNode> alerts) {
    }

    /**
     * The article, its story and alerts; empty when no index behind the alias holds the article yet. The article
     * itself is read in real time, so it is found as soon as the indexer has written it, while the story's other
     * articles and the alerts come from searches and follow the 5-second refresh.
     */
    public Optional<Found> article(String id) {
        JsonNode article = latest(id).orElse(null);
        if (article == null) {
            return Optional.empty();
        }
        String storyId = article.path("story").path("id").asText(null);

        ObjectNode story = Json.mapper().createObjectNode();
        story.put("size", storyId == null ? 0 : STORY_ARTICLES);
        story.put("track_total_hits", true);
        story.putObject("query").putObject("term").put("story.id", storyId == null ? "" : storyId);
        story.putArray("sort").addObject().putObject("fetched").put("order", "asc");
        ArrayNode includes = story.putObject("_source").putArray("includes");
        STORY_FIELDS.forEach(includes::add);
        ObjectNode aggs = story.putObject("aggs");
        aggs.putObject("outlets").putObject("cardinality").put("field", "source.domain");
        aggs.putObject("languages").putObject("terms").put("field", "language").put("size", 20);

        ObjectNode alerts = Json.mapper().createObjectNode();
        alerts.put("size", 20);
        alerts.putObject("query").putObject("term").put("article.id", id);
        alerts.putArray("sort").addObject().putObject("timestamp").put("order", "desc");
        ArrayNode alertFields = alerts.putObject("_source").putArray("includes");
        List.of("id", "timestamp", "rule.id", "rule.name", "level", "terms").forEach(alertFields::add);

        List<JsonNode> answers = elasticsearch.searches(List.of(config.indices().articles(),
                config.indices().alerts()), List.of(story, alerts));
        JsonNode storyAnswer = answers.get(0);
        List<JsonNode> members = new ArrayList<>();
        storyAnswer.path("hits").path("hits").forEach(hit -> members.add(hit.path("_source")));
        List<String> languages = new ArrayList<>();
        storyAnswer.path("aggregations").path("languages").path("buckets")
                .forEach(bucket -> languages.add(bucket.path("key").asText()));
        List<JsonNode> raised = new ArrayList<>();
        answers.get(1).path("hits").path("hits").forEach(hit -> raised.add(hit.path("_source")));
        return Optional.of(new Found(article, members, storyAnswer.path("hits").path("total").path("value").asLong(),
                storyAnswer.path("aggregations").path("outlets").path("value").asLong(), languages, raised));
    }

    /** The article from the newest index behind the alias that holds it (an article lives in one index). */
    private Optional<JsonNode> latest(String id) {
        List<String> indices = new ArrayList<>(elasticsearch.indicesOf(config.indices().articles()));
        if (indices.isEmpty()) {
            return Optional.empty();
        }
        indices.sort(java.util.Comparator.reverseOrder());
        ArrayNode docs = Json.mapper().createArrayNode();
        indices.forEach(index -> docs.addObject().put("_index", index).put("_id", id));
        for (JsonNode doc : elasticsearch.documents(docs, HIDDEN).path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                return Optional.of(doc.path("_source"));
            }
        }
        return Optional.empty();
    }
}
