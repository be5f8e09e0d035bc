package io.newswatch.poller.poll;

import io.newswatch.contract.Article;
import io.newswatch.poller.state.FeedStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll and robots.txt: the registered feed is fetched whatever robots.txt says; its article pages are asked one
 * by one; a page robots.txt disallows is not fetched, its article takes the feed's text, and the feed's status
 * counts it.
 */
class RobotsPollTest {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><title>Ferry timetable changes in May</title></head>
            <body><article><h1>Ferry timetable changes in May</h1>
            <p>The island ferry will run two crossings fewer on Sundays from May, the operator said on Monday, citing
            the cost of fuel and a shortage of deck crew.</p>
            <p>Weekday crossings stay as they are.</p></article></body></html>""";

    private CorpusSite site;
    private PollHarness harness;

    @BeforeEach
    void serve() throws Exception {
        site = new CorpusSite();
        site.route("/feeds/gazette.xml", site.feed("robots.xml"));
        site.route("/news/ferry-timetable", CorpusSite.bytes(200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        site.route("/members/budget-briefing", CorpusSite.bytes(200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        site.close();
    }

    private void robotsTxt(String text) {
        site.route("/robots.txt", CorpusSite.bytes(200, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDisallowedPageIsNotFetchedAndItsArticleTakesTheFeedsText() throws Exception {
        robotsTxt("User-agent: *\nDisallow: /members/\nDisallow: /feeds/\n");
        harness = new PollHarness(site.base() + "/feeds/gazette.xml", true);
        List<Article> articles = harness.poll();

        assertThat(articles).hasSize(2);
        Article ferry = FeedCorpusTest.byTitle(articles, "Ferry timetable changes in May");
        assertThat(ferry.body()).startsWith("The island ferry will run two crossings fewer on Sundays");
        Article budget = FeedCorpusTest.byTitle(articles, "Council budget, members' briefing");
        assertThat(budget.body()).isEqualTo("The council publishes its draft budget.");
        assertThat(site.requests("/members/budget-briefing")).isEmpty();
        assertThat(site.requests("/feeds/gazette.xml")).hasSize(1);
        assertThat(site.requests("/robots.txt")).hasSize(1);

        FeedStatus status = harness.status();
        assertThat(status.error()).isNull();
        assertThat(status.pagesDisallowed()).isEqualTo(1);
        assertThat(status.lastDisallowedPage()).isEqualTo(site.base() + "/members/budget-briefing disallowed by "
                + site.base() + "/robots.txt");
        assertThat(status.warnings()).contains("pages disallowed by robots.txt: 1, the feed's text used instead (last: "
                + site.base() + "/members/budget-briefing disallowed by " + site.base() + "/robots.txt)");
        assertThat(status.robots()).isEqualTo("the feed URL is disallowed by " + site.base() + "/robots.txt; fetched "
                + "all the same because a user registered it (its article pages are asked one by one)");
    }

    @Test
    void whileRobotsTxtFailsThePagesWaitAndTheFeedIsStillRead() throws Exception {
        site.route("/robots.txt", CorpusSite.status(500, Map.of()));
        harness = new PollHarness(site.base() + "/feeds/gazette.xml", true);
        List<Article> articles = harness.poll();

        assertThat(articles).extracting(Article::body).containsExactlyInAnyOrder(
                "Two crossings fewer on Sundays.", "The council publishes its draft budget.");
        assertThat(site.requests("/news/ferry-timetable")).isEmpty();
        assertThat(site.requests("/robots.txt")).hasSize(1);
        FeedStatus status = harness.status();
        assertThat(status.error()).isNull();
        assertThat(status.pagesDisallowed()).isZero();
        assertThat(status.warnings()).anyMatch(w -> w.startsWith("2 article page(s) not fetched while their site's "
                + "robots.txt cannot be read, the feed's text used instead (last: " + site.base()
                + "/robots.txt answered HTTP 500; its pages wait until"));
    }

    @Test
    void aSiteWithoutRobotsTxtHasEveryPageFetched() throws Exception {
        harness = new PollHarness(site.base() + "/feeds/gazette.xml", true);
        harness.poll();
        assertThat(site.requests("/news/ferry-timetable")).hasSize(1);
        assertThat(site.requests("/members/budget-briefing")).hasSize(1);
        assertThat(harness.status().pagesDisallowed()).isZero();
        assertThat(harness.status().robots()).startsWith("the feed URL is allowed by " + site.base() + "/robots.txt");
    }
}
