package io.newswatch.enricher.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

import static org.assertj.core.api.Assertions.assertThat;

class TagCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String input, String... args) {
        out.reset();
        err.reset();
        return TagCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode json() throws IOException {
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainTextWithOffsetsIntoTheFile(@TempDir Path dir) throws IOException {
        String text = "Đukanović meets Stoltenberg\n\nNATO Secretary General Jens Stoltenberg met President Milo "
                + "Đukanović in Brussels. \"Montenegro is a valued ally,\" Stoltenberg said.\n";
        Path file = Files.writeString(dir.resolve("article.txt"), text);
        assertThat(run(file.toString())).isZero();
        JsonNode result = json();
        assertThat(result.get("language").asText()).isEqualTo("en");
        assertThat(result.get("languageSource").asText()).isEqualTo("detected");
        JsonNode milo = null;
        for (JsonNode e : result.get("entities")) {
            if (e.get("id").asText().equals("person/milo-djukanovic")) {
                milo = e;
            }
        }
        assertThat(milo).isNotNull();
        assertThat(milo.get("type").asText()).isEqualTo("PERSON");
        assertThat(milo.get("name").asText()).isEqualTo("Milo Đukanović");
        for (JsonNode m : milo.get("mentions")) {
            assertThat(text.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("text").asText());
        }
        assertThat(result.get("quotes").get(0).get("speakerId").asText()).isEqualTo("person/jens-stoltenberg");
        assertThat(result.has("text")).isFalse();
    }

    @Test
    void htmlIsReducedToTitleAndParagraphs(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("page.html"), """
                <!doctype html><html><head><title>Site name</title><script>var x = "NATO";</script></head>
                <body><nav>Home | World</nav><h1>Kosovo and Serbia resume talks</h1>
                <p>Officials from Belgrade and Pristina met in Brussels on Monday.</p>
                <footer>© 2026 Example News</footer></body></html>""");
        assertThat(run("--language", "EN", file.toString())).isZero();
        JsonNode result = json();
        assertThat(result.get("languageSource").asText()).isEqualTo("given");
        assertThat(result.get("text").asText()).startsWith("Kosovo and Serbia resume talks\n\nOfficials from Belgrade");
        assertThat(result.get("entities").findValuesAsText("id"))
                .contains("location/kosovo", "location/serbia", "location/belgrade", "location/pristina", "location/brussels")
                .doesNotContain("organization/nato");
    }

    @Test
    void extraKnowledgeBaseFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path kb = Files.writeString(dir.resolve("mine.tsv"), "organization/acme-shipping\tAcme Shipping\tNL\t\tAcme\n");
        Path file = Files.writeString(dir.resolve("a.txt"), "Port news\n\nAcme Shipping opened a terminal.\n");
        assertThat(run("--kb", kb.toString(), file.toString())).isZero();
        assertThat(json().get("entities").findValuesAsText("id")).contains("organization/acme-shipping");
    }

    @Test
    void severalFilesAndStandardInputPrintOneJsonLineEach(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "Talks in Podgorica\n\nĐukanović met officials.\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "Встреча в Москве\n\nСергей Лавров провёл переговоры.\n");
        assertThat(runWithInput("Kosovo talks\n\nOfficials met in Pristina.\n", a.toString(), b.toString(), "-"))
                .isEqualTo(TagCommand.TAGGED);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(Json.mapper().readTree(lines[0]).get("file").asText()).isEqualTo(a.toString());
        assertThat(Json.mapper().readTree(lines[1]).get("entities").findValuesAsText("id"))
                .contains("person/sergey-lavrov");
        assertThat(Json.mapper().readTree(lines[2]).get("entities").findValuesAsText("id"))
                .contains("location/pristina");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpGoesToStandardOutputWithTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: tag", "--language", "Exit status:",
                "4   a knowledge-base");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void usageAndReadErrors(@TempDir Path dir) throws IOException {
        assertThat(run()).isEqualTo(TagCommand.USAGE);
        assertThat(run("--language")).isEqualTo(TagCommand.USAGE);
        assertThat(run("--no-such-option", "a.txt")).isEqualTo(TagCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option", "Usage: tag");
        Path file = Files.writeString(dir.resolve("a.txt"), "Title\n\nBody.\n");
        assertThat(run(dir.resolve("missing.txt").toString(), file.toString())).isEqualTo(TagCommand.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "thing/x\tX\n");
        assertThat(run("--kb", bad.toString(), file.toString())).isEqualTo(TagCommand.BAD_KNOWLEDGE_BASE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tsv:1");
    }
}
