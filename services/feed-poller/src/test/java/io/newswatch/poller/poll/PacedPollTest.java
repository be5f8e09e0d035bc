package io.newswatch.poller.poll;

import io.newswatch.contract.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pace of new items inside a running poll: a backlog (a feed with many new items) is not fetched while the
 * next stages are far behind, nor faster than the ceiling; what waits is taken at the feed's next polls, once.
 */
class PacedPollTest {

    private static final int ITEMS = 30;
    static CorpusSite site;
    static String base;
    private PollHarness harness;
    private Map<String, Long> lag = Map.of();

    @BeforeAll
    static void serve() throws Exception {
        site = new CorpusSite();
        base = site.base();
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= ITEMS; i++) {
            items.append(CorpusSite.item("Item " + i, base, "/paced/", "paced", i, "Item " + i + " of a backlog."));
            site.route("/paced/" + i, CorpusSite.bytes(200, "text/html", ("<html><body><article><p>Page " + i
                    + " of a backlog, with enough words in it to be taken as the article's main text by the "
                    + "extractor.</p></article></body></html>").getBytes(StandardCharsets.UTF_8)));
        }
        byte[] feed = ("<rss version=\"2.0\"><channel><title>Backlog</title><link>" + base + "/</link>" + items
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        site.route("/feeds/backlog.xml", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"backlog-1\"");
            CorpusSite.send(exchange, 200, "application/rss+xml", feed);
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
        site.clearRequests();
    }

    private Backpressure drainBeforeFill() {
        return new Backpressure(() -> lag, Map.of("enricher", 5000L), Duration.ofMinutes(1), Duration.ofSeconds(1),
                harness.clock, duration -> { });
    }

    private long pagesFetched() {
        return site.requests().stream().filter(r -> r.path().startsWith("/paced/")).count();
    }

    @Test
    void aRunningPollFetchesNoPagesWhileTheNextStagesAreFarBehindAndTheNextPollTakesThem() throws Exception {
        harness = new PollHarness(base + "/feeds/backlog.xml", true);
        harness.pace(new ArticlePace(drainBeforeFill(), ArticleRate.unlimited()));
        lag = Map.of("enricher", 6000L);
        assertThat(harness.poll()).isEmpty();
        assertThat(pagesFetched()).isZero();
        assertThat(harness.status().error()).isNull();
        assertThat(harness.status().warnings()).contains("30 new or changed items wait for the next poll: the next "
                + "stages are far behind (drain before fill, newswatch.poller.backpressure.*max-lag)");
        assertThat(harness.status().nextPoll()).as("soon, at the minimum interval")
                .isEqualTo(PollHarness.START.plus(Duration.ofMinutes(1)));
        assertThat(harness.state().etag()).as("kept old, or a 304 would hide the items left").isNull();
        assertThat(harness.meters.counter("newswatch.poller.items.paced", "reason", "downstream_behind").count())
                .isEqualTo(30);

        lag = Map.of("enricher", 2000L);
        harness.clock.advance(Duration.ofMinutes(1));
        List<Article> next = harness.poll();
        assertThat(next).hasSize(ITEMS);
        assertThat(next.stream().map(Article::id).distinct().count()).isEqualTo(ITEMS);
        assertThat(harness.state().etag()).isEqualTo("\"backlog-1\"");
        assertThat(harness.status().warnings()).noneMatch(w -> w.contains("wait for the next poll"));
    }

    @Test
    void theCeilingSpacesArticlesAndLeavesWhatWouldWaitTooLongForTheNextPolls() throws Exception {
        harness = new PollHarness(base + "/feeds/backlog.xml", true);
        AtomicLong nanos = new AtomicLong();
        List<Duration> waits = new ArrayList<>();
        // a sleeper that does not move the clock: the slots pile up, 1 s apart, until one is more than 5 s away
        harness.pace(new ArticlePace(Backpressure.off(), new ArticleRate(1, nanos::get, waits::add)));
        List<Article> first = harness.poll();
        assertThat(first).hasSize(6);
        assertThat(first).extracting(Article::title).containsExactly("Item 1", "Item 2", "Item 3", "Item 4", "Item 5",
                "Item 6");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(pagesFetched()).isEqualTo(6);
        assertThat(harness.status().warnings()).contains("24 new or changed items wait for the next poll: the ceiling "
                + "of articles per second (newswatch.poller.backpressure.max-articles-per-second)");

        List<Article> all = new ArrayList<>(first);
        for (int poll = 0; poll < 10 && all.size() < ITEMS; poll++) {
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            harness.clock.advance(Duration.ofMinutes(1));
            all.addAll(harness.poll());
        }
        assertThat(all).hasSize(ITEMS);
        assertThat(all.stream().map(Article::id).distinct().count()).isEqualTo(ITEMS);
        assertThat(pagesFetched()).as("each page once").isEqualTo(ITEMS);
    }
}
