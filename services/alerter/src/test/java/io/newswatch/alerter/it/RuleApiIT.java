package io.newswatch.alerter.it;

import io.newswatch.alerter.rule.RuleBook;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.TopicTable;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.LocalStackTestResource.InjectTestStack;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.newswatch.alerter.Articles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** {@code /rules}: validated writes through the API key, stored in the rules topic, effective for matching. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(AlerterTestResource.class)
class RuleApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @InjectTestStack
    TestStack stack;

    @AlerterTestResource.InjectWebhook
    WebhookStub webhook;

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() {
        String id = admin().body(Map.of("name", "Lavrov on guarantees",
                        "query", "person:\"Sergey Lavrov\" AND \"security guarantees\"~5",
                        "channels", new String[]{"log"}, "owner", "desk-russia", "tags", new String[]{"russia"},
                        "realert", "6h"))
                .post("/rules").then().statusCode(201)
                .header("Location", containsString("/rules/"))
                .body("id", notNullValue())
                .body("enabled", equalTo(true))
                .body("scope", equalTo("STORY"))
                .body("realert", equalTo("PT6H"))
                .extract().path("id");

        given().get("/rules/" + id).then().statusCode(200).body("name", equalTo("Lavrov on guarantees"));
        given().get("/rules").then().statusCode(200).body("id", hasItem(id));
        Rule stored = new Topics(stack).readAll(stack.topics().rules()).stream()
                .filter(r -> id.equals(r.key())).map(r -> Json.decode(r.value(), Rule.class)).findFirst()
                .orElseThrow();
        assertThat(stored.owner()).isEqualTo("desk-russia");

        admin().body(Map.of("name", "Lavrov", "query", "Lavrov", "enabled", false)).put("/rules/" + id).then()
                .statusCode(200).body("query", equalTo("Lavrov")).body("enabled", equalTo(false));
        admin().delete("/rules/" + id).then().statusCode(204);
        given().get("/rules/" + id).then().statusCode(404);
        admin().delete("/rules/" + id).then().statusCode(404);
    }

    @Test
    void aNewRuleMatchesTheNextArticle() {
        admin().body(Map.of("id", "balkan-rail", "query", "railway AND (Belgrade OR Budapest)")).post("/rules")
                .then().statusCode(201).body("id", equalTo("balkan-rail")).body("channels", equalTo(java.util.List.of("log")));
        EnrichedArticle article = article().url("https://wire.example/rail").title("Railway to Budapest reopens")
                .story("story-rail", 1, 1).build();
        Topics topics = new Topics(stack);
        topics.send(stack.topics().articlesEnriched(), article.id(), Json.encode(article));
        String alertId = Ids.alert("balkan-rail", "story-rail", 0);
        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("rule", "balkan-rail").get("/alerts")
                .then().body("id", hasItem(alertId)));
        admin().body(Map.of("id", "balkan-rail", "query", "x")).post("/rules").then().statusCode(409);
    }

    @Test
    void aChangeReachesEveryInstance() throws Exception {
        // What a second alerter instance runs: the whole rules topic into its own rule book.
        RuleBook other = new RuleBook();
        TopicTable table = new TopicTable(KafkaClients.plain(stack.kafkaBootstrapServers()), stack.topics().rules(),
                "second-alerter", new TopicTable.Listener() {
            @Override
            public void apply(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
                other.stage(record.key(), record.value() == null ? null : Json.decode(record.value(), Rule.class));
            }

            @Override
            public void endOfBatch(boolean catchingUp) {
                other.commit();
            }
        }, null);
        try (table; other) {
            table.start();
            assertThat(table.awaitCaughtUp(PATIENCE)).isTrue();
            long sent = System.nanoTime();
            admin().body(Map.of("id", "spread", "query", "Ohrid")).post("/rules").then().statusCode(201);
            long written = System.nanoTime();
            EnrichedArticle ohrid = article().url("https://wire.example/ohrid").body("Lake Ohrid froze.").build();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> other.match(io.newswatch.alerter.match.ArticleDocument.of(ohrid)).stream()
                            .anyMatch(rule -> rule.id().equals("spread")));
            System.out.printf("a new rule: POST answered in %d ms, matching on a second instance %d ms later%n",
                    (written - sent) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
            admin().body(Map.of("id", "spread-2", "query", "Prespa")).post("/rules").then().statusCode(201);
            long second = System.nanoTime();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> other.get("spread-2").isPresent());
            System.out.printf("another rule: on the second instance %d ms after the POST answered%n",
                    (System.nanoTime() - second) / 1_000_000);

            admin().body(Map.of("query", "Ohrid", "enabled", false)).put("/rules/spread").then().statusCode(200);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> other.match(io.newswatch.alerter.match.ArticleDocument.of(ohrid)).isEmpty());
            admin().delete("/rules/spread").then().statusCode(204);
            await().atMost(PATIENCE).until(() -> other.get("spread").isEmpty());
        }
    }

    @Test
    void aBadQueryIsRefusedWithItsPosition() {
        admin().body(Map.of("name", "broken", "query", "Montenegro AND (NATO OR")).post("/rules").then()
                .statusCode(400)
                .body("status", equalTo(400))
                .body("field", equalTo("query"))
                .body("position", equalTo(15))
                .body("error", containsString("never closed"));
        admin().body(Map.of("query", "country:ME")).post("/rules").then().statusCode(400)
                .body("position", equalTo(0)).body("error", containsString("unknown field 'country'"));
    }

    @Test
    void queriesThatWouldFailOrBlowUpAreRefusedWithWhyAndWhere() {
        admin().body(Map.of("query", "Montenegro AND *a??????????????????????")).post("/rules").then()
                .statusCode(400).body("field", equalTo("query")).body("position", equalTo(15))
                .body("error", containsString("wildcard is too complex"));
        admin().body(Map.of("query", "/[a-z]*a[a-z]{20}/")).post("/rules").then().statusCode(400)
                .body("position", equalTo(0)).body("error", containsString("regular expression is too complex"));
        admin().body(Map.of("query", "(".repeat(3_000) + "Montenegro" + ")".repeat(3_000))).post("/rules").then()
                .statusCode(400).body("position", equalTo(32)).body("error", containsString("nested more than 32"));
        admin().body(Map.of("query", "Montenegro OR /a[/")).post("/rules").then().statusCode(400)
                .body("position", equalTo(14)).body("error", containsString("not valid"));
        admin().body(Map.of("query", "Montenegro OR Kosovo ".repeat(600))).post("/rules").then().statusCode(400)
                .body("error", containsString("characters"));
        // the same checks guard a backtest's query
        admin().body(Map.of("query", "*a??????????????????????")).post("/rules/backtest").then().statusCode(400)
                .body("position", equalTo(0));
    }

    @Test
    void badChannelsAndDurationsAreRefusedByField() {
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"pager:42"})).post("/rules").then()
                .statusCode(400).body("field", equalTo("channels"));
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"webhook:unknown-name"})).post("/rules")
                .then().statusCode(400).body("field", equalTo("channels"))
                .body("error", containsString("hook"));
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"webhook:hook"})).post("/rules")
                .then().statusCode(201);
        admin().body(Map.of("query", "Montenegro", "realert", "soon")).post("/rules").then().statusCode(400)
                .body("field", equalTo("realert"));
    }

    @Test
    void webhooksToInternalAddressesAreRefusedWithTheReason() {
        admin().body(Map.of("query", "Montenegro", "channels",
                        new String[]{"webhook:http://169.254.169.254/latest/meta-data/iam/security-credentials/"}))
                .post("/rules").then().statusCode(400).body("field", equalTo("channels"))
                .body("error", equalTo("webhook:169.254.169.254 is refused: 169.254.169.254 is a link-local (cloud"
                        + " metadata) address; webhooks go to public addresses only (newswatch.alerter.ssrf.allow"
                        + " lists exceptions)"));
        // loopback: the test receiver's port is allowed, no other
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"slack:http://127.0.0.1:9200/_all?x=s3cr3t"}))
                .post("/rules").then().statusCode(400).body("field", equalTo("channels"))
                .body("error", containsString("127.0.0.1 is a loopback address"))
                .body("error", not(containsString("s3cr3t")));
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"webhook:http://[::1]:8084/rules"}))
                .post("/rules").then().statusCode(400).body("error", containsString("loopback"));
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"webhook:http://10.0.0.1/in"}))
                .post("/rules").then().statusCode(400).body("error", containsString("private"));
        admin().body(Map.of("query", "Montenegro", "channels", new String[]{"webhook:" + webhook.url("/api")}))
                .post("/rules").then().statusCode(201);
    }

    @Test
    void changingRulesNeedsTheApiKey() {
        given().contentType(ContentType.JSON).body(Map.of("query", "Montenegro")).post("/rules").then()
                .statusCode(401);
        given().contentType(ContentType.JSON).header("X-Api-Key", "wrong").body(Map.of("query", "Montenegro"))
                .post("/rules").then().statusCode(403);
        given().get("/rules").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().contentType(ContentType.JSON).header("X-Api-Key", AlerterTestResource.API_KEY);
    }
}
