package io.newswatch.enricher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        return TagCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
    void usageAndReadErrors(@TempDir Path dir) throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--language")).isEqualTo(2);
        assertThat(run(dir.resolve("missing.txt").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "thing/x\tX\n");
        Path file = Files.writeString(dir.resolve("a.txt"), "Title\n\nBody.\n");
        assertThat(run("--kb", bad.toString(), file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tsv:1");
    }
}
