package io.newswatch.enricher.pipeline;

import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Enricher;
import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
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
 * output and the rest of the batch proceeds.
 */
@ApplicationScoped
public class ArticleProcessor {

    private final Enricher enricher;
    private final StoryAssigner stories;
    private final EnricherMetrics metrics;

    public ArticleProcessor(Enricher enricher, StoryAssigner stories, EnricherMetrics metrics) {
        this.enricher = enricher;
        this.stories = stories;
        this.metrics = metrics;
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

    /** Where the results of a batch go; each future completes when Kafka acknowledged the record. */
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
     * updates) is acknowledged, so the batch may be committed; fails if any was refused (the failure is logged and
     * counted here)
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
            sent.add(outputs.enriched(id, Json.encodeBytes(enriched)).whenComplete((v, failure) -> {
                if (failure != null) {
                    metrics.produceFailed();
                    Log.errorf(failure, "Kafka did not accept enriched article %s; its input stays uncommitted and "
                            + "will be processed again after a restart", id);
                }
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
        return outputs.deadLetter(record, reason).whenComplete((v, failure) -> {
            if (failure != null) {
                Log.errorf(failure, "Kafka did not accept the dead letter of %s-%d@%d; its batch stays uncommitted",
                        record.topic(), record.partition(), record.offset());
            }
        });
    }
}
