package io.newswatch.poller.parse;

import io.newswatch.poller.eval.TextOverlap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Main-text extraction on pages in the shapes real news sites use (WordPress, agency wires, public broadcasters,
 * Russian and Serbian outlets, German and French papers with paywalls, AMP, script-only app shells with JSON-LD,
 * old table layouts, class-less div soup, live blogs, interviews, galleries, reader comments...), each written
 * for newswatch with its expected main text and metadata in {@code NN-name.expected.txt}. Prints precision and
 * recall of words per page and overall; fails when a page falls below the floor or metadata is wrong.
 */
class ExtractionFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/extraction");
    /** Every page must reach these; most reach 1.0. */
    private static final double MIN_PRECISION = 0.90;
    private static final double MIN_RECALL = 0.95;

    private static final List<Score> SCORES = new ArrayList<>();
    private final ArticleExtractor extractor = new ArticleExtractor();

    record Score(String page, int expected, int extracted, int common, String method) {
        double precision() {
            return extracted == 0 ? 0 : (double) common / extracted;
        }

        double recall() {
            return expected == 0 ? 1 : (double) common / expected;
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(20);
        return pages.stream().map(page -> DynamicTest.dynamicTest(page.getFileName().toString(), () -> check(page)));
    }

    private void check(Path page) throws IOException {
        String name = page.getFileName().toString().replace(".html", "");
        Expected expected = Expected.read(FIXTURES.resolve(name + ".expected.txt"));
        ExtractedPage extracted = extractor.extract(Files.readAllBytes(page), Optional.empty(),
                URI.create("https://fixtures.example/" + name));
        Score score = score(name, expected.text(), extracted.text(), extracted.method());
        synchronized (SCORES) {
            SCORES.add(score);
        }
        assertThat(extracted.title()).as("title").isEqualTo(expected.meta().get("title"));
        if (expected.meta().containsKey("author")) {
            // "-": the page names no author (only a publisher, a desk, a commenter...), so none may be reported
            String author = expected.meta().get("author");
            assertThat(extracted.author()).as("author").isEqualTo(author.equals("-") ? null : author);
        }
        if (expected.meta().containsKey("published")) {
            assertThat(extracted.published()).as("published")
                    .isEqualTo(OffsetDateTime.parse(expected.meta().get("published")).toInstant());
        }
        if (expected.meta().containsKey("language")) {
            assertThat(extracted.language()).as("language").isEqualTo(expected.meta().get("language"));
        }
        if (expected.meta().containsKey("canonical")) {
            assertThat(extracted.canonicalUrl()).as("canonical").isEqualTo(expected.meta().get("canonical"));
        }
        assertThat(score.precision()).as("precision of %s (extracted:%n%s)", name, extracted.text())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.recall()).as("recall of %s (extracted:%n%s)", name, extracted.text())
                .isGreaterThanOrEqualTo(MIN_RECALL);
    }

    static Score score(String page, String expected, String extracted, String method) {
        Map<String, Integer> want = bag(expected);
        Map<String, Integer> got = bag(extracted);
        int common = 0;
        for (Map.Entry<String, Integer> word : got.entrySet()) {
            common += Math.min(word.getValue(), want.getOrDefault(word.getKey(), 0));
        }
        return new Score(page, size(want), size(got), common, method);
    }

    /** Words counted as the evaluation counts them: each Chinese character or kana is one. */
    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> words = new HashMap<>();
        for (String token : TextOverlap.tokens(text.toLowerCase(Locale.ROOT))) {
            words.merge(token, 1, Integer::sum);
        }
        return words;
    }

    private static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }

    @AfterAll
    static void report() {
        if (SCORES.isEmpty()) {
            return;
        }
        List<Score> scores = SCORES.stream().sorted(java.util.Comparator.comparing(Score::page)).toList();
        StringBuilder table = new StringBuilder("\nMain-text extraction, words (ExtractionFixturesTest)\n");
        table.append(String.format("%-24s %8s %9s %9s %7s  %s%n", "page", "expected", "extracted", "precision",
                "recall", "method"));
        int expected = 0;
        int extracted = 0;
        int common = 0;
        double precisionSum = 0;
        double recallSum = 0;
        for (Score score : scores) {
            table.append(String.format(Locale.ROOT, "%-24s %8d %9d %9.3f %7.3f  %s%n", score.page(), score.expected(),
                    score.extracted(), score.precision(), score.recall(), score.method()));
            expected += score.expected();
            extracted += score.extracted();
            common += score.common();
            precisionSum += score.precision();
            recallSum += score.recall();
        }
        table.append(String.format(Locale.ROOT, "%-24s %8d %9d %9.3f %7.3f  (all words)%n", "micro", expected, extracted,
                (double) common / extracted, (double) common / expected));
        table.append(String.format(Locale.ROOT, "%-24s %8s %9s %9.3f %7.3f  (mean of pages)%n", "macro", "", "",
                precisionSum / scores.size(), recallSum / scores.size()));
        System.out.println(table);
    }

    /** An expected file: {@code key: value} lines, {@code ---}, then the main text. */
    record Expected(Map<String, String> meta, String text) {

        static Expected read(Path file) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int separator = content.indexOf("\n---\n");
                Map<String, String> meta = new LinkedHashMap<>();
                for (String line : content.substring(0, separator).split("\n")) {
                    int colon = line.indexOf(':');
                    meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
                return new Expected(meta, content.substring(separator + 5).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
