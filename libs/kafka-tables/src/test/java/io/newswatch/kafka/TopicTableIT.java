package io.newswatch.kafka;

import io.newswatch.contract.BadEventException;
import io.newswatch.contract.kafka.DeadLetter;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The table reader against the real local Kafka broker. */
class TopicTableIT {

    private static TestStack stack;
    private static KafkaClients clients;
    private static Admin admin;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void up() {
        stack = TestStack.reserve();
        clients = KafkaClients.plain(stack.kafkaBootstrapServers());
        admin = clients.admin("table-it");
        producer = clients.producer("table-it", Map.of());
    }

    @AfterAll
    static void down() {
        producer.close();
        admin.close();
        stack.release();
    }

    @Test
    void readsTheWholeTopicThenFollowsItAndARestartReadsItAgain() throws Exception {
        String topic = topic(3);
        for (int i = 0; i < 50; i++) {
            send(topic, "key-" + (i % 20), "v" + i);
        }
        send(topic, "key-0", null);
        Map<String, String> first = new ConcurrentHashMap<>();
        try (TopicTable table = table(topic, mapInto(first), null)) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(first).hasSize(19).containsEntry("key-19", "v39").doesNotContainKey("key-0");
            assertThat(table.partitions()).isEqualTo(3);
            assertThat(table.problem()).isNull();

            RecordMetadata written = send(topic, "key-new", "fresh");
            assertThat(table.awaitApplied(written.partition(), written.offset(), Duration.ofSeconds(10))).isTrue();
            assertThat(first).containsEntry("key-new", "fresh");
            assertThat(table.partitionOf("key-new")).isEqualTo(written.partition());
        }
        Map<String, String> second = new ConcurrentHashMap<>();
        try (TopicTable table = table(topic, mapInto(second), null)) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void catchUpWaitsForWhatIsInTheTopicNowAcrossGapsLeftByTransactions() throws Exception {
        String topic = topic(2);
        Map<String, String> seen = new ConcurrentHashMap<>();
        try (TopicTable table = table(topic, mapInto(seen), null);
             KafkaProducer<String, String> transactional = clients.producer("table-it-tx",
                     Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "table-it-" + UUID.randomUUID()))) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            transactional.initTransactions();
            for (int i = 0; i < 5; i++) {
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(topic, "tx-" + i, "committed"));
                transactional.commitTransaction();
            }
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(topic, "tx-aborted", "aborted")).get();
            transactional.abortTransaction();
            // Commit and abort markers take offsets of their own: positions end beyond the last record.
            assertThat(table.catchUp().get(20, TimeUnit.SECONDS)).isNull();
            assertThat(seen).hasSize(5).doesNotContainKey("tx-aborted");
            assertThat(table.awaitEnd(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void waitsForAMissingTopicAndSaysSo() throws Exception {
        String topic = stack.topicPrefix() + "late-" + UUID.randomUUID().toString().substring(0, 6);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        Map<String, String> seen = new ConcurrentHashMap<>();
        try (TopicTable table = new TopicTable(clients, topic, "it", record -> seen.put(record.key(),
                record.value()), null, pause -> {
            pauses.add(pause);
            Thread.sleep(50);
        }).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> pauses.size() >= 3);
            assertThat(table.isCaughtUp()).isFalse();
            assertThat(table.problem()).contains(topic).contains("does not exist");
            // the pauses double, from one second
            assertThat(List.copyOf(pauses).subList(0, 3)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(4));

            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            send(topic, "k", "v");
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> "v".equals(seen.get("k")));
            assertThat(table.problem()).isNull();
        }
    }

    @Test
    void aBadRecordIsSkippedAndDeadLetteredOnlyWhenItArrivesLive() throws Exception {
        String topic = topic(1);
        String deadLetterTopic = topic(1);
        send(topic, "old-bad", "not json");
        send(topic, "good-1", "ok");
        Map<String, String> seen = new ConcurrentHashMap<>();
        TopicTable.Listener refusing = record -> {
            if (!"ok".equals(record.value())) {
                throw new BadEventException("expected ok, got " + record.value());
            }
            seen.put(record.key(), record.value());
        };
        try (DeadLetters deadLetters = new DeadLetters(clients, deadLetterTopic, "table-it-dlq");
             TopicTable table = table(topic, refusing, deadLetters)) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            RecordHeaders headers = new RecordHeaders();
            headers.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
            RecordMetadata bad = producer.send(new ProducerRecord<>(topic, null, "new-bad", "garbage", headers))
                    .get(10, TimeUnit.SECONDS);
            RecordMetadata good = send(topic, "good-2", "ok");
            assertThat(table.awaitApplied(good.partition(), good.offset(), Duration.ofSeconds(10))).isTrue();
            assertThat(seen).containsOnlyKeys("good-1", "good-2");
            assertThat(table.skipped()).isEqualTo(2);

            List<ConsumerRecord<String, String>> letters = readAll(deadLetterTopic, 1, Duration.ofSeconds(20));
            assertThat(letters).hasSize(1);
            ConsumerRecord<String, String> letter = letters.getFirst();
            assertThat(letter.key()).isEqualTo("new-bad");
            assertThat(letter.value()).isEqualTo("garbage");
            assertThat(new String(letter.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
                    .isEqualTo("abc");
            DeadLetter envelope = DeadLetter.read(name -> letter.headers().lastHeader(name) == null ? null
                    : new String(letter.headers().lastHeader(name).value(), StandardCharsets.UTF_8)).orElseThrow();
            assertThat(envelope).isEqualTo(new DeadLetter("not a valid record of " + topic,
                    "expected ok, got garbage", topic, bad.partition(), bad.offset(), "it"));
            assertThat(letter.headers().headers(DeadLetterHeaders.REASON)).hasSize(1);
        }
    }

    @Test
    void eachRecordIsAppliedOnce() throws Exception {
        String topic = topic(1);
        for (int i = 0; i < 10; i++) {
            send(topic, "k" + i, "v" + i);
        }
        List<String> applied = new CopyOnWriteArrayList<>();
        try (TopicTable table = table(topic, record -> applied.add(record.key()), null)) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(applied).hasSize(10);
            RecordMetadata last = send(topic, "k10", "v10");
            assertThat(table.awaitApplied(last.partition(), last.offset(), Duration.ofSeconds(10))).isTrue();
            assertThat(applied).hasSize(11).doesNotHaveDuplicates();
        }
    }

    @Test
    void aListenerThatFailsAtTheEndOfABatchStartsTheReadingOverLoudly() throws Exception {
        String topic = topic(1);
        AtomicInteger failures = new AtomicInteger();
        Map<String, String> seen = new ConcurrentHashMap<>();
        TopicTable.Listener failingOnce = new TopicTable.Listener() {
            @Override
            public void apply(ConsumerRecord<String, String> record) {
                seen.put(record.key(), record.value());
            }

            @Override
            public void endOfBatch(boolean catchingUp) {
                if (!catchingUp && failures.getAndIncrement() == 0) {
                    throw new IllegalStateException("the matcher's index is full");
                }
            }
        };
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        try (TopicTable table = new TopicTable(clients, topic, "it", failingOnce, null, pauses::add).start()) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            send(topic, "first", "1");
            await().atMost(Duration.ofSeconds(30)).until(() -> table.thread().restarts() == 1);
            RecordMetadata second = send(topic, "second", "2");
            assertThat(table.awaitApplied(second.partition(), second.offset(), Duration.ofSeconds(30))).isTrue();
            assertThat(seen).containsOnlyKeys("first", "second");
            assertThat(table.thread().isRunning()).isTrue();
            assertThat(table.thread().lastFailure()).contains("the matcher's index is full");
            assertThat(table.thread().name()).isEqualTo("table-" + topic);
            assertThat(pauses).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRecordThatOverflowsTheStackIsSkippedAndWhatFailuresSayIsRedacted() throws Exception {
        String topic = topic(1);
        String deadLetterTopic = topic(1);
        Map<String, String> seen = new ConcurrentHashMap<>();
        TopicTable.Listener listener = new TopicTable.Listener() {
            @Override
            public void apply(ConsumerRecord<String, String> record) {
                if (record.key().equals("deep")) {
                    throw new StackOverflowError();
                }
                if (record.value().startsWith("https://")) {
                    throw new BadEventException("not a rule: " + record.value());
                }
                seen.put(record.key(), record.value());
            }

            @Override
            public String redact(String message) {
                return message.replace("s3cr3t", "***");
            }
        };
        try (DeadLetters deadLetters = new DeadLetters(clients, deadLetterTopic, "table-it-redact");
             TopicTable table = table(topic, listener, deadLetters)) {
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            send(topic, "deep", "{}");
            send(topic, "leaky", "https://hooks.example/s3cr3t");
            RecordMetadata after = send(topic, "after", "{}");
            assertThat(table.awaitApplied(after.partition(), after.offset(), Duration.ofSeconds(10))).isTrue();
            assertThat(seen).containsOnlyKeys("after");
            assertThat(table.skipped()).isEqualTo(2);
            assertThat(table.thread().restarts()).isZero();

            ConsumerRecord<String, String> letter = readAll(deadLetterTopic, 1, Duration.ofSeconds(20)).getFirst();
            assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.CAUSE).value(),
                    StandardCharsets.UTF_8)).isEqualTo("not a rule: https://hooks.example/***");
        }
    }

    private TopicTable table(String topic, TopicTable.Listener listener, DeadLetters deadLetters) {
        return new TopicTable(clients, topic, "it", listener, deadLetters).start();
    }

    private static TopicTable.Listener mapInto(Map<String, String> map) {
        return record -> {
            if (record.value() == null) {
                map.remove(record.key());
            } else {
                map.put(record.key(), record.value());
            }
        };
    }

    /**
     * An idle table's consumer asks the broker about once per {@link TopicTable#IDLE_FETCH_WAIT}, not twice a second
     * (Kafka's default wait), and a record written meanwhile still reaches it at once: the broker answers a held
     * fetch as soon as one byte has arrived.
     */
    @Test
    void anIdleTableConsumerFetchesRarelyAndStillSeesANewRecordAtOnce() throws Exception {
        String topic = topic(3);
        try (KafkaConsumer<String, String> consumer = clients.tableConsumer("table-it-idle", TopicTable.CONSUMER_SETTINGS)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            double before = fetches(consumer);
            long idleUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (System.nanoTime() < idleUntil) {
                assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();
            }
            // Kafka's default wait (500 ms) makes about eight fetches in these four seconds
            assertThat(fetches(consumer) - before).isLessThanOrEqualTo(3);

            long sent = System.nanoTime();
            send(topic, "key-late", "late");
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            while (read.isEmpty() && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(10)) {
                consumer.poll(Duration.ofMillis(50)).forEach(read::add);
            }
            assertThat(read).extracting(ConsumerRecord::value).containsExactly("late");
            assertThat(Duration.ofNanos(System.nanoTime() - sent))
                    .isLessThan(TopicTable.IDLE_FETCH_WAIT.dividedBy(2));
        }
    }

    /** Closing an idle table does not wait for the fetch the broker holds for it. */
    @Test
    void anIdleTableClosesAtOnce() throws Exception {
        String topic = topic(3);
        TopicTable table = table(topic, mapInto(new ConcurrentHashMap<>()), null);
        assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        Thread.sleep(300); // its fetch is now held by the broker, for most of IDLE_FETCH_WAIT still
        long closing = System.nanoTime();
        table.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofMillis(700));
    }

    private static double fetches(KafkaConsumer<?, ?> consumer) {
        return consumer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("consumer-fetch-manager-metrics")
                        && metric.getKey().name().equals("fetch-total") && metric.getKey().tags().size() == 1)
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    private String topic(int partitions) throws Exception {
        String name = stack.topicPrefix() + "table-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        return name;
    }

    private static RecordMetadata send(String topic, String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = clients.tableConsumer("table-it-reader")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
