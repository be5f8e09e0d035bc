package io.newswatch.poller.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.poller.poll.CorpusSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./newswatch feed} and {@code ./newswatch extract}: several inputs, output and exit statuses as docs/contracts.md
 * ("Command line") says. */
class CommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void feedPrintsOneJsonObjectPerFeedForFilesAndStandardInput() throws Exception {
        Path first = Files.writeString(dir.resolve("feed.xml"), """
                <rss version="2.0"><channel><title>Desk</title><link>/</link><description>d</description>
                <item><title>Tariffs cut &amp; trade grows</title><link>/news/tariffs?utm_source=rss</link>
                <guid>t-1</guid><pubDate>Mon, 02 Mar 2020 08:30:00 GMT</pubDate><description>Exporters welcome it & more.</description></item>
                <item><title>Undated</title><link>/news/undated</link></item>
                </channel></rss>""");
        Path second = Files.writeString(dir.resolve("atom.xml"), """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:a</id><updated>2020-03-02T08:30:00Z</updated>
                <entry><title>Ђукановић in Brussels</title><id>urn:1</id><link href="/e/1"/><updated>2020-03-02T08:30:00Z</updated>
                <content type="html">&lt;p&gt;Talks.&lt;/p&gt;</content></entry></feed>""");
        String third = "<rss version=\"2.0\"><channel><title>Piped</title><link>/</link><description>d</description>"
                + "<item><title>From standard input</title><link>/p/1</link></item></channel></rss>";
        int exit = FeedCommand.run(List.of(first.toString(), second.toString(), "-", "--base", "https://desk.example/rss.xml"),
                stdin(third), print(out), print(err));
        assertThat(exit).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode feed = lines.get(0);
        assertThat(feed.path("input").asText()).isEqualTo(first.toString());
        assertThat(feed.path("format").asText()).isEqualTo("rss_2.0");
        assertThat(feed.path("title").asText()).isEqualTo("Desk");
        JsonNode item = feed.path("items").get(0);
        assertThat(item.path("url").asText()).isEqualTo("https://desk.example/news/tariffs");
        assertThat(item.path("id").asText()).isEqualTo(Ids.article("https://desk.example/news/tariffs"));
        assertThat(item.path("title").asText()).isEqualTo("Tariffs cut & trade grows");
        assertThat(item.path("published").asText()).isEqualTo("2020-03-02T08:30:00Z");
        assertThat(item.path("summary").asText()).isEqualTo("Exporters welcome it & more.");
        assertThat(feed.path("items").get(1).path("publishedEstimated").asBoolean()).isTrue();
        assertThat(feed.path("warnings").get(0).asText()).isEqualTo("1 unescaped & escaped");
        assertThat(lines.get(1).path("items").get(0).path("title").asText()).isEqualTo("Ђукановић in Brussels");
        assertThat(lines.get(1).path("items").get(0).path("content").asText()).isEqualTo("Talks.");
        assertThat(lines.get(2).path("input").asText()).isEqualTo("-");
        assertThat(lines.get(2).path("items").get(0).path("url").asText()).isEqualTo("https://desk.example/p/1");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void feedExitStatusTellsUnreadableInputFromWrongArgumentsAndErrorsGoToStandardError() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<html><body>not a feed</body></html>");
        Path good = Files.writeString(dir.resolve("good.xml"), "<rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://desk.example/</link><description>d</description></channel></rss>");
        assertThat(FeedCommand.run(List.of(page.toString(), good.toString()), stdin(""), print(out), print(err))).isEqualTo(1);
        assertThat(lines()).hasSize(1).first().satisfies(feed -> assertThat(feed.path("input").asText()).isEqualTo(good.toString()));
        JsonNode error = Json.mapper().readTree(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertThat(error.path("input").asText()).isEqualTo(page.toString());
        assertThat(error.path("kind").asText()).isEqualTo("PARSE");
        err.reset();
        assertThat(FeedCommand.run(List.of(dir.resolve("missing.xml").toString()), stdin(""), print(out), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file").doesNotContain("Exception");
        assertThat(FeedCommand.run(List.of(), stdin(""), print(out), print(err))).isEqualTo(2);
        assertThat(FeedCommand.run(List.of("--nonsense", "a"), stdin(""), print(out), print(err))).isEqualTo(2);
        out.reset();
        assertThat(FeedCommand.run(List.of("--help"), stdin(""), print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ./newswatch feed");
    }

    @Test
    void feedReadsUrlsWithThePollersHttpRulesAndSaysWhenAFetchFailed() throws Exception {
        try (CorpusSite site = new CorpusSite()) {
            site.route("/rss.xml", site.feed("rss20.xml"));
            assertThat(FeedCommand.run(List.of(site.base() + "/rss.xml"), stdin(""), print(out), print(err))).isZero();
            assertThat(lines()).hasSize(1);
            assertThat(site.requests("/rss.xml").getFirst().header("User-Agent")).startsWith("newswatch-feed-poller/");
            assertThat(FeedCommand.run(List.of(site.base() + "/missing.xml"), stdin(""), print(out), print(err))).isEqualTo(3);
            JsonNode error = Json.mapper().readTree(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
            assertThat(error.path("error").asText()).isEqualTo("HTTP 404 from " + site.base() + "/missing.xml");
        }
    }

    @Test
    void extractPrintsTheMainTextAndMetadata() throws Exception {
        Path page = Files.writeString(dir.resolve("story.html"), """
                <html lang="hr"><head><title>Most otvoren | Vijesti</title>
                <link rel="canonical" href="https://vijesti.example/most?utm_source=x">
                <meta name="author" content="Ivana Horvat"><meta property="article:published_time" content="2021-06-01T10:00:00+02:00">
                </head><body><nav><a href="/">Naslovna</a></nav><article><h1>Most otvoren</h1>
                <p>Novi most preko Drave otvoren je u utorak nakon tri godine gradnje i mnogo odgađanja.</p>
                <p>Promet je krenuo u podne, a gradonačelnik je najavio i novu biciklističku stazu uz rijeku.</p>
                </article><footer>Sva prava zadržana.</footer></body></html>""");
        assertThat(ExtractCommand.run(List.of(page.toString()), stdin(""), print(out), print(err))).isZero();
        JsonNode json = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("title").asText()).isEqualTo("Most otvoren");
        assertThat(json.path("author").asText()).isEqualTo("Ivana Horvat");
        assertThat(json.path("published").asText()).isEqualTo("2021-06-01T08:00:00Z");
        assertThat(json.path("language").asText()).isEqualTo("hr");
        assertThat(json.path("canonicalUrl").asText()).isEqualTo("https://vijesti.example/most");
        assertThat(json.path("text").asText()).startsWith("Novi most preko Drave").contains("\n\nPromet je krenuo")
                .doesNotContain("Naslovna", "prava");
        assertThat(json.has("words")).isTrue();
    }

    @Test
    void extractTellsNoTextFromUnreadableInputAndPrintsOneLinePerPage() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        assertThat(ExtractCommand.run(List.of(empty.toString(), "-"), stdin(STORY), print(out), print(err))).isEqualTo(4);
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("text").asText()).isEmpty();
        assertThat(lines.get(1).path("text").asText()).contains("Đukanović", "Ђукановић");
        assertThat(ExtractCommand.run(List.of(dir.resolve("missing.html").toString()), stdin(""), print(out), print(err)))
                .isEqualTo(1);
        assertThat(ExtractCommand.run(List.of("--nonsense"), stdin(""), print(out), print(err))).isEqualTo(2);
    }

    @Test
    void outputIsUtf8WhateverTheLocale() throws Exception {
        Path page = Files.writeString(dir.resolve("story.html"), STORY);
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExtractCommand.class.getName(), page.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE);
        process.environment().put("LC_ALL", "C");
        process.environment().put("LANG", "C");
        Process started = process.start();
        started.getOutputStream().close();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).isZero();
        assertThat(Json.mapper().readTree(output).path("text").asText()).contains("Đukanović", "Ђукановић");
    }

    private static final String STORY = """
            <html><head><title>Vijesti</title></head><body><article><h1>Posjeta</h1>
            <p>Predsjednik Đukanović doputovao je u utorak u Brisel na sastanak o proširenju i reformama pravosuđa.</p>
            <p>Председник Ђукановић разговарао је са генералним секретаром о наставку сарадње и безбедности региона.</p>
            </article></body></html>""";

    private static java.io.InputStream stdin(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
