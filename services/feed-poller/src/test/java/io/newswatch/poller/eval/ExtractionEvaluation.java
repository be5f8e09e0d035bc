package io.newswatch.poller.eval;

import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.ExtractedPage;
import io.newswatch.poller.parse.HtmlText;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Main-text, author and title extraction measured on folders of real pages, for newswatch's
 * {@link ArticleExtractor} and for Readability4J (a Java port of Mozilla's Readability) run the same way on the
 * same pages. A folder holds {@code NAME.html} and {@code NAME.expected.txt} ({@code key: value} lines with
 * {@code url}, {@code title}, {@code author}, then {@code ---} and the expected text); {@code eval/build-extraction-pages.py}
 * builds such folders from public benchmark sets.
 *
 * <p>Prints, per folder and extractor: the benchmark's text scores ({@link TextOverlap}), the pages extracted empty
 * although text was expected, the pages below F1 0.5, the authors right, absent and wrong (where the author is
 * known: a name, or {@code -} for a page without one), the titles right; and per extractor, pages per CPU-second
 * once warm (process CPU time, so garbage collection and compilation count; one thread).
 *
 * <p>Usage: {@code ExtractionEvaluation [--pages] [--no-speed] FOLDER...}; {@code --pages} adds one line per page
 * (for the folders used in tuning; never for a held-out one).
 */
public final class ExtractionEvaluation {

    /** What one extractor found on one page. */
    record Result(String text, String title, String author) {
    }

    record Page(String folder, String name, byte[] html, String url, Map<String, String> meta, String expected) {
    }

    private static final Map<String, Function<Page, Result>> EXTRACTORS = new LinkedHashMap<>();

    static {
        ArticleExtractor extractor = new ArticleExtractor();
        EXTRACTORS.put("newswatch", page -> {
            ExtractedPage extracted = extractor.extract(page.html(), Optional.empty(), URI.create(page.url()));
            return new Result(extracted.text(), extracted.title(), extracted.author());
        });
        EXTRACTORS.put("readability4j", page -> {
            try {
                Document document = Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url());
                Article article = new Readability4J(page.url(), document).parse();
                return new Result(article.getTextContent(), article.getTitle(), article.getByline());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private ExtractionEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean perPage = arguments.remove("--pages");
        boolean speed = !arguments.remove("--no-speed");
        if (arguments.isEmpty() || arguments.contains("--help")) {
            System.out.println("usage: ExtractionEvaluation [--pages] [--no-speed] FOLDER...");
            return;
        }
        List<Page> all = new ArrayList<>();
        System.out.printf("%-20s %5s %-14s %6s %6s %6s %6s %5s %7s %7s %7s %7s%n", "folder", "pages", "extractor",
                "F1", "prec", "recall", "empty", "<0.5", "au.ok", "au.none", "au.wrong", "title");
        for (String argument : arguments) {
            Path folder = Path.of(argument);
            List<Page> pages = read(folder);
            all.addAll(pages);
            for (Map.Entry<String, Function<Page, Result>> extractor : EXTRACTORS.entrySet()) {
                evaluate(folder.getFileName().toString(), pages, extractor.getKey(), extractor.getValue(),
                        perPage && extractor.getKey().equals("newswatch"));
            }
        }
        if (speed) {
            for (Map.Entry<String, Function<Page, Result>> extractor : EXTRACTORS.entrySet()) {
                System.out.printf(Locale.ROOT, "%-14s %7.1f pages per CPU-second warm (%d pages)%n", extractor.getKey(),
                        pagesPerCpuSecond(all, extractor.getValue()), all.size());
            }
        }
    }

    private static void evaluate(String folder, List<Page> pages, String name, Function<Page, Result> extractor,
                                 boolean perPage) {
        List<TextOverlap.Page> overlaps = new ArrayList<>();
        int empty = 0;
        int poor = 0;
        int[] authors = new int[3];
        int titles = 0;
        int titled = 0;
        for (Page page : pages) {
            Result result;
            try {
                result = extractor.apply(page);
            } catch (RuntimeException e) {
                System.out.printf("  %s %s: %s%n", name, page.name(), e);
                result = new Result("", "", null);
            }
            TextOverlap.Page overlap = TextOverlap.page(page.expected(), result.text());
            overlaps.add(overlap);
            boolean expectedText = !TextOverlap.tokens(page.expected()).isEmpty();
            if (expectedText && TextOverlap.tokens(result.text()).isEmpty()) {
                empty++;
            }
            if (expectedText && overlap.f1() < 0.5) {
                poor++;
            }
            String authorVerdict = "";
            String wantAuthor = page.meta().get("author");
            if (wantAuthor != null) {
                int verdict = authorVerdict(wantAuthor, result.author());
                authors[verdict]++;
                authorVerdict = new String[] {"ok", "none", "WRONG"}[verdict];
            }
            String wantTitle = page.meta().get("title");
            boolean titleRight = false;
            if (wantTitle != null && !wantTitle.isEmpty()) {
                titled++;
                titleRight = normalized(wantTitle).equals(normalized(result.title()));
                titles += titleRight ? 1 : 0;
            }
            if (perPage) {
                System.out.printf(Locale.ROOT, "  %-66s F1 %.3f P %.3f R %.3f  author %s %s%s%n",
                        page.folder() + "/" + page.name(), overlap.f1(), overlap.precision(), overlap.recall(),
                        authorVerdict, wantAuthor == null ? "" : "[" + result.author() + " / " + wantAuthor + "] ",
                        wantTitle == null || titleRight ? "" : " title [" + result.title() + " / " + wantTitle + "]");
            }
        }
        TextOverlap.Summary summary = TextOverlap.summary(overlaps);
        System.out.printf(Locale.ROOT, "%-20s %5d %-14s %6.3f %6.3f %6.3f %6d %5d %7d %7d %7d %7s%n", folder,
                pages.size(), name, summary.f1(), summary.precision(), summary.recall(), empty, poor, authors[0],
                authors[1], authors[2], titled == 0 ? "-" : titles + "/" + titled);
    }

    /** 0 right, 1 absent (or rightly absent), 2 wrong. */
    static int authorVerdict(String expected, String extracted) {
        boolean none = extracted == null || extracted.isBlank();
        if (expected.equals("-")) {
            return none ? 1 : 2;
        }
        if (none) {
            return 1;
        }
        List<String> names = Arrays.stream(expected.split(";")).map(ExtractionEvaluation::normalized).toList();
        List<String> parts = Arrays.stream(extracted.split("\\s*(,|;|\\band\\b|&|\\bund\\b|\\bet\\b|\\bi\\b)\\s*"))
                .map(ExtractionEvaluation::normalized).filter(part -> !part.isEmpty()).toList();
        return !parts.isEmpty() && names.containsAll(parts) ? 0 : 2;
    }

    /** Compared without case, accents' forms, quote styles or spacing. */
    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[‘’‚‛`´]", "'").replaceAll("[“”„‟«»]", "\"").replaceAll("[‐‑‒–—―]", "-");
        return HtmlText.collapse(folded);
    }

    private static double pagesPerCpuSecond(List<Page> pages, Function<Page, Result> extractor) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long warmUntil = os.getProcessCpuTime() + 5_000_000_000L;
        while (os.getProcessCpuTime() < warmUntil) {
            run(pages, extractor);
        }
        long start = os.getProcessCpuTime();
        int done = 0;
        while (os.getProcessCpuTime() - start < 10_000_000_000L) {
            done += run(pages, extractor);
        }
        return done / ((os.getProcessCpuTime() - start) / 1e9);
    }

    private static int run(List<Page> pages, Function<Page, Result> extractor) {
        int done = 0;
        for (Page page : pages) {
            try {
                extractor.apply(page);
            } catch (RuntimeException e) {
                // counted all the same: the time was spent
            }
            done++;
        }
        return done;
    }

    static List<Page> read(Path folder) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String name = html.getFileName().toString().replaceFirst("\\.html$", "");
                String content = Files.readString(folder.resolve(name + ".expected.txt"), StandardCharsets.UTF_8);
                int separator = content.indexOf("\n---\n");
                Map<String, String> meta = new LinkedHashMap<>();
                for (String line : content.substring(0, Math.max(0, separator)).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                    }
                }
                String url = meta.getOrDefault("url", "https://pages.example/" + name);
                pages.add(new Page(folder.getFileName().toString(), name, Files.readAllBytes(html), url, meta,
                        content.substring(separator + 5)));
            }
        }
        return pages;
    }
}
