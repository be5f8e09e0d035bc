package io.newswatch.poller.poll;

import io.newswatch.contract.Article;
import io.newswatch.poller.state.FeedStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollBudgetTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicLong cpu = new AtomicLong(5_000);

    @Test
    void wallTimeRunsOut() {
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), Duration.ofSeconds(1), nanos::get, cpu::get);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThatCode(() -> budget.check("parsing")).doesNotThrowAnyException();
        nanos.incrementAndGet();
        assertThatThrownBy(() -> budget.check("item 3 of 9")).isInstanceOf(PollBudget.Exceeded.class)
                .hasMessage("the poll took longer than its limit of 10 s (stopped at item 3 of 9)");
    }

    @Test
    void cpuTimeRunsOut() {
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), Duration.ofMillis(1500), nanos::get, cpu::get);
        cpu.addAndGet(Duration.ofMillis(1501).toNanos());
        assertThatThrownBy(() -> budget.check("parsing")).isInstanceOf(PollBudget.Exceeded.class)
                .hasMessage("the poll used more than its limit of 1.5 s of CPU time (stopped at parsing)");
    }

    @Test
    void cpuTimeOfPagesOnWorkerThreadsCounts() {
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), Duration.ofMillis(1500), nanos::get, cpu::get);
        cpu.addAndGet(Duration.ofMillis(1000).toNanos());
        budget.addCpu(Duration.ofMillis(400).toNanos());
        assertThatCode(() -> budget.check("new item 2 of 3")).doesNotThrowAnyException();
        assertThat(budget.cpuNanos()).isEqualTo(Duration.ofMillis(1400).toNanos());
        budget.addCpu(Duration.ofMillis(101).toNanos());
        assertThatThrownBy(() -> budget.check("new item 3 of 3")).isInstanceOf(PollBudget.Exceeded.class)
                .hasMessage("the poll used more than its limit of 1.5 s of CPU time (stopped at new item 3 of 3)");
    }

    @Test
    void whereCpuTimeCannotBeReadOnlyWallTimeCounts() {
        cpu.set(-1);
        PollBudget budget = new PollBudget(Duration.ofSeconds(10), Duration.ofNanos(1), nanos::get, cpu::get);
        assertThatCode(() -> budget.check("parsing")).doesNotThrowAnyException();
        assertThat(budget.cpuNanos()).isEqualTo(-1);
    }

    @Test
    void aPollThatRunsOutFailsKeepsWhatItPublishedAndTheNextPollTakesTheRest() throws Exception {
        try (CorpusSite site = new CorpusSite()) {
            StringBuilder items = new StringBuilder();
            for (int i = 1; i <= 5; i++) {
                items.append("<item><title>Story ").append(i).append("</title><link>").append(site.base())
                        .append("/story/").append(i).append("</link><guid>s-").append(i)
                        .append("</guid><pubDate>Mon, 0").append(i).append(" Jun 2020 10:00:00 GMT</pubDate>")
                        .append("<description>Story ").append(i).append(" in the feed.</description></item>");
                site.route("/story/" + i, exchange -> {
                    Thread.sleep(500);
                    CorpusSite.send(exchange, 200, "text/html", "<html><body><p>page</p></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
                });
            }
            site.route("/feed.xml", CorpusSite.bytes(200, "application/rss+xml", ("<rss version=\"2.0\"><channel>"
                    + "<title>Slow pages</title><link>" + site.base() + "/</link>" + items + "</channel></rss>")
                    .getBytes(StandardCharsets.UTF_8)));
            // parsing once first: the classes loaded on the first parse are not what this test measures
            new io.newswatch.poller.parse.FeedParser().parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
                    .getBytes(StandardCharsets.UTF_8), java.util.Optional.empty(), null);
            PollLimits tight = new PollLimits(500, Duration.ofSeconds(5), Duration.ofMillis(1200), Duration.ofMinutes(1),
                    100);
            // pages one after the other, so that the budget runs out between them
            try (PollHarness harness = new PollHarness(site.base() + "/feed.xml", true, tight, PollHarness.LOCAL_SITES,
                    PageWorkers.sequential())) {
                List<Article> first = harness.poll();
                FeedStatus status = harness.status();
                assertThat(status.errorKind()).isEqualTo("BUDGET");
                assertThat(status.error()).startsWith("the poll took longer than its limit of 1.2 s (stopped at new item ")
                        .endsWith("; the items published before are kept, the rest are taken at the next poll");
                assertThat(first).isNotEmpty().hasSizeLessThan(5);
                assertThat(status.itemsPublished()).isEqualTo(first.size());
                assertThat(harness.state().etag()).isNull();

                List<Article> rest = new java.util.ArrayList<>();
                for (int poll = 0; poll < 5 && first.size() + rest.size() < 5; poll++) {
                    harness.clock.advance(Duration.ofHours(1));
                    rest.addAll(harness.poll());
                }
                assertThat(first.size() + rest.size()).isEqualTo(5);
                assertThat(rest).extracting(Article::title).doesNotContainAnyElementsOf(
                        first.stream().map(Article::title).toList());
            }
        }
    }

    @Test
    void aParseThatUsesTooMuchCpuFailsWithItsKind() throws Exception {
        try (CorpusSite site = new CorpusSite()) {
            String items = "<item><title>t</title><description>" + "<b>x</b> ".repeat(200) + "</description></item>";
            site.route("/big.xml", CorpusSite.bytes(200, "application/rss+xml", ("<rss version=\"2.0\"><channel>"
                    + "<title>Big</title><link>" + site.base() + "/</link>" + items.repeat(100) + "</channel></rss>")
                    .getBytes(StandardCharsets.UTF_8)));
            PollLimits tight = new PollLimits(500, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMillis(1),
                    100);
            try (PollHarness harness = new PollHarness(site.base() + "/big.xml", false, tight)) {
                assertThat(harness.poll()).isEmpty();
                assertThat(harness.status().errorKind()).isEqualTo("BUDGET");
                assertThat(harness.status().error()).startsWith("the poll used more than its limit of 0.001 s of CPU time");
                assertThat(harness.status().consecutiveFailures()).isEqualTo(1);
            }
        }
    }
}
