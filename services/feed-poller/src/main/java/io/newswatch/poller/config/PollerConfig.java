package io.newswatch.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the feed-poller ({@code newswatch.poller.*}); each can be set by an environment variable
 * ({@code newswatch.poller.min-interval} is {@code NEWSWATCH_POLLER_MIN_INTERVAL}). Checked at start by
 * {@link PollerConfigCheck}.
 */
@ConfigMapping(prefix = "newswatch.poller")
public interface PollerConfig {

    /** YAML file of feeds to register at start ({@code NEWSWATCH_FEEDS_FILE}); unset: none. */
    Optional<Path> feedsFile();

    /** Poll interval of a feed registered without one. */
    @WithDefault("PT5M")
    Duration defaultInterval();

    /** No feed is polled more often than this, whatever its registration or schedule says. */
    @WithDefault("PT1M")
    Duration minInterval();

    /** No healthy feed waits longer than this between polls. */
    @WithDefault("PT1H")
    Duration maxInterval();

    /** How many polls run at once on this instance (each poll also fetches its new articles' pages). */
    @WithDefault("32")
    int maxConcurrentPolls();

    /**
     * Article pages fetched and extracted at once besides the polls' own threads, all polls together (threads
     * shared by the polls): a poll has up to {@code politeness.max-concurrent-per-host} of its new items' pages in
     * flight at once, each published as soon as it and the items before it are extracted; a page that finds no
     * free thread runs on its poll's thread. 0: each poll's pages one after the other on its own thread.
     */
    @WithDefault("4")
    int maxConcurrentPages();

    /**
     * Longest one poll of a feed may take, page fetches included (checked between steps); past it the poll fails
     * with {@code errorKind} {@code BUDGET}, keeping what it published, and the rest is taken at the next poll.
     */
    @WithDefault("PT5M")
    Duration pollTimeout();

    /**
     * Most CPU time one poll may use for parsing and extraction (checked between steps); past it the poll fails
     * with {@code errorKind} {@code BUDGET}, keeping what it published.
     */
    @WithDefault("PT20S")
    Duration pollCpuLimit();

    /** This instance's name in feed status and logs; unset: host name and process id. */
    Optional<String> instanceId();

    /** Outbound HTTP: feeds and article pages. */
    Http http();

    /** Politeness towards each host. */
    Politeness politeness();

    /** Retries of failing feeds. */
    Backoff backoff();

    /** How the poll interval follows the feed's publishing rate. */
    Adaptive adaptive();

    /** Which hosts may be fetched. */
    Ssrf ssrf();

    /** robots.txt for article pages. */
    Robots robots();

    /** Drain before fill: new polls wait while the next stages are far behind. */
    Backpressure backpressure();

    /**
     * Items remembered per feed besides those still in it, to recognise what was already published: items that left
     * the feed are forgotten, longest gone first, down to this number; items in the feed are never forgotten.
     */
    @WithDefault("500")
    int rememberedItems();

    /**
     * New or changed items handled in one poll of a feed (each may fetch its page); more wait for the next polls,
     * which come at {@code min-interval}, the newest items first.
     */
    @WithDefault("100")
    int maxItemsPerPoll();

    /**
     * Items read from one feed document, the first in document order (feeds list the newest first); a feed listing
     * more has the rest ignored, with a warning.
     */
    @WithDefault("1000")
    int maxItemsPerFeed();

    /**
     * Whether the items of a feed already read are cut out of its text before the XML read, found by a hash of their
     * text kept in the item ledger (else they are read as XML and only left out of Rome's build).
     */
    @WithDefault("true")
    boolean cutKnownItems();

    /** Query parameters stripped from article URLs besides the built-in tracking parameters (utm_*, fbclid...). */
    Optional<List<String>> trackingParameters();

    /** Outbound HTTP settings. */
    interface Http {

        /**
         * Sent with every request. Says what we are and where to read about us, as polite crawlers do; operators
         * should point the URL at their own contact page.
         */
        @WithDefault("newswatch-feed-poller/0.1 (+https://github.com/newswatch/newswatch; media monitoring)")
        String userAgent();

