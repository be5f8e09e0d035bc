package io.newswatch.alerter.cli;

import io.newswatch.alerter.Articles;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.newswatch.alerter.cli.MatchAgreesWithPipelineTest.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./newswatch match}: exit status and printed passages, for text, HTML and JSON articles. */
class MatchCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void plainTextMatchPrintsThePassage() throws IOException {
        Path file = write("note.txt", "Harbour news\n\nThe ferry to Bar left late. Đukanović was on board.");
        assertThat(run("Djukanovic", file)).isEqualTo(MatchCommand.MATCH);
        assertThat(output()).contains("MATCH", "title:    Harbour news", "**Đukanović** was on board.",
                "matched:  Đukanović");
    }

    @Test
    void noMatchExitsWithOne() throws IOException {
        Path file = write("note.txt", "Harbour news\n\nThe ferry to Bar left late.");
        assertThat(run("\"Lake Ohrid\"", file)).isEqualTo(MatchCommand.NO_MATCH);
        assertThat(output()).startsWith("NO MATCH");
    }

    @Test
    void aBadQueryExitsWithTwoAndPointsAtTheProblem() throws IOException {
        Path file = write("note.txt", "Harbour news");
        assertThat(run("ferry AND (Bar", file)).isEqualTo(MatchCommand.BAD_INPUT);
        assertThat(errors()).contains("never closed", "ferry AND (Bar", "          ^");
    }

    @Test
    void everyQueryThatWouldBlowUpExitsWithTwoAndItsReasonWithoutAStackTrace() throws Exception {
        Path file = write("note.txt", "Harbour news\n\nThe ferry of the harbour left late.");
        StringBuilder bomb = new StringBuilder("(the");
        for (int i = 0; i < 599; i++) {
            bomb.append(" OR w").append(i);
        }
        bomb.append(") AND (of");
        for (int i = 0; i < 599; i++) {
            bomb.append(" OR v").append(i);
        }
        bomb.append(')');
        String[][] cases = {
                {bomb.toString(), "clauses"},
                {"*a??????????????????????", "wildcard is too complex"},
                {"/[a-z]*a[a-z]{20}/", "regular expression is too complex"},
                {"(".repeat(3_000) + "ferry" + ")".repeat(3_000), "nested more than"},
        };
        for (String[] bad : cases) {
            // on a thread with a request thread's stack: the parser used to overflow it on 3,000 parentheses
            int[] status = new int[1];
            Thread thread = new Thread(null, () -> status[0] = run(bad[0], file), "small-stack", 256 * 1024);
            thread.start();
            thread.join();
            assertThat(status[0]).as(bad[1]).isEqualTo(MatchCommand.BAD_INPUT);
            assertThat(errors()).as(bad[1]).contains("bad query: ", bad[1], "^")
                    .doesNotContain("Exception", "\tat ", "Error");
            assertThat(output()).isEmpty();
        }
    }

    @Test
    void htmlUsesTheHeadlineAndParagraphs() throws IOException {
        Path file = write("page.html", """
                <!doctype html><html><head><title>Site | Page</title></head><body>
                <nav>Home Sport Montenegro</nav>
                <article><h1>Council meets again</h1><p>The NATO Russia Council met on Friday.</p></article>
                </body></html>""");
        assertThat(run("\"NATO-Russia Council\"", file)).isEqualTo(MatchCommand.MATCH);
        assertThat(output()).contains("title:    Council meets again", "The **NATO Russia Council** met");
        assertThat(run("title:Montenegro", file)).isEqualTo(MatchCommand.NO_MATCH);
    }

    @Test
    void enrichedJsonMatchesEntityAndTopicFields() throws IOException {
        Path file = write("article.json", Json.encode(Articles.article().title("Talks in Tbilisi")
                .body("Officials met in Tbilisi.").location("Georgia").topic("enlargement").build()));
        assertThat(run("topic:enlargement AND location:Georgia", file)).isEqualTo(MatchCommand.MATCH);
        assertThat(output()).contains("entities: location/georgia", "topics:   enlargement");
    }

    @Test
    void jsonOutput() throws IOException {
        Path file = write("note.txt", "Harbour news\n\nThe ferry left.");
        assertThat(run("--json", "ferry", file.toString())).isEqualTo(MatchCommand.MATCH);
        assertThat(output()).contains("\"match\":true", "<em>ferry</em>");
    }

    @Test
    void aMissingFileExitsWithThreeAndTheOthersAreStillMatched() throws IOException {
        Path file = write("note.txt", "Harbour news\n\nThe ferry left.");
        assertThat(run("ferry", dir.resolve("missing.txt").toString(), file.toString()))
                .isEqualTo(MatchCommand.UNREADABLE);
        assertThat(errors()).contains("cannot read");
        assertThat(output()).contains("MATCH", "file:     " + file);
    }

    @Test
    void severalFilesAndStandardInputGiveOneJsonLineEach() throws IOException {
        Path a = write("a.txt", "Harbour news\n\nThe ferry left.");
        Path b = write("b.txt", "Weather\n\nRain in Kotor.");
        String stdin = "Lavrov in Geneva\n\nSergey Lavrov met his counterpart in Geneva.";
        out.reset();
        err.reset();
        int status = MatchCommand.run(new String[]{"--json", "ferry OR person:\"Sergei Lavrov\"", a.toString(),
                b.toString(), "-"}, print(out), print(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), options -> ENRICHER);
        assertThat(status).isEqualTo(MatchCommand.MATCH);
        assertThat(output().lines().map(line -> line.contains("\"match\":true")).toList())
                .containsExactly(true, false, true);
        assertThat(errors()).isEmpty();
    }

    @Test
    void helpOnStandardOutputAndUsageErrors() throws IOException {
        assertThat(run("--help")).isEqualTo(MatchCommand.MATCH);
        assertThat(output()).contains("Usage: match", "QUERY", "Exit status:", "entity:person/sergey-lavrov");
        assertThat(errors()).isEmpty();
        assertThat(run("ferry")).isEqualTo(MatchCommand.BAD_INPUT);
        assertThat(errors()).contains("Missing required parameter");
        Path file = write("note.txt", "Harbour news");
        assertThat(run("--frobnicate", "ferry", file.toString())).isEqualTo(MatchCommand.BAD_INPUT);
        assertThat(errors()).contains("Unknown option");
    }

    private int run(String query, Path file) {
        return run(query, file.toString());
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return MatchCommand.run(args, print(out), print(err), System.in, options -> ENRICHER);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
