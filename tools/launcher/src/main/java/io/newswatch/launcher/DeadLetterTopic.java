package io.newswatch.launcher;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the dead-letter topic and puts letters back on the topics they came from. Reads without a consumer group
 * (nothing is committed, any number of operators may look at once). A replay is recorded in the dead-letter topic
 * itself, as a marker record in the letter's partition, so that it is known wherever the tool runs and lives as long
 * as the letter does.
 */
final class DeadLetterTopic implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    private final KafkaClientSettings settings;
    private final String topic;
    private final Clock clock;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterTopic(KafkaClientSettings settings, String topic, Clock clock) {
        this.settings = settings;
        this.topic = topic;
        this.clock = clock;
    }

    /** The dead-letter topic's name. */
    String name() {
        return topic;
    }

    /**
     * Every letter dead-lettered at or after {@code since} (all of them when null), oldest first per partition,
     * with its replays.
     */
    List<DeadLetter> read(Instant since) {
        return read(consumer -> {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            seek(consumer, partitions, since);
            return partitions;
        });
    }

    /** One letter by its id ({@code PARTITION:OFFSET}), with its replays; null when there is none. */
    DeadLetter find(String id) {
        int colon = id.indexOf(':');
        int partition = Integer.parseInt(id.substring(0, colon));
        long offset = Long.parseLong(id.substring(colon + 1));
        List<DeadLetter> found = read(consumer -> {
            List<TopicPartition> partitions = partitions(consumer).stream()
                    .filter(candidate -> candidate.partition() == partition).toList();
            consumer.assign(partitions);
            partitions.forEach(candidate -> consumer.seek(candidate, offset));
            return partitions;
        });
        return found.stream().filter(letter -> letter.id().equals(id)).findFirst().orElse(null);
    }

    /** Where to start reading: assigns and positions the consumer, returns the partitions to read to their end. */
    @FunctionalInterface
    private interface Start {
        List<TopicPartition> position(KafkaConsumer<byte[], byte[]> consumer);
    }

    private List<DeadLetter> read(Start start) {
        Map<String, DeadLetter> letters = new LinkedHashMap<>();
        Map<String, List<Instant>> replays = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = settings.clients().tableConsumer("newswatch-dlq",
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = start.position(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + READ_LIMIT.toMinutes()
                            + " minutes; narrow it with --since");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    List<Header> headers = List.of(record.headers().toArray());
                    String marker = last(headers, DeadLetterHeaders.REPLAY_MARKER);
                    if (marker != null) {
                        replays.computeIfAbsent(marker, m -> new ArrayList<>())
                                .add(Instant.ofEpochMilli(record.timestamp()));
                    } else {
                        DeadLetter letter = new DeadLetter(record.partition(), record.offset(),
                                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), headers,
                                List.of());
                        letters.put(letter.id(), letter);
                    }
                }
            }
        }
        List<DeadLetter> result = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters.values()) {
            result.add(new DeadLetter(letter.partition(), letter.offset(), letter.timestamp(), letter.key(),
                    letter.value(), letter.headers(), List.copyOf(replays.getOrDefault(letter.id(), List.of()))));
        }
        return result;
    }

    /**
     * Puts the letter back on its topic: its key and value, its headers without the dead-letter ones, and
     * {@link DeadLetterHeaders#REPLAYED_FROM}; then records the replay. Returns once Kafka has both.
     *
     * @throws IllegalStateException when the letter does not say where it came from, or Kafka refuses
     */
    void replay(DeadLetter letter) {
        String source = letter.sourceTopic();
        if (source == null || source.isBlank()) {
            throw new IllegalStateException("it does not say which topic it came from (no "
                    + DeadLetterHeaders.TOPIC + " header)");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!isDeadLetterHeader(header.key())) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(DeadLetterHeaders.REPLAYED_FROM,
                (topic + ":" + letter.id()).getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(source, null, letter.key(), letter.value(), headers));
        RecordHeaders marker = new RecordHeaders();
        marker.add(new RecordHeader(DeadLetterHeaders.REPLAY_MARKER, letter.id().getBytes(StandardCharsets.UTF_8)));
        marker.add(new RecordHeader(DeadLetterHeaders.TOPIC, source.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(topic, letter.partition(), clock.millis(), letter.key(), null, marker));
    }

    /** The headers a dead letter adds, and an earlier replay's: none of them belongs on the original topic. */
    static boolean isDeadLetterHeader(String name) {
        return name.startsWith(DeadLetterHeaders.PREFIX) || name.equals(DeadLetterHeaders.SERVICE)
                || name.equals(DeadLetterHeaders.REPLAYED_FROM) || name.equals(DeadLetterHeaders.REPLAY_MARKER);
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer().send(record).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record for " + record.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the record for " + record.topic()
                    + " within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = settings.clients().producer("newswatch-dlq", Map.of(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000,
                    // a dead letter is as large as the record it was; the broker enforces its own limit
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("there is no topic " + topic + " at " + settings.describe());
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant since) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        List<TopicPartition> nothingSince = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                nothingSince.add(partition);
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        consumer.seekToEnd(nothingSince);
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String last(List<Header> headers, String name) {
        String value = null;
        for (Header header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                value = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
