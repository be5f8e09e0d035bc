package io.newswatch.indexer.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexingMetrics;
import io.newswatch.indexer.bulk.RestClientHttp;
import io.newswatch.indexer.index.ArticleMapper;
import io.newswatch.indexer.index.SourceRecord;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.IndexPlacement;
import io.newswatch.stack.ProcessTree;
import io.newswatch.stack.TestStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * CPU per indexed article, of Elasticsearch and of the indexer's own code, side by side for index templates: the
 * repository's articles template and any template files given, alternated round by round so that every variant
 * sees the same load. Each run writes generated 3 KB articles through {@link TopicIndexer} (decode, map and fold,
 * rollover lookup, bulk, answer) into fresh indices, in two shapes:
 *
 * <ul>
 *   <li><b>live</b>: 100 articles/s for {@code seconds}, in batches of each given size (what the Kafka consumer
 *       hands over at that rate depends on its fetch settings), then two seconds more so that refreshes and merges
 *       the writes caused are counted;</li>
 *   <li><b>catch-up</b>: as fast as possible, 1,000 per batch.</li>
 * </ul>
 *
 * Elasticsearch's CPU is its whole process tree's user plus system time from {@code /proc} over the run; the
 * indexer's is this JVM's process CPU (its HTTP client, mapping, GC and JIT; the generated articles are made before).
 *
 * <pre>
 * git show main:deploy/elasticsearch/newswatch-articles.index-template.json > /tmp/before.json
 * ./mvnw -q -pl services/indexer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newswatch.indexer.bench.ElasticsearchCostBenchmark -Dexec.args="2 20 2,20 /tmp/before.json"
 * </pre>
 * Arguments: rounds, seconds of each live run, live batch sizes, template files.
 */
public final class ElasticsearchCostBenchmark {

    private static final int RATE = 100;
    private static final int CATCH_UP = 5_000;
    private static final double TICKS_PER_SECOND = 100;

