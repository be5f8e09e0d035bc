package io.newswatch.e2e;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.NewswatchService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8's bad-input tests on the shared stack (they stop no server): a poison message in every topic the
 * services consume, and feed servers that answer garbage, hang or send 1 GiB. The pipeline keeps streaming
 * through both, and everything the stream published arrives exactly once ({@link ExactlyOnce}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final Duration PACE = Duration.ofMillis(500);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** Not JSON at all: what a producer with the wrong serializer, or a disk error, leaves in a topic. */
    private static final String POISON = "{\"schemaVersion\": 1, \"id\": \u0000\u0007 not json";
    private static final String FOLLOW_UP_RULE = "after-the-poison";

    @TempDir
    static Path files;

    private StreamedPipeline fixture;

    @BeforeAll
    void start() throws Exception {
        // A hanging feed is given up on after 5 s instead of 20: the same code path, sooner.
        fixture = StreamedPipeline.start(LocalInfrastructure.reserve(), 1, 1, PACE, files, Map.of(
                NewswatchService.FEED_POLLER, Map.of("NEWSWATCH_POLLER_HTTP_READ_TIMEOUT", "PT5S",
                        "NEWSWATCH_POLLER_HTTP_TOTAL_TIMEOUT", "PT15S")));
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void aPoisonMessageInEachConsumedTopicIsDeadLetteredWithItsReasonAndThePartitionMovesOn() throws Exception {
        Infrastructure infrastructure = fixture.infrastructure();
        TopicNames topics = infrastructure.topics();
        Kafka kafka = new Kafka(infrastructure.kafkaBootstrapServers());
        NewsStream stream = fixture.stream();
        List<NewsStream.Published> next = stream.preview(NewsStream.MENTION_EVERY);
        NewsStream.Published story = next.stream().filter(NewsStream.Published::mentionsTerm).findFirst().orElseThrow();
        String feedId = StreamedPipeline.feedId(0);

        // Each poison goes to the partition that the good message after it will take.
        Map<String, String> followUpKeys = new LinkedHashMap<>();
        followUpKeys.put(topics.articlesRaw(), story.articleId());
        followUpKeys.put(topics.articlesEnriched(), story.articleId());
        followUpKeys.put(topics.alerts(), story.alertId());
        followUpKeys.put(topics.rules(), FOLLOW_UP_RULE);
        followUpKeys.put(topics.feeds(), feedId);
        Map<String, Long> poisonOffsets = new TreeMap<>();
        Map<String, Integer> partitions = new TreeMap<>();
        followUpKeys.forEach((topic, key) -> {
            int partition = Kafka.partitionOf(key, Infrastructure.PARTITIONS);
            partitions.put(topic, partition);
            poisonOffsets.put(topic, kafka.send(topic, partition, "poison", POISON));
        });

        // The good messages after them: a rule, a feed's registration changed, and stories.
        String pipelineAlerter = fixture.pipeline().url(NewswatchService.ALERTER);
        Http.Answer rule = Http.send("PUT", pipelineAlerter + "/rules/" + FOLLOW_UP_RULE, """
                {"name": "After the poison", "query": "Atlantis", "channels": ["log"]}""");
        assertThat(rule.status()).as("PUT of a rule after the poison: %s", rule.body()).isIn(200, 201);
        String poller = fixture.pipeline().url(NewswatchService.FEED_POLLER);
        Http.Answer feed = Http.send("POST", poller + "/feeds", """
                {"id": "%s", "url": "%s", "name": "Wire 1, renamed", "pollInterval": "PT1S", "fullText": true,
                 "language": "en"}""".formatted(feedId, fixture.sites().getFirst().feedUrl()));
        assertThat(feed.status()).as("re-registration of a feed after the poison: %s", feed.body()).isEqualTo(200);
        stream.publishNow(next.indexOf(story) + 1);

        Map<String, Set<String>> consumers = Map.of(
                topics.articlesRaw(), Set.of("enricher"),
                topics.articlesEnriched(), Set.of("indexer", "alerter"),
                topics.alerts(), Set.of("indexer", "alerter"),
                topics.rules(), Set.of("alerter"),
                topics.feeds(), Set.of("feed-poller"));
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Set<String>> deadLettered = new TreeMap<>();
            for (ConsumerRecord<String, String> letter : kafka.readAll(topics.deadLetters())) {
                if ("poison".equals(letter.key())) {
                    String topic = Kafka.header(letter, DeadLetterHeaders.TOPIC);
                    assertThat(Kafka.header(letter, DeadLetterHeaders.REASON)).as("reason of a dead letter from %s", topic)
                            .isNotBlank();
                    assertThat(letter.value()).as("the original value").isEqualTo(POISON);
                    deadLettered.computeIfAbsent(topic, t -> new TreeSet<>())
                            .add(Kafka.header(letter, DeadLetterHeaders.SERVICE));
                }
            }
            assertThat(deadLettered).as("services that dead-lettered the poison, by topic")
                    .isEqualTo(new TreeMap<>(consumers));
        });

        // The partitions moved on: each consumer group committed past the poison (the poller reads the registry
        // as a table, committing nothing: the feed renamed after the poison, checked below, shows it moved on)...
        Map<String, List<String>> groups = Map.of(
                topics.articlesRaw(), List.of("enricher"),
                topics.articlesEnriched(), List.of("indexer", "alerter"),
                topics.alerts(), List.of("indexer"));
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Map.Entry<String, List<String>> topic : groups.entrySet()) {
                for (String group : topic.getValue()) {
                    assertThat(kafka.committed(topics.prefix() + group, topic.getKey(), partitions.get(topic.getKey())))
                            .as("offset committed by %s on %s", group, topic.getKey())
                            .isGreaterThan(poisonOffsets.get(topic.getKey()));
                }
            }
        });
        // ...and the good messages after it were processed: the story is indexed and alerted on once, its alert
        // indexed and delivered (the alerter read its history past the poison), the rule and the feed changed.
        fixture.verify(CATCH_UP);
        assertThat(Http.get(poller + "/feeds/" + feedId).body().path("name").asText()).isEqualTo("Wire 1, renamed");
    }

    @Test
    @Order(2)
    void feedServersAnsweringGarbageHangingOrSendingAGigabyteLeaveThePollerReadyAndOtherFeedsFlowing()
            throws Exception {
        String poller = fixture.pipeline().url(NewswatchService.FEED_POLLER);
        List<HostileFeedServer> hostile = List.of(
                new HostileFeedServer(HostileFeedServer.Behaviour.GARBAGE, "127.0.0.2"),
                new HostileFeedServer(HostileFeedServer.Behaviour.HANG, "127.0.0.3"),
                new HostileFeedServer(HostileFeedServer.Behaviour.HUGE, "127.0.0.4"));
        List<String> notReady = new CopyOnWriteArrayList<>();
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        try {
            List<String> ids = new ArrayList<>();
            for (HostileFeedServer server : hostile) {
                Http.Answer registered = Http.send("POST", poller + "/feeds", """
                        {"url": "%s", "name": "Hostile", "pollInterval": "PT1S"}""".formatted(server.feedUrl()));
                assertThat(registered.status()).as("registration of %s", server.feedUrl()).isEqualTo(201);
                ids.add(registered.body().path("id").asText());
            }
            probe.scheduleWithFixedDelay(() -> {
                if (!fixture.pipeline().ready(NewswatchService.FEED_POLLER)) {
                    notReady.add(Instant.now().toString());
                }
            }, 0, 1, TimeUnit.SECONDS);
            // Long enough for the hanging feed to time out more than once and the others to be retried.
            fixture.stream().around(Duration.ofSeconds(25), () -> { }, Duration.ZERO);

            assertThat(hostile).as("each hostile server was polled").allMatch(server -> server.requests() > 0);
            assertThat(hostile.get(2).bytesSent()).as("bytes of the 1 GiB feed sent before the poller stopped reading")
                    .isLessThan(64L << 20);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(errorKind(poller, ids.get(1))).as("status of the hanging feed").isEqualTo("TIMEOUT");
                assertThat(errorKind(poller, ids.get(2))).as("status of the 1 GiB feed").isEqualTo("TOO_LARGE");
            });
            fixture.verify(CATCH_UP);
            assertThat(notReady).as("moments the poller was not ready").isEmpty();
        } finally {
            probe.shutdownNow();
            hostile.forEach(HostileFeedServer::close);
        }
    }

    private static String errorKind(String poller, String feedId) {
        return Http.get(poller + "/feeds/" + feedId).body().path("status").path("errorKind").asText();
    }
}
