package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.enricher.bench.EnricherBenchmark;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's throughput through the real Kafka: a backlog of 3 KB raw articles is produced, and the time until
 * every enriched article is out is measured and printed. A benchmark, not a timed test: it runs only when asked,
 * {@code ./mvnw -q -pl services/enricher verify -Dit.test=EnricherThroughputIT -Dsurefire.skip=true -Dbench=true}.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EnricherThroughputIT {

    static final int WARM_UP = 3000;
    static final int ARTICLES = 5000;

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    @Test
    void backlogOfRawArticles() throws Exception {
        List<Article> corpus = EnricherBenchmark.corpus();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
             KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            // warm-up: the JIT compiles the service's code paths before anything is timed
            drain(kafka, send(producer, corpus, "warmup", WARM_UP));
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStarted = os.getProcessCpuTime();
            Map<Long, ThreadCpu> threadsStarted = ThreadCpu.snapshot();
            long started = System.nanoTime();
            Set<String> ids = send(producer, corpus, "timed", ARTICLES);
            long produced = System.nanoTime();
            drain(kafka, ids);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStarted) / 1e9;
            Map<String, Double> byThread = ThreadCpu.since(threadsStarted);
            System.out.printf("%nEnricher throughput through Kafka (after %d warm-up articles): %d articles of ~3 KB "
                            + "produced in %.1f s, all enriched after %.1f s: %.0f articles/s; the JVM (service plus the "
                            + "test's producer and consumer) used %.1f CPU-seconds: %.0f articles per CPU-second (%d cores "
                            + "shared, load average %.1f)%n", WARM_UP, ARTICLES, (produced - started) / 1e9, seconds,
                    ARTICLES / seconds, cpu, ARTICLES / cpu, Runtime.getRuntime().availableProcessors(),
                    os.getSystemLoadAverage());
            double service = byThread.entrySet().stream().filter(e -> !ThreadCpu.isTestThread(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            System.out.printf("The service's own threads used %.1f CPU-seconds: %.0f articles per CPU-second. CPU-seconds "
                    + "by thread (digits as N, the test's own marked):%n", service, ARTICLES / service);
            byThread.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf("  %6.2f  %s%s%n", e.getValue(), e.getKey(),
                            ThreadCpu.isTestThread(e.getKey()) ? "  (test)" : ""));
            assertThat(seconds).isPositive();
        }
    }

    private Set<String> send(KafkaProducer<String, String> producer, List<Article> corpus, String run, int count) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Article a = corpus.get(i % corpus.size());
            String url = a.url() + "/" + run + "/" + i;
            Article article = new Article(a.schemaVersion(), a.type(), Ids.article(url), a.timestamp(), url, a.title(),
                    a.summary(), a.body(), a.author(), "en", a.published(), false, a.fetched(), a.categories(),
                    a.source(), a.contentHash(), 1);
            ids.add(article.id());
            producer.send(new ProducerRecord<>(stack.topics().articlesRaw(), article.id(), Json.encode(article)));
        }
        producer.flush();
        return ids;
    }

    private void drain(KafkaTestClient kafka, Set<String> ids) {
        Set<String> seen = new HashSet<>();
        kafka.readUntil(stack.topics().articlesEnriched(), records -> {
            records.forEach(r -> seen.add(r.key()));
            return seen.containsAll(ids);
        });
    }

    /** CPU time of the JVM's threads, to tell the service's share from the test's own producer and consumer. */
    private record ThreadCpu(String name, long nanos) {

        static Map<Long, ThreadCpu> snapshot() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, ThreadCpu> cpu = new HashMap<>();
            for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info != null) {
                    cpu.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), mx.getThreadCpuTime(info.getThreadId())));
                }
            }
            return cpu;
        }

        /** CPU-seconds since {@code before}, by thread name with digits replaced (thread pools add up). */
        static Map<String, Double> since(Map<Long, ThreadCpu> before) {
            Map<String, Double> seconds = new HashMap<>();
            snapshot().forEach((id, now) -> {
                ThreadCpu then = before.get(id);
                long used = now.nanos() - (then == null ? 0 : then.nanos());
                if (now.nanos() >= 0 && used > 0) {
                    seconds.merge(now.name().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "UUID").replaceAll("\\d+", "N"),
                            used / 1e9, Double::sum);
                }
            });
            return seconds;
        }

        /** The test's producer (main thread, client id bench-producer) and its reading consumers. */
        static boolean isTestThread(String name) {
            return name.equals("main") || name.startsWith("awaitility") || name.contains("bench-producer")
                    || name.contains("test-") || name.contains("producer-N");
        }
    }
}
