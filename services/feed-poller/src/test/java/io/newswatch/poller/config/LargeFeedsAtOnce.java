package io.newswatch.poller.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import io.newswatch.poller.http.BodyMemory;
import io.newswatch.poller.http.HostPoliteness;
import io.newswatch.poller.http.HttpFetcher;
import io.newswatch.poller.http.HttpSettings;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.poll.CorpusSite;
import io.newswatch.poller.poll.FeedPoller;
import io.newswatch.poller.poll.PollLimits;
import io.newswatch.poller.poll.PollMetrics;
import io.newswatch.poller.poll.PollResult;
import io.newswatch.poller.poll.Schedule;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.ItemLedger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Run by {@link HeapPlanTest} in a JVM of its own with a 256 MiB heap: 32 polls at once, each of a feed of
 * 10 MiB, through the real fetcher and parser. "limited": the body memory sized by {@link HeapPlan}; "unlimited":
 * every body held and parsed at once, as before. Prints how the polls ended; exit 3 when out of memory.
 */
public final class LargeFeedsAtOnce {

    private static final int POLLS = 32;
    private static final long MAX_BODY = 10L << 20;

    public static void main(String[] args) throws Exception {
        boolean limited = args[0].equals("limited");
        StringBuilder items = new StringBuilder();
        for (int i = 0; items.length() < MAX_BODY - 2_000; i++) {
            items.append("<item><title>Item ").append(i).append("</title><guid>g").append(i).append("</guid><description>")
                    .append("word ".repeat(200)).append("</description></item>");
        }
        byte[] feed = ("<rss version=\"2.0\"><channel><title>Big</title>" + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        items.setLength(0);
        items.trimToSize();
        try (CorpusSite site = new CorpusSite()) {
            for (int i = 0; i < POLLS; i++) {
                // written in small pieces: the JDK's server copies each write into a buffer of its size
                site.route("/big/" + i + ".xml", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, feed.length);
                    try (java.io.OutputStream out = exchange.getResponseBody()) {
                        for (int from = 0; from < feed.length; from += 65536) {
                            out.write(feed, from, Math.min(65536, feed.length - from));
                        }
                    }
                });
            }
            HeapPlan plan = HeapPlan.of(Runtime.getRuntime().maxMemory(), POLLS, MAX_BODY);
            BodyMemory memory = limited ? new BodyMemory(Math.max(1, plan.largeBodies())) : BodyMemory.unlimited();
            System.out.println(plan.describe(POLLS, 0, MAX_BODY));
            HttpSettings http = new HttpSettings("newswatch-feed-poller/test", Duration.ofSeconds(10),
                    Duration.ofSeconds(20), Duration.ofSeconds(60), MAX_BODY, 5);
            Clock clock = Clock.systemUTC();
            try (HttpFetcher fetcher = new HttpFetcher(http, new HostPoliteness(POLLS, Duration.ZERO, Duration.ofHours(1),
                    clock, d -> { }), clock, new AddressGuard(List.of("127.0.0.1")), memory)) {
                FeedPoller poller = new FeedPoller(fetcher,
                        io.newswatch.poller.http.RobotsTxt.defaults(fetcher, clock, http.userAgent()), new FeedParser(),
                        new ArticleExtractor(),
                        new UrlCanonicalizer(), new Schedule(Duration.ofMinutes(1), Duration.ofHours(1),
                        Duration.ofHours(1), true, 4, () -> 0L), new PollMetrics(new SimpleMeterRegistry()), clock,
                        "heap-test", PollLimits.defaults());
                Map<String, Integer> outcomes = new ConcurrentHashMap<>();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < POLLS; i++) {
                    String url = site.base() + "/big/" + i + ".xml";
                    threads.add(Thread.ofPlatform().start(() -> {
                        Feed registration = new Feed(Feed.SCHEMA_VERSION, Feed.TYPE, Ids.feed(url), Instant.now(), url,
                                "Big", Duration.ofMinutes(5), false, null, List.of());
                        try {
                            PollResult result = poller.poll(registration, FeedState.initial(registration.id(),
                                    Instant.now()), new ItemLedger(), id -> Optional.empty(),
                                    article -> CompletableFuture.completedFuture(null));
                            String kind = result.state().status().errorKind();
                            outcomes.merge(kind == null ? "ok" : kind, 1, Integer::sum);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                System.out.println(outcomes.values().stream().mapToInt(Integer::intValue).sum() + " polls ended: "
                        + outcomes + "; large bodies held at once at most: " + memory.mostInUse());
            }
        }
    }
}
