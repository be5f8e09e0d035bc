package io.newswatch.indexer.document;

import io.newswatch.contract.Alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert as it is stored in Elasticsearch: the fields of {@code deploy/elasticsearch/newswatch-alerts
 * .index-template.json}, one document per alert id. The alerter publishes an alert again as its deliveries
 * progress; {@link #version(Alert)} makes the latest state win whatever order the copies arrive in.
 */
public record AlertDocument(
        String id,
        Instant timestamp,
        RuleFields rule,
        ArticleFields article,
        String source,
        StoryFields story,
        int level,
        String snippet,
        List<String> passages,
        List<String> terms,
        List<String> entities,
        List<String> topics,
        List<String> channels,
        List<DeliveryFields> deliveries,
        String status,
        Long latencyMs) {

    /** The rule as it was when it fired. */
    public record RuleFields(String id, String name, String query) {
    }

    /** The article it fired on. */
    public record ArticleFields(String id, String url, String title, Instant fetched) {
    }

    /** The article's story. */
    public record StoryFields(String id, int outlets) {
    }

    /** The outcome of one channel. */
    public record DeliveryFields(String channel, String status, int attempts, Instant at, String error) {
    }

    /** The document of an alert. */
    public static AlertDocument of(Alert alert) {
        Alert.Explanation explanation = alert.explanation();
        return new AlertDocument(
                alert.id(),
                alert.timestamp(),
                new RuleFields(alert.ruleId(), alert.ruleName(), alert.query()),
                new ArticleFields(alert.articleId(), alert.url(), alert.title(), alert.articleFetched()),
                alert.source(),
                alert.storyId() == null ? null : new StoryFields(alert.storyId(), alert.storyOutlets()),
                alert.level(),
                alert.snippet(),
                explanation == null ? List.of() : explanation.passages(),
                explanation == null ? List.of() : explanation.terms(),
                explanation == null ? List.of() : explanation.entities(),
                explanation == null ? List.of() : explanation.topics(),
                alert.channels(),
                alert.deliveries().stream().map(d -> new DeliveryFields(d.channel(), d.status(), d.attempts(),
                        d.at(), d.error())).toList(),
                status(alert),
                latencyMillis(alert));
    }

    /**
     * One word for the alert's delivery, for filtering in Kibana: {@code failed} when any channel failed, else
     * {@code retrying} when any is retrying, {@code delivered} when all delivered, {@code pending} before the first
     * outcome.
     */
    static String status(Alert alert) {
        List<String> statuses = alert.deliveries().stream().map(Alert.Delivery::status).filter(Objects::nonNull)
                .toList();
        if (statuses.isEmpty()) {
            return "pending";
        }
        for (String worst : List.of("failed", "retrying")) {
            if (statuses.contains(worst)) {
                return worst;
            }
        }
        return statuses.stream().allMatch("delivered"::equals) ? "delivered" : "pending";
    }

    /**
     * The external version: the time of the alert's latest news (its last delivery attempt, else when it was
     * raised), in milliseconds. A later state overwrites an earlier one ({@code external_gte}), never the reverse.
     */
    public static long version(Alert alert) {
        Instant latest = alert.timestamp() == null ? Instant.EPOCH : alert.timestamp();
        for (Alert.Delivery delivery : alert.deliveries()) {
            if (delivery.at() != null && delivery.at().isAfter(latest)) {
                latest = delivery.at();
            }
        }
        return Math.max(0, latest.toEpochMilli());
    }

    /** From the poller seeing the article to the alert being raised. */
    private static Long latencyMillis(Alert alert) {
        if (alert.articleFetched() == null || alert.timestamp() == null) {
            return null;
        }
        return Math.max(0, Duration.between(alert.articleFetched(), alert.timestamp()).toMillis());
    }
}
