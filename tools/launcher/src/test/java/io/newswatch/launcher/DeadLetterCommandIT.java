package io.newswatch.launcher;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./newswatch dlq} against the real Kafka of the local stack, pointed at it the way an operator points it at
 * any cluster ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code NEWSWATCH_TOPIC_PREFIX}): dead letters written as the
 * services write them are listed, filtered, shown and put back on their topics, once.
 */
class DeadLetterCommandIT {

    private static TestStack stack;
    private static KafkaProducer<String, String> producer;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void reserve() {
        stack = TestStack.reserve();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        // as the indexer writes them: its own headers, the original's dropped
        deadLetter("a-1", "{\"id\":\"a-1\"}", stack.topics().articlesEnriched(), "indexer", "rejected by Elasticsearch",
                "HTTP 400 document_parsing_exception: failed to parse field [published]",
                new RecordHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                        .getBytes(StandardCharsets.UTF_8)));
        deadLetter("r-2", "not json at all", stack.topics().articlesRaw(), "enricher", "not a valid Article", "at 1:2");
        // as SmallRye's dead-letter strategy writes them: no service, a class name header
        deadLetter("x-3", "{\"id\":\"x-3\"}", stack.topics().alerts(), null, "boom", null,
                new RecordHeader("dead-letter-exception-class-name", "java.lang.IllegalStateException"
                        .getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    @AfterAll
    static void release() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (stack != null) {
            stack.release();
        }
    }

    private static void deadLetter(String key, String value, String topic, String service, String reason,
                                   String cause, Header... originals) {
        List<Header> headers = new ArrayList<>(List.of(originals));
        headers.add(header(DeadLetterHeaders.REASON, reason));
        if (cause != null) {
            headers.add(header(DeadLetterHeaders.CAUSE, cause));
        }
        headers.add(header(DeadLetterHeaders.TOPIC, topic));
        headers.add(header(DeadLetterHeaders.PARTITION, "1"));
        headers.add(header(DeadLetterHeaders.OFFSET, "41"));
        if (service != null) {
            headers.add(header(DeadLetterHeaders.SERVICE, service));
        }
        producer.send(new ProducerRecord<>(stack.topics().deadLetters(), null, key, value, headers));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Run dlq(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                "NEWSWATCH_TOPIC_PREFIX", stack.topicPrefix());
        int exit = new DeadLetterCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The id list gives a letter, from its key. */
    private static String idOf(String key) {
        return dlq("list", "--json").out().lines().filter(line -> line.contains("\"key\":\"" + key + "\""))
                .map(line -> line.replaceAll(".*\"id\":\"([0-9:]+)\".*", "$1")).findFirst().orElseThrow();
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void listFiltersByTopicReasonServiceAndTime() {
        Run all = dlq("list");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("a-1", "r-2", "x-3", "3 dead letters in " + stack.topics().deadLetters())
                .contains("indexer, rejected by Elasticsearch").contains("rejected by Elasticsearch: HTTP 400");

        assertThat(dlq("list", "--service", "indexer").out()).contains("a-1").doesNotContain("r-2", "x-3");
        assertThat(dlq("list", "--reason", "NOT A VALID").out()).contains("r-2").doesNotContain("a-1", "x-3");
        assertThat(dlq("list", "--topic", "alerts").out()).contains("x-3").doesNotContain("a-1", "r-2");
        assertThat(dlq("list", "--topic", stack.topics().alerts()).out()).contains("x-3");
        assertThat(dlq("list", "--since", "1h").out()).contains("a-1", "r-2", "x-3");
        assertThat(dlq("list", "--since", "2999-01-01").out()).contains("0 dead letters");
        assertThat(dlq("list", "--json").out().lines()).hasSize(3).allMatch(line -> line.startsWith("{\"id\":"));
    }

    @Test
    void showGivesTheHeadersAndTheValue() {
        Run shown = dlq("show", idOf("a-1"));

        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("\"dead-letter-reason\" : \"rejected by Elasticsearch\"")
                .contains("\"traceparent\"").contains("\"value\" : {").contains("\"id\" : \"a-1\"");
        assertThat(dlq("show", "9:999999").exit()).isEqualTo(1);
        assertThat(dlq("show").exit()).isEqualTo(2);
    }

    @Test
    void replayPutsLettersBackOnceUnlessAskedAgain() {
        String topic = stack.topics().articlesEnriched();
        String id = idOf("a-1");
        assertThat(dlq("replay").exit()).as("replay must be told what").isEqualTo(2);

        Run first = dlq("replay", "--service", "indexer");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("replayed " + id + " to " + topic).contains("replayed 1 of 1 dead letter");

        List<ConsumerRecord<String, String>> replayed = readAll(topic);
        assertThat(replayed).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a-1");
            assertThat(record.value()).isEqualTo("{\"id\":\"a-1\"}");
            assertThat(header(record, "traceparent")).startsWith("00-4bf92f");
            assertThat(header(record, DeadLetterHeaders.REPLAYED_FROM))
                    .isEqualTo(stack.topics().deadLetters() + ":" + id);
            for (Header header : record.headers()) {
                assertThat(header.key()).doesNotStartWith("dead-letter-").isNotEqualTo(DeadLetterHeaders.SERVICE);
            }
        });

        Run second = dlq("replay", "--service", "indexer");
        assertThat(second.out()).contains("replayed 0 of 1 dead letter").contains("1 replayed before were skipped");
        assertThat(readAll(topic)).hasSize(1);

        Run again = dlq("replay", id, "--again");
        assertThat(again.exit()).isZero();
        assertThat(readAll(topic)).hasSize(2);
        assertThat(dlq("list", "--service", "indexer").out()).contains("2x").contains("1 dead letter in");

        // the others: a dry run says what would go where, and sends nothing
        Run dry = dlq("replay", "--all", "--dry-run");
        assertThat(dry.out()).contains("would replay 2 of 3").contains("to " + stack.topics().articlesRaw())
                .contains("to " + stack.topics().alerts());
        assertThat(readAll(stack.topics().articlesRaw())).isEmpty();
    }
}
