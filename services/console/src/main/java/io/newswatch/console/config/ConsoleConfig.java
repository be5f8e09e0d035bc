package io.newswatch.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The console's settings ({@code newswatch.console.*}, or {@code NEWSWATCH_CONSOLE_*}). Elasticsearch is configured
 * as in every service ({@code newswatch.elasticsearch.*}), Kafka too ({@code kafka.bootstrap.servers} and any other
 * {@code KAFKA_*} client setting). The console holds no API key of its own: writes carry the key an analyst signed in
 * with.
 */
@ConfigMapping(prefix = "newswatch.console")
public interface ConsoleConfig {

    /** Base URL of the alerter's API: rules, alerts, searches and previews. */
    @WithDefault("http://localhost:8084")
    URI alerterUrl();

    /** Base URL of the feed-poller's API: feeds and their health. */
    @WithDefault("http://localhost:8081")
    URI pollerUrl();

    /** Timeout of one call to the alerter or the poller (a search or a rule preview included). */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Alerts listed when the alerts page opens (the newest, from the alerter's history). */
    @WithDefault("50")
    int recentAlerts();

    /** Live alerts kept in memory, so that a page that reconnects gets what it missed. */
    @WithDefault("500")
    int liveBuffer();

    /** Time zone of the times the pages show. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * Mark the session cookie {@code Secure} (sent over HTTPS only). Set it when the console is served over HTTPS,
     * directly or behind a proxy; it is also set whenever a request arrives over HTTPS.
     */
    @WithDefault("false")
    boolean secureCookies();
}