    private ElasticsearchCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Integer> batches = args.length > 2 ? Stream.of(args[2].split(",")).map(Integer::valueOf).toList()
                : List.of(2, 20);
        List<String> variants = new ArrayList<>();
        variants.add("repository");
        variants.addAll(List.of(args).subList(Math.min(args.length, 3), args.length));
        TestStack stack = TestStack.reserve();
        ProcessHandle elasticsearch = ProcessTree.alive(stack.stack().home().pidFile("elasticsearch"))
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch process of the local stack"));
        List<String> values = IndexerBenchmark.articles(CATCH_UP + RATE * seconds + 2_000, new Random(11));
        try (RestClient client = RestClient.builder(HttpHost.create(stack.elasticsearchUrl()))
                .setRequestConfigCallback(r -> r.setConnectTimeout(5_000).setSocketTimeout(60_000)).build()) {
            ElasticsearchHttp http = new RestClientHttp(client, Duration.ofSeconds(60));
            // warm-up of this JVM and of Elasticsearch, not measured
            for (int batch : List.of(1_000, 20, 1_000)) {
                measure(http, stack, elasticsearch, "repository", "warm-up", values.subList(0, 2_000), batch, 0);
            }
            System.out.printf("%-5s %-28s %-16s %6s %12s %14s %8s%n", "round", "template", "run", "docs",
                    "ES ms/doc", "indexer ms/doc", "load");
            int offset = 2_000;
            for (int round = 1; round <= rounds; round++) {
                for (String variant : variants) {
                    for (int batch : batches) {
                        print(round, variant, "live, " + batch + "/batch", measure(http, stack, elasticsearch,
                                variant, round + "-" + batch, values.subList(offset, offset + RATE * seconds), batch,
                                RATE));
                    }
                    print(round, variant, "catch-up, 1000/batch", measure(http, stack, elasticsearch, variant,
                            round + "-c", values.subList(offset, offset + CATCH_UP), 1_000, 0));
                }
            }
        } finally {
            stack.release();
        }
        System.exit(0);
    }

    record Cost(int documents, double elasticsearchSeconds, double indexerSeconds, double load) {
    }

    private static void print(int round, String variant, String run, Cost cost) {
        String name = variant.length() > 28 ? "..." + variant.substring(variant.length() - 25) : variant;
        System.out.printf(Locale.ROOT, "%-5d %-28s %-20s %6d %8.3f %14.3f %8.1f%n", round, name, run,
                cost.documents(), 1000 * cost.elasticsearchSeconds() / cost.documents(),
                1000 * cost.indexerSeconds() / cost.documents(), cost.load());
    }

    /** Indexes the values into fresh indices of the variant's template, at {@code rate} per second (0: at once). */
    private static Cost measure(ElasticsearchHttp http, TestStack stack, ProcessHandle elasticsearch, String variant,
                                String run, List<String> values, int batch, int rate) throws Exception {
        IndexNames names = IndexNames.withPrefix(stack.indexPrefix() + "-cost-" + run + "-"
                + Integer.toHexString(variant.hashCode()));
        install(http, names, variant);
        try {
            Clock clock = Clock.systemUTC();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random());
            AtomicInteger deadLetters = new AtomicInteger();
            TopicIndexer indexer = new TopicIndexer(new ArticleMapper(names.articles(), clock),
                    new IndexPlacement(http, true, Duration.ZERO),
                    new BulkIndexer(http, 8L << 20, backoff, Thread::sleep,
                            new IndexingMetrics(registry, "articles", clock), () -> { }),
                    letters -> deadLetters.addAndGet(letters.size()), backoff, Thread::sleep,
                    new IndexingMetrics(registry, "articles", clock), () -> { }, 1);
            double esBefore = cpuSeconds(elasticsearch);
            double ownBefore = ownCpuSeconds();
            long started = System.nanoTime();
            for (int from = 0; from < values.size(); from += batch) {
                if (rate > 0) {
                    long due = started + (long) (1e9 * from / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                List<SourceRecord> records = new ArrayList<>();
                for (int i = from; i < Math.min(values.size(), from + batch); i++) {
                    records.add(new SourceRecord("bench", 0, i, null, values.get(i)));
                }
                BulkIndexer.Result result = indexer.index(records);
                if (result.indexed() != records.size()) {
                    throw new IllegalStateException("only " + result + " of " + records.size());
                }
            }
            double ownSeconds = ownCpuSeconds() - ownBefore;
            // what the writes cost afterwards: the refreshes and merges they caused
            Thread.sleep(2_000);
            double esSeconds = cpuSeconds(elasticsearch) - esBefore;
            return new Cost(values.size(), esSeconds, ownSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            http.send("DELETE", "/" + names.articles() + "-*," + names.alerts() + "-*", null);
            http.send("DELETE", "/_index_template/" + names.articles(), null);
            http.send("DELETE", "/_index_template/" + names.alerts(), null);
        }
    }

    /** The repository's templates; for another variant, its articles template file in place of the repository's. */
    private static void install(ElasticsearchHttp http, IndexNames names, String variant) throws IOException {
        ElasticsearchSchema.Transport transport = (m, p, b) -> {
            ElasticsearchHttp.Response r = http.send(m, p, b);
            return new ElasticsearchSchema.Response(r.status(), r.body());
        };
        ElasticsearchSchema.install(transport, names);
        if (variant.equals("repository")) {
            return;
        }
        ObjectNode template = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of(variant)));
        template.putArray("index_patterns").add(names.articles() + "-*");
        http.send("DELETE", "/" + IndexNames.firstIndex(names.articles()), null);
        expectOk(http.send("PUT", "/_index_template/" + names.articles(), Json.encode(template)));
        expectOk(http.send("PUT", "/" + IndexNames.firstIndex(names.articles()),
                "{\"aliases\":{\"" + names.articles() + "\":{\"is_write_index\":true}}}"));
    }

    private static void expectOk(ElasticsearchHttp.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
        }
    }

    /** User plus system CPU of a process and its descendants, from {@code /proc/PID/stat}. */
    static double cpuSeconds(ProcessHandle root) throws IOException {
        long ticks = 0;
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
