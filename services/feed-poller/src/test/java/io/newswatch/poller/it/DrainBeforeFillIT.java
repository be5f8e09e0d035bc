package io.newswatch.poller.it;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.poller.poll.Backpressure;
import io.newswatch.poller.publish.DownstreamLag;
import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Drain before fill against the real local Kafka broker: each next stage's lag read from its running consumer group
 * on its own topic, and the indexer far behind holding polls back only past its own limit.
 */
class DrainBeforeFillIT {

    private static TestStack stack;
    private static KafkaClients clients;
    private static Admin admin;

    @BeforeAll
    static void up() {
        stack = TestStack.reserve();
        clients = KafkaClients.plain(stack.kafkaBootstrapServers());
        admin = clients.admin("drain-it");
    }

    @AfterAll
    static void down() {
        admin.close();
        stack.release();
    }

    @Test
    void theAlertPathAndTheIndexerEachHaveTheirOwnLimit() throws Exception {
        TopicNames topics = new TopicNames(stack.topicPrefix() + "drain-"
                + UUID.randomUUID().toString().substring(0, 8) + ".");
        admin.createTopics(List.of(new NewTopic(topics.articlesRaw(), 1, (short) 1),
                new NewTopic(topics.articlesEnriched(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = clients.producer("drain-it", Map.of())) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topics.articlesRaw(), "a" + i, "{}")).get(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(topics.articlesEnriched(), "a" + i, "{}")).get(10, TimeUnit.SECONDS);
            }
        }
        List<KafkaConsumer<String, String>> running = new ArrayList<>();
        try {
            // the three stages running, each committed where it is: enricher 5 behind, alerter 2, indexer 90
            running.add(stage(topics.enricherGroup(), topics.articlesRaw(), 25));
            running.add(stage(topics.alerterGroup(), topics.articlesEnriched(), 98));
            running.add(stage(topics.indexerGroup(), topics.articlesEnriched(), 10));

            Map<String, Long> limits = Backpressure.limits(ConsumerGroupLag.downstreamStages(topics).keySet(), 20, 200);
            try (DownstreamLag lag = new DownstreamLag(clients.admin("drain-it-lag"),
                    new LinkedHashMap<>(ConsumerGroupLag.downstreamStages(topics)), Duration.ofSeconds(10))) {
                assertThat(lag.lags())
                        .containsExactly(entry("enricher", 5L), entry("alerter", 2L), entry("indexer", 90L));

                Backpressure separate = new Backpressure(lag, limits, Duration.ofMinutes(1), Duration.ofSeconds(1),
                        Clock.systemUTC(), duration -> { });
                assertThat(separate.admitsItems()).as("the indexer 90 behind, under its own limit of 200").isTrue();
                Backpressure oneLimit = new Backpressure(lag, Backpressure.limits(limits.keySet(), 20, 20),
                        Duration.ofMinutes(1), Duration.ofSeconds(1), Clock.systemUTC(), duration -> { });
                assertThat(oneLimit.admitsItems()).as("with the alert path's limit the indexer holds polls back")
                        .isFalse();
                assertThat(oneLimit.lag("indexer")).isEqualTo(90);
            }
        } finally {
            running.forEach(KafkaConsumer::close);
        }
    }

    /** A running member of a stage's group, its offset committed at {@code offset}. */
    private static KafkaConsumer<String, String> stage(String group, String topic, long offset) {
        KafkaConsumer<String, String> consumer = clients.groupConsumer(group, group + "-it", Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        consumer.subscribe(List.of(topic));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200));
            return !consumer.assignment().isEmpty();
        });
        consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)));
        return consumer;
    }
}
