package io.newswatch.indexer.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.indexer.Fixtures;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The packaged indexer against the real Kafka and Elasticsearch of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IndexerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    private StackClient client;

    @BeforeEach
    void connect() {
        client = new StackClient(stack);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private String articles() {
        return stack.indices().articles();
    }

    private void send(EnrichedArticle article) {
        client.sendEvent(stack.topics().articlesEnriched(), article.id(), article);
    }

    private long countWithUrlPrefix(String prefix) {
        return client.search(articles(), "{\"size\":0,\"track_total_hits\":true,\"query\":{\"prefix\":{\"url\":\""
                + prefix + "\"}}}").at("/hits/total/value").asLong();
    }

    @Test
    void enrichedArticlesBecomeOneDocumentEachEvenWhenReplayed() {
        List<EnrichedArticle> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(Fixtures.simple("https://wire-one.example/replay/" + i, "Replay story " + i));
        }
        sent.forEach(this::send);
        await().atMost(PATIENCE).until(() -> countWithUrlPrefix("https://wire-one.example/replay/") == 30);

        sent.forEach(this::send); // the same records again, as after an offset reset
        String group = stack.topicPrefix() + "indexer";
        await().atMost(PATIENCE).until(() -> client.caughtUp(group, stack.topics().articlesEnriched()));

        assertThat(countWithUrlPrefix("https://wire-one.example/replay/")).isEqualTo(30);
        JsonNode document = client.request("GET", "/" + articles() + "/_doc/" + sent.getFirst().id(), null);
        assertThat(document.at("/_source/title").asText()).isEqualTo("Replay story 0");
        assertThat(document.at("/_source/source/name").asText()).isEqualTo("Wire One");
    }

    @Test
    void aSearchForDjukanovicFindsTheArticleThatWritesDjukanovicWithDiacritics() {
        EnrichedArticle article = Fixtures.montenegro("https://adriatic-desk.example/coalition", 1);
        send(article);

        // the query string a Kibana user types, over the template's default fields
        String query = "{\"query\":{\"query_string\":{\"query\":\"Djukanovic\"}}}";
        await().atMost(PATIENCE).until(() -> client.search(articles(), query).at("/hits/total/value").asLong() > 0);
        JsonNode hits = client.search(articles(), query).at("/hits/hits");
        assertThat(hits).extracting(hit -> hit.get("_id").asText()).containsExactly(article.id());
        assertThat(hits.get(0).at("/_source/body").asText()).contains("Đukanović");
        // kept in _source (no second, unfiltered copy of the document for Elasticsearch to store); readers leave it out
        assertThat(hits.get(0).at("/_source/text_folded").asText()).contains("djukanovic");

        JsonNode entities = client.search(articles(), "{\"size\":0,\"aggs\":{\"people\":{\"terms\":{\"field\":"
                + "\"person\"}},\"map\":{\"geo_bounds\":{\"field\":\"places\"}}}}");
        assertThat(entities.at("/aggregations/people/buckets/0/key").asText()).isEqualTo("Milo Đukanović");
        assertThat(entities.at("/aggregations/map/bounds/top_left/lat").asDouble()).isBetween(42.4, 42.5);
    }

    @Test
    void aDocumentElasticsearchRejectsGoesToTheDeadLetterTopicAndItsBatchMatesAreIndexed() {
        EnrichedArticle before = Fixtures.simple("https://wire-one.example/dlq/before", "Before the bad one");
        EnrichedArticle bad = Fixtures.unindexable("https://wire-one.example/dlq/bad");
        EnrichedArticle after = Fixtures.simple("https://wire-one.example/dlq/after", "After the bad one");
        send(before);
        send(bad);
        client.send(stack.topics().articlesEnriched(), "not-json", "this is not an enriched article",
                java.util.Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        send(after);

        await().atMost(PATIENCE).until(() -> countWithUrlPrefix("https://wire-one.example/dlq/") == 2);
        List<ConsumerRecord<String, String>> letters = client.readAll(stack.topics().deadLetters(), 2);
        assertThat(letters).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(bad.id(), "not-json");
        ConsumerRecord<String, String> rejected = letters.stream().filter(r -> r.key().equals(bad.id())).findFirst()
                .orElseThrow();
        assertThat(header(rejected, DeadLetterHeaders.REASON)).isEqualTo("rejected by Elasticsearch");
        assertThat(header(rejected, DeadLetterHeaders.CAUSE)).contains("HTTP 400");
        assertThat(header(rejected, DeadLetterHeaders.SERVICE)).isEqualTo("indexer");
        assertThat(header(rejected, DeadLetterHeaders.TOPIC)).isEqualTo(stack.topics().articlesEnriched());
        assertThat(rejected.value()).contains("\"id\":\"" + bad.id() + "\"");
        // the shared envelope keeps the original record's headers
        ConsumerRecord<String, String> undecodable = letters.stream().filter(r -> r.key().equals("not-json"))
                .findFirst().orElseThrow();
        assertThat(header(undecodable, "traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(header(undecodable, DeadLetterHeaders.REASON)).isEqualTo("undecodable event");
        assertThat(client.request("GET", "/" + articles() + "/_doc/" + bad.id(), null).get("found").asBoolean())
                .isFalse();
    }

    @Test
    void alertsAreIndexedOnePerIdWithTheLatestDeliveryState() {
        Alert raised = Fixtures.alert("rule-it", "article-it", List.of());
        Alert delivered = Fixtures.alert("rule-it", "article-it", List.of(
                new Alert.Delivery("log", "delivered", 1, Fixtures.FETCHED.plusSeconds(5), null)));
        client.sendEvent(stack.topics().alerts(), raised.id(), raised);
        client.sendEvent(stack.topics().alerts(), delivered.id(), delivered);
        client.sendEvent(stack.topics().alerts(), raised.id(), raised); // a late copy of the first state

        String group = stack.topicPrefix() + "indexer";
        await().atMost(PATIENCE).until(() -> client.caughtUp(group, stack.topics().alerts()));
        await().atMost(PATIENCE).until(() -> client.count(stack.indices().alerts()) == 1);
        JsonNode document = client.request("GET", "/" + stack.indices().alerts() + "/_doc/" + raised.id(), null);
        assertThat(document.at("/_source/status").asText()).isEqualTo("delivered");
        assertThat(document.at("/_source/rule/id").asText()).isEqualTo("rule-it");
    }

    @Test
    void readinessReportsKafkaElasticsearchAndTheSchema() {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("\"indexer\""), containsString("installed"),
                        containsString("\"elasticsearch\""), containsString("SmallRye Reactive Messaging")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newswatch_indexer_failing_seconds"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
