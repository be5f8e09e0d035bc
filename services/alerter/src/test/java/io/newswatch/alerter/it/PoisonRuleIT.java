package io.newswatch.alerter.it;

import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.LocalStackTestResource.InjectTestStack;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.newswatch.alerter.Articles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * 10,000 rules, one of them a clause bomb stored around the API (as an older version or another writer could):
 * a stream of articles through Kafka alerts every other rule exactly once, the bomb is shown broken with its
 * reason, the API refuses it with a 400 that says why and where, and an edit mends it.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(AlerterTestResource.class)
class PoisonRuleIT {

    private static final int RULES = 10_000;
    private static final int WORDS_PER_ARTICLE = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @InjectTestStack
    TestStack stack;

    @Test
    void oneRuleThatFailsOnEveryArticleStopsNoOtherRule() {
        Topics topics = new Topics(stack);
        Instant written = Instant.parse("2026-11-20T08:00:00Z");
        List<Map.Entry<String, String>> rules = new ArrayList<>();
        for (int i = 0; i < RULES - 1; i++) {
            rules.add(Map.entry(id(i), Json.encode(rule(id(i), word(i), written))));
            if (i == RULES / 2) {
                rules.add(Map.entry("poison", Json.encode(rule("poison", clauseBomb(), written))));
            }
        }
        int before = ruleCount();
        long started = System.nanoTime();
        topics.sendTogether(stack.topics().rules(), rules);
        // keys spread over partitions: every rule is in once the last of each partition is
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> ruleCount() >= before + RULES);
        System.out.printf("%d rules written and read by the alerter in %d ms%n", RULES,
                (System.nanoTime() - started) / 1_000_000);

        given().get("/rules/poison").then().statusCode(200)
                .body("query", equalTo(clauseBomb()))
                .body("problem.reason", containsString("1200 clauses"))
                .body("problem.position", equalTo(0))
                .body("problem.since", equalTo(written.toString()));
        // (the gauge alerter_rules_broken reads the same count; in a test JVM that restarts Quarkus per test class,
        // Micrometer keeps the first application's gauges, so the readiness check is where to read it here)
        assertThat(given().get("/q/health/ready").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'alerter' }.data.rulesBroken")).isEqualTo(1);
        given().contentType(ContentType.JSON).header("X-Api-Key", AlerterTestResource.API_KEY)
                .body(Map.of("query", clauseBomb())).post("/rules").then().statusCode(400)
                .body("field", equalTo("query")).body("position", equalTo(0))
                .body("error", containsString("1200 clauses"));

        // The stream: every article holds "the" and "of" (the bomb's candidates) and the words of 100 rules;
        // then the first half again (a replay raises nothing).
        int articles = (RULES - 1 + WORDS_PER_ARTICLE - 1) / WORDS_PER_ARTICLE;
        List<Map.Entry<String, String>> stream = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            stream.add(bulletin(a));
        }
        stream.addAll(stream.subList(0, articles / 2));
        started = System.nanoTime();
        topics.sendTogether(stack.topics().articlesEnriched(), stream);

        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < RULES - 1; i++) {
            expected.put(Ids.alert(id(i), story(i / WORDS_PER_ARTICLE), 0), id(i));
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> raised(topics).keySet().containsAll(expected.keySet()));
        System.out.printf("%d articles (and %d replayed) raised %d alerts in %d ms%n", articles, articles / 2,
                expected.size(), (System.nanoTime() - started) / 1_000_000);

        Map<String, Long> raised = raised(topics);
        assertThat(raised.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(raised).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
        assertThat(topics.readAll(stack.topics().deadLetters()).stream()
                .filter(r -> r.key() != null && r.key().startsWith("poison-article-"))).isEmpty();

        // Edited, the rule matches again.
        given().contentType(ContentType.JSON).header("X-Api-Key", AlerterTestResource.API_KEY)
                .body(Map.of("query", "mended")).put("/rules/poison").then().statusCode(200)
                .body("problem", nullValue());
        EnrichedArticle mended = article().url("https://wire.example/mended").title("Mended")
                .body("The rule was mended.").story("story-mended", 1, 1).build();
        topics.send(stack.topics().articlesEnriched(), mended.id(), Json.encode(mended));
        await().atMost(PATIENCE).until(() -> raised(topics).containsKey(Ids.alert("poison", "story-mended", 0)));
        given().get("/rules/poison").then().body("problem", nullValue()).body("id", notNullValue());
    }

    /** Rules the alerter holds, as its readiness check says (cheaper than listing 10,000 rules). */
    private static int ruleCount() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'alerter' }.data.rules");
    }

    private static Map.Entry<String, String> bulletin(int index) {
        StringBuilder body = new StringBuilder("The bulletin of the day.");
        for (int i = index * WORDS_PER_ARTICLE; i < Math.min(RULES - 1, (index + 1) * WORDS_PER_ARTICLE); i++) {
            body.append(' ').append(word(i));
        }
        EnrichedArticle article = article().url("https://wire.example/bulletin-" + index).title("Bulletin " + index)
                .body(body.toString()).story(story(index), 1, 1).build();
        return Map.entry("poison-article-" + index, Json.encode(article));
    }

    private static String story(int article) {
        return "story-bulletin-" + article;
    }

    private static String id(int rule) {
        return "rule-" + rule;
    }

    /** A word of letters only, one per rule: "nwaaaa", "nwaaab", ... */
    private static String word(int rule) {
        StringBuilder word = new StringBuilder();
        int n = rule;
        for (int i = 0; i < 4; i++) {
            word.insert(0, (char) ('a' + n % 26));
            n /= 26;
        }
        return "nw" + word;
    }

    private static Rule rule(String id, String query, Instant written) {
        return new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, written, id, query, List.of(), true, null, List.of(),
                Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null);
    }

    /** {@code (the OR w0 ... OR w598) AND (of OR v0 ... OR v598)}: 1,200 clauses, refused by Lucene when it runs. */
    private static String clauseBomb() {
        StringBuilder query = new StringBuilder("(the");
        for (int i = 0; i < 599; i++) {
            query.append(" OR w").append(i);
        }
        query.append(") AND (of");
        for (int i = 0; i < 599; i++) {
            query.append(" OR v").append(i);
        }
        return query.append(')').toString();
    }

    /** Alert ids of this test's rules raised on the alerts topic (first records), with how often. */
    private Map<String, Long> raised(Topics topics) {
        return topics.readAll(stack.topics().alerts()).stream()
                .map(r -> Json.decode(r.value(), Alert.class))
                .filter(alert -> alert.deliveries().isEmpty())
                .filter(alert -> alert.ruleId().startsWith("rule-") || alert.ruleId().equals("poison"))
                .collect(Collectors.groupingBy(Alert::id, Collectors.counting()));
    }
}
