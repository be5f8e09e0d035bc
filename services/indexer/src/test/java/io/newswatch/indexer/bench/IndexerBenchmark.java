package io.newswatch.indexer.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.GeoPoint;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Quote;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexingMetrics;
import io.newswatch.indexer.bulk.RestClientHttp;
import io.newswatch.folding.TextFolding;
import io.newswatch.indexer.index.ArticleMapper;
import io.newswatch.indexer.index.SourceRecord;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.IndexPlacement;
import io.newswatch.stack.TestStack;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained indexing throughput of 3 KB enriched articles into the local Elasticsearch, through the indexer's own
 * code (decoding, mapping and folding, the rollover lookup, bulk requests and their answers), without Kafka: the
 * records are handed to {@link TopicIndexer} in batches as the Kafka connector would hand them. Each setting writes
 * to fresh indices installed from the real templates.
 *
 * <pre>
 * ./mvnw -q -pl services/indexer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newswatch.indexer.bench.IndexerBenchmark -Dexec.args="20000 2"
 * </pre>
 */
public final class IndexerBenchmark {

    /** One way of indexing: batch size (max.poll.records), bulk request size, batches in flight, lookup. */
    record Setting(String name, int batch, long maxBytes, int inFlight, boolean updateInPlace) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("100/batch", 100, 8L << 20, 1, true),
            new Setting("250/batch", 250, 8L << 20, 1, true),
            new Setting("500/batch", 500, 8L << 20, 1, true),
            new Setting("1000/batch", 1000, 8L << 20, 1, true),
            new Setting("5000/batch (8 MB requests)", 5000, 8L << 20, 1, true),
            new Setting("250/batch, 2 in flight", 250, 8L << 20, 2, true),
            new Setting("250/batch, no rollover lookup", 250, 8L << 20, 1, false));

    private IndexerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = Math.min(5_000, documents / 4);
        TestStack stack = TestStack.reserve();
        try (RestClient client = RestClient.builder(HttpHost.create(stack.elasticsearchUrl()))
                .setRequestConfigCallback(r -> r.setConnectTimeout(5_000).setSocketTimeout(60_000)).build()) {
            ElasticsearchHttp http = new RestClientHttp(client, Duration.ofSeconds(60));
            List<String> values = articles(documents + warmup, new Random(7));
            double averageBytes = values.stream().mapToInt(String::length).average().orElse(0);
            System.out.printf("%d enriched articles of %.1f KB on average (JSON as on the topic), %d for warm-up%n",
                    documents, averageBytes / 1024, warmup);
            ArticleMapper mapper = new ArticleMapper("mapping-only", Clock.systemUTC());
            List<EnrichedArticle> decoded = new ArrayList<>();
            System.out.printf("on one thread: decoding %.0f docs/s, folding %.0f docs/s, all the mapping (decode, "
                            + "fold, document JSON) %.0f docs/s%n",
                    rate(values, value -> decoded.add(Json.decode(value, EnrichedArticle.class))),
                    rate(decoded, article -> TextFolding.searchText(article.article().fullText(), "en")),
                    rate(values, value -> mapper.map(null, value)));
            System.out.printf("%-5s %-34s %8s %9s %8s %14s%n", "round", "setting", "docs", "seconds", "docs/s",
                    "batch p50/p95");
            for (int round = 1; round <= rounds; round++) {
            for (Setting setting : SETTINGS) {
                String prefix = stack.indexPrefix() + "-" + round + "-" + SETTINGS.indexOf(setting);
                IndexNames names = IndexNames.withPrefix(prefix);
                ElasticsearchSchema.install((m, p, b) -> {
                    ElasticsearchHttp.Response r = http.send(m, p, b);
                    return new ElasticsearchSchema.Response(r.status(), r.body());
                }, names);
                try {
                    run(http, names, values.subList(0, warmup), setting);
                    Result result = run(http, names, values.subList(warmup, values.size()), setting);
                    System.out.printf("%-5d %-34s %8d %9.2f %8.0f %6d/%-5d ms%n", round, setting.name(),
                            result.documents, result.seconds, result.documents / result.seconds, result.p50,
                            result.p95);
                } finally {
                    http.send("DELETE", "/" + names.articles() + "-*,"+ names.alerts() + "-*", null);
                    http.send("DELETE", "/_index_template/" + names.articles(), null);
                    http.send("DELETE", "/_index_template/" + names.alerts(), null);
                }
            }
            }
        } finally {
            stack.release();
        }
        System.exit(0);
    }

    /** Documents per second of an action over a list, after a first pass to warm up. */
    private static <T> double rate(List<T> items, java.util.function.Consumer<T> action) {
        items.forEach(action);
        long started = System.nanoTime();
        items.forEach(action);
        return items.size() / ((System.nanoTime() - started) / 1e9);
    }

    record Result(int documents, double seconds, long p50, long p95) {
    }

    private static Result run(ElasticsearchHttp http, IndexNames names, List<String> values, Setting setting)
            throws Exception {
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random());
        AtomicInteger deadLetters = new AtomicInteger();
        BulkIndexer bulk = new BulkIndexer(http, setting.maxBytes(), backoff, Thread::sleep,
                new IndexingMetrics(registry, "articles", clock), () -> { });
        TopicIndexer indexer = new TopicIndexer(new ArticleMapper(names.articles(), clock),
                new IndexPlacement(http, setting.updateInPlace(), Duration.ZERO), bulk, letters -> deadLetters.addAndGet(letters.size()), backoff,
                Thread::sleep, new IndexingMetrics(registry, "articles", clock), () -> { }, setting.inFlight());
        // as Kafka partitions: each stream is worked through in order, streams in parallel
        List<List<List<SourceRecord>>> streams = new ArrayList<>();
        for (int s = 0; s < setting.inFlight(); s++) {
            streams.add(new ArrayList<>());
        }
        for (int from = 0, n = 0; from < values.size(); from += setting.batch(), n++) {
            List<SourceRecord> batch = new ArrayList<>();
            for (int i = from; i < Math.min(values.size(), from + setting.batch()); i++) {
                batch.add(new SourceRecord("bench", n % setting.inFlight(), i, null, values.get(i)));
            }
            streams.get(n % setting.inFlight()).add(batch);
        }
        List<Long> batchMillis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(setting.inFlight());
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (List<List<SourceRecord>> stream : streams) {
            running.add(pool.submit(() -> {
                for (List<SourceRecord> batch : stream) {
                    long batchStarted = System.nanoTime();
                    BulkIndexer.Result result = indexer.index(batch);
                    if (result.indexed() + result.stale() != batch.size()) {
                        throw new IllegalStateException("only " + result + " of " + batch.size());
                    }
                    batchMillis.add((System.nanoTime() - batchStarted) / 1_000_000);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (deadLetters.get() > 0) {
            throw new IllegalStateException(deadLetters.get() + " documents were rejected");
        }
        List<Long> sorted = batchMillis.stream().sorted().toList();
        return new Result(values.size(), seconds, sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.95))));
    }

    private static final String[] WORDS = ("the minister said talks on the agreement would continue next week while "
            + "officials in the capital warned that the coalition could not agree on the budget and opposition "
            + "leaders called for early elections after the summit where delegations discussed security energy "
            + "trade border crossings and the future of the mission in the region according to a statement").split(" ");

    /** Enriched articles of about 3 KB of JSON each, in invented words (a vocabulary of 40). */
    static List<String> articles(int count, Random random) {
        return articles(count, random, () -> WORDS[random.nextInt(WORDS.length)]);
    }

    /**
     * The same with {@code vocabulary} invented words drawn as word frequencies fall in news text (the n-th most
     * common about 1/n as often), so that the index's term dictionary grows as with real articles.
     */
    static List<String> articles(int count, Random random, int vocabulary) {
        String[] words = new String[vocabulary];
        String[] syllables = "ka lo mi ne ra so tu vi za de gor pre sta nov ski ja ber lin mar ko".split(" ");
        for (int w = 0; w < vocabulary; w++) {
            StringBuilder word = new StringBuilder();
            for (int n = w; ; n /= syllables.length) {
                word.append(syllables[n % syllables.length]);
                if (n < syllables.length) {
                    break;
                }
            }
            words[w] = word.toString();
        }
        double logVocabulary = Math.log(vocabulary);
        return articles(count, random, () -> words[(int) Math.exp(random.nextDouble() * logVocabulary) - 1]);
    }

    private static List<String> articles(int count, Random random, java.util.function.Supplier<String> word) {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String url = "https://bench.example/news/" + i;
            StringBuilder body = new StringBuilder();
            while (body.length() < 1500) {
                for (int w = 0; w < 12; w++) {
                    body.append(word.get()).append(' ');
                }
                body.setCharAt(body.length() - 1, '.');
                body.append(i % 7 == 0 ? " Đukanović spoke. " : " ");
            }
            Article article = new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), now, url,
                    "Talks continue in the capital, report " + i, "Officials met again on day " + (i % 30) + ".",
                    body.toString().trim(), "Desk " + (i % 13), "en", now.plusSeconds(i), false, now.plusSeconds(i),
                    List.of("politics"), new Source("Outlet " + (i % 40), "outlet" + (i % 40) + ".example",
                    "feed-" + (i % 40), "https://outlet" + (i % 40) + ".example/rss", List.of("bench")),
                    "hash-" + i, 1);
            List<Entity> entities = List.of(
                    new Entity("person/p" + (i % 50), "Person " + (i % 50), EntityType.PERSON, 3, 0.8,
                            List.of("Person " + (i % 50)), "ME", null, false),
                    new Entity("person/q" + (i % 17), "Speaker " + (i % 17), EntityType.PERSON, 1, 0.3,
                            List.of("Speaker " + (i % 17)), null, null, false),
                    new Entity("organization/o" + (i % 20), "Organisation " + (i % 20), EntityType.ORGANIZATION, 2,
                            0.5, List.of("Organisation " + (i % 20)), null, null, false),
                    new Entity("location/l" + (i % 30), "Place " + (i % 30), EntityType.LOCATION, 2, 0.6,
                            List.of("Place " + (i % 30)), "RS", new GeoPoint(40 + (i % 10), 15 + (i % 12)), false));
            values.add(Json.encode(new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE,
                    article.id(), now.plusSeconds(i), article, entities,
                    List.of(new TopicScore("topic-" + (i % 8), "Topic " + (i % 8), 2.5, List.of("talks")),
                            new TopicScore("western-balkans", "Western Balkans", 1.5, List.of("Place"))),
                    new Story("story-" + (i % 500), Ids.article("https://bench.example/news/" + (i % 500)), now,
                            1 + i / 500, 1 + (i / 500) % 5, 1),
                    List.of(new Quote("Speaker " + (i % 17), "person/q" + (i % 17), "we will continue the talks")))));
        }
        return values;
    }
}
