package io.newswatch.alerter.it;

import io.newswatch.alerter.it.AlerterTestResource.InjectWebhook;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.LocalStackTestResource.InjectTestStack;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.newswatch.alerter.Articles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Rules from a file, enriched articles on the topic: exactly the expected alerts on the alerts topic, one webhook
 * call per alert, and none again for a second article of the same story or a replay.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(value = AlerterTestResource.class,
        initArgs = @ResourceArg(name = "rules", value = "it/matching-rules.yaml"))
class AlertingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @InjectTestStack
    TestStack stack;

    @InjectWebhook
    WebhookStub webhook;

    @Test
    void eachMatchingRuleAlertsOncePerStoryAndEachWebhookIsCalledOnce() {
        Topics topics = new Topics(stack);
        String input = stack.topics().articlesEnriched();
        EnrichedArticle first = article().url("https://wire.example/summit")
                .title("Montenegro hosts envoys before the NATO Russia Council")
                .body("Diplomats gathered in Podgorica. The NATO-Russia Council has not met in years.")
                .story("story-summit", 1, 1).build();
        topics.send(input, first.id(), Json.encode(first));

        String montenegro = Ids.alert("montenegro", "story-summit", 0);
        String council = Ids.alert("nato-russia-council", "story-summit", 0);
        await().atMost(PATIENCE).until(() -> raised(topics).keySet().containsAll(List.of(montenegro, council)));

        // On the same key (so the same partition, in this order): another article of the story, a replay of the
        // first, and an article of another story whose alert tells us the two before it have been processed.
        EnrichedArticle sameStory = article().url("https://other.example/montenegro-envoys")
                .title("Envoys in Montenegro").body("Montenegro welcomed the envoys.")
                .story("story-summit", 2, 1).build();
        EnrichedArticle marker = article().url("https://wire.example/ferry")
                .title("Ferry stays in port").body("A storm kept the ferry in Bar.").story("story-ferry", 1, 1)
                .build();
        topics.send(input, first.id(), Json.encode(sameStory));
        topics.send(input, first.id(), Json.encode(first));
        topics.send(input, first.id(), Json.encode(marker));
        String ferry = Ids.alert("ferry", "story-ferry", 0);
        await().atMost(PATIENCE).until(() -> raised(topics).containsKey(ferry));

        assertThat(raised(topics)).contains(Map.entry(montenegro, 1L), Map.entry(council, 1L),
                Map.entry(ferry, 1L));
        assertThat(raisedAlerts(topics)).filteredOn(a -> !a.ruleId().equals("ferry")).extracting(Alert::id)
                .containsExactlyInAnyOrder(montenegro, council);
        await().atMost(PATIENCE).until(() -> deliveredChannels(topics).keySet()
                .containsAll(List.of(montenegro, council, ferry)));
        assertThat(webhook.requests("/montenegro")).hasSize(1)
                .allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo(montenegro));
        assertThat(webhook.requests("/council")).hasSize(1);
        assertThat(webhook.requests("/ferry")).filteredOn(r -> r.idempotencyKey().equals(ferry)).hasSize(1);
        assertThat(webhook.requests("/never")).isEmpty();

        Alert posted = Json.decode(webhook.requests("/montenegro").getFirst().body(), Alert.class);
        assertThat(posted.ruleId()).isEqualTo("montenegro");
        assertThat(posted.url()).isEqualTo("https://wire.example/summit");
        assertThat(posted.storyId()).isEqualTo("story-summit");
        assertThat(posted.snippet()).contains("<em>Montenegro</em>");
        assertThat(posted.explanation().terms()).contains("Montenegro");
        Alert councilAlert = Json.decode(webhook.requests("/council").getFirst().body(), Alert.class);
        assertThat(councilAlert.explanation().terms()).contains("NATO Russia Council", "NATO-Russia Council");

        given().queryParam("rule", "montenegro").get("/alerts").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(montenegro))
                .body("[0].ruleId", equalTo("montenegro"))
                .body("[0].ruleName", equalTo("Montenegro"))
                .body("[0].url", equalTo("https://wire.example/summit"))
                .body("[0].title", equalTo("Montenegro hosts envoys before the NATO Russia Council"));
        given().queryParam("limit", 1).get("/alerts").then().statusCode(200).body("$", hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("rule", "montenegro").get("/alerts").then()
                .body("[0].deliveries.status", equalTo(List.of("delivered", "delivered"))));
    }

    @Test
    void aRecordThatIsNotAnArticleIsDeadLetteredAndTheRestGoesOn() {
        Topics topics = new Topics(stack);
        topics.send(stack.topics().articlesEnriched(), "bad-key", "{\"this is\": \"not an article\"");
        await().atMost(PATIENCE).until(() -> topics.readAll(stack.topics().deadLetters()).stream()
                .anyMatch(r -> "bad-key".equals(r.key())));
        ConsumerRecord<String, String> dead = topics.readAll(stack.topics().deadLetters()).stream()
                .filter(r -> "bad-key".equals(r.key())).findFirst().orElseThrow();
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("EnrichedArticle");
        assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("alerter");

        EnrichedArticle next = article().url("https://wire.example/after-bad").title("Ferry and storm")
                .story("story-after-bad", 1, 1).build();
        topics.send(stack.topics().articlesEnriched(), "bad-key", Json.encode(next));
        await().atMost(PATIENCE).until(() -> raised(topics).containsKey(Ids.alert("ferry", "story-after-bad", 0)));
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAndTheRestOfTheBatchAlerts() {
        Topics topics = new Topics(stack);
        String input = stack.topics().articlesEnriched();
        EnrichedArticle before = article().url("https://wire.example/batch-before").title("Ferry before the storm")
                .story("story-batch-before", 1, 1).build();
        EnrichedArticle after = article().url("https://wire.example/batch-after").title("Ferry after the storm")
                .story("story-batch-after", 1, 1).build();
        // one key, one partition, one request: the three records reach the consumer in one poll, in this order
        topics.sendTogether(input, List.of(Map.entry("batch-key", Json.encode(before)),
                Map.entry("batch-key", "[\"not an article\""), Map.entry("batch-key", Json.encode(after))));

        await().atMost(PATIENCE).until(() -> raised(topics).keySet().containsAll(List.of(
                Ids.alert("ferry", "story-batch-before", 0), Ids.alert("ferry", "story-batch-after", 0))));
        await().atMost(PATIENCE).until(() -> topics.readAll(stack.topics().deadLetters()).stream()
                .anyMatch(r -> "batch-key".equals(r.key())));
        List<ConsumerRecord<String, String>> dead = topics.readAll(stack.topics().deadLetters()).stream()
                .filter(r -> "batch-key".equals(r.key())).toList();
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("[\"not an article\"");
            assertThat(header(record, DeadLetterHeaders.REASON)).contains("EnrichedArticle");
            assertThat(header(record, DeadLetterHeaders.TOPIC)).isEqualTo(input);
            assertThat(header(record, DeadLetterHeaders.OFFSET)).isNotBlank();
            assertThat(header(record, DeadLetterHeaders.SERVICE)).isEqualTo("alerter");
        });
    }

    @Test
    void alertsComeFromElasticsearchToo() throws Exception {
        // an alert of long ago, that only Elasticsearch still has (the indexer wrote it)
        String doc = """
                {"id": "0123456789abcdef0123456789abcdef", "timestamp": "2025-01-15T10:00:00Z",
                 "rule": {"id": "archived", "name": "Archived rule", "query": "Skopje"},
                 "article": {"id": "a-1", "url": "https://wire.example/skopje", "title": "Skopje in winter"},
                 "source": "Example Wire", "story": {"id": "s-1", "outlets": 1}, "level": 0,
                 "snippet": "<em>Skopje</em> in winter", "channels": ["log"],
                 "deliveries": [{"channel": "log", "status": "delivered", "attempts": 1,
                                 "at": "2025-01-15T10:00:01Z"}]}
                """;
        var response = stack.stack().setup().send("PUT", "/" + stack.indices().alerts()
                + "/_doc/0123456789abcdef0123456789abcdef?refresh=true", doc);
        assertThat(response.status()).isBetween(200, 201);
        given().queryParam("rule", "archived").get("/alerts").then().statusCode(200)
                .header("X-Newswatch-Alerts-Source", "elasticsearch")
                .body("$", hasSize(1))
                .body("[0].url", equalTo("https://wire.example/skopje"))
                .body("[0].ruleName", equalTo("Archived rule"))
                .body("[0].deliveries[0].status", equalTo("delivered"));
    }

    /** Alert ids raised on the alerts topic (records without delivery statuses), with how often. */
    private Map<String, Long> raised(Topics topics) {
        return raisedAlerts(topics).stream().collect(Collectors.groupingBy(Alert::id, Collectors.counting()));
    }

    private List<Alert> raisedAlerts(Topics topics) {
        return topics.readAll(stack.topics().alerts()).stream()
                .map(r -> Json.decode(r.value(), Alert.class))
                .filter(alert -> alert.deliveries().isEmpty())
                .toList();
    }

    /** Alert ids whose every channel is delivered, according to the alerts topic. */
    private Map<String, Alert> deliveredChannels(Topics topics) {
        return topics.readAll(stack.topics().alerts()).stream()
                .map(r -> Json.decode(r.value(), Alert.class))
                .filter(alert -> !alert.deliveries().isEmpty() && alert.deliveries().size() == alert.channels().size()
                        && alert.deliveries().stream().allMatch(d -> d.status().equals("delivered")))
                .collect(Collectors.toMap(Alert::id, a -> a, (a, b) -> b));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
