package io.newswatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.stack.StackSetup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When does an article become searchable? Every {@value #EVERY_MS} ms the probe asks Elasticsearch, through the
 * articles alias as Kibana would, which of the articles it follows are there ({@code ids} query, without refresh:
 * what a user would see), and notes the first time each is found together with the {@code fetched} time the poller
 * gave it. The probe's own period adds 0 to {@value #EVERY_MS} ms (half on average) to every figure.
 */
final class SearchProbe implements AutoCloseable {

    static final long EVERY_MS = 200;
    private static final int PER_REQUEST = 1000;

    /** An article found: when the poller fetched it and when the probe first found it. */
    record Found(String id, Instant fetched, Instant found) {
    }

    private final StackSetup elasticsearch;
    private final String alias;
    private final Map<String, Instant> pending = new LinkedHashMap<>();
    private final List<Found> found = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;

    SearchProbe(StackSetup elasticsearch, String alias) {
        this.elasticsearch = elasticsearch;
        this.alias = alias;
    }

    /** Follows one more article (published at {@code at}). */
    void follow(String articleId, Instant at) {
        synchronized (pending) {
            pending.put(articleId, at);
        }
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("bench-search-probe").start(() -> {
            while (running) {
                long began = System.nanoTime();
                probe();
                long wait = EVERY_MS - (System.nanoTime() - began) / 1_000_000;
                try {
                    Thread.sleep(Math.max(wait, 10));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    List<Found> found() {
        synchronized (pending) {
            return List.copyOf(found);
        }
    }

    /** Articles followed and not found (yet). */
    int missing() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private void probe() {
        List<String> ids = new ArrayList<>();
        synchronized (pending) {
            // Oldest first: an article published long ago and still missing is the interesting one.
            for (Iterator<String> it = pending.keySet().iterator(); it.hasNext() && ids.size() < PER_REQUEST; ) {
                ids.add(it.next());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        ObjectNode query = Json.mapper().createObjectNode();
        query.put("size", ids.size());
        query.putArray("_source").add("fetched");
        ArrayNode values = query.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        try {
            var response = elasticsearch.send("POST", "/" + alias + "/_search", query.toString());
            Instant now = Instant.now();
            if (response.status() != 200) {
                return;
            }
            JsonNode hits = Json.mapper().readTree(response.body()).path("hits").path("hits");
            synchronized (pending) {
                for (JsonNode hit : hits) {
                    String id = hit.path("_id").asText();
                    if (pending.remove(id) != null) {
                        JsonNode fetched = hit.path("_source").path("fetched");
                        found.add(new Found(id, instant(fetched), now));
                    }
                }
            }
        } catch (Exception e) {
            // Elasticsearch busy: the next probe asks again, and the delay counts against the pipeline
        }
    }

    /** A date as the index holds it: ISO-8601 text, or epoch milliseconds. */
    static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        if (!value.isTextual()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
