package io.newswatch.alerter.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerter.MutableClock;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /alerts}: Elasticsearch merged with memory, memory alone while Elasticsearch is down. */
class RecentAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final AlertHistory memory = new AlertHistory(10);
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> searches = new ArrayList<>();
    private JsonNode answer = hits();
    private IOException failure;

    private final RecentAlerts alerts = new RecentAlerts(body -> {
        searches.add(body);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }, memory, clock);

    @Test
    void elasticsearchAndMemoryAreMergedNewestFirst() {
        Alert fresh = alert("fresh", "rule-a", T0.plusSeconds(60), List.of());
        memory.apply(fresh, 0);
        Alert delivered = AlertHistory.withDeliveries(fresh,
                List.of(new Alert.Delivery("log", "delivered", 1, T0.plusSeconds(61), null)));
        memory.apply(delivered, 0);
        answer = hits(document(alert("old", "rule-a", T0.minusSeconds(3600), List.of())),
                document(fresh));

        RecentAlerts.Answer result = alerts.recent(null, 10);
        assertThat(result.origin()).isEqualTo(RecentAlerts.Origin.ELASTICSEARCH);
        assertThat(result.alerts()).extracting(Alert::id).containsExactly("fresh", "old");
        assertThat(result.alerts().getFirst().deliveries()).extracting(Alert.Delivery::status)
                .containsExactly("delivered");
    }

    @Test
    void aRuleFilterGoesToElasticsearch() {
        alerts.recent("rule-a", 5);
        // one more than the page, to know whether another page follows
        assertThat(searches.getFirst()).contains("\"rule.id\":\"rule-a\"", "\"size\":6");
    }

    @Test
    void pagesFromMemoryWalkEveryAlertOnceNewestFirstTiesByIdDescending() {
        failure = new ConnectException("Connection refused");
        memory.apply(alert("a", "rule-a", T0, List.of()), 0);
        memory.apply(alert("b", "rule-a", T0, List.of()), 0);
        memory.apply(alert("c", "rule-a", T0.minusSeconds(5), List.of()), 0);
        RecentAlerts.Answer first = alerts.recent(null, 2, null);
        assertThat(first.alerts()).extracting(Alert::id).containsExactly("b", "a");
        RecentAlerts.Position next = RecentAlerts.Position.parse(first.next().text()).orElseThrow();
        RecentAlerts.Answer second = alerts.recent(null, 2, next);
        assertThat(second.alerts()).extracting(Alert::id).containsExactly("c");
        assertThat(second.next()).isNull();
        assertThat(RecentAlerts.Position.parse("no bar")).isEmpty();
    }

    @Test
    void aPageStartsAfterThePositionOfTheLastAlertOfThePreviousOne() {
        alerts.recent(null, 2, new RecentAlerts.Position(java.time.Instant.ofEpochMilli(1_000), "alert-b"));
        assertThat(searches.getFirst()).contains("\"search_after\":[1000,\"alert-b\"]",
                "{\"timestamp\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"desc\"}}");
    }

    @Test
    void memoryAnswersWhileElasticsearchIsDownAndItIsLeftAloneForAWhile() {
        memory.apply(alert("a1", "rule-a", T0, List.of()), 0);
        failure = new ConnectException("Connection refused");

        assertThat(alerts.recent(null, 10)).satisfies(result -> {
            assertThat(result.origin()).isEqualTo(RecentAlerts.Origin.MEMORY);
            assertThat(result.alerts()).extracting(Alert::id).containsExactly("a1");
        });
        alerts.recent(null, 10);
        assertThat(searches).hasSize(1);

        failure = null;
        clock.advance(RecentAlerts.QUIET_AFTER_FAILURE.plusSeconds(1));
        assertThat(alerts.recent(null, 10).origin()).isEqualTo(RecentAlerts.Origin.ELASTICSEARCH);
        assertThat(searches).hasSize(2);
    }

    @Test
    void aDocumentOfTheIndexerReadsBackIntoTheAlert() {
        Alert alert = alert("a1", "rule-a", T0, List.of(new Alert.Delivery("log", "delivered", 1, T0, null)));
        assertThat(RecentAlerts.alert(document(alert))).isEqualTo(alert);
    }

    @Test
    void alertsOfEarlierVersionsInElasticsearchAreShownWithoutTheirSecrets() {
        String hook = "webhook:https://ops.example/hooks/in?token=s3cr3t";
        ObjectNode old = document(new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, "old", T0, "rule-a", "Rule A", "q",
                "article-old", "https://wire.example/old", "Title", "Wire", "story-old", 1, 0, null,
                new Alert.Explanation(List.of(), List.of(), List.of(), List.of(), null), List.of("log", hook),
                List.of(new Alert.Delivery(hook, "failed", 1, T0, null)), T0));
        ((ObjectNode) old.withArray("deliveries").get(0)).put("error",
                "POST https://ops.example/… answered HTTP 401: {\"error\": \"bad token s3cr3t\"}");
        answer = hits(old);

        Alert shown = alerts.recent(null, 10).alerts().getFirst();
        assertThat(shown.channels()).containsExactly("log", "webhook:ops.example");
        assertThat(shown.deliveries().getFirst().channel()).isEqualTo("webhook:ops.example");
        assertThat(shown.deliveries().getFirst().error()).isEqualTo("POST https://ops.example answered HTTP 401");
        assertThat(Json.encode(shown)).doesNotContain("s3cr3t", "/hooks");
    }

    private static Alert alert(String id, String rule, Instant at, List<Alert.Delivery> deliveries) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, at, rule, "Rule A", "Montenegro", "article-" + id,
                "https://wire.example/" + id, "Title", "Wire", "story-" + id, 2, 0, "<em>Montenegro</em>",
                new Alert.Explanation(List.of("<em>Montenegro</em>"), List.of("Montenegro"), List.of(), List.of(),
                        null), List.of("log"), deliveries, at.minusSeconds(5));
    }

    /** The alert as the indexer stores it (deploy/elasticsearch/newswatch-alerts.index-template.json). */
    private static ObjectNode document(Alert alert) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("id", alert.id());
        doc.put("timestamp", alert.timestamp().toString());
        doc.putObject("rule").put("id", alert.ruleId()).put("name", alert.ruleName()).put("query", alert.query());
        doc.putObject("article").put("id", alert.articleId()).put("url", alert.url()).put("title", alert.title())
                .put("fetched", alert.articleFetched().toString());
        doc.put("source", alert.source());
        doc.putObject("story").put("id", alert.storyId()).put("outlets", alert.storyOutlets());
        doc.put("level", alert.level());
        doc.put("snippet", alert.snippet());
        alert.explanation().passages().forEach(doc.withArray("passages")::add);
        alert.explanation().terms().forEach(doc.withArray("terms")::add);
        doc.putArray("entities");
        doc.putArray("topics");
        alert.channels().forEach(doc.withArray("channels")::add);
        var deliveries = doc.putArray("deliveries");
        alert.deliveries().forEach(d -> deliveries.addObject().put("channel", d.channel()).put("status", d.status())
                .put("attempts", d.attempts()).put("at", d.at().toString()));
        return doc;
    }

    private static JsonNode hits(ObjectNode... documents) {
        ObjectNode answer = Json.mapper().createObjectNode();
        var hits = answer.putObject("hits").putArray("hits");
        for (ObjectNode document : documents) {
            hits.addObject().set("_source", document);
        }
        return answer;
    }
}
