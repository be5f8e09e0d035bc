package io.newswatch.indexer.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The numbers ops need about one alias ({@code index="articles"} or {@code "alerts"}): documents by outcome, bulk
 * requests and their latency, retries by reason, how long writes have been failing, and how fresh the indexed
 * documents are.
 */
public final class IndexingMetrics {

    private final MeterRegistry registry;
    private final String index;
    private final Clock clock;
    private final Counter indexed;
    private final Counter stale;
    private final Counter deadLettered;
    private final DistributionSummary requestDocuments;
    private final DistributionSummary requestBytes;
    private final Timer freshness;
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();

    public IndexingMetrics(MeterRegistry registry, String index, Clock clock) {
        this.registry = registry;
        this.index = index;
        this.clock = clock;
        this.indexed = documents("indexed");
        this.stale = documents("stale");
        this.deadLettered = documents("dead_lettered");
        this.requestDocuments = DistributionSummary.builder("newswatch.indexer.bulk.documents")
                .description("Documents per bulk request").tag("index", index).register(registry);
        this.requestBytes = DistributionSummary.builder("newswatch.indexer.bulk.bytes").baseUnit("bytes")
                .description("Body size of bulk requests").tag("index", index).register(registry);
        this.freshness = Timer.builder("newswatch.indexer.freshness")
                .description("From the event's origin (the article's fetch, the alert's raising) to the document "
                        + "being acknowledged by Elasticsearch")
                .tag("index", index).publishPercentiles(0.5, 0.95, 0.99).register(registry);
        Gauge.builder("newswatch.indexer.failing.seconds", this, IndexingMetrics::failingSeconds)
                .description("How long writes to Elasticsearch have been failing and retried (0 when they succeed)")
                .tag("index", index).register(registry);
    }

    private Counter documents(String outcome) {
        return Counter.builder("newswatch.indexer.documents")
                .description("Documents by outcome: indexed, stale (a newer version was already indexed), "
                        + "dead_lettered (undecodable or rejected by Elasticsearch, sent to the dead-letter topic)")
                .tags("index", index, "outcome", outcome).register(registry);
    }

    void bulkRequest(int documents, int bytes, Duration took, String outcome) {
        requestDocuments.record(documents);
        requestBytes.record(bytes);
        Timer.builder("newswatch.indexer.bulk.requests").description("Bulk requests by outcome, with their latency")
                .tags("index", index, "outcome", outcome).register(registry).record(took);
    }

    /**
     * A retry of a transient failure; starts the failing clock.
     *
     * @param reason the kind, the {@code reason} tag (blocked, forbidden, unreachable...)
     * @param detail what Elasticsearch said, for the readiness check
     */
    public void retry(String reason, String detail) {
        Counter.builder("newswatch.indexer.retries")
                .description("Retries of transient failures by reason (unreachable, client_error, overloaded, "
                        + "server_error, unavailable, auth, forbidden, blocked, index_closed, alias_missing, "
                        + "no_write_index, dead_letter_topic)")
                .tags("index", index, "reason", reason).register(registry).increment();
        failure.set(reason + ": " + detail);
        failingSince.compareAndSet(null, clock.instant());
    }

    /** Writes succeed again; returns how long they had been failing, if they had. */
    public Duration recovered() {
        Instant since = failingSince.getAndSet(null);
        failure.set(null);
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    /** The latest transient failure while writes are failing ("blocked: HTTP 403 cluster_block_exception: ..."). */
    public String failure() {
        return failure.get();
    }

    /** Documents written (or found already newer). */
    public void written(int indexedCount, int staleCount) {
        indexed.increment(indexedCount);
        stale.increment(staleCount);
    }

    /** Documents sent to the dead-letter topic. */
    public void deadLettered(int count) {
        deadLettered.increment(count);
    }

    /** The age of a document's origin when it was acknowledged. */
    public void fresh(Instant origin) {
        if (origin != null) {
            Duration age = Duration.between(origin, clock.instant());
            freshness.record(age.isNegative() ? Duration.ZERO : age);
        }
    }

    /** Since when writes have been failing; null when they are not. */
    public Instant failingSince() {
        return failingSince.get();
    }

    private double failingSeconds() {
        Instant since = failingSince.get();
        return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }
}
