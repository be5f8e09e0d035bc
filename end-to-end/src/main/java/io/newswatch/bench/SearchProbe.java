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
 * When does an article become searchable? Every {@value #EVERY_MS} ms, while it follows an article not found yet,
 * the probe asks Elasticsearch, through the articles alias as Kibana would, which of the articles it follows are
 * there ({@code ids} query, without refresh: what a user would see; the {@code fetched} time from doc values, not
 * the stored source), and notes the first time each is found together with the {@code fetched} time the poller gave
 * it. The probe's own period adds 0 to {@value #EVERY_MS} ms (half on average) to every figure.
 *
 * <p>The probe costs Elasticsearch CPU that the product does not spend (about 9 ms per request at 20 ids when
 * measured alone), so the bench follows a sample of the articles only, counts the probe's requests, and
 * {@link #calibrate measures} the cost of one before publishing starts, to report Elasticsearch's CPU without it.
 */
final class SearchProbe implements AutoCloseable {

    static final long EVERY_MS = 500;
    private static final int PER_REQUEST = 1000;

    /** An article found: when the poller fetched it and when the probe first found it. */
    record Found(String id, Instant fetched, Instant found) {
    }

    private final StackSetup elasticsearch;
    private final String alias;
    private final Map<String, Instant> pending = new LinkedHashMap<>();
    private final List<Found> found = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
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
        thread = Thread.ofPlatform().daemon().name("bench-search-probe").start(this::loop);
    }

    private void loop() {
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
    }

    /** Requests sent to Elasticsearch so far. */
    long requests() {
        return requests.get();
    }

    /**
     * Elasticsearch's CPU milliseconds per probe request: its CPU over {@code each} without the probe, then over
     * {@code each} with the probe asking for {@code ids} articles that are not there (as while articles are on their
     * way), before the probe is started for real. NaN when the process cannot be read or the difference is lost in
     * noise (negative).
     */
    double calibrate(long elasticsearchPid, java.time.Duration each, int ids) throws InterruptedException {
        var idleFrom = ProcessStats.read(elasticsearchPid);
        Thread.sleep(each.toMillis());
        var idleTo = ProcessStats.read(elasticsearchPid);
        synchronized (pending) {
            for (int i = 0; i < ids; i++) {
                pending.put("bench-probe-calibration-" + i, Instant.now());
            }
        }
        long requestsFrom = requests.get();
        var probeFrom = ProcessStats.read(elasticsearchPid);
        running = true;
        Thread calibration = Thread.ofPlatform().daemon().name("bench-search-probe-calibration").start(this::loop);
        Thread.sleep(each.toMillis());
        running = false;
        calibration.interrupt();
        calibration.join();
        var probeTo = ProcessStats.read(elasticsearchPid);
        long sent = requests.get() - requestsFrom;
        synchronized (pending) {
            pending.keySet().removeIf(id -> id.startsWith("bench-probe-calibration-"));
        }
        if (idleFrom.isEmpty() || idleTo.isEmpty() || probeFrom.isEmpty() || probeTo.isEmpty() || sent == 0) {
            return Double.NaN;
        }
        double idle = idleTo.get().cpuSeconds() - idleFrom.get().cpuSeconds();
        double probing = probeTo.get().cpuSeconds() - probeFrom.get().cpuSeconds();
        double perRequest = 1000 * (probing - idle) / sent;
        return perRequest >= 0 ? perRequest : Double.NaN;
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
        query.put("_source", false);
        query.putArray("docvalue_fields").addObject().put("field", "fetched").put("format", "epoch_millis");
        ArrayNode values = query.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        try {
            requests.incrementAndGet();
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
                        JsonNode fetched = hit.path("fields").path("fetched").path(0);
                        found.add(new Found(id, instant(fetched), now));
                    }
                }
            }
        } catch (Exception e) {
            // Elasticsearch busy: the next probe asks again, and the delay counts against the pipeline
        }
    }

    /** A date as the index holds it: ISO-8601 text, or epoch milliseconds (a number, or text of digits). */
    static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        if (!value.isTextual()) {
            return null;
        }
        if (value.asText().matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(value.asText()));
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
