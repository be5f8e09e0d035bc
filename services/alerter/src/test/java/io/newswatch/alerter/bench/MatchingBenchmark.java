package io.newswatch.alerter.bench;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.rule.RuleBook;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast the alerter matches: one thread (one core) matching generated 3 KB enriched articles against 1k, 10k
 * and 100k generated rules, through the service's own {@link RuleBook} (Lucene Monitor). Prints, per rule count:
 * time to load the rules, CPU time to compile and check each query (what a rule write costs), heap per rule,
 * articles per second (wall clock and per CPU-second of the matching
 * thread, which is what "per core" means on a shared machine), latency percentiles, and matches per article.
 * A benchmark, not a test: run it with {@code ./mvnw -q -pl services/alerter -Pbench test-compile exec:exec}.
 *
 * <p>Arguments: rule counts (comma-separated, default 1000,10000,100000), articles measured (default 3000).
 */
public final class MatchingBenchmark {

    private static final long SEED = 20261120L;

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        int[] ruleCounts = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int warmup = Math.max(500, measured / 2);
        NewsCorpus corpus = new NewsCorpus(SEED);
        List<String> json = new ArrayList<>();
        for (int i = 0; i < warmup + measured; i++) {
            json.add(Json.encode(corpus.article(i)));
        }
        double averageBytes = json.stream().mapToInt(s -> Json.decode(s, EnrichedArticle.class).article().fullText()
                .length()).average().orElse(0);
        System.out.printf(Locale.ROOT, "newswatch alerter matching benchmark: %d persons, %d organisations; "
                        + "articles of %.0f characters of text; %d warm-up + %d measured articles; %s, %d cpus, "
                        + "max heap %d MB%n",
                corpus.personCount(), corpus.organizationCount(), averageBytes, warmup, measured,
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("rules    load s   check us/rule   heap/rule B   art/s wall   art/s per cpu-s   p50 ms   "
                + "p99 ms   p99.9 ms   matches/art   decode+match art/cpu-s");
        for (int rules : ruleCounts) {
            run(rules, json, warmup, new NewsCorpus(SEED + rules));
        }
    }

    private static void run(int count, List<String> json, int warmup, NewsCorpus corpus) {
        long heapBefore = usedHeap();
        RuleBook book = new RuleBook();
        ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();
        long loadStart = System.nanoTime();
        long stageCpu = cpuClock.getCurrentThreadCpuTime();
        Instant now = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < count; i++) {
            String id = "rule-" + i;
            // staging compiles and checks each query, as the API does before it stores one
            book.stage(id, new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, now, id, corpus.rule(), List.of("log"), true,
                    null, List.of(), Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null));
        }
        double checkMicros = (cpuClock.getCurrentThreadCpuTime() - stageCpu) / 1e3 / count;
        book.commit();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long heapPerRule = (usedHeap() - heapBefore) / count;

        List<ArticleDocument> documents = json.stream()
                .map(s -> ArticleDocument.of(Json.decode(s, EnrichedArticle.class))).toList();
        for (int i = 0; i < warmup; i++) {
            book.match(documents.get(i));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int measured = documents.size() - warmup;
        long[] latencies = new long[measured];
        long matches = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            matches += book.match(documents.get(warmup + i)).size();
            latencies[i] = System.nanoTime() - start;
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;

        long decodeCpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < measured; i++) {
            book.match(ArticleDocument.of(Json.decode(json.get(warmup + i), EnrichedArticle.class)));
        }
        double decodeCpu = (threads.getCurrentThreadCpuTime() - decodeCpuStart) / 1e9;

        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%-8d %6.1f   %13.0f   %11d   %10.0f   %15.0f   %6.2f   %6.2f   %8.2f   %11.2f   "
                        + "%22.0f%n",
                count, loadSeconds, checkMicros, heapPerRule, measured / wall, measured / cpu, millis(latencies, 0.50),
                millis(latencies, 0.99), millis(latencies, 0.999), (double) matches / measured,
                measured / decodeCpu);
        book.close();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
