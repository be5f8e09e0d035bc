package io.newswatch.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.ProcessTree;
import io.newswatch.stack.TestStack;
import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the console's pages are with 100,000 articles indexed. Generates the benchmark corpus as enriched
 * articles ({@link BenchDocuments}) and bulk-indexes it through the index templates, with alerts of 20 rules; runs
 * the packaged alerter, poller and console on it; then times every page, on the server (the full HTML answer, 50
 * times after 30 to warm up, with the CPU each process spent per page) and in Chromium (navigation timing of 10
 * loads: first byte, DOM ready, load). A benchmark, not a timed test: it runs only when asked,
 * {@code ./mvnw -pl end-to-end verify -Dit.test=ConsoleBenchmarkIT -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}
 * ({@code -Dbench.articles=N} for another size), and prints a table (also in {@code target/console-benchmark.md}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ConsoleBenchmarkIT {

    private static final int ARTICLES = Integer.getInteger("bench.articles", 100_000);
    private static final int BULK = 500;
    private static final HttpClient ELASTICSEARCH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final int WARMUP = 30;
    private static final int MEASURED = 50;
    /** The corpus stays in these indices between runs (indexing 100k articles takes minutes on a busy machine). */
    private static final String PREFIX = "bench-console";
    private static final int BROWSER_LOADS = 10;
    private static final List<String[]> RULES = List.of(
            new String[]{"montenegro", "Montenegro", "Montenegro"},
            new String[]{"crimea", "Crimea", "Crimea"},
            new String[]{"syria", "Syria", "Syria"},
            new String[]{"kosovo", "Kosovo", "Kosovo"},
            new String[]{"lavrov", "Lavrov", "person:\"Sergey Lavrov\""},
            new String[]{"stoltenberg", "Stoltenberg", "person:\"Jens Stoltenberg\""},
            new String[]{"nrc", "NATO-Russia Council", "\"NATO-Russia Council\""},
            new String[]{"sanctions", "Sanctions", "sanction*"},
            new String[]{"moldova", "Moldova", "Moldova"},
            new String[]{"serbia", "Serbia", "Serbia"});

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @Test
    void pagesWith100kArticles() throws Exception {
        TestStack test = new TestStack(TestStack.shared(), new TopicNames(PREFIX + "."),
                IndexNames.withPrefix(PREFIX));
        test.stack().setUp(test.topics(), test.indices());
        Infrastructure infrastructure = new LocalInfrastructure(test);
        try (GrowingFeedServer site = new GrowingFeedServer()) {
            String firstArticle = index(infrastructure);
            Path files = Files.createTempDirectory("console-bench");
            StringBuilder feeds = new StringBuilder("feeds:\n");
            for (int i = 0; i < 20; i++) {
                feeds.append("  - url: ").append(site.feedUrl()).append("?desk=").append(i).append('\n')
                        .append("    name: Desk ").append(i).append('\n');
            }
            site.publish("bench-note", "A note from the bench desk", "Nothing happened today.");
            StringBuilder rules = new StringBuilder("rules:\n");
            RULES.forEach(rule -> rules.append("  - id: ").append(rule[0]).append("\n    name: ").append(rule[1])
                    .append("\n    query: '").append(rule[2].replace("'", "''")).append("'\n"));
            Path feedsFile = Files.writeString(files.resolve("feeds.yaml"), feeds);
            Path rulesFile = Files.writeString(files.resolve("rules.yaml"), rules);
            try (Pipeline pipeline = new Pipeline(infrastructure, Map.of(
                    NewswatchService.FEED_POLLER, Map.of("NEWSWATCH_FEEDS_FILE", feedsFile.toString()),
                    NewswatchService.ALERTER, Map.of("NEWSWATCH_RULES_FILE", rulesFile.toString())), 1,
                    List.of(NewswatchService.FEED_POLLER, NewswatchService.ALERTER, NewswatchService.CONSOLE))) {
                pipeline.start();
                measure(infrastructure, pipeline, firstArticle);
            }
        }
    }

    /**
     * Indexes the corpus and the alerts, unless the indices hold them from an earlier run; returns the id of an
     * article of a story carried by several outlets.
     */
    private String index(Infrastructure infrastructure) throws IOException {
        String articles = infrastructure.indices().articles();
        Search search = new Search(infrastructure.setup());
        if (search.count(articles, "*") == ARTICLES) {
            String storied = search.hits(articles, "story.outlets:[3 TO *]", 1).path("hits").path(0).path("_id")
                    .asText();
            System.out.printf(Locale.ROOT, "the %,d articles are indexed from an earlier run (delete the indices %s-*"
                    + " to index them again)%n", ARTICLES, PREFIX);
            return storied;
        }
        infrastructure.setup().deleteIndices(infrastructure.indices());
        infrastructure.setup().installSchema(infrastructure.indices());
        BenchDocuments corpus = new BenchDocuments(42, ARTICLES, Instant.now(), Duration.ofDays(30));
        List<ObjectNode> recent = new ArrayList<>();
        String storied = null;
        long started = System.nanoTime();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < ARTICLES; i++) {
            ObjectNode doc = corpus.next();
            if (ARTICLES - i <= 5_000) {
                recent.add(doc);
                if (storied == null || doc.path("story").path("outlets").asInt() >= 3) {
                    storied = doc.path("id").asText();
                }
            }
            bulk.append("{\"index\":{\"_index\":\"").append(articles).append("\",\"_id\":\"")
                    .append(doc.path("id").asText()).append("\"}}\n").append(Json.encode(doc)).append('\n');
            if ((i + 1) % BULK == 0 || i == ARTICLES - 1) {
                send(infrastructure, "/_bulk", bulk.toString());
                bulk.setLength(0);
            }
        }
        StringBuilder alerts = new StringBuilder();
        int alertCount = 0;
        for (String[] rule : RULES) {
            String term = rule[2].replaceAll("^person:\"|\"|\\*", "").replace("sanction", "sanctions");
            for (ObjectNode article : BenchDocuments.mentioning(recent, term.contains(" ")
                    ? term.substring(term.lastIndexOf(' ') + 1) : term, 150)) {
                ObjectNode alert = BenchDocuments.alert(rule[0], rule[1], rule[2], article, term);
                alerts.append("{\"index\":{\"_index\":\"").append(infrastructure.indices().alerts())
                        .append("\",\"_id\":\"").append(alert.path("id").asText()).append("\"}}\n")
                        .append(Json.encode(alert)).append('\n');
                alertCount++;
            }
        }
        if (alertCount > 0) {
            send(infrastructure, "/_bulk", alerts.toString());
        }
        send(infrastructure, "/_refresh", "");
        System.out.printf(Locale.ROOT, "indexed %,d articles and %,d alerts in %.0f s%n", ARTICLES, alertCount,
                (System.nanoTime() - started) / 1e9);
        return storied;
    }

    /** A bulk request (or a refresh), with time for a busy machine: two minutes, and a second try. */
    private static void send(Infrastructure infrastructure, String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(infrastructure.elasticsearchUrl() + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = ELASTICSEARCH.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
                    throw new IOException(path + " failed: " + response.body().substring(0, Math.min(500,
                            response.body().length())));
                }
                return;
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 2) {
                    throw e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private void measure(Infrastructure infrastructure, Pipeline pipeline, String article) throws Exception {
        String console = pipeline.url(NewswatchService.CONSOLE);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("alerts", "/");
        pages.put("search, everything", "/search");
        pages.put("search Montenegro", "/search?q=Montenegro");
        pages.put("search a phrase", "/search?q=" + encode("\"NATO-Russia Council\""));
        pages.put("search a person and a topic", "/search?q=" + encode("person:\"Sergey Lavrov\" AND topic:crimea"));
        pages.put("search Djukanovic, last 7 days", "/search?q=Djukanovic&period=7d");
        pages.put("article", "/articles/" + article);
        pages.put("stories, 24 hours", "/stories");
        pages.put("stories, 7 days", "/stories?period=7d");
        pages.put("rules", "/rules");
        pages.put("feeds", "/feeds");

        Map<String, Long> pids = new LinkedHashMap<>();
        pipeline.pids().forEach((instance, pid) -> pids.put(instance.service().id(), pid));
        ProcessTree.alive(infrastructure.home().pidFile("elasticsearch")).ifPresent(p -> pids.put("elasticsearch",
                p.pid()));

        HttpClient http = HttpClient.newHttpClient();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%,d articles; %s; %d cores; load average before: %s%n%n", ARTICLES,
                cpu(), Runtime.getRuntime().availableProcessors(), load()));
        report.append("| page | server p50 | p95 | max | CPU/page: console | alerter | Elasticsearch | poller"
                + " | browser first byte p50 | DOM ready p50 | load p50 | load max |\n");
        report.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            URI uri = URI.create(console + page.getValue());
            for (int i = 0; i < WARMUP; i++) {
                get(http, uri);
            }
            Map<String, Duration> cpuBefore = cpu(pids);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                get(http, uri);
                times.add((System.nanoTime() - start) / 1e6);
            }
            Map<String, Duration> cpuAfter = cpu(pids);
            List<double[]> browser = new ArrayList<>();
            for (int i = 0; i < BROWSER_LOADS; i++) {
                BROWSER.open(uri.toString());
                BROWSER.find(By.tagName("footer"));
                @SuppressWarnings("unchecked")
                List<Number> timing = (List<Number>) BROWSER.script("const n = performance.getEntriesByType("
                        + "'navigation')[0]; return [n.responseStart - n.requestStart, n.domContentLoadedEventEnd - "
                        + "n.startTime, n.loadEventEnd - n.startTime];");
                browser.add(new double[]{timing.get(0).doubleValue(), timing.get(1).doubleValue(),
                        timing.get(2).doubleValue()});
            }
            report.append(String.format(Locale.ROOT,
                    "| %s | %.0f ms | %.0f ms | %.0f ms | %s | %s | %s | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n",
                    page.getKey(), percentile(times, 50), percentile(times, 95), percentile(times, 100),
                    perPage(cpuBefore, cpuAfter, "console"), perPage(cpuBefore, cpuAfter, "alerter"),
                    perPage(cpuBefore, cpuAfter, "elasticsearch"), perPage(cpuBefore, cpuAfter, "feed-poller"),
                    percentile(browser.stream().map(b -> b[0]).toList(), 50),
                    percentile(browser.stream().map(b -> b[1]).toList(), 50),
                    percentile(browser.stream().map(b -> b[2]).toList(), 50),
                    percentile(browser.stream().map(b -> b[2]).toList(), 100)));
        }
        report.append(String.format(Locale.ROOT, "%nload average after: %s%n", load()));
        System.out.println(report);
        Files.writeString(Path.of("target", "console-benchmark.md"), report);
    }

    private static void get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body()
                    .substring(0, Math.min(300, response.body().length())));
        }
    }

    /** CPU time of each process and its children (Elasticsearch runs under runuser as root), from /proc. */
    private static Map<String, Duration> cpu(Map<String, Long> pids) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(process -> {
            long ticks = ticks(pid) + process.descendants().mapToLong(child -> ticks(child.pid())).sum();
            cpu.put(name, Duration.ofMillis(ticks * 1000 / CLOCK_TICKS));
        }));
        return cpu;
    }

    /** Kernel clock ticks per second, the unit of /proc/PID/stat's times (100 on Linux). */
    private static final long CLOCK_TICKS = 100;

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String perPage(Map<String, Duration> before, Map<String, Duration> after, String name) {
        if (!before.containsKey(name) || !after.containsKey(name)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f ms", after.get(name).minus(before.get(name)).toNanos() / 1e6
                / MEASURED);
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String cpu() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
