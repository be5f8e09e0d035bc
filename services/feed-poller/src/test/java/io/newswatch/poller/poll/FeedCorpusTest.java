package io.newswatch.poller.poll;

import io.newswatch.contract.Article;
import io.newswatch.contract.Ids;
import io.newswatch.poller.state.FeedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed corpus: feeds of our own making, valid and broken, served by a local site with the HTTP behaviours real
 * publishers show, each polled by the real poller with its exact outcome asserted: articles, status, warnings.
 */
class FeedCorpusTest {

    static CorpusSite site;
    static String base;
    PollHarness harness;

    @BeforeAll
    static void serve() throws Exception {
        site = new CorpusSite();
        base = site.base();
        // one poll first: loading the HTTP client's and the parser's classes is not what the 1 s timeouts measure
        site.route("/warm-up.xml", site.feed("rss20.xml"));
        try (PollHarness warmUp = new PollHarness(base + "/warm-up.xml", false)) {
            warmUp.poll();
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @BeforeEach
    void forgetRequests() {
        site.clearRequests();
    }

    @AfterEach
    void closeHarness() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Serves a corpus feed at {@code /feeds/NAME} and polls it once. */
    List<Article> pollFeed(String name, boolean fullText) throws InterruptedException {
        site.route("/feeds/" + name, site.feed(name));
        return pollPath("/feeds/" + name, fullText);
    }

    List<Article> pollPath(String path, boolean fullText) throws InterruptedException {
        harness = new PollHarness(base + path, fullText);
        return harness.poll();
    }

    static Article byTitle(List<Article> articles, String title) {
        return articles.stream().filter(a -> a.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no article titled " + title + " in " + articles));
    }

    @Nested
    class Formats {

        @Test
        void rss20() throws Exception {
            List<Article> articles = pollFeed("rss20.xml", false);
            assertThat(articles).extracting(Article::title)
                    .containsExactly("Olive harvest smallest in a decade", "Ferry strike ends after two days");
            Article ferry = byTitle(articles, "Ferry strike ends after two days");
            assertThat(ferry.id()).isEqualTo(Ids.article(base + "/news/ferry-strike.html"));
            assertThat(ferry.url()).isEqualTo(base + "/news/ferry-strike.html");
            assertThat(ferry.summary()).isEqualTo("Crews return to work after a pay deal.");
            assertThat(ferry.body()).isEqualTo("Crews return to work after a pay deal.");
            assertThat(ferry.published()).isEqualTo("2020-03-04T07:00:00Z");
            assertThat(ferry.publishedEstimated()).isFalse();
            assertThat(ferry.fetched()).isEqualTo(PollHarness.START);
            assertThat(ferry.language()).isEqualTo("en");
            assertThat(ferry.source().name()).isEqualTo("Corpus Feed");
            assertThat(ferry.source().feedUrl()).isEqualTo(base + "/feeds/rss20.xml");
            assertThat(ferry.source().tags()).containsExactly("corpus");
            assertThat(ferry.revision()).isEqualTo(1);
            FeedStatus status = harness.status();
            assertThat(status.httpStatus()).isEqualTo(200);
            assertThat(status.error()).isNull();
            assertThat(status.itemsPublished()).isEqualTo(2);
            assertThat(status.itemsInFeed()).isEqualTo(2);
            assertThat(status.identity()).isEqualTo("guid");
            assertThat(status.warnings()).isEmpty();
            assertThat(status.owner()).isEqualTo("test-instance");
        }

        @Test
        void rss091WithItsNetscapeDoctype() throws Exception {
            List<Article> articles = pollFeed("rss091.xml", false);
            assertThat(articles).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Clock tower repaired");
                assertThat(a.url()).isEqualTo(base + "/bulletin/clock-tower");
                assertThat(a.language()).isEqualTo("en");
                assertThat(a.publishedEstimated()).isTrue();
            });
            assertThat(harness.status().warnings()).contains(
                    "removed the document type declaration: entities it declares are not expanded",
                    "1 item(s) without a usable date: the fetch time is used");
        }

        @Test
        void rss092() throws Exception {
            assertThat(pollFeed("rss092.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Storm warning for the bay");
                assertThat(a.categories()).containsExactly("Weather");
                assertThat(a.body()).isEqualTo("Winds of up to 90 km/h are expected tonight.");
            });
        }

        @Test
        void rss10Rdf() throws Exception {
            assertThat(pollFeed("rss10.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Budget passes with a narrow majority");
                assertThat(a.author()).isEqualTo("Mira Kovač");
                assertThat(a.published()).isEqualTo("2020-03-05T17:45:00Z");
                assertThat(a.categories()).containsExactly("Politics");
            });
        }

