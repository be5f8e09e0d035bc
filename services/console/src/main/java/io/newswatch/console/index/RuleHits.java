package io.newswatch.console.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** How often each rule alerted recently, from the alerts alias (one request for every rule). */
@ApplicationScoped
public class RuleHits {

    private static final int MAX_RULES = 10_000;

    private final ElasticsearchReader elasticsearch;
    private final ElasticsearchConfig config;

    RuleHits(ElasticsearchReader elasticsearch, ElasticsearchConfig config) {
        this.elasticsearch = elasticsearch;
        this.config = config;
    }

    /**
     * A rule's recent alerts.
     *
     * @param day  alerts in the last 24 hours
     * @param week alerts in the last 7 days
     * @param last the newest alert ever, or null
     */
    public record Hits(long day, long week, Instant last) {

        public static final Hits NONE = new Hits(0, 0, null);
    }

    /** Per rule id, its recent alerts; rules without any are absent. */
    public Map<String, Hits> counts(Instant now) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        ObjectNode rules = body.putObject("aggs").putObject("rules");
        rules.putObject("terms").put("field", "rule.id").put("size", MAX_RULES);
        ObjectNode aggs = rules.putObject("aggs");
        aggs.putObject("last").putObject("max").put("field", "timestamp");
        aggs.putObject("day").putObject("filter").putObject("range").putObject("timestamp")
                .put("gte", now.minus(Duration.ofDays(1)).toString());
        aggs.putObject("week").putObject("filter").putObject("range").putObject("timestamp")
                .put("gte", now.minus(Duration.ofDays(7)).toString());
        JsonNode answer = elasticsearch.search(config.indices().alerts(), body);
        Map<String, Hits> counts = new HashMap<>();
        for (JsonNode bucket : answer.path("aggregations").path("rules").path("buckets")) {
            JsonNode last = bucket.path("last").path("value");
            counts.put(bucket.path("key").asText(), new Hits(bucket.path("day").path("doc_count").asLong(),
                    bucket.path("week").path("doc_count").asLong(),
                    last.isNumber() ? Instant.ofEpochMilli(last.asLong()) : null));
        }
        return counts;
    }
}
