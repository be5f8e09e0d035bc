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
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
             KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            // warm-up: the JIT compiles the service's code paths before anything is timed
            drain(kafka, send(producer, corpus, "warmup", WARM_UP));
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStarted = os.getProcessCpuTime();
            long started = System.nanoTime();
            Set<String> ids = send(producer, corpus, "timed", ARTICLES);
            long produced = System.nanoTime();
            drain(kafka, ids);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStarted) / 1e9;
            System.out.printf("%nEnricher throughput through Kafka (after %d warm-up articles): %d articles of ~3 KB "
                            + "produced in %.1f s, all enriched after %.1f s: %.0f articles/s; the JVM (service plus the "
                            + "test's producer and consumer) used %.1f CPU-seconds: %.0f articles per CPU-second (%d cores "
                            + "shared, load average %.1f)%n", WARM_UP, ARTICLES, (produced - started) / 1e9, seconds,
                    ARTICLES / seconds, cpu, ARTICLES / cpu, Runtime.getRuntime().availableProcessors(),
                    os.getSystemLoadAverage());
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
}
