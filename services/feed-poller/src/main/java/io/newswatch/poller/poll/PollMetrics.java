package io.newswatch.poller.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The poller's counters, for {@code /q/metrics}: what ops watch to see that feeds flow and why some do not. */
public final class PollMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter unchanged;
    private final Counter duplicates;
    private final Counter notRead;
    private final Counter cut;
    private final Counter bytes;
    private final Counter refused;
    private final Timer pollTimer;

    public PollMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("newswatch.poller.articles.published")
                .description("Articles published to the raw topic (new ones and new revisions)").register(registry);
        this.unchanged = Counter.builder("newswatch.poller.items.skipped").tag("reason", "unchanged")
                .description("Feed items not published again").register(registry);
        this.duplicates = Counter.builder("newswatch.poller.items.skipped").tag("reason", "duplicate")
                .description("Feed items not published again").register(registry);
        this.notRead = Counter.builder("newswatch.poller.items.not.read")
                .description("Unchanged feed items whose element was not read again (as when it was recorded)")
                .register(registry);
        this.cut = Counter.builder("newswatch.poller.items.cut")
                .description("Feed items cut out of the feed's text before its XML read (their text as when recorded)")
                .register(registry);
        this.bytes = Counter.builder("newswatch.poller.http.bytes").baseUnit("bytes")
                .description("Bytes received from feeds and pages, before decompression").register(registry);
        this.refused = Counter.builder("newswatch.poller.links.refused")
                .description("Article links the address guard refused to fetch").register(registry);
        this.pollTimer = Timer.builder("newswatch.poller.poll.duration")
                .description("Time a poll takes, article pages included").register(registry);
    }

    /**
     * A finished poll: {@code outcome} is ok, not_modified (304), unchanged (the same body as the last poll) or
     * failed; {@code error} the failure kind or none.
     */
    void poll(String outcome, String error, Duration took) {
        registry.counter("newswatch.poller.polls", "outcome", outcome, "error", error).increment();
        pollTimer.record(took);
    }

    void published() {
        published.increment();
    }

    void unchanged() {
        unchanged.increment();
    }

    /** An unchanged item whose element was not read again (also counted by {@link #unchanged()}). */
    void notRead() {
        notRead.increment();
    }

    /** Items of a feed cut out of its text before the XML read (also counted by {@link #notRead()}). */
    void cut(int items) {
        cut.increment(items);
    }

    void duplicate() {
        duplicates.increment();
    }

    void bytes(long count) {
        bytes.increment(count);
    }

    void refused() {
        refused.increment();
    }

    /** An article page: ok, failed, refused, not_html, robots_disallowed or robots_unavailable. */
    void page(String outcome) {
        registry.counter("newswatch.poller.pages", "outcome", outcome).increment();
    }

    /** New items a poll left for the next poll because of the pace: {@code reason} downstream_behind or ceiling. */
    void paced(String reason, int count) {
        if (count > 0) {
            registry.counter("newswatch.poller.items.paced", "reason", reason).increment(count);
        }
    }

    /** A repair or workaround while parsing a feed. */
    void parseWarnings(int count) {
        if (count > 0) {
            registry.counter("newswatch.poller.parse.warnings").increment(count);
        }
    }
}
