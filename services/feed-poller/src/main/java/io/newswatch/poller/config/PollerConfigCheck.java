package io.newswatch.poller.config;

import io.newswatch.addressguard.AddressGuard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Cross-checks the configuration at start, so that a wrong setting stops the service with a message that says what to fix. */
public final class PollerConfigCheck {

    private PollerConfigCheck() {
    }

    /** @throws IllegalStateException listing every problem found */
    public static void check(PollerConfig config) {
        check(config, Runtime.getRuntime().maxMemory());
    }

    /**
     * @param maxHeap the heap the limits must fit in
     * @throws IllegalStateException listing every problem found
     */
    static void check(PollerConfig config, long maxHeap) {
        List<String> problems = new ArrayList<>();
        positive(problems, "newswatch.poller.min-interval", config.minInterval());
        positive(problems, "newswatch.poller.max-interval", config.maxInterval());
        positive(problems, "newswatch.poller.default-interval", config.defaultInterval());
        if (config.minInterval().compareTo(config.maxInterval()) > 0) {
            problems.add("newswatch.poller.min-interval (" + config.minInterval() + ") is longer than "
                    + "newswatch.poller.max-interval (" + config.maxInterval() + ")");
        }
        positive(problems, "newswatch.poller.http.connect-timeout", config.http().connectTimeout());
        positive(problems, "newswatch.poller.http.read-timeout", config.http().readTimeout());
        positive(problems, "newswatch.poller.http.total-timeout", config.http().totalTimeout());
        positive(problems, "newswatch.poller.backoff.max", config.backoff().max());
        positive(problems, "newswatch.poller.poll-timeout", config.pollTimeout());
        positive(problems, "newswatch.poller.poll-cpu-limit", config.pollCpuLimit());
        if (config.http().maxBodyBytes() < 1024) {
            problems.add("newswatch.poller.http.max-body-bytes must be at least 1024, not " + config.http().maxBodyBytes());
        }
        if (config.http().maxRedirects() < 0) {
            problems.add("newswatch.poller.http.max-redirects must not be negative");
        }
        if (config.maxConcurrentPolls() < 1) {
            problems.add("newswatch.poller.max-concurrent-polls must be at least 1");
        }
        if (config.maxConcurrentPages() < 0) {
            problems.add("newswatch.poller.max-concurrent-pages must not be negative (0: each poll's pages one by one)");
        }
        if (config.politeness().maxConcurrentPerHost() < 1) {
            problems.add("newswatch.poller.politeness.max-concurrent-per-host must be at least 1");
        }
        if (config.politeness().minDelayPerHost().isNegative()) {
            problems.add("newswatch.poller.politeness.min-delay-per-host must not be negative");
        }
        if (config.adaptive().factor() < 1) {
            problems.add("newswatch.poller.adaptive.factor must be at least 1, not " + config.adaptive().factor());
        }
        if (config.maxItemsPerPoll() < 1) {
            problems.add("newswatch.poller.max-items-per-poll must be at least 1");
        }
        if (config.maxItemsPerFeed() < config.maxItemsPerPoll()) {
            problems.add("newswatch.poller.max-items-per-feed (" + config.maxItemsPerFeed() + ") must not be below "
                    + "newswatch.poller.max-items-per-poll (" + config.maxItemsPerPoll() + ")");
        }
        if (config.backpressure().maxLag() < 0) {
            problems.add("newswatch.poller.backpressure.max-lag must not be negative (0: the alert path not watched)");
        }
        if (config.backpressure().indexerMaxLag() < 0) {
            problems.add("newswatch.poller.backpressure.indexer-max-lag must not be negative (0: the indexer not watched)");
        }
        double ceiling = config.backpressure().maxArticlesPerSecond();
        if (!(ceiling >= 0) || Double.isInfinite(ceiling)) {
            problems.add("newswatch.poller.backpressure.max-articles-per-second must be a number of at least 0 "
                    + "(0: no ceiling), not " + ceiling);
        }
        if (config.backpressure().checkInterval().toMillis() < 100) {
            problems.add("newswatch.poller.backpressure.check-interval must be at least 100 ms");
        }
        if (config.rememberedItems() < 10) {
            problems.add("newswatch.poller.remembered-items must be at least 10 (more than a feed shows at once)");
        }
        if (config.http().userAgent().isBlank()) {
            problems.add("newswatch.poller.http.user-agent must say who polls (an empty User-Agent is refused by many sites)");
        }
        try {
            new AddressGuard(config.ssrf().allow().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            problems.add("newswatch.poller.ssrf.allow: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            String heap = HeapPlan.of(maxHeap, config.maxConcurrentPolls(), config.maxConcurrentPages(),
                    config.http().maxBodyBytes()).problem();
            if (heap != null) {
                problems.add(heap);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid feed-poller configuration:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(name + " must be positive, not " + value);
        }
    }
}
