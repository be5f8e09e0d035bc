package io.newswatch.indexer.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Alert;
import io.newswatch.indexer.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertDocumentTest {

    private static final Instant LATER = Fixtures.FETCHED.plusSeconds(60);

    @Test
    void everyFieldOfTheDocumentIsMappedByTheTemplate() throws Exception {
        Alert alert = Fixtures.alert("rule-1", "article-1",
                List.of(new Alert.Delivery("webhook:ops", "failed", 3, LATER, "HTTP 500")));
        JsonNode document = DocumentJson.mapper().readTree(DocumentJson.writeBytes(AlertDocument.of(alert)));

        assertThat(TemplateFields.unmapped(document, TemplateFields.properties("newswatch-alerts"))).isEmpty();
        assertThat(document.at("/rule/name").asText()).isEqualTo("Montenegro watch");
        assertThat(document.at("/article/fetched").asText()).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(document.at("/deliveries/0/error").asText()).isEqualTo("HTTP 500");
        assertThat(document.get("latency_ms").asLong()).isEqualTo(3000);
    }

    @Test
    void theStatusSumsUpTheDeliveries() {
        assertThat(AlertDocument.status(Fixtures.alert("r", "a", List.of()))).isEqualTo("pending");
        assertThat(AlertDocument.status(Fixtures.alert("r", "a", List.of(
                new Alert.Delivery("log", "delivered", 1, LATER, null),
                new Alert.Delivery("webhook:ops", "retrying", 2, LATER, "timeout"))))).isEqualTo("retrying");
        assertThat(AlertDocument.status(Fixtures.alert("r", "a", List.of(
                new Alert.Delivery("log", "delivered", 1, LATER, null),
                new Alert.Delivery("webhook:ops", "failed", 5, LATER, "HTTP 500"))))).isEqualTo("failed");
        assertThat(AlertDocument.status(Fixtures.alert("r", "a", List.of(
                new Alert.Delivery("log", "delivered", 1, LATER, null))))).isEqualTo("delivered");
    }

    @Test
    void aLaterDeliveryStateHasAHigherVersion() {
        Alert raised = Fixtures.alert("r", "a", List.of());
        Alert delivered = Fixtures.alert("r", "a", List.of(new Alert.Delivery("log", "delivered", 1, LATER, null)));

        assertThat(AlertDocument.version(raised)).isEqualTo(raised.timestamp().toEpochMilli());
        assertThat(AlertDocument.version(delivered)).isEqualTo(LATER.toEpochMilli());
    }
}
