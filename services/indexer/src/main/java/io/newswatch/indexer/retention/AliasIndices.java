package io.newswatch.indexer.retention;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.indexer.bulk.ElasticsearchHttp;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the indices behind an alias with what retention needs to know of each: which one is the write index (from
 * the alias), when each was rolled over and its ILM settings (from the cluster state's index metadata, which needs
 * the cluster privilege {@code monitor}).
 */
public final class AliasIndices {

    private final ElasticsearchHttp http;

    public AliasIndices(ElasticsearchHttp http) {
        this.http = http;
    }

    /**
     * The indices behind {@code alias}, by name; empty when the alias does not exist (yet).
     *
     * @throws IOException when Elasticsearch cannot be reached or refuses
     */
    public List<AliasIndex> read(String alias) throws IOException {
        ElasticsearchHttp.Response aliases = http.send("GET", "/_alias/" + alias, null);
        if (aliases.status() == 404) {
            return List.of();
        }
        expectOk(aliases, "reading alias " + alias);
        JsonNode members = Json.mapper().readTree(aliases.body());
        List<String> names = new ArrayList<>();
        members.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return List.of();
        }
        ElasticsearchHttp.Response state = http.send("GET", "/_cluster/state/metadata/" + String.join(",", names)
                + "?filter_path=metadata.indices.*.rollover_info,metadata.indices.*.settings.index.lifecycle", null);
        expectOk(state, "reading the metadata of the indices behind " + alias);
        JsonNode metadata = Json.mapper().readTree(state.body()).path("metadata").path("indices");
        List<AliasIndex> indices = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            boolean write = members.path(name).path("aliases").path(alias).path("is_write_index").asBoolean(false);
            JsonNode index = metadata.path(name);
            JsonNode rollover = index.path("rollover_info").path(alias).path("time");
            JsonNode lifecycle = index.path("settings").path("index").path("lifecycle");
            indices.add(new AliasIndex(name, write,
                    rollover.canConvertToLong() ? Optional.of(Instant.ofEpochMilli(rollover.asLong())) : Optional.empty(),
                    text(lifecycle.path("name")),
                    text(lifecycle.path("origination_date")).map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)))));
        }
        return indices;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    static void expectOk(ElasticsearchHttp.Response response, String what) throws IOException {
        if (!response.ok()) {
            throw new IOException(what + " failed with HTTP " + response.status() + ": " + response.body());
        }
    }
}
