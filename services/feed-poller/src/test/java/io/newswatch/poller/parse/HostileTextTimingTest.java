package io.newswatch.poller.parse;

import io.newswatch.poller.feed.FeedDefinition;
import io.newswatch.poller.feed.FeedDefinitions;
import io.newswatch.poller.feed.FeedsFile;
import io.newswatch.poller.http.MediaTypes;
import io.newswatch.retry.RetryAfter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every regular expression (and every hand-written scan) of the poller that sees text from outside (feeds, pages,
 * HTTP headers, the feeds file, registrations) gets 10,000 characters shaped to make a backtracking matcher blow
 * up, through the method that uses it, and must finish well under a second. One case per pattern and shape: a
 * super-linear pattern takes seconds to hours on these.
 */
class HostileTextTimingTest {

    private static final int N = 10_000;
    /** CPU time allowed to each case. */
    private static final Duration LIMIT = Duration.ofSeconds(1);
    /** Wall time after which a case is abandoned: CPU is what is judged (the machine is shared), this only ends a runaway. */
    private static final Duration ABANDON = Duration.ofSeconds(20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final FeedParser PARSER = new FeedParser();
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();

    /** A step that must finish in time. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @BeforeAll
    static void warmUp() throws Exception {
        // class loading and the first JIT passes are not what is measured here
        PARSER.parse(rss("<item><title>t</title><author>a@b (c)</author></item>").getBytes(StandardCharsets.UTF_8),
                Optional.empty(), URI.create("https://wire.example/rss.xml"));
        EXTRACTOR.extract(page("<title>t</title>", "<p>text</p>"), Optional.empty(), URI.create("https://wire.example/a"));
        feedsFile("${A:x}");
        definition("warm", "en");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void finishesWellUnderASecond(String name, Step step) {
        Duration cpu = assertTimeoutPreemptively(ABANDON, () -> {
            long before = THREADS.getCurrentThreadCpuTime();
            step.run();
            return Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - before);
        }, name + " ran away");
        assertThat(cpu).as("CPU time of " + name).isLessThan(LIMIT);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // FeedParser: the author forms "email (Name)", "Name <email>", "Name (email)"
                feedItem("author: (@ repeated", "<author>" + repeat("(@", N / 2) + "</author>"),
                feedItem("author: a@ and spaces", "<author>a@" + repeat(" ", N) + "x)</author>"),
                feedItem("author: open brackets", "<author>" + repeat("x (", N / 3) + "</author>"),
                feedItem("author: @ then angle brackets", "<author>n " + repeat("&lt;a@", N / 6) + "</author>"),
                feedItem("author: many @", "<author>" + repeat("a@", N / 2) + " (n)</author>"),
                feedItem("dc:creator: spaces and @", "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + repeat("@ ", N / 2) + "</dc:creator>"),
                // XmlRepair: padded namespace URIs, entities, declarations
                feedItem("namespace: xmlns=\" and spaces in a title", "<title>xmlns=\"" + repeat(" ", N) + "</title>"),
                feedItem("namespace: xmlns=' and spaces then the other quote",
                        "<title> xmlns='" + repeat(" ", N) + "\"</title>"),
                feedItem("namespace: many xmlns=\"", "<title>" + repeat(" xmlns=\"", N / 8) + "</title>"),
                feedItem("namespace: a long prefix", "<title> xmlns:" + repeat("a", N) + "</title>"),
                feedItem("namespace: spaces before =", "<title> xmlns" + repeat(" ", N) + "x</title>"),
                feedItem("entity: a long name", "<title>&" + repeat("a", N) + "</title>"),
                feedItem("entity: a long number", "<title>&#" + repeat("1", N) + "</title>"),
                step("doctype: nested brackets", () -> XmlRepair.repair("<!DOCTYPE r " + repeat("[", N) + "><r/>")),
                step("cdata: brackets", () -> XmlRepair.repair("<r><![CDATA[" + repeat("]", N) + "</r>")),
                // FeedParser: the end of a truncated document, the root element's name, an HTML page's feed link
                step("truncation: root ends then spaces", () -> parseQuietly(
                        rss("<item><title>t</title></item>").replace("</rss>", "") + repeat("</rss>" + " ".repeat(100) + "x", N / 107))),
                step("root name: a long tag name", () -> parseQuietly("<" + repeat("a", N) + ">")),
                step("html page: a long alternate type", () -> parseQuietly("<html><head><link rel=\"alternate\" type=\"application/"
                        + repeat("rss+", N / 4) + "\" href=\"/f\"></head></html>")),
                // fields: titles, links, guids, categories, language
                feedItem("title: long markup", "<title>" + repeat("&lt;b&gt;", N / 9) + "</title>"),
                feedItem("link: long", "<link>https://wire.example/" + repeat("a/", N / 2) + "</link>"),
                feedItem("guid: long", "<guid>" + repeat("g", N) + "</guid>"),
                feedItem("category: many", repeat("<category>c</category>", N / 22)),
                feedItem("itunes keywords: commas", "<itunes:keywords xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                        + repeat(",", N) + "</itunes:keywords>"),
                step("language: letters", () -> Languages.code(repeat("e", N))),
                step("language: delimiters", () -> Languages.code(repeat("-_ ", N / 3))),
                // TextDecoding: the XML declaration's encoding
                step("xml declaration: spaces", () -> TextDecoding.decode(("<?xml" + repeat(" ", N) + "encoding='x'?><r/>")
                        .getBytes(StandardCharsets.ISO_8859_1), Optional.empty())),
                step("xml declaration: many encodings", () -> TextDecoding.decode(("<?xml " + repeat("encoding =", N / 10)
                        + "?><r/>").getBytes(StandardCharsets.ISO_8859_1), Optional.of(repeat("x", N)))),
                // MediaTypes: the charset of a Content-Type
                step("content type: charset= and spaces", () -> MediaTypes.charset("text/html; charset=" + repeat(" ", N))),
                step("content type: charset repeated", () -> MediaTypes.charset(repeat("charset", N / 7))),
                step("content type: a long charset", () -> MediaTypes.charset("text/html; charset=\"" + repeat("a", N))),
                // RetryAfter
                step("retry-after: digits", () -> RetryAfter.parse(repeat("9", N), Instant.EPOCH)),
                step("retry-after: a long date", () -> RetryAfter.parse("Mon, " + repeat(" 1", N / 2), Instant.EPOCH)),
                // UrlCanonicalizer and Urls
                step("url: a long google host", () -> CANONICALIZER.canonical("http://www.google." + repeat("a.", N / 2)
                        + "/url?url=https://x.example/")),
                step("url: ampersands", () -> CANONICALIZER.canonical("http://h.example/?" + repeat("&", N))),
                step("url: dot segments", () -> CANONICALIZER.canonical("http://h.example/" + repeat("/.", N / 2))),
                step("url: percent signs", () -> CANONICALIZER.canonical("http://h.example/" + repeat("%2", N / 2))),
                step("url: illegal characters", () -> Urls.parse("http://h.example/" + repeat("\" ", N / 2))),
                // feeds file and registrations
                step("feeds file: unclosed placeholder", () -> feedsFile("${" + repeat("A", N))),
                step("feeds file: placeholder default", () -> feedsFile("${A:" + repeat("{", N))),
                step("feeds file: dollars", () -> feedsFile(repeat("$${", N / 3))),
                step("registration: long id", () -> definition(repeat("a", N) + "!", "en")),
                step("registration: long language", () -> definition("x", repeat("x", N))),
                // ArticleExtractor (its patterns run on page text)
                pageCase("page: title of vertical tabs", "<title>a" + repeat("\u000B", N) + "b</title>", "<p>x</p>"),
                pageCase("page: title of separators", "<title>" + repeat(" | ", N / 3) + "</title>", "<p>x</p>"),
                pageCase("page: byline of spaces", "", "<div class=\"byline\">by" + repeat(" ", N) + "x</div><p>x</p>"),
                pageCase("page: one long word", "", "<article><p>" + repeat("a", N) + "</p></article>"),
                pageCase("page: copyright then a long word", "", "<article><p>copyright " + repeat("a", N) + "</p></article>"),
                pageCase("page: source: spaces", "", "<article><p>source" + repeat(" ", N) + "x</p></article>"),
                pageCase("page: class names", "", "<div class=\"" + repeat("aA", N / 2) + "\"><p>x</p></div>"),
                pageCase("page: class separators", "", "<div class=\"" + repeat("a-", N / 2) + "\"><p>x</p></div>"),
                pageCase("page: dates", "<meta property=\"article:published_time\" content=\"2020-" + repeat("1", N) + "\">",
                        "<p>x</p>"),
                pageCase("page: short paragraphs", "", "<article>" + repeat("<p>a b</p>", N / 10) + "</article>"),
                pageCase("page: commas", "", "<article><p>" + repeat(",", N) + "</p></article>"),
                pageCase("page: trailing call to action", "<meta name=\"author\" content=\"Ana\">",
                        "<article><p>" + repeat("word ", 30) + "</p><p>Ana" + repeat(" ", N) + "is</p></article>"));
    }

    private static Arguments step(String name, Step step) {
        return Arguments.of(name, step);
    }

    private static Arguments feedItem(String name, String itemXml) {
        byte[] feed = rss("<item><title>t</title><link>https://wire.example/1</link>" + itemXml + "</item>")
                .getBytes(StandardCharsets.UTF_8);
        return step(name, () -> PARSER.parse(feed, Optional.empty(), URI.create("https://wire.example/rss.xml")));
    }

    private static Arguments pageCase(String name, String head, String body) {
        byte[] html = page(head, body);
        return step(name, () -> EXTRACTOR.extract(html, Optional.empty(), URI.create("https://wire.example/a")));
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                + "<link>https://wire.example/</link><description>d</description>" + items + "</channel></rss>";
    }

    private static byte[] page(String head, String body) {
        return ("<html><head>" + head + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static void parseQuietly(String document) {
        try {
            PARSER.parse(document.getBytes(StandardCharsets.UTF_8), Optional.empty(), URI.create("https://wire.example/"));
        } catch (FeedParseException e) {
            // not a feed: what matters is how long it took to say so
        }
    }

    private static void feedsFile(String value) throws Exception {
        Path file = Files.createTempFile("feeds", ".yaml");
        try {
            Files.writeString(file, "feeds:\n  - url: 'http://wire.example/" + value.replace("'", "''") + "'\n");
            FeedsFile.load(file, new FeedDefinitions(Duration.ofMinutes(5)), Instant.EPOCH, Map.<String, String>of()::get);
        } catch (FeedsFile.FileException e) {
            // refused: what matters is how long it took
        } finally {
            Files.delete(file);
        }
    }

    private static void definition(String id, String language) {
        try {
            new FeedDefinitions(Duration.ofMinutes(5)).toFeed(new FeedDefinition(id, "https://wire.example/rss.xml",
                    null, null, null, language, List.of()), Instant.EPOCH);
        } catch (io.newswatch.poller.feed.InvalidFeedException e) {
            // refused: what matters is how long it took
        }
    }

    private static String repeat(String text, int times) {
        return text.repeat(times);
    }
}
