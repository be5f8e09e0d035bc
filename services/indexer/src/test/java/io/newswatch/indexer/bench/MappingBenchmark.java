package io.newswatch.indexer.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexingMetrics;
import io.newswatch.indexer.index.ArticleMapper;
import io.newswatch.indexer.index.SourceRecord;
import io.newswatch.indexer.index.TopicIndexer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The indexer's own CPU per article, on one thread, without Kafka or Elasticsearch: {@link TopicIndexer} decodes,
 * maps and folds each generated 3 KB article, builds the bulk request and reads a bulk answer that Elasticsearch
 * would give (every item created; made here, so that only the indexer's side is timed). Thread CPU per article,
 * per round, after warm-up rounds.
 *
 * <pre>
 * ./mvnw -q -pl services/indexer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newswatch.indexer.bench.MappingBenchmark -Dexec.args="20000 25,1000 8"
 * </pre>
 * Arguments: articles per round, batch sizes, rounds (the first half are warm-up).
 */
public final class MappingBenchmark {

    private MappingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<Integer> batches = args.length > 1 ? Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList()
                : List.of(25, 1000);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> values = IndexerBenchmark.articles(documents, new Random(17), 50_000);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int batch : batches) {
            TopicIndexer indexer = indexer();
            List<Double> measured = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long started = threads.getCurrentThreadCpuTime();
                for (int from = 0; from < values.size(); from += batch) {
                    List<SourceRecord> records = new ArrayList<>(batch);
                    for (int i = from; i < Math.min(values.size(), from + batch); i++) {
                        records.add(new SourceRecord("bench", 0, i, null, values.get(i)));
                    }
                    BulkIndexer.Result result = indexer.index(records);
                    if (result.indexed() != records.size()) {
                        throw new IllegalStateException("only " + result + " of " + records.size());
                    }
                }
                double micros = (threads.getCurrentThreadCpuTime() - started) / 1e3 / values.size();
                if (round > rounds / 2) {
                    measured.add(micros);
                }
            }
            List<Double> sorted = measured.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%5d per batch: %7.1f µs of thread CPU per article (median of %d rounds,"
                    + " best %.1f)%n", batch, sorted.get(sorted.size() / 2), sorted.size(), sorted.getFirst());
        }
    }

    private static TopicIndexer indexer() {
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IndexingMetrics metrics = new IndexingMetrics(registry, "articles", clock);
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random());
        return new TopicIndexer(new ArticleMapper("bench-articles", clock), operations -> operations,
                new BulkIndexer(MappingBenchmark::created, 8L << 20, backoff, Thread::sleep, metrics, () -> { }),
                letters -> {
                    throw new IllegalStateException(letters.size() + " dead letters");
                }, backoff, Thread::sleep, metrics, () -> { }, 1);
    }

    /** What Elasticsearch answers a bulk request whose every document it created. */
    private static ElasticsearchHttp.Response created(String method, String path, byte[] body, String type) {
        int lines = 0;
        for (byte b : body) {
            if (b == '\n') {
                lines++;
            }
        }
        StringBuilder answer = new StringBuilder("{\"errors\":false,\"items\":[");
        for (int i = 0; i < lines / 2; i++) {
            answer.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":201}}");
        }
        return new ElasticsearchHttp.Response(200, answer.append("]}").toString());
    }
}
