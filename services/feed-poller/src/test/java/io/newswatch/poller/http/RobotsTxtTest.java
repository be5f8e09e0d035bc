package io.newswatch.poller.http;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.poller.http.RobotsTxt.Verdict;
import io.newswatch.poller.poll.CorpusSite;
import io.newswatch.poller.poll.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * robots.txt for article pages, on robots files of our own served locally: whose group applies, caching per site,
 * and what each hostile or failing answer means (Google's conventions).
 */
class RobotsTxtTest {

    private static final HttpSettings HTTP = new HttpSettings("newswatch-feed-poller/0.1 (+https://example.org)",
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20, 3);
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private CorpusSite site;
    private HttpFetcher fetcher;
    private RobotsTxt robots;

    @BeforeEach
    void start() throws Exception {
        site = new CorpusSite();
        fetcher = fetcher(LOOPBACK);
        robots = new RobotsTxt(fetcher, clock, HTTP.userAgent(), 2, Duration.ofHours(24), Duration.ofHours(1), true);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        site.close();
    }

    private HttpFetcher fetcher(List<String> allow) {
        return new HttpFetcher(HTTP, new HostPoliteness(4, Duration.ZERO, Duration.ofHours(6), clock, d -> { }), clock,
                new AddressGuard(allow));
    }

    private void robotsTxt(String text) {
        site.route("/robots.txt", CorpusSite.bytes(200, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    private Verdict verdict(String path) throws InterruptedException {
        return robots.check(URI.create(site.base() + path)).verdict();
    }

    @Test
    void ourGroupIsObeyedAndTheWildcardGroupOnlyWhenNoneNamesUs() throws Exception {
        robotsTxt("""
                # a news site that keeps most crawlers out but lets media monitors read its stories
                User-agent: *
                Disallow: /

                User-agent: newswatch-feed-poller
                Disallow: /drafts/
                Allow: /drafts/published-
                """);
        assertThat(verdict("/world/2026/story-about-harbour-strike")).isEqualTo(Verdict.ALLOWED);
        assertThat(verdict("/drafts/embargoed-budget")).isEqualTo(Verdict.DISALLOWED);
        assertThat(verdict("/drafts/published-budget")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aGroupForNewswatchAppliesToo() throws Exception {
        robotsTxt("""
                User-agent: SomeOtherBot
                Disallow:

                User-agent: NewsWatch
                Disallow: /members/
                """);
        assertThat(verdict("/members/interview")).isEqualTo(Verdict.DISALLOWED);
        assertThat(verdict("/news/interview")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void onlyTheWildcardGroup() throws Exception {
        robotsTxt("User-agent: *\nDisallow: /search\n");
        assertThat(verdict("/search?q=port")).isEqualTo(Verdict.DISALLOWED);
        assertThat(verdict("/news/port")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void robotsTxtIsReadOncePerSiteUntilItExpires() throws Exception {
        robotsTxt("User-agent: *\nDisallow: /private/\n");
        verdict("/a");
        verdict("/b");
        verdict("/private/c");
        assertThat(site.requests("/robots.txt")).hasSize(1);
        clock.advance(Duration.ofHours(23));
        verdict("/d");
        assertThat(site.requests("/robots.txt")).hasSize(1);
        robotsTxt("User-agent: *\nDisallow: /\n");
        clock.advance(Duration.ofHours(2));
        assertThat(verdict("/d")).isEqualTo(Verdict.DISALLOWED);
        assertThat(site.requests("/robots.txt")).hasSize(2);
    }

    @Test
    void theCacheKeepsAtMostItsSizeInSites() throws Exception {
        robotsTxt("User-agent: *\nDisallow:\n");
        try (CorpusSite second = new CorpusSite(); CorpusSite third = new CorpusSite()) {
            robots.check(URI.create(site.base() + "/a"));
            robots.check(URI.create(second.base() + "/a"));
            robots.check(URI.create(third.base() + "/a"));
            assertThat(robots.size()).isEqualTo(2);
            // the first site was dropped (least recently used): asked again
            robots.check(URI.create(site.base() + "/b"));
            assertThat(site.requests("/robots.txt")).hasSize(2);
        }
    }

    @Test
    void noRobotsTxtOrAnyOther4xxAllowsEveryPage() throws Exception {
        assertThat(verdict("/news/a")).isEqualTo(Verdict.ALLOWED);
        site.route("/robots.txt", CorpusSite.status(403, Map.of()));
        clock.advance(Duration.ofDays(2));
        assertThat(verdict("/news/a")).isEqualTo(Verdict.ALLOWED);
        assertThat(site.requests("/robots.txt")).hasSize(2);
    }

    @Test
    void aServerErrorKeepsPagesWaitingUntilTheErrorExpiryThenAsksAgain() throws Exception {
        site.route("/robots.txt", CorpusSite.status(503, Map.of()));
        RobotsTxt.Decision decision = robots.check(URI.create(site.base() + "/news/a"));
        assertThat(decision.verdict()).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(decision.reason()).contains("/robots.txt answered HTTP 503").contains("its pages wait until");
        clock.advance(Duration.ofMinutes(59));
        assertThat(verdict("/news/b")).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(site.requests("/robots.txt")).hasSize(1);
        robotsTxt("User-agent: *\nDisallow: /private/\n");
        clock.advance(Duration.ofMinutes(2));
        assertThat(verdict("/news/b")).isEqualTo(Verdict.ALLOWED);
        assertThat(site.requests("/robots.txt")).hasSize(2);
    }

    @Test
    void tooManyRequestsIsAServerErrorNotAMissingFile() throws Exception {
        site.route("/robots.txt", CorpusSite.status(429, Map.of()));
        assertThat(verdict("/news/a")).isEqualTo(Verdict.UNAVAILABLE);
    }

    @Test
    void aSlowRobotsTxtTimesOutAndCountsAsUnreachable() throws Exception {
        site.route("/robots.txt", exchange -> {
            Thread.sleep(5_000);
            exchange.sendResponseHeaders(200, -1);
        });
        long started = System.nanoTime();
        RobotsTxt.Decision decision = robots.check(URI.create(site.base() + "/news/a"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(decision.verdict()).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(decision.reason()).contains("unreadable");
    }

    @Test
    void anUnreachableSiteCountsAsUnreachable() throws Exception {
        int closed = site.port();
        site.close();
        assertThat(robots.check(URI.create("http://127.0.0.1:" + closed + "/news/a")).verdict())
                .isEqualTo(Verdict.UNAVAILABLE);
    }

    @Test
    void aRedirectLoopMeansNoRobotsTxt() throws Exception {
        site.route("/robots.txt", CorpusSite.redirect(302, "/robots-2.txt"));
        site.route("/robots-2.txt", CorpusSite.redirect(302, "/robots.txt"));
        assertThat(verdict("/news/a")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aRedirectToTheRealFileIsFollowed() throws Exception {
        site.route("/robots.txt", CorpusSite.redirect(301, "/static/robots.txt"));
        site.route("/static/robots.txt", CorpusSite.bytes(200, "text/plain",
                "User-agent: *\nDisallow: /paywall/\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(verdict("/paywall/a")).isEqualTo(Verdict.DISALLOWED);
    }

    @Test
    void onlyTheFirst500KibOfAHugeRobotsTxtAreRead() throws Exception {
        StringBuilder text = new StringBuilder("User-agent: *\nDisallow: /early/\n");
        while (text.length() < RobotsTxt.MAX_BYTES + 1000) {
            text.append("# padding line of a generated robots file that repeats itself\n");
        }
        text.append("Disallow: /late/\n");
        robotsTxt(text.toString());
        assertThat(verdict("/early/a")).isEqualTo(Verdict.DISALLOWED);
        assertThat(verdict("/late/a")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aRobotsTxtBeyondTheBodyLimitCountsAsUnreadable() throws Exception {
        site.route("/robots.txt", CorpusSite.bytes(200, "text/plain", new byte[(1 << 20) + 10]));
        assertThat(verdict("/news/a")).isEqualTo(Verdict.UNAVAILABLE);
    }

    @Test
    void aNonTextOrHtmlAnswerHasNoRulesAndAllowsEveryPage() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        site.route("/robots.txt", CorpusSite.bytes(200, "image/png", png));
        assertThat(verdict("/news/a")).isEqualTo(Verdict.ALLOWED);
        clock.advance(Duration.ofDays(2));
        site.route("/robots.txt", CorpusSite.bytes(200, "text/html", """
                <!doctype html><html><head><title>Page not found</title></head>
                <body><h1>Sorry</h1><p>We could not find that page.</p></body></html>
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(verdict("/news/a")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aSiteTheAddressGuardRefusesIsNotDecidedHere() throws Exception {
        try (HttpFetcher guarded = fetcher(List.of())) {
            RobotsTxt strict = RobotsTxt.defaults(guarded, clock, HTTP.userAgent());
            assertThat(strict.check(URI.create(site.base() + "/news/a")).verdict()).isEqualTo(Verdict.ALLOWED);
            assertThat(strict.size()).isZero();
        }
        assertThat(site.requests("/robots.txt")).isEmpty();
    }

    @Test
    void peekReadsNothing() throws Exception {
        robotsTxt("User-agent: *\nDisallow: /feeds/\n");
        URI feed = URI.create(site.base() + "/feeds/rss.xml");
        assertThat(robots.peek(feed)).isEmpty();
        verdict("/news/a");
        assertThat(robots.peek(feed)).get().extracting(RobotsTxt.Decision::verdict).isEqualTo(Verdict.DISALLOWED);
        assertThat(site.requests("/robots.txt")).hasSize(1);
    }

    @Test
    void disabledAllowsEverythingAndFetchesNothing() throws Exception {
        robotsTxt("User-agent: *\nDisallow: /\n");
        RobotsTxt off = new RobotsTxt(fetcher, clock, HTTP.userAgent(), 10, Duration.ofHours(1), Duration.ofHours(1),
                false);
        assertThat(off.check(URI.create(site.base() + "/news/a")).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(site.requests("/robots.txt")).isEmpty();
    }

    @Test
    void robotNamesComeFromTheUserAgentsProductToken() {
        assertThat(RobotsTxt.robotNames("newswatch-feed-poller/0.1 (+https://x)"))
                .containsExactly("newswatch-feed-poller", "newswatch");
        assertThat(RobotsTxt.robotNames("NewsWatch/2")).containsExactly("newswatch");
        assertThat(RobotsTxt.robotsUri(URI.create("HTTPS://Wire.Example:8443/a/b?c#d")))
                .contains(URI.create("https://wire.example:8443/robots.txt"));
        assertThat(RobotsTxt.robotsUri(URI.create("ftp://wire.example/a"))).isEmpty();
    }
}
