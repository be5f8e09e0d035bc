package io.newswatch.indexer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.indexer.bulk.ElasticsearchHttp;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rolls an alias over to a fresh index when its write index passes a size or age threshold, with Elasticsearch's
 * conditional {@code _rollover}: Elasticsearch evaluates the conditions and rolls over atomically, so several
 * indexers checking at once roll over once. The minimal local Elasticsearch has no ILM; this works on both.
 *
 * @param maxAge                 roll over when the write index is older than this
 * @param maxPrimaryShardSizeBytes roll over when its primary shard is larger than this
 * @param maxDocs                roll over when it holds this many documents, if set
 */
public record Rollover(Duration maxAge, long maxPrimaryShardSizeBytes, OptionalLong maxDocs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body of the {@code _rollover} request. */
    String conditions() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode conditions = body.putObject("conditions");
        conditions.put("max_age", maxAge.toSeconds() + "s");
        conditions.put("max_primary_shard_size", maxPrimaryShardSizeBytes + "b");
        maxDocs.ifPresent(docs -> conditions.put("max_docs", docs));
        return body.toString();
    }

    /**
     * Checks the conditions on the alias and rolls it over if one is met. After a rollover the old index is
     * refreshed, so that the in-place updates of {@link IndexPlacement} find every document it holds.
     *
     * @return the new write index, when the alias was rolled over
     * @throws IOException when Elasticsearch cannot be reached or refuses
     */
    public Optional<String> check(ElasticsearchHttp http, String alias) throws IOException {
        ElasticsearchHttp.Response response = http.send("POST", "/" + alias + "/_rollover", conditions());
        if (!response.ok()) {
            throw new IOException("rollover of " + alias + " failed with HTTP " + response.status() + ": "
                    + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        if (!answer.path("rolled_over").asBoolean(false)) {
            return Optional.empty();
        }
        http.send("POST", "/" + answer.path("old_index").asText() + "/_refresh", null);
        return Optional.of(answer.path("new_index").asText());
    }
}
