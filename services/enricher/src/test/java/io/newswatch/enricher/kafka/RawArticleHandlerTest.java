package io.newswatch.enricher.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.enricher.Fixtures;
import io.newswatch.enricher.pipeline.ArticleProcessor;
import io.newswatch.enricher.pipeline.EnricherMetrics;
import io.newswatch.enricher.pipeline.StoryAssigner;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler's acknowledgement rules, without Kafka: when the input is acked, nacked, or left alone. */
class RawArticleHandlerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CompletableFuture<Void> storyStored = new CompletableFuture<>();
    private final StoryAssigner stories = new StoryAssigner() {
        @Override
        public io.newswatch.contract.Story assign(Article article, io.newswatch.enricher.pipeline.Tagging tagging) {
            return StoryAssigner.SINGLE.assign(article, tagging);
        }

        @Override
        public CompletableFuture<Void> flushed(String storyId) {
            return storyStored;
        }
    };
    private final RawArticleHandler handler = new RawArticleHandler(new ArticleProcessor(Fixtures.enricher(), stories,
            new EnricherMetrics(registry, Fixtures.CLOCK, Fixtures.enricher())));

    /** An incoming message that records what happened to it. */
    private static final class Incoming {
        final AtomicReference<String> outcome = new AtomicReference<>("pending");
        final AtomicReference<Metadata> nackMetadata = new AtomicReference<>();
        final Message<String> message;

        Incoming(String payload) {
            message = Message.of(payload).withAck(() -> {
                outcome.set("acked");
                return CompletableFuture.completedFuture(null);
            }).withNackWithMetadata((reason, metadata) -> {
                outcome.set("nacked: " + reason.getMessage());
                nackMetadata.set(metadata);
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    private static Article article() {
        return Fixtures.article("https://wire.example/a", "Kosovo talks", "Serbia and Kosovo met in Brussels.",
                "wire.example", "en", Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void inputIsAckedOnlyAfterOutputAndStoryAreStored() {
        Incoming in = new Incoming(Json.encode(article()));
        Message<String> out = handler.onArticle(in.message);

        EnrichedArticle enriched = Json.decode(out.getPayload(), EnrichedArticle.class);
        assertThat(enriched.entities()).extracting(e -> e.id()).contains("location/serbia", "location/kosovo");
        assertThat(out.getMetadata(OutgoingKafkaRecordMetadata.class)).get()
                .satisfies(m -> assertThat(m.getKey()).isEqualTo(article().id()));

        CompletionStage<Void> acked = out.ack();
        assertThat(in.outcome.get()).isEqualTo("pending"); // the story update is not stored yet
        storyStored.complete(null);
        acked.toCompletableFuture().join();
        assertThat(in.outcome.get()).isEqualTo("acked");
        assertThat(registry.counter("newswatch.enricher.articles", "outcome", "enriched").count()).isEqualTo(1);
    }

    @Test
    void outputKafkaRefusedLeavesTheInputUncommitted() {
        Incoming in = new Incoming(Json.encode(article()));
        Message<String> out = handler.onArticle(in.message);
        out.nack(new IllegalStateException("broker down")).toCompletableFuture().join();
        assertThat(in.outcome.get()).isEqualTo("pending");
        assertThat(registry.counter("newswatch.enricher.produce.failures").count()).isEqualTo(1);
    }

    @Test
    void aBadRecordIsNackedWithItsReasonAndTheServiceHeader() {
        Incoming in = new Incoming("{\"schemaVersion\": 1, \"type\": \"article\"}");
        assertThat(handler.onArticle(in.message)).isNull();
        assertThat(in.outcome.get()).startsWith("nacked: not a valid Article");
        OutgoingKafkaRecordMetadata<?> metadata = in.nackMetadata.get().get(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(new String(metadata.getHeaders().lastHeader("newswatch-service").value())).isEqualTo("enricher");
        assertThat(registry.counter("newswatch.enricher.articles", "outcome", "dead-lettered").count()).isEqualTo(1);
    }

    @Test
    void anArticleFromANewerSchemaIsABadRecord() {
        Article a = article();
        Article newer = new Article(Article.SCHEMA_VERSION + 1, a.type(), a.id(), a.timestamp(), a.url(), a.title(),
                a.summary(), a.body(), a.author(), a.language(), a.published(), false, a.fetched(), a.categories(),
                a.source(), a.contentHash(), a.revision());
        Incoming in = new Incoming(Json.encode(newer));
        assertThat(handler.onArticle(in.message)).isNull();
        assertThat(in.outcome.get()).contains("schema version 2");
    }

}
