package io.newswatch.enricher.pipeline;

import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Enricher;
import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.kafka.DurableWrites;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Enriches a batch of raw records for the Kafka handler: decodes and checks each, runs the {@link Enricher}, assigns
 * its story, counts, and hands the results to {@link Outputs}. A record that cannot be decoded, comes from a newer
 * schema, or makes the enricher throw is a bad record (the same input would fail again): it goes to the dead-letter
 * output and the rest of the batch proceeds. Outputs are written through {@link DurableWrites}: while Kafka is away
 * they are written again until it takes them (the batch waits, bounded by the handler's in-flight limit); an
 * enriched article Kafka can never take (larger than the topic allows) sends its input to the dead-letter output.
 */
@ApplicationScoped
public class ArticleProcessor {

    private final Enricher enricher;
    private final StoryAssigner stories;
    private final EnricherMetrics metrics;
    private final DurableWrites writes;

    public ArticleProcessor(Enricher enricher, StoryAssigner stories, EnricherMetrics metrics, DurableWrites writes) {
        this.enricher = enricher;
        this.stories = stories;
        this.metrics = metrics;
        this.writes = writes;
    }

    /**
     * One record of the raw topic.
     *
     * @param topic     where it was read
     * @param partition its partition
     * @param offset    its offset
     * @param key       its key (the article id), may be null
     * @param value     its value (Article JSON), may be null
     * @param headers   its headers, kept on a dead letter
     */
    public record RawRecord(String topic, int partition, long offset, String key, String value, Headers headers) {
    }

    /** Where the results of a batch go; each future completes when Kafka acknowledged the record (one attempt). */
    public interface Outputs {

        /** Sends an enriched article, keyed by its id. */
        CompletableFuture<Void> enriched(String articleId, String json);

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
        List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size() + 1);
        for (RawRecord record : batch) {
            EnrichedArticle enriched;
            try {
                enriched = enrich(Json.decode(record.value(), Article.class));
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
            String json = Json.encode(enriched);
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

    private EnrichedArticle enrich(Article article) {
        if (article.schemaVersion() > Article.SCHEMA_VERSION) {
            throw new BadEventException("article schema version " + article.schemaVersion()
                    + " is newer than this enricher understands (" + Article.SCHEMA_VERSION + ")");
        }
        long started = System.nanoTime();
        EnrichedArticle enriched;
        try {
            enriched = enricher.enrich(article, stories);
        } catch (RuntimeException e) {
            Log.errorf(e, "Enrichment failed for article %s (%s)", article.id(), article.url());
            throw new BadEventException("enrichment failed: " + e, e);
        }
        metrics.enriched(enriched, System.nanoTime() - started);
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