        @Test
        void atom10() throws Exception {
            assertThat(pollFeed("atom10.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Bridge tolls scrapped");
                assertThat(a.url()).isEqualTo(base + "/dispatch/bridge-tolls");
                assertThat(a.author()).isEqualTo("Ivo Horvat");
                assertThat(a.published()).isEqualTo("2020-03-06T07:30:00Z");
                assertThat(a.categories()).containsExactly("Transport");
                assertThat(a.summary()).isEqualTo("Drivers will no longer pay to cross the river.");
                assertThat(a.body()).isEqualTo("The council voted to scrap tolls.\n\nThe change starts in May.");
            });
        }

        @Test
        void atom03() throws Exception {
            assertThat(pollFeed("atom03.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Ski season extended");
                assertThat(a.url()).isEqualTo(base + "/post/ski-season");
                assertThat(a.published()).isEqualTo("2020-03-07T07:00:00Z");
            });
        }

        @Test
        void contentEncodedIsTheBodyWhenPagesAreNotFetched() throws Exception {
            assertThat(pollFeed("content-encoded.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.author()).isEqualTo("Lena Šimić");
                assertThat(a.published()).isEqualTo("2020-03-08T12:00:00Z");
                assertThat(a.summary()).isEqualTo("Construction is ahead of schedule.");
                assertThat(a.body()).isEqualTo("Welders finished the last section on Sunday.\n\n"
                        + "Testing begins next month, the operator said.");
            });
        }

        @Test
        void categoriesAndAuthorEmailForm() throws Exception {
            assertThat(pollFeed("categories.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.categories()).containsExactly("NATO", "Balkans", "Navy");
                assertThat(a.author()).isEqualTo("Defence Desk");
            });
        }

        @Test
        void wrongContentTypeIsNoObstacle() throws Exception {
            site.route("/feeds/as-html.xml", site.document("rss20.xml", "text/html; charset=utf-8", StandardCharsets.UTF_8));
            assertThat(pollPath("/feeds/as-html.xml", false)).hasSize(2);
        }
    }

    @Nested
    class Links {

        @Test
        void relativeLinksResolveAgainstTheFeedsUrl() throws Exception {
            assertThat(pollFeed("relative-links.xml", false)).extracting(Article::url)
                    .containsExactly(base + "/notes/bus-lines", base + "/feeds/library-hours");
        }

        @Test
        void atomXmlBase() throws Exception {
            assertThat(pollFeed("xml-base.xml", false)).extracting(Article::url)
                    .containsExactly(base + "/archive/letters-1920");
        }

        @Test
        void trackingParametersAndFragmentsAreStripped() throws Exception {
            List<Article> articles = pollFeed("tracking.xml", false);
            assertThat(articles).extracting(Article::url)
                    .containsExactly(base + "/wire/election-date", base + "/wire/debates?page=2");
            assertThat(articles).extracting(Article::id)
                    .containsExactly(Ids.article(base + "/wire/election-date"), Ids.article(base + "/wire/debates?page=2"));
        }

        @Test
        void itemsWithoutLinkGetAnAddressInTheFeed() throws Exception {
            List<Article> articles = pollFeed("no-link.xml", true);
            assertThat(articles).hasSize(2).allSatisfy(a -> {
                assertThat(a.url()).startsWith(base + "/feeds/no-link.xml#item-");
                assertThat(a.id()).isEqualTo(Ids.article(a.url()));
            });
            assertThat(articles).extracting(Article::id).doesNotHaveDuplicates();
            assertThat(byTitle(articles, "Flash: border crossing reopens").body())
                    .isEqualTo("The northern crossing reopened at noon.");
            assertThat(harness.status().warnings()).containsExactly("2 item(s) without a usable link");
            assertThat(site.requests()).noneMatch(r -> r.path().contains("#"));
        }
    }

    @Nested
    class Encodings {

        @Test
        void windows1251AsDeclared() throws Exception {
            site.route("/feeds/cp1251.xml", site.document("windows-1251.xml", "application/rss+xml",
                    Charset.forName("windows-1251")));
            assertThat(pollPath("/feeds/cp1251.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Мост через реку открыт после ремонта");
                assertThat(a.summary()).isEqualTo("Движение восстановлено в обе стороны.");
                assertThat(a.language()).isEqualTo("ru");
                assertThat(a.published()).isEqualTo("2020-03-13T12:00:00Z");
            });
            assertThat(harness.status().warnings()).isEmpty();
        }

        @Test
        void utf8DeclaredAsLatin1() throws Exception {
            assertThat(pollFeed("utf8-declared-latin1.xml", false)).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("Žičara na Sljeme ponovno radi"));
            assertThat(harness.status().warnings())
                    .containsExactly("declared ISO-8859-1 but the bytes are UTF-8; read as UTF-8");
        }

        @Test
        void latin1WithoutDeclaration() throws Exception {
            site.route("/feeds/latin1.xml", site.document("latin1-undeclared.xml", "text/xml",
                    Charset.forName("windows-1252")));
            assertThat(pollPath("/feeds/latin1.xml", false)).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("Fête du village reportée à l'été"));
            assertThat(harness.status().warnings())
                    .containsExactly("no encoding declared and the bytes are not UTF-8; read as windows-1252");
        }

        @Test
        void theHttpCharsetWinsOverTheDeclaration() throws Exception {
            String text = site.document("windows-1251.xml", base).replace("encoding=\"windows-1251\"", "encoding=\"UTF-8\"");
            site.route("/feeds/header-charset.xml", CorpusSite.bytes(200, "application/rss+xml; charset=windows-1251",
                    text.getBytes(Charset.forName("windows-1251"))));
            assertThat(pollPath("/feeds/header-charset.xml", false)).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("Мост через реку открыт после ремонта"));
        }

        @Test
        void byteOrderMark() throws Exception {
            assertThat(pollFeed("bom.xml", false)).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("Königsberg exhibition opens"));
            assertThat(harness.status().warnings()).isEmpty();
        }

        @Test
        void blankLinesBeforeTheDeclaration() throws Exception {
            assertThat(pollFeed("leading-whitespace.xml", false)).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("Printing press moves to the suburbs"));
            assertThat(harness.status().warnings()).isEmpty();
        }
    }

    @Nested
    class Repairs {

        @Test
        void htmlEntities() throws Exception {
            assertThat(pollFeed("html-entities.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Crème brûlée contest – results…");
                assertThat(a.summary()).isEqualTo("Twelve chefs competed © Café Society");
            });
        }

        @Test
        void bareAmpersands() throws Exception {
            assertThat(pollFeed("bare-ampersand.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Steel & aluminium tariffs cut");
                assertThat(a.url()).isEqualTo(base + "/trade/tariffs?from=rss&lang=en");
                assertThat(a.summary()).isEqualTo("Exporters welcome the move & expect more orders.");
            });
            assertThat(harness.status().warnings()).containsExactly("5 unescaped & escaped");
        }

        @Test
        void controlCharacters() throws Exception {
            assertThat(pollFeed("control-chars.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Power restored to the old town");
                assertThat(a.summary()).isEqualTo("Crews worked through the night.");
            });
            assertThat(harness.status().warnings()).containsExactly("3 character(s) that XML forbids removed");
        }

        @Test
        void truncatedFeedKeepsItsCompleteItems() throws Exception {
            assertThat(pollFeed("truncated.xml", false)).extracting(Article::title)
                    .containsExactly("Vineyard expands to the hills", "Museum reopens its east wing");
            assertThat(harness.status().warnings()).singleElement().asString()
                    .startsWith("the document ends in the middle (").endsWith("the complete items before the cut are kept");
        }

        @Test
        void undeclaredNamespacePrefixes() throws Exception {
            assertThat(pollFeed("undeclared-prefix.xml", false)).singleElement().satisfies(a -> {
                assertThat(a.author()).isEqualTo("Jana Novak");
                assertThat(a.published()).isEqualTo("2020-03-27T10:00:00Z");
            });
            assertThat(harness.status().warnings()).singleElement().asString().startsWith("not well-formed XML (");
        }

        @Test
        void badMissingAndImplausibleDatesFallBackToTheFetchTime() throws Exception {
            List<Article> articles = pollFeed("bad-dates.xml", false);
            for (String title : List.of("Market day moved", "Fair announced for next year", "Council minutes published",
                    "Archive digitised")) {
                assertThat(byTitle(articles, title)).satisfies(a -> {
                    assertThat(a.published()).isEqualTo(PollHarness.START);
                    assertThat(a.publishedEstimated()).isTrue();
                });
            }
            assertThat(byTitle(articles, "Water main repaired").published()).isEqualTo("2020-03-20T10:00:00Z");
            assertThat(harness.status().warnings()).containsExactly(
                    "1 unreadable pubDate date(s) dropped; the item's next valid date by precedence used where it has one",
                    "4 item(s) without a usable date: the fetch time is used");
        }
    }

    @Nested
    class Identity {

        @Test
        void itemsWithoutGuidAreToldApartByLinkAndTitle() throws Exception {
            assertThat(pollFeed("no-guid.xml", false)).hasSize(2);
            assertThat(harness.status().identity()).isEqualTo("link+title");
            assertThat(harness.status().identityReason()).isEqualTo("2 of 2 items have no guid");
            assertThat(harness.poll()).isEmpty();
        }

        @Test
        void aGuidUsedByDifferentItemsIsNotTrusted() throws Exception {
            assertThat(pollFeed("reused-guid.xml", false)).extracting(Article::title)
                    .containsExactlyInAnyOrder("Tram line extended", "Park renovation finished");
            assertThat(harness.status().identity()).isEqualTo("link+title");
            assertThat(harness.status().identityReason()).isEqualTo("1 guid(s) used by different items");
        }

        @Test
        void guidsThatChangeOnEveryPollAreDroppedAndNothingIsPublishedTwice() throws Exception {
            AtomicInteger served = new AtomicInteger();
            site.route("/feeds/changing.xml", exchange -> CorpusSite.send(exchange, 200, "application/rss+xml",
                    site.document("changing-guids-" + (served.incrementAndGet() == 1 ? 1 : 2) + ".xml", base)
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(pollPath("/feeds/changing.xml", false)).hasSize(3);
            assertThat(harness.status().identity()).isEqualTo("guid");
            assertThat(harness.poll()).isEmpty();
            assertThat(harness.status().identity()).isEqualTo("link+title");
            assertThat(harness.status().identityReason()).isEqualTo("guids changed between polls for 3 of 3 known items");
            assertThat(harness.state().linkIdentity()).isTrue();
            assertThat(harness.poll()).isEmpty();
        }

        @Test
        void aChangedItemIsPublishedAgainAsANewRevision() throws Exception {
            AtomicInteger served = new AtomicInteger();
            site.route("/feeds/revised.xml", exchange -> CorpusSite.send(exchange, 200, "application/rss+xml",
                    site.document("revised-" + (served.incrementAndGet() == 1 ? 1 : 2) + ".xml", base)
                            .getBytes(StandardCharsets.UTF_8)));
            Article first = pollPath("/feeds/revised.xml", false).getFirst();
            Article second = harness.poll().getFirst();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(first.revision()).isEqualTo(1);
            assertThat(second.revision()).isEqualTo(2);
            assertThat(second.contentHash()).isNotEqualTo(first.contentHash());
            assertThat(second.summary()).startsWith("The story, corrected");
            assertThat(harness.poll()).isEmpty();
            assertThat(harness.status().itemsPublished()).isEqualTo(2);
        }
    }

    @Nested
    class LongFeeds {

        /** A feed of {@code count} items, the newest first, each with its page on the site. */
        private CorpusSite.Route longFeed(java.util.concurrent.atomic.AtomicInteger count) {
            return exchange -> {
                StringBuilder items = new StringBuilder();
                for (int i = count.get(); i >= 1; i--) {
                    items.append("<item><title>Item ").append(i).append("</title><link>").append(base)
                            .append("/long/").append(i).append("</link><guid>long-").append(i).append("</guid><pubDate>")
                            .append(DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)
                                    .format(PollHarness.START.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(i))))
                            .append("</pubDate><description>Item ").append(i).append(" of a long feed.</description></item>");
                }
                CorpusSite.send(exchange, 200, "application/rss+xml", ("<rss version=\"2.0\"><channel><title>Long</title>"
                        + "<link>" + base + "/</link>" + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
            };
        }

        @Test
        void aFeedLongerThanTheRememberedItemsPublishesEachItemOnceNewestFirst() throws Exception {
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger(601);
            site.route("/feeds/long.xml", longFeed(count));
            for (int i = 1; i <= 610; i++) {
                site.route("/long/" + i, CorpusSite.bytes(200, "text/html", ("<html><body><article><p>Page " + i
                        + " of a long feed, with enough words in it to be taken as the article's main text by the "
                        + "extractor.</p></article></body></html>").getBytes(StandardCharsets.UTF_8)));
            }
            harness = new PollHarness(base + "/feeds/long.xml", true);
            List<Article> first = harness.poll();
            assertThat(first).hasSize(100);
            assertThat(first).extracting(Article::title).contains("Item 601", "Item 502").doesNotContain("Item 501");
            assertThat(site.requests().stream().filter(r -> r.path().startsWith("/long/")).count()).isEqualTo(100);
            assertThat(harness.status().warnings()).contains("601 new or changed items: the newest 100 were taken, the "
                    + "other 501 are taken at the next polls (newswatch.poller.max-items-per-poll)");
            assertThat(harness.status().nextPoll()).isEqualTo(PollHarness.START.plus(Duration.ofMinutes(1)));
            assertThat(harness.state().etag()).isNull();

            List<Article> all = new java.util.ArrayList<>(first);
            for (int poll = 0; poll < 10 && all.size() < 601; poll++) {
                harness.clock.advance(Duration.ofMinutes(1));
                all.addAll(harness.poll());
            }
            assertThat(all).hasSize(601);
            assertThat(all.stream().map(Article::id).distinct().count()).isEqualTo(601);

            for (int round = 1; round <= 3; round++) {
                count.incrementAndGet();
                harness.clock.advance(Duration.ofMinutes(5));
                assertThat(harness.poll()).as("poll after new item " + round).extracting(Article::title)
                        .containsExactly("Item " + count.get());
            }
        }

        @Test
        void aFeedListingThousandsOfItemsIsReadFromItsNewest() throws Exception {
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger(1200);
            site.route("/feeds/huge.xml", longFeed(count));
            harness = new PollHarness(base + "/feeds/huge.xml", false, new PollLimits(500, Duration.ofSeconds(5),
                    Duration.ofMinutes(1), Duration.ofMinutes(1), 2000));
            assertThat(harness.poll()).hasSize(1000).extracting(Article::title).doesNotContain("Item 200");
            assertThat(harness.status().warnings()).contains("the feed lists 1200 items: only its first 1000 were read "
                    + "(newswatch.poller.max-items-per-feed)");
        }
    }

    @Nested
    class Safety {

        @Test
        void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
            site.variable("secret", secret.toUri().toString());
            List<Article> articles = pollFeed("xxe.xml", false);
            assertThat(articles).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("Leak: &secret; and &remote;"));
            assertThat(site.requests("/dtd/remote.txt")).isEmpty();
            assertThat(harness.status().warnings()).containsExactly(
                    "removed the document type declaration: entities it declares are not expanded",
                    "2 reference(s) to undeclared entities kept as text");
        }

        @Test
        void anEntityBombIsNeverExpanded() throws Exception {
            long started = System.nanoTime();
            assertThat(pollFeed("billion-laughs.xml", false)).singleElement()
                    .satisfies(a -> assertThat(a.title()).isEqualTo("&lol9;"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(harness.status().warnings())
                    .contains("removed the document type declaration: entities it declares are not expanded");
        }

        @Test
        void articleLinksIntoThePollersNetworkAreRefused() throws Exception {
            String localhost = "http://localhost:" + site.port();
            site.variable("loopback", base);
            site.route("/feeds/ssrf.xml", exchange -> CorpusSite.send(exchange, 200, "application/rss+xml",
                    site.document("ssrf.xml", localhost).getBytes(StandardCharsets.UTF_8)));
            site.route("/sneaky/own-host", CorpusSite.bytes(200, "text/html", """
                    <html><body><article><p>The page on the feed's own host is fetched, because the operator allowed
                    that host and port.</p></article></body></html>""".getBytes(StandardCharsets.UTF_8)));
            // the operator allowed the feed's site by name and port, nothing else of the machine's own network
            harness = new PollHarness(localhost + "/feeds/ssrf.xml", true, PollHarness.LIMITS,
                    List.of("localhost:" + site.port()));
            List<Article> articles = harness.poll();

            assertThat(articles).hasSize(3);
            assertThat(byTitle(articles, "Cloud metadata").body()).isEqualTo("An item pointing at the metadata service.");
            assertThat(byTitle(articles, "Loopback admin").body()).isEqualTo("An item pointing at the poller's own machine.");
            assertThat(byTitle(articles, "Own host page").body()).startsWith("The page on the feed's own host is fetched");
            assertThat(site.requests("/admin")).isEmpty();
            FeedStatus status = harness.status();
            assertThat(status.linksRefused()).isEqualTo(2);
            assertThat(status.lastRefusedLink()).isEqualTo("refused " + base + "/admin: 127.0.0.1 is a loopback address");
            assertThat(status.warnings()).containsExactly("2 article link(s) refused by the address guard (last: refused "
                    + base + "/admin: 127.0.0.1 is a loopback address)");
        }

        @Test
        void secretsOfTheFeedsUrlAreInNoArticleAndNoStatus() throws Exception {
            site.route("/feeds/rss20.xml", site.feed("rss20.xml"));
            String secretUrl = "http://reader:pw@127.0.0.1:" + site.port() + "/feeds/rss20.xml?token=abc";
            harness = new PollHarness(secretUrl, false);
            List<Article> articles = harness.poll();
            assertThat(articles).isNotEmpty().allSatisfy(a -> assertThat(a.source().feedUrl())
                    .isEqualTo("http://***@127.0.0.1:" + site.port() + "/feeds/rss20.xml?token=***"));

            harness = new PollHarness("http://reader:pw@127.0.0.1:" + site.port() + "/missing.xml?api_key=k", false);
            harness.poll();
            assertThat(harness.status().error()).isEqualTo("HTTP 404 from " + base + "/missing.xml?api_key=***");
        }

        @Test
        void aFeedOnTheMachinesOwnNetworkIsRefusedUnlessAllowed() throws Exception {
            site.route("/feeds/rss20.xml", site.feed("rss20.xml"));
            harness = new PollHarness(base + "/feeds/rss20.xml", false, PollHarness.LIMITS, List.of());
            assertThat(harness.poll()).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("BLOCKED");
            assertThat(harness.status().error()).isEqualTo("refused " + base + "/feeds/rss20.xml: 127.0.0.1 is a "
                    + "loopback address");
            assertThat(site.requests("/feeds/rss20.xml")).isEmpty();
        }
    }

    @Nested
    class NotFeeds {

        @Test
        void anHtmlPageSaysWhereItsFeedIs() throws Exception {
            assertThat(pollFeed("html-page.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("PARSE");
            assertThat(harness.status().error())
                    .isEqualTo("not a feed but an HTML page; it links to a feed at " + base + "/feeds/rss20.xml");
            assertThat(harness.status().httpStatus()).isEqualTo(200);
        }

        @Test
        void json() throws Exception {
            assertThat(pollFeed("not-xml.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("PARSE");
            assertThat(harness.status().error()).startsWith("not a readable feed: ");
        }

        @Test
        void anotherXmlFormat() throws Exception {
            assertThat(pollFeed("wrong-root.xml", false)).isEmpty();
            assertThat(harness.status().error())
                    .isEqualTo("not a feed: the document is XML but neither RSS nor Atom (root <opml>)");
        }

        @Test
        void anEmptyBody() throws Exception {
            site.route("/feeds/empty.xml", CorpusSite.bytes(200, "application/rss+xml", new byte[0]));
            assertThat(pollPath("/feeds/empty.xml", false)).isEmpty();
            assertThat(harness.status().error()).isEqualTo("the document is empty");
        }
    }

    @Nested
    class Http {

        @Test
        void conditionalGetWithEtag() throws Exception {
            site.route("/feeds/etag.xml", exchange -> {
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    CorpusSite.send(exchange, 200, "application/rss+xml",
                            site.document("rss20.xml", base).getBytes(StandardCharsets.UTF_8));
                }
            });
            assertThat(pollPath("/feeds/etag.xml", false)).hasSize(2);
            assertThat(harness.status().conditionalGet()).isEqualTo("etag");
            harness.clock.advance(Duration.ofMinutes(5));
            assertThat(harness.poll()).isEmpty();
            assertThat(site.requests("/feeds/etag.xml").getLast().header("If-None-Match")).isEqualTo("\"v1\"");
            FeedStatus status = harness.status();
            assertThat(status.httpStatus()).isEqualTo(304);
            assertThat(status.itemsPublished()).isEqualTo(2);
            assertThat(status.lastSuccess()).isEqualTo(PollHarness.START.plus(Duration.ofMinutes(5)));
        }

        @Test
        void theSameBodyWithoutValidatorsIsNotParsedAgain() throws Exception {
            site.route("/feeds/no-validators.xml", site.feed("rss20.xml"));
            assertThat(pollPath("/feeds/no-validators.xml", false)).hasSize(2);
            harness.clock.advance(Duration.ofMinutes(5));
            assertThat(harness.poll()).isEmpty();
            assertThat(harness.meters.counter("newswatch.poller.polls", "outcome", "unchanged", "error", "none").count())
                    .isEqualTo(1);
            assertThat(harness.status().httpStatus()).isEqualTo(200);
            assertThat(harness.status().lastSuccess()).isEqualTo(PollHarness.START.plus(Duration.ofMinutes(5)));
            // a changed body is parsed: its new item is published
            site.route("/feeds/no-validators.xml", site.feed("revised-1.xml"));
            harness.clock.advance(Duration.ofMinutes(5));
            assertThat(harness.poll()).isNotEmpty();
            assertThat(harness.meters.counter("newswatch.poller.polls", "outcome", "ok", "error", "none").count())
                    .isEqualTo(2);
        }

        @Test
        void conditionalGetWithLastModified() throws Exception {
            String lastModified = "Wed, 01 Apr 2020 10:00:00 GMT";
            site.route("/feeds/last-modified.xml", exchange -> {
                exchange.getResponseHeaders().set("Last-Modified", lastModified);
                if (lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    CorpusSite.send(exchange, 200, "application/rss+xml",
                            site.document("rss20.xml", base).getBytes(StandardCharsets.UTF_8));
                }
            });
            assertThat(pollPath("/feeds/last-modified.xml", false)).hasSize(2);
            assertThat(harness.status().conditionalGet()).isEqualTo("last-modified");
            assertThat(harness.poll()).isEmpty();
            assertThat(harness.status().httpStatus()).isEqualTo(304);
        }

        @Test
        void tooManyRequestsWithRetryAfterSeconds() throws Exception {
            site.route("/feeds/busy.xml", CorpusSite.status(429, Map.of("Retry-After", "7200")));
            assertThat(pollPath("/feeds/busy.xml", false)).isEmpty();
            FeedStatus status = harness.status();
            assertThat(status.httpStatus()).isEqualTo(429);
            assertThat(status.errorKind()).isEqualTo("HTTP");
            assertThat(status.error()).isEqualTo("HTTP 429 from " + base + "/feeds/busy.xml");
            assertThat(status.retryAfter()).isEqualTo(Duration.ofHours(2));
            assertThat(status.backoff()).isEqualTo(Duration.ofHours(2));
            assertThat(status.nextPoll()).isEqualTo(PollHarness.START.plus(Duration.ofHours(2)));
            assertThat(status.consecutiveFailures()).isEqualTo(1);
        }

        @Test
        void aHostThatAskedToWaitIsNotAskedAgainBeforeAndItsFeedIsPolledThen() throws Exception {
            site.route("/feeds/busy.xml", CorpusSite.status(429, Map.of("Retry-After", "7200")));
            pollPath("/feeds/busy.xml", false);
            harness.clock.advance(Duration.ofMinutes(30));
            long started = System.nanoTime();
            assertThat(harness.poll()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            FeedStatus status = harness.status();
            assertThat(status.errorKind()).isEqualTo("THROTTLED");
            assertThat(status.error()).isEqualTo("127.0.0.1 asked us to wait until 2020-04-01T14:00:00Z (Retry-After); "
                    + "not contacted before");
            assertThat(status.nextPoll()).isEqualTo(PollHarness.START.plus(Duration.ofHours(2)));
            assertThat(status.consecutiveFailures()).as("the host's wait is not the feed's failure").isEqualTo(1);
            assertThat(site.requests("/feeds/busy.xml")).hasSize(1);
        }

        @Test
        void unavailableWithRetryAfterDate() throws Exception {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)
                    .format(PollHarness.START.plus(Duration.ofMinutes(90)));
            site.route("/feeds/maintenance.xml", CorpusSite.status(503, Map.of("Retry-After", date)));
            assertThat(pollPath("/feeds/maintenance.xml", false)).isEmpty();
            assertThat(harness.status().retryAfter()).isEqualTo(Duration.ofMinutes(90));
            assertThat(harness.status().nextPoll()).isEqualTo(PollHarness.START.plus(Duration.ofMinutes(90)));
        }

        @Test
        void notFound() throws Exception {
            assertThat(pollPath("/feeds/gone.xml", false)).isEmpty();
            FeedStatus status = harness.status();
            assertThat(status.httpStatus()).isEqualTo(404);
            assertThat(status.error()).isEqualTo("HTTP 404 from " + base + "/feeds/gone.xml");
            assertThat(status.backoff()).isEqualTo(Duration.ofSeconds(225));
        }

        @Test
        void serverErrorsBackOffExponentiallyUpToTheCapAndKeepBeingRetried() throws Exception {
            site.route("/feeds/broken.xml", CorpusSite.status(500, Map.of()));
            pollPath("/feeds/broken.xml", false);
            List<Duration> backoffs = new ArrayList<>(List.of(harness.status().backoff()));
            for (int i = 0; i < 5; i++) {
                harness.clock.advance(harness.status().backoff());
                harness.poll();
                backoffs.add(harness.status().backoff());
            }
            // 5 min doubled per failure, capped at 1 h, jittered to 3/4 (the test's random always draws 0)
            assertThat(backoffs).containsExactly(Duration.ofSeconds(225), Duration.ofSeconds(450),
                    Duration.ofSeconds(900), Duration.ofSeconds(1800), Duration.ofSeconds(2700), Duration.ofSeconds(2700));
            assertThat(harness.status().consecutiveFailures()).isEqualTo(6);
            assertThat(site.requests("/feeds/broken.xml")).hasSize(6);
        }

        @Test
        void aSuccessEndsTheBackoff() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            site.route("/feeds/flaky.xml", exchange -> {
                if (calls.incrementAndGet() == 1) {
                    exchange.sendResponseHeaders(502, -1);
                } else {
                    CorpusSite.send(exchange, 200, "application/rss+xml",
                            site.document("rss20.xml", base).getBytes(StandardCharsets.UTF_8));
                }
            });
            pollPath("/feeds/flaky.xml", false);
            assertThat(harness.status().consecutiveFailures()).isEqualTo(1);
            assertThat(harness.poll()).hasSize(2);
            assertThat(harness.status().consecutiveFailures()).isZero();
            assertThat(harness.status().backoff()).isNull();
            assertThat(harness.status().error()).isNull();
        }

        @Test
        void aPermanentRedirectMovesTheFeed() throws Exception {
            site.route("/feeds/rss20.xml", site.feed("rss20.xml"));
            site.route("/old/feed.xml", CorpusSite.redirect(301, "/feeds/rss20.xml"));
            assertThat(pollPath("/old/feed.xml", false)).hasSize(2);
            assertThat(harness.feed().url()).isEqualTo(base + "/feeds/rss20.xml");
            assertThat(harness.status().movedFrom()).isEqualTo(base + "/old/feed.xml");
            assertThat(harness.status().warnings()).containsExactly("moved permanently from " + base
                    + "/old/feed.xml to " + base + "/feeds/rss20.xml; registration updated");
            harness.poll();
            assertThat(site.requests("/old/feed.xml")).hasSize(1);
        }

        @Test
        void aTemporaryRedirectDoesNotMoveIt() throws Exception {
            site.route("/feeds/rss20.xml", site.feed("rss20.xml"));
            site.route("/today/feed.xml", CorpusSite.redirect(302, base + "/feeds/rss20.xml"));
            assertThat(pollPath("/today/feed.xml", false)).hasSize(2);
            assertThat(harness.feed().url()).isEqualTo(base + "/today/feed.xml");
            assertThat(harness.status().movedFrom()).isNull();
        }

        @Test
        void aRedirectLoop() throws Exception {
            site.route("/loop/a", CorpusSite.redirect(302, "/loop/b"));
            site.route("/loop/b", CorpusSite.redirect(301, "/loop/a"));
            assertThat(pollPath("/loop/a", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("REDIRECT_LOOP");
            assertThat(harness.status().error()).isEqualTo("redirect loop: " + base + "/loop/a -> " + base
                    + "/loop/b -> " + base + "/loop/a");
        }

        @Test
        void tooManyRedirects() throws Exception {
            for (int i = 1; i <= 6; i++) {
                site.route("/hop/" + i, CorpusSite.redirect(307, "/hop/" + (i + 1)));
            }
            assertThat(pollPath("/hop/1", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("TOO_MANY_REDIRECTS");
            assertThat(harness.status().error()).startsWith("more than 3 redirects: ");
            assertThat(site.requests("/hop/5")).isEmpty();
        }

        @Test
        void aServerThatNeverAnswers() throws Exception {
            site.route("/slow/headers.xml", exchange -> Thread.sleep(5000));
            long started = System.nanoTime();
            assertThat(pollPath("/slow/headers.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("TIMEOUT");
            assertThat(harness.status().error()).isEqualTo("no answer from 127.0.0.1 within 1 s");
            assertThat(harness.status().httpStatus()).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }

        @Test
        void aBodyThatStalls() throws Exception {
            site.route("/slow/stall.xml", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(5000);
            });
            assertThat(pollPath("/slow/stall.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("TIMEOUT");
            assertThat(harness.status().error()).isEqualTo("no data from 127.0.0.1 for 1 s while reading the body");
        }

        @Test
        void aBodyThatTricklesPastTheTotalTimeout() throws Exception {
            site.route("/slow/trickle.xml", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 100; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(300);
                }
            });
            long started = System.nanoTime();
            assertThat(pollPath("/slow/trickle.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("TIMEOUT");
            assertThat(harness.status().error()).isEqualTo("no complete answer from 127.0.0.1 within 3 s");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        }

        @Test
        void anEndlessBodyIsCutAtTheLimit() throws Exception {
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            site.route("/endless.xml", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                byte[] item = "<item><title>again</title></item>\n".repeat(100).getBytes(StandardCharsets.UTF_8);
                out.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                while (sent.get() < 1L << 30) {
                    out.write(item);
                    sent.addAndGet(item.length);
                }
            });
            long started = System.nanoTime();
            assertThat(pollPath("/endless.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("TOO_LARGE");
            assertThat(harness.status().error()).isEqualTo("the body is larger than 262144 bytes; cut off there");
            // the connection is dropped at the limit, not read to its end (HttpClient would drain it on close)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            Thread.sleep(500);
            assertThat(sent.get()).as("bytes the server could send before the poller hung up").isLessThan(16L << 20);
        }

        @Test
        void gzip() throws Exception {
            site.route("/feeds/gzip.xml", site.compressed("rss20.xml", "gzip"));
            assertThat(pollPath("/feeds/gzip.xml", false)).hasSize(2);
            assertThat(site.requests("/feeds/gzip.xml").getFirst().header("Accept-encoding")).isEqualTo("gzip, deflate");
        }

        @Test
        void deflate() throws Exception {
            site.route("/feeds/deflate.xml", site.compressed("rss20.xml", "deflate"));
            assertThat(pollPath("/feeds/deflate.xml", false)).hasSize(2);
        }

        @Test
        void aGzipBombIsCutAtTheLimitOnceDecompressed() throws Exception {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bomb)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 20; i++) {
                    out.write(spaces);
                }
            }
            site.route("/feeds/bomb.xml", exchange -> {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                CorpusSite.send(exchange, 200, "application/rss+xml", bomb.toByteArray());
            });
            assertThat(pollPath("/feeds/bomb.xml", false)).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("TOO_LARGE");
            assertThat(harness.status().error()).isEqualTo("the body from 127.0.0.1 is larger than 262144 bytes once decompressed");
        }

        @Test
        void connectionRefused() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            harness = new PollHarness("http://127.0.0.1:" + closedPort + "/rss.xml", false);
            assertThat(harness.poll()).isEmpty();
            assertThat(harness.status().errorKind()).isEqualTo("CONNECT");
            assertThat(harness.status().error()).isEqualTo("cannot connect to 127.0.0.1:" + closedPort + " (connection refused)");
        }

        @Test
        void anHonestUserAgent() throws Exception {
            pollFeed("rss20.xml", false);
            assertThat(site.requests("/feeds/rss20.xml").getLast().header("User-agent"))
                    .isEqualTo("newswatch-feed-poller/test");
        }
    }

    @Nested
    class FullText {

        @Test
        void pagesAreFetchedTheirCanonicalPreferredAndMissingPagesFallBackToTheFeed() throws Exception {
            site.route("/tribune/rail-link", CorpusSite.bytes(200, "text/html; charset=utf-8", """
                    <!doctype html><html lang="en"><head><title>Rail link approved | Tribune</title>
                    <link rel="canonical" href="/tribune/rail-link-approved"></head>
                    <body><nav><a href="/">Home</a></nav><article><h1>Rail link to the coast approved</h1>
                    <p>The government approved the rail link on Sunday after a decade of planning and two public
                    consultations.</p><p>Trains could run by the end of the decade, the transport ministry said.</p>
                    </article><footer>All rights reserved.</footer></body></html>""".getBytes(StandardCharsets.UTF_8)));
            List<Article> articles = pollFeed("full-text.xml", true);
            Article rail = byTitle(articles, "Rail link to the coast approved");
            assertThat(rail.url()).isEqualTo(base + "/tribune/rail-link-approved");
            assertThat(rail.id()).isEqualTo(Ids.article(base + "/tribune/rail-link-approved"));
            assertThat(rail.body()).isEqualTo("The government approved the rail link on Sunday after a decade of "
                    + "planning and two public consultations.\n\nTrains could run by the end of the decade, the "
                    + "transport ministry said.");
            assertThat(rail.summary()).isEqualTo("Construction could start next year.");
            Article hospital = byTitle(articles, "Hospital wing opens");
            assertThat(hospital.body()).isEqualTo("Forty new beds for the region.");
            assertThat(harness.status().warnings()).containsExactly("1 article page(s) not fetched, the feed's text used"
                    + " instead (last: HTTP 404 from " + base + "/tribune/missing-page)");
            assertThat(site.requests("/tribune/rail-link")).hasSize(1);
        }

        @Test
        void aPageWithACharsetJavaDoesNotKnowIsReadAsUtf8WithAWarning() throws Exception {
            site.route("/tribune/rail-link", CorpusSite.bytes(200, "text/html; charset=x-no-such-charset", """
                    <!doctype html><html lang="en"><head><title>Rail link approved</title></head>
                    <body><article><h1>Rail link to the coast approved</h1>
                    <p>The government approved the rail link to the coast on Sunday after a decade of planning, in Niš
                    and Zürich alike.</p></article></body></html>""".getBytes(StandardCharsets.UTF_8)));
            Article rail = byTitle(pollFeed("full-text.xml", true), "Rail link to the coast approved");
            assertThat(rail.body()).startsWith("The government approved the rail link to the coast on Sunday")
                    .contains("Niš and Zürich");
            assertThat(harness.status().warnings()).contains("1 article page(s) declared a charset Java does not know, "
                    + "read as their <meta> charset or UTF-8 instead (last: \"x-no-such-charset\" at " + base
                    + "/tribune/rail-link?utm_source=rss)");
        }

        @Test
        void unchangedItemsAreNotFetchedAgain() throws Exception {
            site.route("/tribune/rail-link", CorpusSite.bytes(200, "text/html", "<p>text</p>".getBytes(StandardCharsets.UTF_8)));
            pollFeed("full-text.xml", true);
            harness.poll();
            assertThat(site.requests("/tribune/rail-link")).hasSize(1);
        }
    }

    @Test
    void theCorpusHasFortyCasesOrMore() {
        long cases = java.util.Arrays.stream(FeedCorpusTest.class.getDeclaredClasses())
                .flatMap(c -> java.util.Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        assertThat(cases).isGreaterThanOrEqualTo(40);
    }
}
