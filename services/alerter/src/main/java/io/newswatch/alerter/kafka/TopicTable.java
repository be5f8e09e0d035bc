package io.newswatch.alerter.kafka;

import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a whole topic, every partition from its beginning, and keeps following it: the way each alerter instance
 * holds the rule store and the alert history. It is not a consumer group member (nothing is shared, nothing
 * committed): every instance sees every record.
 *
 * <p>"Caught up" means every record that existed when reading started has been applied; {@link #awaitApplied}
 * lets a writer wait until its own write has been read back.
 *
 * <p>A record that is not what the topic holds ({@link BadEventException} from the listener) is skipped. When it
 * arrives while the table follows the topic live, it also goes to the dead-letter topic with its reason; records
 * met again while catching up at start are only logged, since they were dead-lettered when they arrived (every
 * instance reads the whole topic at every start: dead-lettering them again would bury the real dead letters).
 */
public final class TopicTable extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(TopicTable.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What the table does with its records. Called on the table's thread only. */
    public interface Listener {
        /** One record, in partition order; a null value is a tombstone. Exceptions are logged and skipped. */
        void apply(ConsumerRecord<String, String> record);

        /**
         * After the records of one poll were applied (to commit them in bulk).
         *
         * @param catchingUp true while the records that existed at start are still being read: a listener may then
         *                   defer its commit to {@link #caughtUp()} (100,000 rules in one commit, not 200)
         */
        default void endOfBatch(boolean catchingUp) {
        }

        /** Once, when every record that existed at start has been applied, before anyone waiting is told. */
        default void caughtUp() {
        }
    }

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Listener listener;
    private final String deadLetterTopic;
    private final Map<String, Object> producerConfig;
    private volatile KafkaProducer<String, String> deadLetters;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Map<Integer, Long> applied = new HashMap<>();
    /** End offsets asked for by other threads; the consumer is only used on the table's thread. */
    private final Queue<CompletableFuture<Map<TopicPartition, Long>>> endRequests = new ConcurrentLinkedQueue<>();
    private volatile int partitionCount;
    private volatile String problem = "not started";

    /**
     * @param kafka the Kafka client configuration (bootstrap servers, security); consumer settings are added
     */
    public TopicTable(String topic, String deadLetterTopic, Map<String, Object> kafka, Listener listener) {
        super("table-" + topic);
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.listener = listener;
        this.producerConfig = KafkaSettings.producer(kafka, "newswatch-alerter-table-" + topic + "-dead-letters");
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a missing store topic is a setup mistake to report, not a plain topic to create
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-alerter-table-" + topic);
        this.consumerConfig = config;
    }

    /** Waits until the table has caught up with the topic as it was at start. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Why the table is not caught up yet, for health checks; null once it is. */
    public String problem() {
        return isCaughtUp() ? null : problem;
    }

    /** The partition Kafka's default partitioner puts a key in. */
    public int partitionOf(String key) {
        int count = partitionCount;
        if (count == 0) {
            throw new IllegalStateException(topic + " has not been read yet");
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
    }

    /** Waits until the record at {@code offset} of {@code partition} has been applied. */
    public boolean awaitApplied(int partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (applied) {
            while (applied.getOrDefault(partition, -1L) < offset) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                applied.wait(left);
            }
        }
        return true;
    }

    /** Waits until everything written to the topic before this call has been applied. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        CompletableFuture<Map<TopicPartition, Long>> request = new CompletableFuture<>();
        endRequests.add(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> end;
        try {
            end = request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (partition.getValue() > 0 && !awaitApplied(partition.getKey().partition(), partition.getValue() - 1,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** A record that is not what the topic holds: dead-lettered when live, logged when met again at start. */
    private void rejected(ConsumerRecord<String, String> record, BadEventException error) {
        String where = topic + "-" + record.partition() + "@" + record.offset();
        if (!isCaughtUp()) {
            LOG.warnf("Skipped bad record %s (key %s) while reading the topic at start: %s", where, record.key(),
                    Redaction.text(error.getMessage()));
            return;
        }
        LOG.errorf("Dead-lettering bad record %s (key %s): %s", where, record.key(),
                Redaction.text(error.getMessage()));
        if (deadLetters == null) {
            deadLetters = new KafkaProducer<>(producerConfig);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, bytes("not a valid record of " + topic));
        headers.add(DeadLetterHeaders.CAUSE, bytes(Redaction.text(error.getMessage())));
        headers.add(DeadLetterHeaders.TOPIC, bytes(topic));
        headers.add(DeadLetterHeaders.PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, bytes(String.valueOf(record.offset())));
        headers.add(DeadLetterHeaders.SERVICE, bytes("alerter"));
        deadLetters.send(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers),
                (metadata, failure) -> {
                    if (failure != null) {
                        LOG.errorf("Cannot dead-letter %s: %s", where, failure.getMessage());
                    }
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        super.close();
        KafkaProducer<String, String> producer = deadLetters;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    protected void run() {
        while (!isClosed()) {
            try (KafkaConsumer<String, String> kafka = using(new KafkaConsumer<>(consumerConfig))) {
                follow(kafka);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                problem = "cannot read " + topic + ": " + e.getMessage();
                LOG.errorf("Reading %s failed, starting over in 5 s: %s", topic, e.getMessage());
                sleep(Duration.ofSeconds(5));
            }
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) {
        problem = "waiting for topic " + topic;
        List<TopicPartition> partitions = partitions(kafka);
        partitionCount = partitions.size();
        kafka.assign(partitions);
        Map<TopicPartition, Long> resume = new HashMap<>();
        synchronized (applied) {
            applied.forEach((p, offset) -> resume.put(new TopicPartition(topic, p), offset + 1));
        }
        for (TopicPartition partition : partitions) {
            if (resume.containsKey(partition)) {
                kafka.seek(partition, resume.get(partition));
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        problem = "reading " + topic;
        while (!isClosed()) {
            answerEndRequests(kafka, partitions);
            ConsumerRecords<String, String> records = kafka.poll(POLL);
            for (ConsumerRecord<String, String> record : records) {
                try {
                    listener.apply(record);
                } catch (BadEventException e) {
                    rejected(record, e);
                } catch (RuntimeException | StackOverflowError e) {
                    // one record must not stop the table: it would fail again each time the loop starts over
                    LOG.errorf(e, "Skipped record %s-%d@%d (key %s): %s", topic, record.partition(), record.offset(),
                            record.key(), Redaction.text(String.valueOf(e.getMessage())));
                }
            }
            if (!records.isEmpty()) {
                listener.endOfBatch(!isCaughtUp());
                synchronized (applied) {
                    for (TopicPartition partition : records.partitions()) {
                        applied.put(partition.partition(), records.records(partition).getLast().offset());
                    }
                    applied.notifyAll();
                }
            }
            if (!isCaughtUp() && end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                listener.caughtUp();
                caughtUp.countDown();
                LOG.infof("Read %s to its end: %d partitions", topic, partitions.size());
            }
            // Transaction markers and compacted-away records leave gaps: positions move past them without records.
            synchronized (applied) {
                boolean moved = false;
                for (TopicPartition partition : partitions) {
                    long position = kafka.position(partition);
                    if (applied.getOrDefault(partition.partition(), -1L) < position - 1) {
                        applied.put(partition.partition(), position - 1);
                        moved = true;
                    }
                }
                if (moved) {
                    applied.notifyAll();
                }
            }
        }
    }

    private void answerEndRequests(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
        CompletableFuture<Map<TopicPartition, Long>> request;
        while ((request = endRequests.poll()) != null) {
            try {
                request.complete(kafka.endOffsets(partitions));
            } catch (KafkaException e) {
                request.completeExceptionally(e);
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        while (true) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (isClosed()) {
                throw new WakeupException();
            }
            LOG.warnf("Topic %s does not exist yet; waiting for it", topic);
            sleep(Duration.ofSeconds(2));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
