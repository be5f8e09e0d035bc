package io.newswatch.poller.state;

import io.newswatch.poller.http.UrlSecrets;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads a whole compacted topic, all partitions, from the beginning and then follows it: the topic as a table,
 * the way Kafka Streams reads a global table. No consumer group and no committed offsets: every instance keeps
 * its own complete copy, rebuilt at each start. This is how the poller's registry and per-feed state survive
 * restarts and move between instances with nothing kept on disk.
 *
 * <p>A plain Kafka consumer rather than a Reactive Messaging channel, because a table needs what a channel does
 * not give: every partition whatever the group does, a fresh read from offset 0, and knowing when the read has
 * caught up with the end of the topic.
 */
public final class CompactedTopicReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicReader.class);

    /** Receives each record: key, value (null for a tombstone), partition. Called on the reader's thread. */
    @FunctionalInterface
    public interface Handler {
        void apply(String key, String value, int partition);
    }

    private final String topic;
    private final Handler handler;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final List<Barrier> barriers = new ArrayList<>();
    private final CompletableFuture<Void> initialLoad = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile int partitions;
    private volatile String lastError;

    public CompactedTopicReader(String bootstrapServers, String topic, String clientId, Handler handler) {
        this.topic = topic;
        this.handler = handler;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        this.thread = Thread.ofPlatform().daemon().name("table-" + topic).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Completes once everything that was in the topic at start has been read. */
    public CompletableFuture<Void> initialLoad() {
        return initialLoad;
    }

    /** Completes once everything that is in the topic now has been read (an instance that takes feeds over waits for it). */
    public CompletableFuture<Void> catchUp() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        return request;
    }

    /** Partitions of the topic, once known (0 before). */
    public int partitions() {
        return partitions;
    }

    /** Why the last read failed, while it keeps failing; null when reading works. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        while (running) {
            try {
                List<TopicPartition> assigned = assign();
                consumer.seekToBeginning(assigned);
                barriers.add(new Barrier(consumer.endOffsets(assigned), initialLoad));
                while (running) {
                    CompletableFuture<Void> request;
                    while ((request = catchUpRequests.poll()) != null) {
                        barriers.add(new Barrier(consumer.endOffsets(assigned), request));
                    }
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, String> record : records) {
                        apply(record);
                    }
                    releaseBarriers(assigned);
                    lastError = null;
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.warnf("reading %s failed, retrying in 2 s: %s", topic, e.getMessage());
                sleep();
            }
        }
    }

    private List<TopicPartition> assign() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        List<TopicPartition> assigned = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        partitions = assigned.size();
        return assigned;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            LOG.warnf("ignored a record without key in %s at partition %d, offset %d", topic, record.partition(),
                    record.offset());
            return;
        }
        try {
            handler.apply(record.key(), record.value(), record.partition());
        } catch (RuntimeException e) {
            LOG.errorf("ignored record %s of %s (partition %d, offset %d): %s", record.key(), topic,
                    record.partition(), record.offset(), UrlSecrets.redactText(e.getMessage()));
        }
    }

    private void releaseBarriers(List<TopicPartition> assigned) {
        if (barriers.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            positions.put(partition, consumer.position(partition));
        }
        barriers.removeIf(barrier -> barrier.releaseIfReached(positions));
    }

    private void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Waiters for the read to reach given end offsets. */
    private record Barrier(Map<TopicPartition, Long> endOffsets, CompletableFuture<Void> done) {

        boolean releaseIfReached(Map<TopicPartition, Long> positions) {
            for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
                Long position = positions.get(end.getKey());
                if (position == null || position < end.getValue()) {
                    return false;
                }
            }
            done.complete(null);
            return true;
        }
    }
}
