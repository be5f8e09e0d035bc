package io.newswatch.alerter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alerter's settings ({@code newswatch.alerter.*}, or the matching {@code NEWSWATCH_ALERTER_*} variables). */
@ConfigMapping(prefix = "newswatch.alerter")
public interface AlerterConfig {

    /** YAML file of rules written to the rule store at every start, by id (env NEWSWATCH_RULES_FILE); unset: none. */
    Optional<Path> rulesFile();

    /** How long matching waits at start for the rule store and the alert history to be read. */
    @WithDefault("5m")
    Duration startupTimeout();

    /** How long a rule change through the API may take to be stored and read back before the request fails. */
    @WithDefault("15s")
    Duration ruleWriteTimeout();

    /** Alerts kept in memory, newest first, for GET /alerts while Elasticsearch is down. */
    @WithDefault("1000")
    int recentAlerts();

    /** Base URL of Kibana, for the link to the article in each alert; unset: no link. */
    Optional<URI> kibanaUrl();

    /** Notifications. */
    Delivery delivery();

    /** What each rule raised on each open story (the alert state topic). */
    State state();

    /** How long the alert state of a story is kept. */
    interface State {

        /**
         * How long a story stays open after its latest article: the enricher's
         * {@code newswatch.enricher.stories.window}. A rule's state on a story is tombstoned once this (or the rule's
         * realert, when longer), plus a margin, has passed since the story's latest article.
         */
        @WithDefault("P3D")
        Duration storyWindow();
    }

    /** Backtests against the article history in Elasticsearch. */
    Backtest backtest();

    /** Address guard of webhook and Slack deliveries (SSRF). */
    Ssrf ssrf();

    /** Which internal addresses webhooks may reach all the same. */
    interface Ssrf {

        /**
         * Host names, addresses or CIDR ranges, each optionally with {@code :port} (e.g. {@code hooks.intranet},
         * {@code 127.0.0.1:9000}, {@code 10.1.0.0/16}, {@code [::1]:9000}), that webhook and Slack URLs may point
         * to although they resolve to internal addresses (loopback, private, link-local...): a receiver on your
         * own network, tests. Nothing else internal is ever contacted.
         */
        Optional<List<String>> allow();
    }

    /** How backtests search. */
    interface Backtest {

        /** Candidates checked with the live matcher per query; beyond, the result says it is incomplete. */
        @WithDefault("5000")
        int maxCandidates();

        /** Timeout of each search request. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** How alerts reach their channels. */
    interface Delivery {

        /** Attempts per channel before an alert is dead-lettered for that channel. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the first retry; it doubles after each failure (with jitter) up to max-backoff. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Longest wait between two attempts (a Retry-After header may ask for longer, up to this). */
        @WithDefault("5m")
        Duration maxBackoff();

        /** Timeout of connecting to a webhook. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Timeout of a whole webhook request, response included. */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * Alerts on articles older than this (fetched time) are recorded but not notified, so that a first start
         * over old history or a long outage does not flood the channels.
         */
        @WithDefault("24h")
        Duration maxAge();

        /** Named webhook URLs: {@code newswatch.alerter.delivery.webhooks.NAME=URL}, for webhook:NAME and slack:NAME. */
        Map<String, URI> webhooks();
    }
}
