package io.newswatch.enricher.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.kafka.DurableWrites;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.kb.KnowledgeBase;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.topic.Taxonomy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the {@link Enricher} once at start from the shipped and configured files. A broken file stops the start
 * with a message naming the file and line (a fatal configuration error, not something to retry). Also the
 * {@link DurableWrites} every output goes through.
 */
@ApplicationScoped
public class EnricherProducer {

    /** The longest wait between two attempts to write an output while Kafka is away. */
    static final Duration WRITE_RETRY_MAX = Duration.ofSeconds(30);

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("enricher-write-retries").daemon().factory());

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Loads the knowledge base at start, not on the first article: a broken file must stop the start. */
    void onStart(@Observes StartupEvent event, Enricher enricher) {
        Log.debugf("Enricher ready: %s", enricher.describe());
    }

    /** Outputs Kafka did not take are written again, from 1 s apart up to {@link #WRITE_RETRY_MAX}, until it does. */
    @Produces
    @Singleton
    DurableWrites writes(MeterRegistry registry) {
        DurableWrites writes = new DurableWrites(retries, Duration.ofSeconds(1), WRITE_RETRY_MAX);
        Gauge.builder("newswatch.enricher.writes.pending", writes, DurableWrites::pending)
                .description("Outputs (enriched articles, dead letters, story updates) waiting for Kafka to take them")
                .register(registry);
        return writes;
    }

    /** Outputs still waiting fail on their next retry: their batches stay uncommitted and are read again. */
    void onStop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }

    @Produces
    @Singleton
    Enricher enricher(EnricherConfig config, Clock clock) {
        long started = System.nanoTime();
        KnowledgeBase kb = KnowledgeBaseLoader.load(config.knowledgeBase().extraFiles().orElse(List.of()));
        Taxonomy taxonomy = Taxonomy.load(config.taxonomy().extraFiles().orElse(List.of()));
        Enricher enricher = new Enricher(kb, taxonomy, clock);
        Log.infof("Knowledge base and taxonomy loaded in %d ms: %s, about %d KiB compiled",
                (System.nanoTime() - started) / 1_000_000, enricher.describe(), enricher.compiledBytes() / 1024);
        return enricher;
    }
}
