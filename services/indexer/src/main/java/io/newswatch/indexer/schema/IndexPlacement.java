package io.newswatch.indexer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexOperation;
import io.newswatch.indexer.index.TopicIndexer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps one document per id across rollovers. A write through the alias lands in the current write index; an
 * article that was first indexed before a rollover lives in an older index, and writing its new revision through
 * the alias would make a second document with the same id. So, when the alias has older indices, their documents
 * with the batch's ids are looked up first, and those ids are written in place, into the index that holds them.
 *
 * <p>Searches on the older indices see every document: they take no new writes except these updates, and the
 * indexer refreshes an index right after rolling it over.
 *
 * <p>The alias's older indices are read once per {@code maxAge} (a {@code GET /_alias} per bulk request cost
 * Elasticsearch about 1.7 ms of CPU each, several a second at 100 articles/s); a rollover by this instance forgets
 * them at once ({@link #forget}), one by another instance is seen within {@code maxAge}.
 */
public final class IndexPlacement implements TopicIndexer.Placement {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDS_PER_SEARCH = 1000;

    private final ElasticsearchHttp http;
    private final boolean enabled;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Older> older = new ConcurrentHashMap<>();
    /** Counts {@link #forget}s: an answer read across one is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    /** The older indices of an alias, as read at {@code readAt} ({@link System#nanoTime()}). */
    private record Older(List<String> indices, long readAt) {
    }

    public IndexPlacement(ElasticsearchHttp http, boolean enabled, Duration maxAge) {
        this(http, enabled, maxAge, System::nanoTime);
    }

    IndexPlacement(ElasticsearchHttp http, boolean enabled, Duration maxAge, LongSupplier nanoTime) {
        this.http = http;
        this.enabled = enabled;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Forgets what the alias's indices were, after this instance rolled it over. */
    public void forget(String alias) {
        forgotten.incrementAndGet();
        older.remove(alias);
    }

    @Override
    public List<IndexOperation> place(List<IndexOperation> operations) throws IOException {
        if (!enabled || operations.isEmpty()) {
            return operations;
        }
        String alias = operations.getFirst().alias();
        List<String> older = cachedOlderIndices(alias);
        if (older.isEmpty()) {
            return operations;
        }
        Map<String, String> homes = new HashMap<>();
        for (int from = 0; from < operations.size(); from += IDS_PER_SEARCH) {
            homes.putAll(lookUp(older, operations.subList(from, Math.min(operations.size(), from + IDS_PER_SEARCH))));
        }
        if (homes.isEmpty()) {
            return operations;
        }
        List<IndexOperation> placed = new ArrayList<>(operations.size());
        for (IndexOperation operation : operations) {
            String home = homes.get(operation.id());
            placed.add(home == null ? operation : operation.inIndex(home));
        }
        return placed;
    }

    private List<String> cachedOlderIndices(String alias) throws IOException {
        long now = nanoTime.getAsLong();
        Older known = older.get(alias);
        if (known != null && now - known.readAt() < maxAgeNanos) {
            return known.indices();
        }
        long generation = forgotten.get();
        List<String> indices = olderIndices(alias);
        if (indices != null && generation == forgotten.get()) {
            older.put(alias, new Older(indices, now));
        }
        return indices == null ? List.of() : indices;
    }

    /** The indices behind the alias that are not its write index; null while the alias does not exist. */
    List<String> olderIndices(String alias) throws IOException {
        ElasticsearchHttp.Response response = http.send("GET", "/_alias/" + alias, null);
        if (response.status() == 404) {
            return null; // the alias is being recreated; the bulk write notices and waits
        }
        expectOk(response, "reading alias " + alias);
        List<String> older = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> indices = JSON.readTree(response.body()).fields();
        while (indices.hasNext()) {
            Map.Entry<String, JsonNode> index = indices.next();
            if (!index.getValue().path("aliases").path(alias).path("is_write_index").asBoolean(false)) {
                older.add(index.getKey());
            }
        }
        return older;
    }

    private Map<String, String> lookUp(List<String> indices, List<IndexOperation> operations) throws IOException {
        ObjectNode query = JsonNodeFactory.instance.objectNode();
        query.put("size", operations.size());
        query.put("_source", false);
        ArrayNode ids = query.putObject("query").putObject("ids").putArray("values");
        operations.forEach(operation -> ids.add(operation.id()));
        ElasticsearchHttp.Response response = http.send("POST", "/" + String.join(",", indices)
                + "/_search?ignore_unavailable=true&filter_path=hits.hits._id,hits.hits._index", query.toString());
        expectOk(response, "looking up ids in " + indices);
        Map<String, String> homes = new HashMap<>();
        for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
            homes.put(hit.path("_id").asText(), hit.path("_index").asText());
        }
        return homes;
    }

    private static void expectOk(ElasticsearchHttp.Response response, String what) throws IOException {
        if (!response.ok()) {
            // Treated as transient: the alias and its indices are the indexer's own, so a refusal here is passing.
            throw new IOException(what + " failed with HTTP " + response.status() + ": " + response.body());
        }
    }
}
