package io.newswatch.kafka;

import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lag read against the real local Kafka broker: committed, uncommitted, groups with and without members, records
 * that retention deleted.
 */
class ConsumerGroupLagIT {

    private static TestStack stack;
    private static KafkaClients clients;
    private static Admin admin;

    @BeforeAll
    static void up() {
        stack = TestStack.reserve();
        clients = KafkaClients.plain(stack.kafkaBootstrapServers());
        admin = clients.admin("lag-it");
    }

    @AfterAll
    static void down() {
        admin.close();
        stack.release();
    }

    @Test
    void readsEachGroupsLagOnItsTopicAndWhetherItRuns() throws Exception {
        String topic = stack.topicPrefix() + "lag-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = clients.producer("lag-it", Map.of())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, i < 6 ? 0 : 1, "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
            }
        }
        String stopped = "lag-it-stopped-" + UUID.randomUUID();
        admin.alterConsumerGroupOffsets(stopped, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                .all().get(30, TimeUnit.SECONDS);
        String running = "lag-it-running-" + UUID.randomUUID();
        String never = "lag-it-never-" + UUID.randomUUID();
        ConsumerGroupLag lag = new ConsumerGroupLag(admin, Duration.ofSeconds(10));

        try (KafkaConsumer<String, String> consumer = clients.groupConsumer(running, "lag-it", Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return consumer.assignment().size() == 2;
            });
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(6),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(1)));

            ConsumerGroupLag.Watched a = new ConsumerGroupLag.Watched(stopped, topic);
            ConsumerGroupLag.Watched b = new ConsumerGroupLag.Watched(running, topic);
            ConsumerGroupLag.Watched c = new ConsumerGroupLag.Watched(never, topic);
            Map<ConsumerGroupLag.Watched, ConsumerGroupLag.Lag> read = lag.read(List.of(a, b, c));

            assertThat(read.get(a)).isEqualTo(new ConsumerGroupLag.Lag(false, 4, 4));
            assertThat(read.get(a).total()).isEqualTo(8);
            assertThat(read.get(b)).isEqualTo(new ConsumerGroupLag.Lag(true, 3, 0));
            assertThat(read.get(c)).isEqualTo(new ConsumerGroupLag.Lag(false, -1, 10));

            // retention (here deleteRecords) removes partition 0's first five records: nobody can read them any more
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(5)))
                    .all().get(30, TimeUnit.SECONDS);
            Map<ConsumerGroupLag.Watched, ConsumerGroupLag.Lag> afterRetention = lag.read(List.of(a, b, c));
            assertThat(afterRetention.get(a)).isEqualTo(new ConsumerGroupLag.Lag(false, 1, 4));
            assertThat(afterRetention.get(b)).isEqualTo(new ConsumerGroupLag.Lag(true, 3, 0));
            assertThat(afterRetention.get(c)).isEqualTo(new ConsumerGroupLag.Lag(false, -1, 5));
        }
    }
}
