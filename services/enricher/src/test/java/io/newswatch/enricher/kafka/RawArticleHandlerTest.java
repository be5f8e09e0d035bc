package io.newswatch.enricher.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.Story;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.tagging.Fixtures;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.enricher.pipeline.ArticleProcessor;
import io.newswatch.enricher.pipeline.ArticleProcessor.RawRecord;
import io.newswatch.enricher.pipeline.EnricherMetrics;
import io.newswatch.kafka.DurableWrites;
import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Tagging;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The handler's acknowledgement rules, without Kafka: a batch is acknowledged only once every output of it is, a
 * poison record inside it is dead-lettered while the rest proceeds, an output Kafka did not take is written again
 * until it does, and one it can never take dead-letters its input.
 */
class RawArticleHandlerTest {

    private static final String TOPIC = "test.articles.raw";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompletableFuture<Void> storiesStored = new CompletableFuture<>();
    private final StoryAssigner stories = new StoryAssigner() {
        @Override
        public Story assign(Article article, Tagging tagging) {
            return StoryAssigner.SINGLE.assign(article, tagging);
        }

        @Override
        public CompletableFuture<Void> flush() {
            return storiesStored;
        }
    };
    /** Every attempt to write an article's enriched record, in order; the test completes or fails each. */
    private final Map<String, List<CompletableFuture<Void>>> enrichedSent = new ConcurrentHashMap<>();
    private final Map<String, byte[]> enrichedJson = new ConcurrentHashMap<>();
    private final Map<Long, BadEventException> deadLetters = new ConcurrentHashMap<>();
    private final List<Long> acked = new CopyOnWriteArrayList<>();

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    /** Retries 1 to 2 ms apart instead of seconds. */
    private final DurableWrites writes = new DurableWrites(retries, Duration.ofMillis(1), Duration.ofMillis(2));

    /** The handler with its two outputs recorded instead of sent; story updates are acknowledged by the test. */
    private final RawArticleHandler handler = new RawArticleHandler(new ArticleProcessor(Fixtures.enricher(), stories,
            new EnricherMetrics(registry, Fixtures.CLOCK, Fixtures.enricher()), writes, defaults()),
            defaults(), null, null) {
        @Override
        public CompletableFuture<Void> enriched(String articleId, byte[] json) {
            enrichedJson.put(articleId, json);
            CompletableFuture<Void> attempt = new CompletableFuture<>();
            enrichedSent.computeIfAbsent(articleId, id -> new CopyOnWriteArrayList<>()).add(attempt);
            return attempt;
        }

        @Override
        public CompletableFuture<Void> deadLetter(RawRecord record, BadEventException reason) {
            deadLetters.put(record.offset(), reason);
            return CompletableFuture.completedFuture(null);
        }
    };

    @AfterEach
    void stopRetries() {
        retries.shutdownNow();
    }

    /** The latest attempt to write the article's enriched record. */
    private CompletableFuture<Void> lastAttempt(String articleId) {
        List<CompletableFuture<Void>> attempts = enrichedSent.get(articleId);
        return attempts.get(attempts.size() - 1);
    }

    private static EnricherConfig defaults() {
        return new SmallRyeConfigBuilder().withMapping(EnricherConfig.class).build().getConfigMapping(EnricherConfig.class);
    }

    private static Article article(String slug, String body) {
        return Fixtures.article("https://wire.example/" + slug, "Talks in Brussels", body, "wire.example", "en",
                Instant.parse("2026-03-02T10:00:00Z"));
    }

