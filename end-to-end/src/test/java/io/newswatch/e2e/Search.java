package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.stack.StackSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What an analyst would ask Elasticsearch (with curl or Kibana), for assertions. */
final class Search {

    private final StackSetup elasticsearch;

    Search(StackSetup elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** Hits of a query-string search (the {@code ?q=} of curl and the search bar of Kibana), after a refresh. */
    JsonNode hits(String index, String query, int size) {
        send("POST", "/" + index + "/_refresh", null);
        JsonNode answer = send("GET", "/" + index + "/_search?size=" + size + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
        return answer.path("hits");
    }

    /**
     * The {@code _id} of every document behind an index or alias (at most 10,000), refreshed first. An id that
     * appears twice is a duplicate across the indices of the alias (an article indexed again after a rollover).
     */
    List<String> ids(String index) {
        send("POST", "/" + index + "/_refresh", null);
        JsonNode answer = send("POST", "/" + index + "/_search",
                "{\"size\": 10000, \"_source\": false, \"query\": {\"match_all\": {}}}");
        List<String> ids = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    /** Number of documents matching a query-string search. */
    long count(String index, String query) {
        return hits(index, query, 0).path("total").path("value").asLong();
    }

    /** The document with this id, or a missing node. */
    JsonNode document(String index, String id) {
        JsonNode hits = hits(index, "id:" + id, 1).path("hits");
        return hits.isEmpty() ? MissingNode.getInstance() : hits.get(0).path("_source");
    }

    private JsonNode send(String method, String path, String body) {
        try {
            ElasticsearchSchema.Response response = elasticsearch.send(method, path, body);
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
