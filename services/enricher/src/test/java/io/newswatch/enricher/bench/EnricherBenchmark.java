package io.newswatch.enricher.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Source;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.Enricher;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.tagging.topic.Taxonomy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Articles per second per core (one thread) with the full knowledge base and taxonomy and everything switched on:
 * entities, topics, quotes, story clustering, with each article's language given as feeds give it; and the same plus JSON decoding of the raw article
 * and encoding of the enriched one, which is all the CPU work the service does per message besides Kafka I/O.
 * Articles are about 3 KB, assembled from the evaluation set's paragraphs (different order and mix each). Also
 * prints the heap held by the compiled knowledge base.
 *
 * <p>Run: {@code ./mvnw -q -pl services/enricher -Pbench test-compile exec:exec}; with {@code -Dbench.args=cpu}
 * only the process's CPU time per article over fixed counts of articles, with the articles' languages given
 * and detected (quicker, and what to compare on a busy machine); {@code -Dbench.args="cpu 8000 8"} runs eight rounds
 * of 8,000 and prints the median of rounds 3-8 besides each round.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
@Threads(1)
public class EnricherBenchmark {

    static final int ARTICLE_BYTES = 3000;
    static final int ARTICLES = 64;

    private Enricher enricher;
    private StoryClusterer stories;
    private List<Article> articles;
    private List<String> rawJson;
    private long counter;

