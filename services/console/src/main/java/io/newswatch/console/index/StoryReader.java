package io.newswatch.console.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stories of a period, by when newswatch saw their articles ({@code fetched}): the largest (most articles in
 * the period) and the fastest-growing (most articles in its last quarter: the last 6 hours of a day, the last 42
 * hours of a week; a story of one article is not growing). One request; sizes come from the articles' own story
 * fields, so a story's total is what the enricher counted, across periods.
 */
@ApplicationScoped
public class StoryReader {

    private static final int STORIES = 15;

    private final ElasticsearchReader elasticsearch;
    private final ElasticsearchConfig config;

    StoryReader(ElasticsearchReader elasticsearch, ElasticsearchConfig config) {
        this.elasticsearch = elasticsearch;
        this.config = config;
    }

    /**
     * One story.
     *
     * @param id         the story id
     * @param inPeriod   its articles seen in the period (or, for the fastest-growing, in the recent part)
     * @param articles   articles in the story as the enricher last counted them
     * @param outlets    outlets carrying it, likewise
     * @param languages  languages it was seen in, in the period, most frequent first
     * @param sources    outlets in the period, most frequent first (up to five)
     * @param first      when its first article of the period was seen
     * @param last       when its latest article was seen
     * @param headline   the first article of the period: id, title, url, source
     */
    public record Story(String id, long inPeriod, long articles, long outlets, List<String> languages,
                        List<String> sources, Instant first, Instant last, JsonNode headline) {
    }

    /**
     * @param largest       the stories with most articles in the period
     * @param fastest       the stories with most articles in its last quarter
     * @param recent        the length of that last quarter
     * @param articles      articles seen in the period
     */
    public record Stories(List<Story> largest, List<Story> fastest, Duration recent, long articles) {
    }

    public Stories stories(Instant now, Duration period) {
        Duration recent = period.dividedBy(4);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.putObject("query").putObject("range").putObject("fetched").put("gte", now.minus(period).toString());
        ObjectNode aggs = body.putObject("aggs");
        aggs.set("largest", stories());
        ObjectNode fastest = aggs.putObject("fastest");
        fastest.putObject("filter").putObject("range").putObject("fetched").put("gte", now.minus(recent).toString());
        fastest.putObject("aggs").set("stories", stories());
        JsonNode answer = elasticsearch.search(config.indices().articles(), body);
        JsonNode found = answer.path("aggregations");
        // a story of one article has not grown: it only began
        List<Story> growing = read(found.path("fastest").path("stories")).stream()
                .filter(story -> story.articles() > 1).limit(STORIES).toList();
        return new Stories(read(found.path("largest")).stream().limit(STORIES).toList(), growing, recent,
                answer.path("hits").path("total").path("value").asLong());
    }

    private static ObjectNode stories() {
        ObjectNode terms = Json.mapper().createObjectNode();
        ObjectNode settings = terms.putObject("terms");
        settings.put("field", "story.id").put("size", 2 * STORIES);
        // ties (common: many stories of one or two articles) go to the story with more outlets
        ArrayNode order = settings.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("outlets", "desc");
        ObjectNode aggs = terms.putObject("aggs");
        aggs.putObject("articles").putObject("max").put("field", "story.articles");
        aggs.putObject("outlets").putObject("max").put("field", "story.outlets");
        aggs.putObject("languages").putObject("terms").put("field", "language").put("size", 10);
        aggs.putObject("sources").putObject("terms").put("field", "source.name").put("size", 5);
        aggs.putObject("first").putObject("min").put("field", "fetched");
        aggs.putObject("last").putObject("max").put("field", "fetched");
        ObjectNode headline = aggs.putObject("headline").putObject("top_hits");
        headline.put("size", 1);
        headline.putArray("sort").addObject().putObject("fetched").put("order", "asc");
        ArrayNode includes = headline.putObject("_source").putArray("includes");
        List.of("id", "title", "url", "source.name", "language").forEach(includes::add);
        return terms;
    }

    private static List<Story> read(JsonNode aggregation) {
        List<Story> stories = new ArrayList<>();
        for (JsonNode bucket : aggregation.path("buckets")) {
            long inPeriod = bucket.path("doc_count").asLong();
            stories.add(new Story(bucket.path("key").asText(), inPeriod,
                    Math.max(inPeriod, bucket.path("articles").path("value").asLong()),
                    bucket.path("outlets").path("value").asLong(), keys(bucket.path("languages")),
                    keys(bucket.path("sources")), instant(bucket.path("first")), instant(bucket.path("last")),
                    bucket.path("headline").path("hits").path("hits").path(0).path("_source")));
        }
        return stories;
    }

    private static List<String> keys(JsonNode terms) {
        List<String> keys = new ArrayList<>();
        terms.path("buckets").forEach(bucket -> keys.add(bucket.path("key").asText()));
        return keys;
    }

    private static Instant instant(JsonNode metric) {
        return metric.path("value").isNumber() ? Instant.ofEpochMilli(metric.path("value").asLong()) : null;
    }
}
