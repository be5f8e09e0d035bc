package io.newswatch.alerter.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.alerter.it.AlerterTestResource.InjectWebhook;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.LocalStackTestResource.InjectTestStack;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.newswatch.alerter.Articles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification failures: a receiver that fails twice then succeeds gets exactly one delivery; one that answers
 * 404 is not retried; one that stays down is retried up to the limit; both end in the dead-letter topic. Channel
 * URLs and their tokens show nowhere: not in statuses, dead letters or any read.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(value = AlerterTestResource.class,
        initArgs = @ResourceArg(name = "rules", value = "it/delivery-rules.yaml"))
class DeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @InjectTestStack
    TestStack stack;

    @InjectWebhook
    WebhookStub webhook;

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsExactlyOneDelivery() {
        webhook.failFirst("/flaky", 2, 503);
        String id = raise("lighthouse", "The lighthouse keeper retired.");

        Alert settled = awaitSettled(id);
        assertThat(settled.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("delivered");
            assertThat(d.attempts()).isEqualTo(3);
        });
        assertThat(webhook.requests("/flaky")).extracting(WebhookStub.Request::answeredWith)
                .containsExactly(503, 503, 200);
        assertThat(webhook.requests("/flaky")).extracting(WebhookStub.Request::idempotencyKey).containsOnly(id);
        assertThat(statuses(id)).contains("retrying").endsWith("delivered");
    }

    @Test
    void aPermanentFailureIsNotRetriedAndIsDeadLettered() {
        webhook.failFirst("/gone", 100, 404);
        String id = raise("glacier", "The glacier lost a metre.");

        Alert settled = awaitSettled(id);
        assertThat(settled.deliveries()).anySatisfy(d -> {
            assertThat(d.channel()).isEqualTo(label());
            assertThat(d.status()).isEqualTo("failed");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.error()).contains("HTTP 404");
        });
        assertThat(settled.deliveries()).anySatisfy(d -> {
            assertThat(d.channel()).isEqualTo("log");
            assertThat(d.status()).isEqualTo("delivered");
        });
        assertThat(webhook.requests("/gone")).hasSize(1);
        ConsumerRecord<String, String> dead = awaitDeadLetter(id);
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("HTTP 404");
        assertThat(header(dead, "newswatch-channel")).isEqualTo(label());
        assertThat(header(dead, DeadLetterHeaders.REASON)).doesNotContain("/gone", "s3cr3t", "unavailable");
        assertThat(Json.decode(dead.value(), Alert.class).id()).isEqualTo(id);
    }

    @Test
    void aReceiverThatStaysDownIsRetriedUpToTheLimit() {
        webhook.failFirst("/down", 100, 503);
        String id = raise("volcano", "The volcano woke up.");

        Alert settled = awaitSettled(id);
        assertThat(settled.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("failed");
            assertThat(d.attempts()).isEqualTo(6);
        });
        assertThat(webhook.requests("/down")).hasSize(6);
        assertThat(header(awaitDeadLetter(id), DeadLetterHeaders.REASON)).contains("after 6 attempts");
    }

    @Test
    void slackChannelsGetSlackMessages() throws Exception {
        String id = raise("ohrid", "Swimmers crossed Lake Ohrid in record time.");
        awaitSettled(id);
        assertThat(statuses(id)).containsExactly("sending", "delivered");
        JsonNode message = Json.mapper().readTree(webhook.requests("/named").getFirst().body());
        assertThat(message.path("text").asText()).contains("Chat room");
        assertThat(message.path("blocks").toString()).contains("*Lake Ohrid*", "<https://wire.example/ohrid|");
    }

    @Test
    void noReadLogOrRecordShowsAChannelToken() {
        webhook.failFirst("/leaky", 100, 401);
        String id = raise("avalanche", "An avalanche closed the pass.");
        awaitSettled(id);
        awaitDeadLetter(id);
        String[] secrets = {"s3cr3t", "/flaky", "/gone", "/down", "/leaky", "/named", "unavailable"};
        assertThat(given().get("/rules").asString()).contains(label()).doesNotContain(secrets);
        assertThat(given().get("/rules/leaky").asString()).doesNotContain(secrets);
        assertThat(given().header("X-Api-Key", AlerterTestResource.API_KEY).get("/rules/leaky").asString())
                .contains(label(), "slack:hook").doesNotContain(secrets);
        assertThat(given().get("/alerts").asString()).contains(label()).doesNotContain(secrets);
        assertThat(new Topics(stack).readAll(stack.topics().alerts())).allSatisfy(record ->
                assertThat(record.value()).doesNotContain(secrets));
        assertThat(new Topics(stack).readAll(stack.topics().deadLetters())).allSatisfy(record -> {
            assertThat(record.value()).doesNotContain(secrets);
            record.headers().forEach(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8))
                    .doesNotContain(secrets));
        });
    }

    @Test
    void aStoredWebhookToAnInternalAddressFailsOnceWithTheReasonAndIsNeverContacted() throws Exception {
        try (WebhookStub internal = new WebhookStub()) {
            // stored before the guard refused such URLs at write time (or by hand): straight into the rule store
            String url = internal.url("/admin?token=s3cr3t-internal").toString();
            Rule rule = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "internal", Instant.now(), "Internal receiver",
                    "quarry", List.of("webhook:" + url), true, null, List.of(), Rule.Scope.STORY, null,
                    Rule.Mode.INSTANT, null, null);
            new Topics(stack).send(stack.topics().rules(), rule.id(), Json.encode(rule));
            await().atMost(PATIENCE).until(() -> given().get("/rules/internal").statusCode() == 200);
            String id = raise("quarry", "The quarry closed for the winter.");

            Alert settled = awaitSettled(id);
            String label = "webhook:" + internal.url("").getAuthority();
            assertThat(settled.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.channel()).isEqualTo(label);
                assertThat(d.status()).isEqualTo("failed");
                assertThat(d.attempts()).as("refused for good: no retries").isEqualTo(1);
                assertThat(d.error()).isEqualTo("POST to " + label + " refused: 127.0.0.1 is a loopback address;"
                        + " webhooks go to public addresses only (newswatch.alerter.ssrf.allow lists exceptions)"
                        + " (not retried)");
            });
            assertThat(statuses(id)).containsExactly("failed");
            assertThat(header(awaitDeadLetter(id), DeadLetterHeaders.REASON)).contains("loopback")
                    .doesNotContain("s3cr3t", "/admin");
            assertThat(internal.requests()).isEmpty();
        }
    }

    @Test
    void anEditOfWhatAReadReturnedKeepsTheWebhook() {
        Map<String, Object> read = given().get("/rules/flaky").then().statusCode(200).extract().as(Map.class);
        assertThat(read.get("channels")).isEqualTo(List.of(label()));
        read.put("name", "Flaky receiver, renamed");
        given().contentType(ContentType.JSON).header("X-Api-Key", AlerterTestResource.API_KEY).body(read)
                .put("/rules/flaky").then().statusCode(200).body("channels", equalTo(List.of(label())));
        Rule stored = new Topics(stack).readAll(stack.topics().rules()).stream().filter(r -> "flaky".equals(r.key()))
                .map(r -> Json.decode(r.value(), Rule.class)).toList().getLast();
        assertThat(stored.name()).isEqualTo("Flaky receiver, renamed");
        assertThat(stored.channels()).singleElement().asString().endsWith("/flaky?token=s3cr3t-flaky");
    }

    /** What every read shows of the test receiver's URLs: kind, host and port. */
    private String label() {
        return "webhook:" + webhook.url("").getAuthority();
    }

    /** Writes an article of a story of its own; returns the id of the alert its rule raises. */
    private String raise(String slug, String body) {
        EnrichedArticle article = article().url("https://wire.example/" + slug).title(body).body(body)
                .story("story-" + slug, 1, 1).build();
        new Topics(stack).send(stack.topics().articlesEnriched(), article.id(), Json.encode(article));
        String rule = switch (slug) {
            case "lighthouse" -> "flaky";
            case "glacier" -> "gone";
            case "volcano" -> "down";
            case "avalanche" -> "leaky";
            case "quarry" -> "internal";
            default -> "chat";
        };
        return Ids.alert(rule, "story-" + slug, 0);
    }

    private Alert awaitSettled(String id) {
        return await().atMost(PATIENCE).until(() -> latest(id), latest -> latest.isPresent()
                && latest.get().deliveries().size() == latest.get().channels().size()
                && latest.get().deliveries().stream().noneMatch(d -> d.status().equals("retrying")
                || d.status().equals("sending"))).orElseThrow();
    }

    private Optional<Alert> latest(String id) {
        List<Alert> records = records(id);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    private List<String> statuses(String id) {
        return records(id).stream().flatMap(a -> a.deliveries().stream()).map(Alert.Delivery::status).toList();
    }

    private List<Alert> records(String id) {
        return new Topics(stack).readAll(stack.topics().alerts()).stream().filter(r -> id.equals(r.key()))
                .map(r -> Json.decode(r.value(), Alert.class)).toList();
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String id) {
        return await().atMost(PATIENCE).until(() -> new Topics(stack).readAll(stack.topics().deadLetters()).stream()
                .filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
