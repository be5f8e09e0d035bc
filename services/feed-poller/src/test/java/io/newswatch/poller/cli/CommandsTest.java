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

/** {@code ./newswatch feed} and {@code ./newswatch extract}: output and exit status as docs/contracts.md ("Command line") says. */
class CommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void feedPrintsOneJsonLinePerItemThenItsWarnings() throws Exception {
        Path feed = Files.writeString(dir.resolve("feed.xml"), """
                <rss version="2.0"><channel><title>Desk</title><link>/</link><description>d</description>
                <item><title>Tariffs cut &amp; trade grows</title><link>/news/tariffs?utm_source=rss</link>
                <guid>t-1</guid><pubDate>Mon, 02 Mar 2020 08:30:00 GMT</pubDate><description>Exporters welcome it & more.</description></item>
                <item><title>Undated</title><link>/news/undated</link></item>
                </channel></rss>""");
        int exit = FeedCommand.run(List.of(feed.toString(), "--base", "https://desk.example/rss.xml"), print(out), print(err));
        assertThat(exit).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("url").asText()).isEqualTo("https://desk.example/news/tariffs");
        assertThat(lines.get(0).path("id").asText()).isEqualTo(Ids.article("https://desk.example/news/tariffs"));
        assertThat(lines.get(0).path("title").asText()).isEqualTo("Tariffs cut & trade grows");
        assertThat(lines.get(0).path("published").asText()).isEqualTo("2020-03-02T08:30:00Z");
        assertThat(lines.get(0).path("summary").asText()).isEqualTo("Exporters welcome it & more.");
        assertThat(lines.get(1).path("publishedEstimated").asBoolean()).isTrue();
        assertThat(lines.get(2).path("warning").asText()).isEqualTo("1 unescaped & escaped");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 item(s), format rss_2.0");
    }

    @Test
    void feedFailsWithOneWhenTheDocumentIsNoFeedAndTwoOnWrongArguments() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<html><body>not a feed</body></html>");
        assertThat(FeedCommand.run(List.of(page.toString()), print(out), print(err))).isEqualTo(1);
        assertThat(lines().getFirst().path("kind").asText()).isEqualTo("PARSE");
        assertThat(FeedCommand.run(List.of(), print(out), print(err))).isEqualTo(2);
        assertThat(FeedCommand.run(List.of("a", "b"), print(out), print(err))).isEqualTo(2);
        assertThat(FeedCommand.run(List.of(dir.resolve("missing.xml").toString()), print(out), print(err))).isEqualTo(1);
    }

    @Test
    void feedReadsUrlsWithThePollersHttpRules() throws Exception {
        try (CorpusSite site = new CorpusSite()) {
            site.route("/rss.xml", site.feed("rss20.xml"));
            assertThat(FeedCommand.run(List.of(site.base() + "/rss.xml"), print(out), print(err))).isZero();
            assertThat(lines()).hasSize(2);
            assertThat(site.requests("/rss.xml").getFirst().header("User-Agent")).startsWith("newswatch-feed-poller/");
            out.reset();
            assertThat(FeedCommand.run(List.of(site.base() + "/missing.xml"), print(out), print(err))).isEqualTo(1);
            assertThat(lines().getFirst().path("error").asText()).isEqualTo("HTTP 404 from " + site.base() + "/missing.xml");
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
        assertThat(ExtractCommand.run(List.of(page.toString()), print(out), print(err))).isZero();
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
    void extractFailsWithOneWhenThereIsNoText() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        assertThat(ExtractCommand.run(List.of(empty.toString()), print(out), print(err))).isEqualTo(1);
        assertThat(Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).path("text").asText()).isEmpty();
        assertThat(ExtractCommand.run(List.of("--nonsense"), print(out), print(err))).isEqualTo(2);
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
