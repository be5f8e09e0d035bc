package io.newswatch.enricher.pipeline;

import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.kafka.DurableWrites;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Tagging;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Enriches a batch of raw records for the Kafka handler: decodes and checks each, runs the {@link Enricher}, assigns
 * its story, counts, and hands the results to {@link Outputs}. A record that cannot be decoded, comes from a newer
 * schema, or makes the enricher throw is a bad record (the same input would fail again): it goes to the dead-letter
 * output and the rest of the batch proceeds. Outputs are written through {@link DurableWrites}: while Kafka is away
 * they are written again until it takes them (the batch waits, bounded by the handler's in-flight limit); an
 * enriched article Kafka can never take (larger than the topic allows) sends its input to the dead-letter output.
 *
 * <p>Tagging is stateless: with {@code newswatch.enricher.workers} above 1, a batch's records are decoded and tagged
 * on that many threads, while the batch's own thread assigns their stories and sends them in the batch's order as
 * they come (the same stories, outputs and acknowledgements as on one thread).
 */
@ApplicationScoped
public class ArticleProcessor {

    private final Enricher enricher;
    private final StoryAssigner stories;
    private final EnricherMetrics metrics;
    private final DurableWrites writes;
    /** Threads that decode and tag a batch's records; null with one worker (the batch's thread tags). */
    private final ExecutorService taggers;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public ArticleProcessor(Enricher enricher, StoryAssigner stories, EnricherMetrics metrics, DurableWrites writes,
                            EnricherConfig config) {
        this.enricher = enricher;
        this.stories = stories;
        this.metrics = metrics;
        this.writes = writes;
        int workers = config.workers();
        this.taggers = workers <= 1 ? null : Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().name("enricher-tagging-", 1).daemon().factory());
    }

    /**
     * One record of the raw topic.
     *
     * @param topic     where it was read
     * @param partition its partition
     * @param offset    its offset
     * @param key       its key (the article id), may be null
     * @param value     its value (Article JSON, UTF-8 bytes as Kafka carries them: decoded without a string first),
     *                  may be null
     * @param headers   its headers, kept on a dead letter
     */
    public record RawRecord(String topic, int partition, long offset, String key, byte[] value, Headers headers) {
    }

    /** Where the results of a batch go; each future completes when Kafka acknowledged the record (one attempt). */
    public interface Outputs {

        /** Sends an enriched article (UTF-8 JSON), keyed by its id. */
        CompletableFuture<Void> enriched(String articleId, byte[] json);

        /** Sends a record that cannot be processed to the dead-letter topic, with the reason. */
        CompletableFuture<Void> deadLetter(RawRecord record, BadEventException reason);
    }

    /**
     * Processes a batch in order and sends its outputs.
     *
     * @return completes when every output of the batch (enriched articles, dead letters and the batch's story
     * updates) is acknowledged, so the batch may be committed; fails only if a dead letter was refused for good or
     * the process is stopping (logged and counted here): the batch then stays uncommitted and is read again
     */
    public CompletableFuture<Void> process(List<RawRecord> batch, Outputs outputs) {
        List<CompletableFuture<Tagged>> tagged = new ArrayList<>(batch.size());
        if (taggers != null) {
            batch.forEach(record -> tagged.add(CompletableFuture.supplyAsync(() -> tag(record), taggers)));
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size() + 1);
        for (int i = 0; i < batch.size(); i++) {
            RawRecord record = batch.get(i);
            EnrichedArticle enriched;
            try {
                enriched = enrich(taggers == null ? tag(record) : join(tagged.get(i)));
            } catch (BadEventException e) {
                sent.add(deadLetter(record, e, outputs));
                continue;
            } catch (RuntimeException e) {
                Log.errorf(e, "Raw article %s at %s-%d@%d could not be processed", record.key(), record.topic(),
                        record.partition(), record.offset());
                sent.add(deadLetter(record, new BadEventException("processing failed: " + e, e), outputs));
                continue;
            }
            String id = enriched.id();
            byte[] json = Json.encodeBytes(enriched);
            sent.add(writes.write(() -> outputs.enriched(id, json), "enriched article " + id)
                    .exceptionallyCompose(failure -> {
                        if (!DurableWrites.refusedForGood(failure)) {
                            return CompletableFuture.failedFuture(failure); // stopping: read again after a restart
                        }
                        metrics.produceFailed();
                        return deadLetter(record, new BadEventException("Kafka refuses the enriched article for good: "
                                + failure.getMessage(), failure), outputs);
                    }));
        }
        sent.add(stories.flush());
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /**
     * Stops the tagging threads at shutdown once the records handed to them are tagged (the batch's thread waits for
     * them; a batch whose outputs are not written then stays unacknowledged and is read again).
     */
    @PreDestroy
    void stop() {
        if (taggers != null) {
            taggers.shutdown();
        }
    }

    /**
     * A record decoded and tagged, which is stateless (any thread, any order): the article, what was found in it and
     * the CPU time that took; or why the record is bad.
     */
    private record Tagged(Article article, Tagging tagging, long cpuNanos, BadEventException bad) {
    }

    private Tagged tag(RawRecord record) {
        long started = THREADS.getCurrentThreadCpuTime();
        Article article;
        try {
            article = Json.decode(record.value(), Article.class);
        } catch (BadEventException e) {
            return new Tagged(null, null, 0, e);
        }
        if (article.schemaVersion() > Article.SCHEMA_VERSION) {
            return new Tagged(article, null, 0, new BadEventException("article schema version "
                    + article.schemaVersion() + " is newer than this enricher understands (" + Article.SCHEMA_VERSION
                    + ")"));
        }
        try {
            Tagging tagging = enricher.tag(article);
            return new Tagged(article, tagging, THREADS.getCurrentThreadCpuTime() - started, null);
        } catch (RuntimeException e) {
            Log.errorf(e, "Enrichment failed for article %s (%s)", article.id(), article.url());
            return new Tagged(article, null, 0, new BadEventException("enrichment failed: " + e, e));
        }
    }

    /** The tagging's result; what a tagging thread threw (not a bad record: an error) is thrown here. */
    private static Tagged join(CompletableFuture<Tagged> tagged) {
        try {
            return tagged.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Assigns the tagged article's story, on the batch's thread and in the batch's order (so stories are the same
     * whichever thread tagged) and makes the enriched article ({@link Enricher#enriched}).
     */
    private EnrichedArticle enrich(Tagged tagged) {
        if (tagged.bad() != null) {
            throw tagged.bad();
        }
        long started = THREADS.getCurrentThreadCpuTime();
        Article article = tagged.article();
        Tagging tagging = tagged.tagging();
        EnrichedArticle enriched;
        try {
            enriched = enricher.enriched(article, tagging, stories);
        } catch (RuntimeException e) {
            Log.errorf(e, "Enrichment failed for article %s (%s)", article.id(), article.url());
            throw new BadEventException("enrichment failed: " + e, e);
        }
        metrics.enriched(enriched, tagged.cpuNanos() + THREADS.getCurrentThreadCpuTime() - started);
        Log.debugf("Enriched article %s: %d entities, %d topics, story %s", article.id(), enriched.entities().size(),
                enriched.topics().size(), enriched.story().id());
        return enriched;
    }

    private CompletableFuture<Void> deadLetter(RawRecord record, BadEventException reason, Outputs outputs) {
        metrics.deadLettered();
        Log.warnf("Raw article %s at %s-%d@%d sent to the dead-letter topic: %s", record.key(), record.topic(),
                record.partition(), record.offset(), reason.getMessage());
        String what = "dead letter of " + record.topic() + "-" + record.partition() + "@" + record.offset();
        return writes.write(() -> outputs.deadLetter(record, reason), what).whenComplete((v, failure) -> {
            if (failure != null && DurableWrites.refusedForGood(failure)) {
                metrics.produceFailed();
                Log.errorf(failure, "The %s cannot be written; its batch stays uncommitted", what);
            }
        });
    }
}