        /** Time to establish a TCP (and TLS) connection. */
        @WithDefault("PT10S")
        Duration connectTimeout();

        /** Longest wait for the response headers, and for the next bytes of the body. */
        @WithDefault("PT20S")
        Duration readTimeout();

        /** Longest time one request may take, body included. */
        @WithDefault("PT60S")
        Duration totalTimeout();

        /** Largest body accepted after decompression, in bytes; a larger one is cut off and the fetch fails. */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** Redirects followed per request. */
        @WithDefault("5")
        int maxRedirects();
    }

    /** Politeness settings. */
    interface Politeness {

        /** Requests in flight to one host at most. */
        @WithDefault("2")
        int maxConcurrentPerHost();

        /** Shortest time between the starts of two requests to one host. */
        @WithDefault("PT0.5S")
        Duration minDelayPerHost();

        /** Longest {@code Retry-After} honoured; a longer one is cut to this. */
        @WithDefault("PT6H")
        Duration maxRetryAfter();
    }

    /** Backoff settings. */
    interface Backoff {

        /** Longest wait between two retries of a failing feed (before jitter). Failing feeds are never disabled. */
        @WithDefault("PT1H")
        Duration max();
    }

    /** Adaptive schedule settings. */
    interface Adaptive {

        /** Adapt each feed's interval to how often it publishes. */
        @WithDefault("true")
        boolean enabled();

        /** The adapted interval stays within the registered interval divided and multiplied by this factor. */
        @WithDefault("4")
        double factor();
    }

    /** Drain before fill and the pace of new articles: how the poller yields to the stages after it. */
    interface Backpressure {

        /**
         * The alert path's limit: records written to the enricher's input topic (raw articles) or the alerter's
         * (enriched articles) and not yet committed by it at which new polls wait, until every stage watched is back
         * under half of its limit; 0: neither is watched. Stages with no running member do not count.
         */
        @WithDefault("5000")
        long maxLag();

        /**
         * The indexer's own limit, on the enriched articles: larger than the alert path's, since the indexer runs at
         * a lower CPU priority and catches up in the gaps (search may be a minute late, alerts not); it still bounds
         * the index's backlog. 0: the indexer is not watched.
         */
        @WithDefault("50000")
        long indexerMaxLag();

        /** Longest wait: then the feeds due are polled all the same (a stage that is down must not stop polling). */
        @WithDefault("PT1M")
        Duration maxPause();

        /** How often the lag is asked (a few small admin requests to Kafka) while polls wait or run. */
        @WithDefault("PT1S")
        Duration checkInterval();

        /**
         * New articles (page fetched, extracted, published) per second at most on this instance, whatever the
         * lag; the items over it wait for their feed's next poll. 0: no ceiling.
         */
        @WithDefault("0")
        double maxArticlesPerSecond();
    }

    interface Robots {

        /** Ask each site's robots.txt before fetching its article pages (the feed's text is used when it says no). */
        @WithDefault("true")
        boolean enabled();

        /** How long a site's robots.txt is kept before it is read again (RFC 9309 asks for at most a day). */
        @WithDefault("PT24H")
        Duration expiry();

        /**
         * How long a site whose robots.txt cannot be read (5xx, 429, timeout, unreachable) keeps its article pages
         * waiting before robots.txt is asked again.
         */
        @WithDefault("PT1H")
        Duration errorExpiry();

        /** Sites whose robots.txt is kept at most; the least recently used is dropped first. */
        @WithDefault("10000")
        int cacheSize();
    }

    /** Address guard settings (SSRF). */
    interface Ssrf {

        /**
         * Host names, addresses or CIDR ranges, each optionally with {@code :port} (e.g. {@code intranet.example},
         * {@code localhost:8090}, {@code 10.1.0.0/16}, {@code [::1]:8090}), that feeds and article pages may be
         * fetched from although they resolve to internal addresses (loopback, private, link-local...): feeds on
         * your own network, the demo site, tests. Nothing else internal is ever contacted.
         */
        Optional<List<String>> allow();
    }
}