    @Setup
    public void setUp() throws IOException {
        enricher = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.load(List.of()), Clock.systemUTC());
        stories = new StoryClusterer(Clock.systemUTC(), 0.3, Duration.ofDays(3), s -> { });
        articles = corpus();
        rawJson = articles.stream().map(Json::encode).toList();
    }

    /** Entities, topics, quotes, language, story: {@link Enricher#enrich}. */
    @Benchmark
    public EnrichedArticle enrich() {
        return enricher.enrich(fresh(articles.get((int) (counter % ARTICLES))), stories);
    }

    /** The handler's CPU work: decode the raw JSON, enrich, encode the enriched JSON. */
    @Benchmark
    public String decodeEnrichEncode() {
        Article article = Json.decode(rawJson.get((int) (counter % ARTICLES)), Article.class);
        return Json.encode(enricher.enrich(fresh(article), stories));
    }

    /** A new id each time, so story clustering does the full work (no replay shortcut). */
    private Article fresh(Article a) {
        counter++;
        String url = a.url() + "?n=" + counter;
        return new Article(a.schemaVersion(), a.type(), Ids.article(url), a.timestamp(), url, a.title(), a.summary(),
                a.body(), a.author(), a.language(), a.published(), a.publishedEstimated(), a.fetched(), a.categories(),
                a.source(), a.contentHash(), a.revision());
    }

    record Eval(String id, String language, String title, String body) {
    }

    record EvalSet(List<Eval> articles) {
    }

    /** 3 KB articles built from the evaluation set's paragraphs, each a different mix. */
    public static List<Article> corpus() throws IOException {
        List<Eval> eval = new ArrayList<>();
        for (String file : List.of("/eval/articles.yaml", "/eval/held-out.yaml")) {
            try (InputStream in = EnricherBenchmark.class.getResourceAsStream(file)) {
                eval.addAll(new ObjectMapper(new YAMLFactory())
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, EvalSet.class).articles());
            }
        }
        List<String> paragraphs = new ArrayList<>();
        eval.forEach(e -> paragraphs.addAll(List.of(e.body().split("\n\n"))));
        List<Article> corpus = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < ARTICLES; i++) {
            Eval lead = eval.get(i % eval.size());
            StringBuilder body = new StringBuilder(lead.body());
            for (int k = 0; body.length() < ARTICLE_BYTES; k++) {
                body.append("\n\n").append(paragraphs.get((i * 7 + k * 13) % paragraphs.size()).strip());
            }
            String url = "https://bench.example/" + i;
            String domain = "outlet" + (i % 9) + ".example";
            String language = lead.language().replaceAll("-.*", "");
            corpus.add(new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), now, url, lead.title(), "",
                    body.substring(0, Math.min(body.length(), ARTICLE_BYTES + 200)), null, language, now, false, now,
                    List.of(), new Source(domain, domain, "feed", "https://" + domain + "/rss", List.of()), "h" + i, 1));
        }
        return corpus;
    }

    /** Heap retained by a compiled enricher: used heap after GC with one, minus without. */
    static long retainedHeap() {
        long before = usedAfterGc();
        Enricher e = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.load(List.of()), Clock.systemUTC());
        long after = usedAfterGc();
        if (e.describe().isEmpty()) {
            throw new IllegalStateException(); // keeps e reachable until here
        }
        return after - before;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Articles per CPU-second of the whole process (GC and JIT threads included), after a warm-up: on a machine
     * shared with other work, wall-clock throughput only says how much CPU the benchmark was given, this says what
     * one core does.
     */
    static double perCpuSecond(boolean json, Duration warmUp, Duration measure) throws IOException {
        EnricherBenchmark b = new EnricherBenchmark();
        b.setUp();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < warmEnd) {
            run(b, json);
        }
        long cpu0 = os.getProcessCpuTime();
        long end = System.nanoTime() + measure.toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            run(b, json);
            n++;
        }
        return n / ((os.getProcessCpuTime() - cpu0) / 1e9);
    }

    private static Object run(EnricherBenchmark b, boolean json) {
        return json ? b.decodeEnrichEncode() : b.enrich();
    }

    /**
     * CPU time of the whole process per article over {@code n} articles after {@code n} warm-up articles, {@code
     * rounds} rounds, twice: with each article's language given, as feeds and pages give it, and with none (detected
     * by Lingua, which computes on the common fork-join pool: the process's CPU time counts it, the calling thread's
     * would not). With more than three rounds it also prints the median of the rounds after the second: the third
     * round of 8,000 articles is still getting faster as the JIT finishes (session 19), so one round of three is not
     * a steady figure.
     */
    static void processCpu(int n, int rounds) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (boolean given : new boolean[]{true, false}) {
            EnricherBenchmark b = new EnricherBenchmark();
            b.setUp();
            if (!given) {
                b.articles = b.articles.stream().map(a -> a.withLanguage(null)).toList();
            }
            for (int i = 0; i < n; i++) {
                b.enrich();
            }
            List<Double> micros = new java.util.ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long cpu0 = os.getProcessCpuTime();
                for (int i = 0; i < n; i++) {
                    b.enrich();
                }
                double seconds = (os.getProcessCpuTime() - cpu0) / 1e9;
                micros.add(seconds / n * 1e6);
                System.out.printf("enrich, language %s, %,d articles: %,.0f articles per CPU-second, %,.0f µs of CPU "
                        + "per article%n", given ? "given" : "detected", n, n / seconds, seconds / n * 1e6);
            }
            if (rounds > 3) {
                List<Double> steady = micros.subList(2, rounds).stream().sorted().toList();
                double median = steady.size() % 2 == 1 ? steady.get(steady.size() / 2)
                        : (steady.get(steady.size() / 2 - 1) + steady.get(steady.size() / 2)) / 2;
                System.out.printf("enrich, language %s, median of rounds 3-%d: %,.0f articles per CPU-second, %,.0f µs "
                        + "of CPU per article%n", given ? "given" : "detected", rounds, 1e6 / median, median);
            }
        }
    }

    public static void main(String[] arguments) throws Exception {
        // The bench profile passes -Dbench.args as one argument ("cpu 4000"): split it into words.
        String[] args = String.join(" ", arguments).trim().split("\\s+");
        if (args.length > 0 && args[0].equals("cpu")) {
            processCpu(args.length > 1 ? Integer.parseInt(args[1]) : 20_000, args.length > 2 ? Integer.parseInt(args[2]) : 3);
            return;
        }
        List<Article> corpus = corpus();
        double avg = corpus.stream().mapToInt(a -> a.fullText().length()).average().orElse(0);
        Enricher probe = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.load(List.of()), Clock.systemUTC());
        System.out.printf("Corpus: %d articles, %.0f characters on average; %s%n", corpus.size(), avg, probe.describe());
        System.out.printf("Knowledge base heap: %.1f MiB retained (measured), %.1f MiB estimated by the tables%n",
                retainedHeap() / 1048576.0, probe.compiledBytes() / 1048576.0);
        System.out.printf("Load average at start: %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        var results = new Runner(new OptionsBuilder().include(EnricherBenchmark.class.getName() + ".*").build()).run();
        Duration warmUp = Duration.ofSeconds(15);
        Duration measure = Duration.ofSeconds(30);
        System.out.println();
        System.out.println("benchmark              wall-clock, 1 thread (JMH)    per CPU-second (process, incl. GC/JIT)");
        for (var r : results) {
            String label = r.getPrimaryResult().getLabel();
            double cpu = perCpuSecond(label.equals("decodeEnrichEncode"), warmUp, measure);
            System.out.printf("%-22s %,8.0f ± %,5.0f articles/s       %,8.0f articles/s%n", label,
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), cpu);
        }
    }
}
