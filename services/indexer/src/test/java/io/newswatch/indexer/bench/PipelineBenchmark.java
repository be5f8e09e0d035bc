package io.newswatch.indexer.bench;

import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.TestStack;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ServiceProcesses;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The packaged indexer as a process, catching up on a topic of 3 KB enriched articles: Kafka consumption, the
 * SmallRye batch channel, indexing and commits, as deployed. Each setting runs a fresh consumer group into fresh
 * indices; the rate is measured from the first document visible in Elasticsearch to the last (refresh 1 s, so
 * about a second of resolution). Build the application first.
 *
 * <pre>
 * ./mvnw -q -pl services/indexer package -DskipTests
 * ./mvnw -q -pl services/indexer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newswatch.indexer.bench.PipelineBenchmark -Dexec.args="40000 100,1000,5000"
 * </pre>
 */
public final class PipelineBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        List<Integer> batches = args.length > 1
                ? java.util.Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList() : List.of(100, 1000, 5000);
        TestStack stack = TestStack.reserve();
        ServiceProcesses processes = new ServiceProcesses(stack.stack().home());
        try {
            List<String> values = IndexerBenchmark.articles(documents, new Random(11));
            produce(stack, values);
            System.out.printf("%d enriched articles on %s; the packaged indexer catches up:%n", documents,
                    stack.topics().articlesEnriched());
            System.out.printf("%-22s %9s %8s%n", "max.poll.records", "seconds", "docs/s");
            for (int i = 0; i < batches.size(); i++) {
                String indexPrefix = stack.indexPrefix() + "-p" + i;
                IndexNames names = IndexNames.withPrefix(indexPrefix);
                stack.stack().setup().installSchema(names);
                int port = freePort();
                String instance = "indexer-bench-" + i;
                processes.start(instance, NewswatchService.INDEXER, port, "512m", ServiceEnvironment.of(stack)
                        .withPrefixes(stack.topicPrefix(), indexPrefix)
                        .with(NewswatchService.INDEXER, Map.of(
                                "MP_MESSAGING_INCOMING_ARTICLES_GROUP_ID", stack.topicPrefix() + "bench-" + i,
                                "MP_MESSAGING_INCOMING_ALERTS_GROUP_ID", stack.topicPrefix() + "bench-" + i,
                                "NEWSWATCH_INDEXER_KAFKA_MAX_POLL_RECORDS", String.valueOf(batches.get(i))))
                        .of(NewswatchService.INDEXER));
                try {
                    long first = 0;
                    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                    long count = 0;
                    while (count < documents && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                        count = count(stack, names.articles());
                        if (count > 0 && first == 0) {
                            first = System.nanoTime();
                        }
                    }
                    double seconds = (System.nanoTime() - first) / 1e9;
                    System.out.printf("%-22d %9.2f %8.0f%s%n", batches.get(i), seconds, count / seconds,
                            count < documents ? "  (only " + count + " indexed within 5 minutes)" : "");
                } finally {
                    processes.stop(instance, Duration.ofSeconds(20));
                    stack.stack().setup().deleteIndices(names);
                }
            }
        } finally {
            stack.release();
        }
        System.exit(0);
    }

    private static void produce(TestStack stack, List<String> values) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                String id = Json.decode(value, EnrichedArticle.class).id();
                producer.send(new ProducerRecord<>(stack.topics().articlesEnriched(), id, value));
            }
            producer.flush();
        }
    }

    /** Documents visible in the alias (no forced refresh: that would slow down what is measured). */
    private static long count(TestStack stack, String alias) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.elasticsearchUrl() + "/" + alias + "/_count")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()).get("count").asLong() : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
