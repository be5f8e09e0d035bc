package io.newswatch.bench;

import io.newswatch.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each article was produced to the raw and to the enriched topic (the records' timestamps, which the producers
 * set when they send), by article id (the key of both): with the alert's {@code articleFetched} and
 * {@code timestamp} and the webhook's receipt, where the time from poll to webhook goes, hop by hop. Reads keys and
 * timestamps only; values are not decoded.
 */
final class HopTimes implements AutoCloseable {

    private final Map<String, Instant> raw = new HashMap<>();
    private final Map<String, Instant> enriched = new HashMap<>();
    private final KafkaConsumer<String, Void> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final String rawTopic;

    HopTimes(KafkaClients kafka, String rawTopic, String enrichedTopic) {
        this.rawTopic = rawTopic;
        consumer = kafka.tableConsumer("newswatch-bench-hops", new StringDeserializer(), (topic, data) -> null);
        for (String topic : List.of(rawTopic, enrichedTopic)) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
    }

    /**
     * Reads both topics from their start to their end as it is now. Called once the window is over, so that reading
     * every article twice more adds nothing to the CPU the window measures (read during the run, it did).
     */
    private void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!reached(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Void> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key() != null) {
                    (record.topic().equals(rawTopic) ? raw : enriched)
                            .putIfAbsent(record.key(), Instant.ofEpochMilli(record.timestamp()));
                }
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** When an article was sent to the raw topic and to the enriched topic (either null if not seen). */
    record Sent(Instant raw, Instant enriched) {
    }

    /** The send times of these articles, of those seen on both topics. */
    Map<String, Sent> sent(Collection<String> articleIds) {
        readToEnd();
        Map<String, Sent> sent = new HashMap<>();
        for (String id : articleIds) {
            Instant r = raw.get(id);
            Instant e = enriched.get(id);
            if (r != null && e != null) {
                sent.put(id, new Sent(r, e));
            }
        }
        return sent;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
