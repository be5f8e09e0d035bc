package io.newswatch.poller.poll;

import io.newswatch.contract.Article;
import io.newswatch.poller.state.SeenItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's pages fetched side by side ({@link PageWorkers}): no more at once than the poll's window and the
 * workers allow, articles still published oldest first, and an item's ledger entry recorded only once the broker
 * has its article.
 */
class ConcurrentPagesTest {

    private static final int ITEMS = 8;
    static CorpusSite site;
    static String base;
    static final AtomicInteger inFlight = new AtomicInteger();
    static final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeAll
    static void serve() throws Exception {
        site = new CorpusSite();
        base = site.base();
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= ITEMS; i++) {
            items.append(CorpusSite.item("Item " + i, base, "/side/", "side", i, "Item " + i + " in the feed."));
            byte[] page = ("<html><body><article><p>Page " + i + " of the feed, with enough words in it to be taken "
                    + "as the article's main text by the extractor.</p></article></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            // the oldest items answer slowest: they finish after the ones published after them
            long delay = 50L + 20L * (ITEMS - i);
            site.route("/side/" + i, exchange -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(delay);
                } finally {
                    inFlight.decrementAndGet();
                }
                CorpusSite.send(exchange, 200, "text/html", page);
            });
        }
        byte[] feed = ("<rss version=\"2.0\"><channel><title>Side by side</title><link>" + base + "/</link>" + items
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        site.route("/feeds/side.xml", CorpusSite.bytes(200, "application/rss+xml", feed));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @BeforeEach
    void reset() {
        mostInFlight.set(0);
    }

    private static PollHarness harness(PageWorkers workers) {
        return new PollHarness(base + "/feeds/side.xml", true, PollHarness.LIMITS, PollHarness.LOCAL_SITES, workers);
    }

    private static List<String> titles(int from, int to) {
        List<String> titles = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            titles.add("Item " + i);
        }
        return titles;
    }

    @Test
    void aPollHasAtMostItsWindowOfPagesInFlightAndPublishesOldestFirst() throws Exception {
        try (PollHarness harness = harness(new PageWorkers(8, 3))) {
            List<Article> articles = harness.poll();
            assertThat(mostInFlight.get()).as("pages in flight at once").isEqualTo(3);
            assertThat(articles).extracting(Article::title).containsExactlyElementsOf(titles(1, ITEMS));
            assertThat(articles).allMatch(a -> a.body().startsWith("Page "), "the page's text, not the feed's");
            assertThat(harness.ledger().items()).hasSize(ITEMS);
        }
    }

    @Test
    void sequentialWorkersFetchOnePageAtATime() throws Exception {
        try (PollHarness harness = harness(PageWorkers.sequential())) {
            assertThat(harness.poll()).extracting(Article::title).containsExactlyElementsOf(titles(1, ITEMS));
            assertThat(mostInFlight.get()).isEqualTo(1);
        }
    }

    @Test
    void anItemWhoseArticleTheBrokerDidNotTakeIsNotRecordedAndTheNextPollPublishesItAlone() throws Exception {
        try (PollHarness harness = harness(new PageWorkers(8, 4))) {
            harness.broker(article -> article.title().equals("Item 3")
                    ? CompletableFuture.failedFuture(new IllegalStateException("broker down"))
                    : CompletableFuture.completedFuture(null));
            assertThat(harness.poll()).extracting(Article::title)
                    .containsExactly("Item 1", "Item 2", "Item 4", "Item 5", "Item 6", "Item 7", "Item 8");
            assertThat(harness.status().errorKind()).isEqualTo("PUBLISH");
            assertThat(harness.ledger().items()).extracting(SeenItem::guidKey).hasSize(ITEMS - 1)
                    .noneMatch(guid -> guid.endsWith("side-3"));

            harness.broker(null);
            harness.clock.advance(Duration.ofMinutes(10));
            assertThat(harness.poll()).extracting(Article::title).containsExactly("Item 3");
            assertThat(harness.ledger().items()).hasSize(ITEMS);
            assertThat(harness.status().error()).isNull();
        }
    }

    @Test
    void pagesGoToFreeWorkersAndRunOnTheCallerWhenNoneIsFree() throws Exception {
        Thread caller = Thread.currentThread();
        CountDownLatch release = new CountDownLatch(1);
        try (PageWorkers workers = new PageWorkers(2, 10)) {
            List<Future<PageWorkers.Done<Thread>>> started = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                started.add(workers.submit(() -> {
                    assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                    return Thread.currentThread();
                }));
            }
            // both workers are busy: the third page runs here, now, and its CPU is the poll thread's own
            Future<PageWorkers.Done<Thread>> third = workers.submit(Thread::currentThread);
            assertThat(third.isDone()).isTrue();
            assertThat(third.get().value()).isSameAs(caller);
            assertThat(third.get().workerCpuNanos()).isZero();
            release.countDown();
            for (Future<PageWorkers.Done<Thread>> page : started) {
                assertThat(page.get(10, TimeUnit.SECONDS).value()).isNotSameAs(caller)
                        .satisfies(thread -> assertThat(thread.getName()).startsWith("page-"));
            }
        }
    }
}
