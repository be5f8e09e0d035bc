package io.newswatch.enricher.kafka;

import io.newswatch.contract.BadEventException;
import io.newswatch.contract.kafka.DeadLetter;
import io.newswatch.kafka.DeadLetters;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.enricher.pipeline.ArticleProcessor;
import io.newswatch.enricher.pipeline.ArticleProcessor.RawRecord;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Reads raw articles a Kafka batch (one poll) at a time, writes enriched ones. Decodes, delegates to
 * {@link ArticleProcessor}, emits. The batch is acknowledged (and so, with the throttled commit strategy, committed)
 * only after Kafka acknowledged every output of it: enriched articles, dead letters and story updates. A record that
 * can never be processed goes to the dead-letter topic with its reason while the rest of the batch proceeds; an
 * output Kafka does not take is written again until it does (the batch waits; at most {@link #IN_FLIGHT_BATCHES}
 * batches wait, then reading waits too), so an outage of any length loses nothing and needs no restart.
 */
@ApplicationScoped
public class RawArticleHandler implements ArticleProcessor.Outputs {

    static final String SERVICE = "enricher";
    /** Batches (of at most max-poll-records) whose outputs may wait for Kafka's acknowledgement at once. */
    static final int IN_FLIGHT_BATCHES = 4;

    private final ArticleProcessor processor;
    private final MutinyEmitter<String> enrichedOut;
    private final MutinyEmitter<Record<String, String>> deadLettersOut;
    private final int maxInFlight;
    private final Semaphore inFlight;

    /*
     * The emitters' buffers are unbounded because the handler bounds them: it takes a batch only while fewer than
     * maxInFlight records wait for Kafka's acknowledgement.
     */
    public RawArticleHandler(ArticleProcessor processor, EnricherConfig config,
                             @Channel("articles-enriched") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                             MutinyEmitter<String> enriched,
                             @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                             MutinyEmitter<Record<String, String>> deadLetters) {
        this.processor = processor;
        this.enrichedOut = enriched;
        this.deadLettersOut = deadLetters;
        this.maxInFlight = IN_FLIGHT_BATCHES * config.kafka().maxPollRecords();
        this.inFlight = new Semaphore(maxInFlight);
    }

    /**
     * Runs on a worker thread, one batch at a time and in order. Returns once the batch's outputs are handed to the
     * producers, so the next batch is enriched while Kafka acknowledges this one; the batch is acknowledged when all
     * its outputs are, or left unacknowledged when one was refused for good or the process stops.
     */
    @Incoming("articles-raw")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        List<RawRecord> records = batch.getRecords().stream().map(RawArticleHandler::raw).toList();
        int permits = Math.min(records.size(), maxInFlight);
        try {
            inFlight.acquire(permits);
        } catch (InterruptedException e) {
            // shutting down: the batch stays unacknowledged and is read again by the next consumer
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> durable;
        try {
            durable = processor.process(records, this);
        } catch (RuntimeException e) {
            inFlight.release(permits);
            throw e;
        }
        durable.whenComplete((v, failure) -> {
            inFlight.release(permits);
            if (failure == null) {
                batch.ack();
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> enriched(String articleId, String json) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder().withKey(articleId).build();
        return enrichedOut.sendMessage(Message.of(json).addMetadata(key)).subscribeAsCompletionStage();
    }

    @Override
    public CompletableFuture<Void> deadLetter(RawRecord record, BadEventException reason) {
        return deadLettersOut.sendMessage(deadLetterMessage(record, reason)).subscribeAsCompletionStage();
    }

    /** The original record, in the {@link DeadLetter} envelope that says why, where from, and that the enricher sent it. */
    static Message<Record<String, String>> deadLetterMessage(RawRecord record, BadEventException reason) {
        DeadLetter letter = new DeadLetter(reason.getMessage(),
                reason.getCause() == null ? null : reason.getCause().getMessage(), record.topic(), record.partition(),
                record.offset(), SERVICE);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withHeaders(DeadLetters.headers(letter, record.headers())).build();
        return Message.of(Record.of(record.key(), record.value())).addMetadata(metadata);
    }

    private static RawRecord raw(KafkaRecord<String, String> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        return new RawRecord(record.getTopic(), record.getPartition(), offset, record.getKey(), record.getPayload(),
                record.getHeaders());
    }
}
