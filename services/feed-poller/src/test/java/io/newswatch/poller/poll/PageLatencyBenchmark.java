package io.newswatch.poller.poll;

import io.newswatch.contract.Article;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * One poll of a feed with many new items, the real poller (HTTP client, parser, extractor) against a local site
 * whose article pages answer after a delay (a network's round trips and a site's response time): how long after
 * the poll's start each article is published, and the CPU of this process per article, with a poll's pages one
 * after the other ({@code max-concurrent-pages} 0) and side by side ({@link PageWorkers}), alternated round by
 * round. The site runs in this process (its CPU is in both columns alike).
 *
 * <pre>./mvnw -q -o -pl services/feed-poller -Pbench test-compile exec:exec \
 *   -Dbench.main=io.newswatch.poller.poll.PageLatencyBenchmark -Dbench.args="ITEMS DELAY-MS ROUNDS WORKERS PER-POLL"</pre>
 */
public final class PageLatencyBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String[] WORDS = ("the council said on monday that a new budget for schools and hospitals "
            + "would be debated next week after months of talks between ministers unions and local officials who "
            + "warned that rising costs had left many services short of staff while the opposition called for an "
            + "inquiry into how the money was spent").split(" ");

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 150;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int perPoll = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        System.out.printf(Locale.ROOT, "page latency benchmark, %s, %d cores, load %.1f: %d new items per poll, pages "
                        + "answer after %d ms, %d rounds after 3 of warm-up; side by side: %d workers, %d per poll%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(), items, delay,
                rounds, workers, perPoll);
        try (CorpusSite site = new CorpusSite()) {
            String base = site.base();
            StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Bench</title><link>" + base
                    + "/</link>");
            Random random = new Random(42);
            for (int i = 1; i <= items; i++) {
                feed.append(CorpusSite.item("Story " + i, base, "/story/", "story", i, "Story " + i + "."));
                byte[] page = page(i, random).getBytes(StandardCharsets.UTF_8);
                site.route("/story/" + i, exchange -> {
                    Thread.sleep(delay);
                    CorpusSite.send(exchange, 200, "text/html; charset=utf-8", page);
                });
            }
            site.route("/feed.xml", CorpusSite.bytes(200, "application/rss+xml",
                    feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8)));
            Result sequential = new Result("one after the other");
            Result sideBySide = new Result("side by side");
            for (int round = 0; round < rounds + 3; round++) {
                boolean measured = round >= 3;
                poll(base, items, PageWorkers.sequential(), measured ? sequential : null);
                poll(base, items, new PageWorkers(workers, perPoll), measured ? sideBySide : null);
            }
            System.out.printf(Locale.ROOT, "%-20s %12s %14s %14s %14s %16s%n", "pages", "poll ms", "publish p50 ms",
                    "publish p99 ms", "last ms", "CPU ms/article");
            sequential.print();
            sideBySide.print();
            System.out.printf(Locale.ROOT, "load at the end %.1f%n", OS.getSystemLoadAverage());
        }
        System.exit(0);
    }

    private static void poll(String base, int items, PageWorkers workers, Result result) throws Exception {
        try (PollHarness harness = new PollHarness(base + "/feed.xml", true, PollHarness.LIMITS,
                PollHarness.LOCAL_SITES, workers)) {
            List<Long> published = new ArrayList<>();
            long start = System.nanoTime();
            harness.broker(article -> {
                published.add(System.nanoTime() - start);
                return CompletableFuture.completedFuture(null);
            });
            long cpu = OS.getProcessCpuTime();
            List<Article> articles = harness.poll();
            long wall = System.nanoTime() - start;
            long used = OS.getProcessCpuTime() - cpu;
            if (articles.size() != items) {
                throw new IllegalStateException(articles.size() + " articles of " + items + ": "
                        + harness.status().warnings());
            }
            if (result != null) {
                result.add(wall, used, published);
            }
        }
    }

    private static String page(int i, Random random) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Story " + i + " | Bench News</title>"
                + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">"
                + "Business</a> <a href=\"/sport\">Sport</a></nav><article><h1>Story " + i + "</h1>");
        for (int p = 0; p < 8; p++) {
            html.append("<p>");
            for (int w = 0; w < 60; w++) {
                html.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            html.append("</p>");
        }
        return html.append("</article><footer><a href=\"/about\">About</a></footer></body></html>").toString();
    }

    private static final class Result {
        final String name;
        final List<Long> walls = new ArrayList<>();
        final List<Double> cpuPerArticle = new ArrayList<>();
        final List<Long> publishes = new ArrayList<>();
        final List<Long> lasts = new ArrayList<>();

        Result(String name) {
            this.name = name;
        }

        void add(long wall, long cpu, List<Long> published) {
            walls.add(wall);
            cpuPerArticle.add(cpu / 1e6 / published.size());
            publishes.addAll(published);
            lasts.add(Collections.max(published));
        }

        void print() {
            System.out.printf(Locale.ROOT, "%-20s %12.0f %14.0f %14.0f %14.0f %16.2f%n", name, median(walls) / 1e6,
                    quantile(publishes, 0.5) / 1e6, quantile(publishes, 0.99) / 1e6, median(lasts) / 1e6,
                    quantileD(cpuPerArticle, 0.5));
        }

        static double median(List<Long> values) {
            return quantile(values, 0.5);
        }

        static double quantile(List<Long> values, double q) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
        }

        static double quantileD(List<Double> values, double q) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
        }
    }
}
