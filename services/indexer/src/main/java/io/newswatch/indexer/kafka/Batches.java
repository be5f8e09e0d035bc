package io.newswatch.indexer.kafka;

import io.newswatch.indexer.index.SourceRecord;
import io.newswatch.indexer.index.TopicIndexer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What both consumers do with a batch: index it, then acknowledge it. */
final class Batches {

    private Batches() {
    }

    /**
     * Indexes the batch and acknowledges it once every record is durable. When the service shuts down first, the
     * batch is neither acknowledged nor failed (failing would dead-letter it): its offsets stay uncommitted and the
     * next consumer of the partitions reads it again.
     */
    static CompletionStage<Void> indexThenAck(KafkaRecordBatch<String, String> batch, TopicIndexer indexer) {
        List<SourceRecord> records = batch.getRecords().stream()
                .map(Batches::sourceRecord).toList();
        try {
            indexer.index(records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CompletableFuture<>();
        }
        return batch.ack();
    }

    /**
     * {@link #indexThenAck} with the channel's fetching stopped while every worker holds a batch ({@link FetchGate}).
     * The batch counts as finished once acknowledged or failed; a batch left unacknowledged at shutdown stays counted.
     */
    static CompletionStage<Void> indexThenAck(KafkaRecordBatch<String, String> batch, TopicIndexer indexer,
                                              FetchGate gate) {
        gate.started();
        CompletionStage<Void> acked;
        try {
            acked = indexThenAck(batch, indexer);
        } catch (RuntimeException | Error e) {
            gate.finished();
            throw e;
        }
        return acked.whenComplete((ignored, failure) -> gate.finished());
    }

    private static SourceRecord sourceRecord(KafkaRecord<String, String> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        return new SourceRecord(record.getTopic(), record.getPartition(), offset, record.getKey(), record.getPayload(),
                record.getHeaders());
    }
}
