package io.newswatch.contract.kafka;

import java.time.Duration;
import java.util.List;

/**
 * The names of newswatch's Kafka topics under one prefix ({@code newswatch.} by default; tests use their own so
 * they never see each other's messages). Services read their topic names from configuration whose defaults are
 * these names; tests and the local stack use this class.
 *
 * @param prefix prepended to every topic name, usually ending in a dot
 */
public record TopicNames(String prefix) {

    /** Prefix of the deployed system. */
    public static final String DEFAULT_PREFIX = "newswatch.";
    public static final TopicNames DEFAULT = new TopicNames(DEFAULT_PREFIX);

    /**
     * How long the article streams keep records: Elasticsearch is the archive, the topics are a buffer that lets a
     * stopped consumer catch up after a week away, and lets the indexer be re-run over the last week.
     */
    public static final Duration ARTICLES_RETENTION = Duration.ofDays(7);

    /**
     * How long the alerts topic keeps records. Every alerter reads it whole at start for the notifications still to
     * settle and its recent alerts; what was notified on each open story outlives it in {@link #alertState()}. Elasticsearch keeps the alerts themselves longer (the indexer's retention).
     */
    public static final Duration ALERTS_RETENTION = Duration.ofDays(90);

    /** How long dead letters are kept: time to notice, fix the cause and replay. */
    public static final Duration DEAD_LETTERS_RETENTION = Duration.ofDays(30);

    /** Articles from the feed-poller, keyed by article id. */
    public String articlesRaw() {
        return prefix + "articles.raw";
    }

    /** Articles with entities, topics and story, keyed by article id. */
    public String articlesEnriched() {
        return prefix + "articles.enriched";
    }

    /** Alerts, keyed by alert id. */
    public String alerts() {
        return prefix + "alerts";
    }

    /**
     * The alerter's alert state (compacted), keyed by {@code ruleId/storyId}: what each rule has raised and notified
     * on each open story, so that a restart re-notifies nothing however long ago the alerts were raised; a tombstone
     * once the story has closed.
     */
    public String alertState() {
        return prefix + "alerts.state";
    }

    /** The rule store (compacted), keyed by rule id. */
    public String rules() {
        return prefix + "rules";
    }

    /** The feed registry (compacted), keyed by feed id; its partitions are how poller instances share feeds. */
    public String feeds() {
        return prefix + "feeds";
    }

    /** The poller's per-feed state (compacted), keyed by feed id: validators, schedule, items already published. */
    public String feedState() {
        return prefix + "feeds.state";
    }

    /** The enricher's story state (compacted), keyed by story id, so that a restart rebuilds story clusters. */
    public String stories() {
        return prefix + "stories";
    }

    /** Dead letters of every service: original key and value, with {@link DeadLetterHeaders}. */
    public String deadLetters() {
        return prefix + "dlq";
    }

    /** The poller instances' group on {@link #feeds()}: its partition assignment shares the feeds between them. */
    public String pollerGroup() {
        return prefix + "feed-poller";
    }

    /** The enricher instances' group on {@link #articlesRaw()}. */
    public String enricherGroup() {
        return prefix + "enricher";
    }

    /** The indexer instances' group on {@link #articlesEnriched()} and {@link #alerts()}. */
    public String indexerGroup() {
        return prefix + "indexer";
    }

    /** The alerter instances' group on {@link #articlesEnriched()}: each article matched by one instance. */
    public String alerterGroup() {
        return prefix + "alerter";
    }

    /** The alerter instances' group on {@link #alerts()}: its assignment decides which instance notifies an alert. */
    public String alerterDeliveryGroup() {
        return prefix + "alerter-delivery";
    }

    /** Every consumer group, for tools that list or reset them. */
    public List<String> groups() {
        return List.of(pollerGroup(), enricherGroup(), indexerGroup(), alerterGroup(), alerterDeliveryGroup());
    }

    /** Every topic with how it must be created. */
    public List<TopicSpec> all() {
        return List.of(
                TopicSpec.stream(articlesRaw(), ARTICLES_RETENTION),
                TopicSpec.stream(articlesEnriched(), ARTICLES_RETENTION),
                TopicSpec.stream(alerts(), ALERTS_RETENTION),
                TopicSpec.compacted(alertState()),
                TopicSpec.compacted(rules()),
                TopicSpec.compacted(feeds()),
                TopicSpec.compacted(feedState()),
                TopicSpec.compacted(stories()),
                TopicSpec.stream(deadLetters(), DEAD_LETTERS_RETENTION));
    }
}