    /** A batch of one partition's records at offsets 0, 1, 2...; acknowledging it records the offsets committed. */
    private IncomingKafkaRecordBatch<String, byte[]> batch(String... values) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
            records.add(new ConsumerRecord<>(TOPIC, 0, i, "key-" + i, value));
        }
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acked.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                throw new AssertionError("the handler nacked " + record.getOffset() + ": " + reason);
            }
        };
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = Map.of(partition, records);
        Map<TopicPartition, OffsetAndMetadata> next = Map.of(partition, new OffsetAndMetadata(values.length));
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(byPartition, next), "articles-raw", 0, commits,
                failures, false, false);
    }

    @Test
    void aBatchIsAckedOnlyAfterEveryEnrichedArticleAndItsStoriesAreStored() {
        Article kosovo = article("kosovo", "Serbia and Kosovo met in Brussels.");
        Article nato = article("nato", "NATO ministers met in Brussels to discuss Montenegro.");
        handler.onBatch(batch(Json.encode(kosovo), Json.encode(nato))).toCompletableFuture().join();

        assertThat(enrichedJson).containsOnlyKeys(kosovo.id(), nato.id());
        EnrichedArticle enriched = Json.decode(enrichedJson.get(kosovo.id()), EnrichedArticle.class);
        assertThat(enriched.entities()).extracting(e -> e.id()).contains("location/serbia", "location/kosovo");

        lastAttempt(kosovo.id()).complete(null);
        lastAttempt(nato.id()).complete(null);
        assertThat(acked).isEmpty(); // the story updates are not stored yet
        storiesStored.complete(null);
        assertThat(acked).containsExactly(1L); // the latest offset of the partition: the whole batch
        assertThat(registry.counter("newswatch.enricher.articles", "outcome", "enriched").count()).isEqualTo(2);
    }

    @Test
    void aPoisonRecordInsideABatchIsDeadLetteredWhileTheRestProceeds() {
        storiesStored.complete(null);
        Article before = article("before", "Serbia and Kosovo met in Brussels.");
        Article after = article("after", "NATO ministers met in Brussels.");
        Article newer = withSchemaVersion(article("newer", "Kosovo."), Article.SCHEMA_VERSION + 1);
        handler.onBatch(batch(Json.encode(before), "{this is not json", Json.encode(after), Json.encode(newer), null))
                .toCompletableFuture().join();

        assertThat(deadLetters).containsOnlyKeys(1L, 3L, 4L);
        assertThat(deadLetters.get(1L).getMessage()).startsWith("not a valid Article");
        assertThat(deadLetters.get(3L).getMessage()).contains("schema version 2");
        assertThat(deadLetters.get(4L).getMessage()).contains("empty value");
        assertThat(enrichedJson).containsOnlyKeys(before.id(), after.id());
        assertThat(acked).isEmpty();
        enrichedSent.values().forEach(attempts -> attempts.forEach(f -> f.complete(null)));
        assertThat(acked).containsExactly(4L);
        assertThat(registry.counter("newswatch.enricher.articles", "outcome", "enriched").count()).isEqualTo(2);
        assertThat(registry.counter("newswatch.enricher.articles", "outcome", "dead-lettered").count()).isEqualTo(3);
    }

    @Test
    void anOutputKafkaDidNotTakeIsWrittenAgainUntilItDoesAndOnlyThenIsTheBatchAcked() {
        storiesStored.complete(null);
        Article one = article("one", "Serbia and Kosovo met in Brussels.");
        Article two = article("two", "NATO ministers met in Brussels.");
        handler.onBatch(batch(Json.encode(one), Json.encode(two))).toCompletableFuture().join();
        lastAttempt(one.id()).complete(null);
        for (int attempt = 1; attempt <= 3; attempt++) { // Kafka away: the producer gave up three times
            await().atMost(Duration.ofSeconds(10)).until(() -> !lastAttempt(two.id()).isDone());
            lastAttempt(two.id()).completeExceptionally(new TimeoutException("Expiring 1 record(s): 120000 ms"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> enrichedSent.get(two.id()).size() == 4);
        assertThat(acked).isEmpty(); // still waiting for the fourth attempt
        assertThat(writes.pending()).isEqualTo(1);
        lastAttempt(two.id()).complete(null);
        assertThat(acked).containsExactly(1L);
        assertThat(enrichedJson).containsKey(two.id());
        assertThat(deadLetters).isEmpty();
        assertThat(registry.counter("newswatch.enricher.produce.failures").count()).isZero();
    }

    @Test
    void anEnrichedArticleKafkaCanNeverTakeDeadLettersItsInputAndTheBatchProceeds() {
        storiesStored.complete(null);
        Article one = article("one", "Serbia and Kosovo met in Brussels.");
        Article huge = article("huge", "NATO ministers met in Brussels.");
        handler.onBatch(batch(Json.encode(one), Json.encode(huge))).toCompletableFuture().join();
        lastAttempt(one.id()).complete(null);
        lastAttempt(huge.id()).completeExceptionally(new RecordTooLargeException("The message is 1.2 MB"));
        assertThat(enrichedSent.get(huge.id())).hasSize(1); // not written again
        assertThat(deadLetters).containsOnlyKeys(1L);
        assertThat(deadLetters.get(1L).getMessage()).startsWith("Kafka refuses the enriched article for good");
        assertThat(acked).containsExactly(1L);
        assertThat(registry.counter("newswatch.enricher.produce.failures").count()).isEqualTo(1);
    }

    @Test
    void aBatchWhoseOutputWaitsWhenTheProcessStopsStaysUncommitted() {
        storiesStored.complete(null);
        Article one = article("one", "Serbia and Kosovo met in Brussels.");
        handler.onBatch(batch(Json.encode(one))).toCompletableFuture().join();
        retries.shutdownNow(); // stopping
        lastAttempt(one.id()).completeExceptionally(new TimeoutException("Expiring 1 record(s): 120000 ms"));
        assertThat(enrichedSent.get(one.id())).hasSize(1);
        assertThat(acked).isEmpty(); // read again after the restart
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aDeadLetterCarriesTheOriginalRecordWithItsReasonAndOrigin() {
        RecordHeaders original = new RecordHeaders();
        original.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        byte[] value = {'{', 't', 'h', 'i', 's', ' ', (byte) 0xC3, (byte) 0x28}; // not JSON, not even UTF-8
        RawRecord record = new RawRecord(TOPIC, 2, 41, "bad-1", value, original);
        Message<Record<String, byte[]>> letter = RawArticleHandler.deadLetterMessage(record,
                new BadEventException("not a valid Article: unexpected character", new IllegalArgumentException("at 1:2")));
        assertThat(letter.getPayload().key()).isEqualTo("bad-1");
        assertThat(letter.getPayload().value()).isEqualTo(value); // the original bytes, whatever they are
        Headers headers = letter.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders();
        assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("not a valid Article: unexpected character");
        assertThat(header(headers, DeadLetterHeaders.CAUSE)).isEqualTo("at 1:2");
        assertThat(header(headers, DeadLetterHeaders.TOPIC)).isEqualTo(TOPIC);
        assertThat(header(headers, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(headers, DeadLetterHeaders.OFFSET)).isEqualTo("41");
        assertThat(header(headers, DeadLetterHeaders.SERVICE)).isEqualTo("enricher");
        assertThat(header(headers, "traceparent")).isEqualTo("00-abc-01");
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Article withSchemaVersion(Article a, int version) {
        return new Article(version, a.type(), a.id(), a.timestamp(), a.url(), a.title(), a.summary(), a.body(),
                a.author(), a.language(), a.published(), false, a.fetched(), a.categories(), a.source(),
                a.contentHash(), a.revision());
    }
}
