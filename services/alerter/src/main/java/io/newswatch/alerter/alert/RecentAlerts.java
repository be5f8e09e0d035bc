package io.newswatch.alerter.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /alerts}: the alert history in Elasticsearch (what the indexer wrote to the alerts alias) merged with
 * the alerts this instance holds in memory, which are fresher (the indexer is a moment behind) and all there is
 * while Elasticsearch is down. After a failure Elasticsearch is left alone for a while, so that a dead cluster
 * does not slow every request down.
 */
public final class RecentAlerts {

    private static final Logger LOG = Logger.getLogger(RecentAlerts.class);
    static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(15);

    /** One search of the alerts alias. */
    @FunctionalInterface
    public interface Search {
        JsonNode post(String body) throws IOException;
    }

    /** Where the answer came from. */
    public enum Origin {
        ELASTICSEARCH, MEMORY
    }

    /** The alerts, newest first, and where they came from. */
    public record Answer(List<Alert> alerts, Origin origin) {
    }

    private final Search search;
    private final AlertHistory memory;
    private final Clock clock;
    private volatile Instant quietUntil = Instant.MIN;

    public RecentAlerts(Search search, AlertHistory memory, Clock clock) {
        this.search = search;
        this.memory = memory;
        this.clock = clock;
    }

    /** The newest alerts, of one rule when {@code ruleId} is given. */
    public Answer recent(String ruleId, int limit) {
        List<Alert> inMemory = memory.recent(alert -> ruleId == null || ruleId.equals(alert.ruleId()), limit);
        if (clock.instant().isBefore(quietUntil)) {
            return new Answer(inMemory, Origin.MEMORY);
        }
        List<Alert> stored;
        try {
            stored = fromElasticsearch(ruleId, limit);
        } catch (IOException | RuntimeException e) {
            quietUntil = clock.instant().plus(QUIET_AFTER_FAILURE);
            LOG.warnf("Serving alerts from memory: Elasticsearch did not answer (%s)", e.getMessage());
            return new Answer(inMemory, Origin.MEMORY);
        }
        Map<String, Alert> merged = new LinkedHashMap<>();
        stored.forEach(alert -> merged.put(alert.id(), alert));
        inMemory.forEach(alert -> merged.merge(alert.id(), alert, RecentAlerts::newer));
        List<Alert> alerts = new ArrayList<>(merged.values());
        alerts.sort(Comparator.comparing(Alert::timestamp, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Answer(alerts.size() > limit ? List.copyOf(alerts.subList(0, limit)) : alerts,
                Origin.ELASTICSEARCH);
    }

    private List<Alert> fromElasticsearch(String ruleId, int limit) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", limit);
        body.putArray("sort").addObject().putObject("timestamp").put("order", "desc");
        if (ruleId != null) {
            body.putObject("query").putObject("bool").putArray("filter").addObject().putObject("term")
                    .put("rule.id", ruleId);
        }
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode hit : search.post(Json.encode(body)).path("hits").path("hits")) {
            // the indexer keeps what the alerts topic held, whole channels included for older alerts
            alerts.add(Redaction.alert(alert(hit.path("_source"))));
        }
        return alerts;
    }

    /** The alert an alerts-alias document was made from (the indexer's snake-case shape). */
    static Alert alert(JsonNode doc) {
        JsonNode rule = doc.path("rule");
        JsonNode article = doc.path("article");
        JsonNode story = doc.path("story");
        List<Alert.Delivery> deliveries = new ArrayList<>();
        for (JsonNode delivery : doc.path("deliveries")) {
            deliveries.add(new Alert.Delivery(text(delivery, "channel"), text(delivery, "status"),
                    delivery.path("attempts").asInt(), instant(delivery.path("at")), text(delivery, "error")));
        }
        Alert.Explanation explanation = new Alert.Explanation(strings(doc.path("passages")),
                strings(doc.path("terms")), strings(doc.path("entities")), strings(doc.path("topics")), null);
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, text(doc, "id"), instant(doc.path("timestamp")),
                text(rule, "id"), text(rule, "name"), text(rule, "query"), text(article, "id"), text(article, "url"),
                text(article, "title"), text(doc, "source"), text(story, "id"), story.path("outlets").asInt(),
                doc.path("level").asInt(), text(doc, "snippet"), explanation, strings(doc.path("channels")),
                deliveries, instant(article.path("fetched")));
    }

    /** The copy with more news: more channel statuses, or a later last attempt. */
    static Alert newer(Alert a, Alert b) {
        return latest(b).isAfter(latest(a)) || b.deliveries().size() > a.deliveries().size() ? b : a;
    }

    private static Instant latest(Alert alert) {
        Instant latest = alert.timestamp() == null ? Instant.EPOCH : alert.timestamp();
        for (Alert.Delivery delivery : alert.deliveries()) {
            if (delivery.at() != null && delivery.at().isAfter(latest)) {
                latest = delivery.at();
            }
        }
        return latest;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
