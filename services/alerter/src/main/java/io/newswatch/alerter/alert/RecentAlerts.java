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
import java.util.function.Predicate;

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

    /**
     * The alerts, newest first, where they came from, and where the next page starts (null on the last page).
     */
    public record Answer(List<Alert> alerts, Origin origin, Position next) {
    }

    /**
     * A place in the listing: the listing is ordered by time, newest first, then by id (descending), and a page
     * starts after a position. Its text form is what a cursor carries.
     */
    public record Position(Instant timestamp, String id) {

        /** The listing's order. */
        static final Comparator<Alert> ORDER = Comparator
                .comparing(Alert::timestamp, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Alert::id, Comparator.nullsLast(Comparator.reverseOrder()));

        static Position of(Alert alert) {
            return new Position(alert.timestamp() == null ? Instant.EPOCH : alert.timestamp(), alert.id());
        }

        /** True when the alert comes after this position in the listing. */
        boolean precedes(Alert alert) {
            Instant at = alert.timestamp() == null ? Instant.EPOCH : alert.timestamp();
            int byTime = at.compareTo(timestamp);
            return byTime < 0 || byTime == 0 && alert.id() != null && alert.id().compareTo(id) < 0;
        }

        public String text() {
            return timestamp.toEpochMilli() + "|" + id;
        }

        /** The position a cursor's text names, or empty when it is not one. */
        public static java.util.Optional<Position> parse(String text) {
            int bar = text.indexOf('|');
            try {
                return bar < 1 ? java.util.Optional.empty() : java.util.Optional.of(new Position(
                        Instant.ofEpochMilli(Long.parseLong(text.substring(0, bar))), text.substring(bar + 1)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
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
        return recent(ruleId, limit, null);
    }

    /**
     * A page of alerts, newest first, of one rule when {@code ruleId} is given.
     *
     * @param after where the page starts (the previous page's {@link Answer#next()}), or null for the newest
     */
    public Answer recent(String ruleId, int limit, Position after) {
        Predicate<Alert> wanted = alert -> (ruleId == null || ruleId.equals(alert.ruleId()))
                && (after == null || after.precedes(alert));
        // one more than the page, to know whether another follows
        List<Alert> inMemory = new ArrayList<>(memory.recent(wanted, limit + 1));
        inMemory.sort(Position.ORDER);
        if (clock.instant().isBefore(quietUntil)) {
            return page(inMemory, Origin.MEMORY, limit);
        }
        List<Alert> stored;
        try {
            stored = fromElasticsearch(ruleId, limit + 1, after);
        } catch (IOException | RuntimeException e) {
            quietUntil = clock.instant().plus(QUIET_AFTER_FAILURE);
            LOG.warnf("Serving alerts from memory: Elasticsearch did not answer (%s)", e.getMessage());
            return page(inMemory, Origin.MEMORY, limit);
        }
        Map<String, Alert> merged = new LinkedHashMap<>();
        stored.stream().filter(wanted).forEach(alert -> merged.put(alert.id(), alert));
        inMemory.forEach(alert -> merged.merge(alert.id(), alert, RecentAlerts::newer));
        List<Alert> alerts = new ArrayList<>(merged.values());
        alerts.sort(Position.ORDER);
        return page(alerts, Origin.ELASTICSEARCH, limit);
    }

    private static Answer page(List<Alert> sorted, Origin origin, int limit) {
        if (sorted.size() <= limit) {
            return new Answer(sorted, origin, null);
        }
        List<Alert> page = List.copyOf(sorted.subList(0, limit));
        return new Answer(page, origin, Position.of(page.get(limit - 1)));
    }

    private List<Alert> fromElasticsearch(String ruleId, int size, Position after) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", size);
        var sort = body.putArray("sort");
        sort.addObject().putObject("timestamp").put("order", "desc");
        sort.addObject().putObject("id").put("order", "desc");
        if (after != null) {
            body.putArray("search_after").add(after.timestamp().toEpochMilli()).add(after.id());
        }
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
