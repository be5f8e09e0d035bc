package io.newswatch.indexer.retention;

import io.newswatch.indexer.bulk.ElasticsearchHttp;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the indices past their period itself, where the cluster has no ILM (the local stack's minimal
 * Elasticsearch). Several indexers may do this at once: an index another one deleted first answers 404 and is not
 * counted again.
 */
public final class IndexerDeletion implements RetentionStrategy {

    private final ElasticsearchHttp http;

    public IndexerDeletion(ElasticsearchHttp http) {
        this.http = http;
    }

    @Override
    public List<String> apply(RetentionPolicy policy, List<AliasIndex> indices, Instant now) throws IOException {
        List<String> deleted = new ArrayList<>();
        for (AliasIndex index : policy.pastPeriod(indices, now)) {
            ElasticsearchHttp.Response response = http.send("DELETE", "/" + index.name(), null);
            if (response.ok()) {
                deleted.add(index.name());
            } else if (response.status() != 404) {
                AliasIndices.expectOk(response, "deleting index " + index.name());
            }
        }
        return deleted;
    }

    @Override
    public String name() {
        return "indexer";
    }
}
