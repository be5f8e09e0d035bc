package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.Json;
import io.newswatch.contract.TopicScore;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.tagging.Fixtures;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The service against the real local Kafka: raw articles in, enriched articles and dead letters out. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class EnricherIT {

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    private static final String BODY = """
            NATO foreign ministers on Wednesday invited Montenegro to join the alliance, opening accession talks.

            Kremlin spokesman Dmitry Peskov said Moscow would respond. "Expansion cannot go unanswered," Peskov said.

            Prime Minister Milo Đukanović called it a historic day for the Western Balkans.""";

    @Test
    void rawArticleComesOutEnriched() {
        Article article = Fixtures.article("https://balkan-wire.example/2026/nato-montenegro",
                "Alliance invites Montenegro", BODY, "balkan-wire.example", null, Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            kafka.send(stack.topics().articlesRaw(), article.id(), Json.encode(article));
            List<ConsumerRecord<String, String>> out = kafka.readUntil(stack.topics().articlesEnriched(),
                    records -> records.stream().anyMatch(r -> article.id().equals(r.key())));
            ConsumerRecord<String, String> record = out.stream().filter(r -> article.id().equals(r.key())).findFirst().orElseThrow();
            EnrichedArticle enriched = Json.decode(record.value(), EnrichedArticle.class);

            assertThat(enriched.id()).isEqualTo(article.id());
            assertThat(enriched.article().language()).isEqualTo("en");
            assertThat(enriched.entities()).extracting(Entity::id).contains("organization/nato", "location/montenegro",
                    "person/dmitry-peskov", "person/milo-djukanovic", "location/moscow", "organization/kremlin");
            Entity montenegro = enriched.entities().stream().filter(e -> e.id().equals("location/montenegro")).findFirst().orElseThrow();
            assertThat(montenegro.country()).isEqualTo("ME");
            assertThat(montenegro.geo()).isNotNull();
            assertThat(enriched.topics()).extracting(TopicScore::id).contains("enlargement", "western-balkans");
            assertThat(enriched.story().id()).isNotBlank();
            assertThat(enriched.story().articles()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void badRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        Article after = Fixtures.article("https://balkan-wire.example/2026/after-the-bad-one", "Kosovo and Serbia talk",
                "Officials from Serbia and Kosovo met in Brussels.", "balkan-wire.example", "en", Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            kafka.send(stack.topics().articlesRaw(), "bad-1", "{this is not json");
            kafka.send(stack.topics().articlesRaw(), after.id(), Json.encode(after));

            List<ConsumerRecord<String, String>> dead = kafka.readUntil(stack.topics().deadLetters(),
                    records -> records.stream().anyMatch(r -> "bad-1".equals(r.key())));
            ConsumerRecord<String, String> letter = dead.stream().filter(r -> "bad-1".equals(r.key())).findFirst().orElseThrow();
            assertThat(letter.value()).isEqualTo("{this is not json");
            assertThat(header(letter, DeadLetterHeaders.REASON)).contains("not a valid Article");
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(stack.topics().articlesRaw());
            assertThat(header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("enricher");

            kafka.readUntil(stack.topics().articlesEnriched(), records -> records.stream().anyMatch(r -> after.id().equals(r.key())));
        }
    }

    @Test
    void healthAndMetricsSayWhatHappened() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("enricher"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newswatch_enricher_articles_total"))
                .body(containsString("newswatch_enricher_knowledge_base_bytes"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
