package io.newswatch.indexer.bench;

import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.stack.DetachedProcess;
import io.newswatch.stack.ProcessTree;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.ServiceProcesses;
import io.newswatch.stack.TestStack;
import io.newswatch.stack.NewswatchService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU per indexed article of the packaged indexer and of Elasticsearch, live, as in the pipeline: articles arrive on
 * the enriched topic at a steady rate with alerts beside them (four in five articles raise one, written twice:
 * raised, then delivered a second later, as the alerter writes them), and the indexer, a process of its own with its
 * own templates, keeps up. Several builds of the indexer (their {@code quarkus-app} directories) are run in turn, round
 * by round, each on fresh topics and indices, so that every build sees the same load. After a warm-up the window's
 * CPU of the indexer's process and of Elasticsearch's process tree (user plus system, {@code /proc}) is divided by the
 * articles indexed in the window; Elasticsearch's figure includes the alerts' writes, as the pipeline bench's does,
 * and nothing searches it.
 *
 * <pre>
 * ./mvnw -q -pl services/indexer package -DskipTests     # and a second build's quarkus-app copied elsewhere
 * ./mvnw -q -pl services/indexer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newswatch.indexer.bench.IndexerCostBenchmark \
 *     -Dexec.args="2 60 60 100 /tmp/main-app services/indexer/target/quarkus-app"
 * </pre>
 * Arguments: rounds, warm-up seconds, measured seconds, articles per second, then one {@code quarkus-app} directory
 * per build, optionally with environment variables ({@code DIR?NEWSWATCH_INDEXER_KAFKA_BATCHES_IN_FLIGHT=2}).
 * Articles per second 0 measures a backlog instead: 100 times the measured seconds' articles on the topics before
 * the indexer starts, CPU from its readiness until it has indexed them all (the warm-up is not used).
 */
public final class IndexerCostBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern INDEXED = Pattern.compile(
            "newswatch_indexer_documents_total\\{[^}]*index=\"articles\"[^}]*outcome=\"indexed\"[^}]*} ([0-9.E]+)");

    private IndexerCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        List<String> builds = Stream.of(args).skip(4).toList();
        TestStack shared = TestStack.reserve();
        ProcessHandle elasticsearch = ProcessTree.alive(shared.stack().home().pidFile("elasticsearch"))
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch process of the local stack"));
        List<String> articles = IndexerBenchmark.articles(Math.max(rate, 100) * (warmup + seconds + 10),
                new Random(13), 50_000);
        System.out.printf("%-5s %-40s %8s %10s %14s %9s %8s%n", "round", "build", "articles", "ES ms/art",
                "indexer ms/art", "art/s", "load");
        try {
            for (int round = 1; round <= rounds; round++) {
                for (String build : builds) {
                    TestStack run = TestStack.reserve(shared.stack());
                    try {
                        Cost cost = rate > 0 ? measure(run, elasticsearch, build, articles, warmup, seconds, rate)
                                : backlog(run, elasticsearch, build, articles.subList(0, 100 * seconds));
                        String name = build;
                        System.out.printf(Locale.ROOT, "%-5d %-40s %8d %10.3f %14.3f %9.1f %8.1f%n", round,
                                name.length() > 40 ? "..." + name.substring(name.length() - 37) : name,
                                cost.articles(), 1000 * cost.elasticsearch() / cost.articles(),
                                1000 * cost.indexer() / cost.articles(), cost.articles() / cost.seconds(),
                                cost.load());
                    } finally {
                        run.release();
                    }
                }
            }
        } finally {
            shared.release();
        }
        System.exit(0);
    }

    record Cost(long articles, double seconds, double elasticsearch, double indexer, double load) {
    }

    /**
     * A backlog: the articles (and their alerts) are on the topics before the indexer starts; the window runs from
     * its readiness to the last article indexed.
     */
    private static Cost backlog(TestStack run, ProcessHandle elasticsearch, String build, List<String> articles)
            throws Exception {
        try (KafkaProducer<String, String> producer = producer(run)) {
            List<Alert> raised = new ArrayList<>();
            for (int n = 0; n < articles.size(); n++) {
                send(producer, run, articles.get(n), n, raised);
            }
            producer.flush();
        }
        int port = freePort();
        ProcessHandle indexer = start(run, build, port);
        try {
            double indexerBefore = cpuSeconds(indexer);
            double elasticsearchBefore = cpuSeconds(elasticsearch);
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(10).toNanos();
            double indexed = 0;
            while (indexed < articles.size() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                indexed = indexed(port);
            }
            return new Cost(Math.round(indexed), (System.nanoTime() - started) / 1e9,
                    cpuSeconds(elasticsearch) - elasticsearchBefore, cpuSeconds(indexer) - indexerBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            indexer.destroy();
            indexer.onExit().get();
        }
    }

    /**
     * Starts a build ({@code quarkus-app} directory, optionally followed by {@code ?NAME=VALUE&...} environment
     * variables) on the run's topics and indices and waits until it is ready.
     */
    private static ProcessHandle start(TestStack run, String build, int port) throws Exception {
        // The build installs its own templates: the ones reserve() put are removed with their indices.
        run.stack().setup().deleteIndices(run.indices());
        for (String alias : List.of(run.indices().articles(), run.indices().alerts())) {
            run.stack().setup().send("DELETE", "/_index_template/" + alias, null);
        }
        String[] parts = build.split("\\?", 2);
        java.util.Map<String, String> env = new java.util.HashMap<>(ServiceEnvironment.of(run)
                .of(NewswatchService.INDEXER));
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Path home = Files.createTempDirectory("indexer-cost");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseG1GC", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-jar", Path.of(parts[0]).resolve("quarkus-run.jar").toString());
        ProcessHandle indexer = DetachedProcess.start(command, env, home, home.resolve("indexer.log"),
                home.resolve("indexer.pid"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!ServiceProcesses.ready(port)) {
            if (System.nanoTime() > deadline || !indexer.isAlive()) {
                indexer.destroy();
                throw new IllegalStateException("the indexer did not become ready: "
                        + DetachedProcess.tail(home.resolve("indexer.log"), 30));
            }
            Thread.sleep(200);
        }
        return indexer;
    }

    private static Cost measure(TestStack run, ProcessHandle elasticsearch, String build, List<String> articles,
                                int warmup, int seconds, int rate) throws Exception {
        int port = freePort();
        ProcessHandle indexer = start(run, build, port);
        try (KafkaProducer<String, String> producer = producer(run)) {
            long started = System.nanoTime();
            int sent = 0;
            List<Alert> raised = new ArrayList<>();
            double indexerBefore = 0;
            double elasticsearchBefore = 0;
            double indexedBefore = 0;
            long windowStarted = 0;
            boolean measuring = false;
            while (true) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                if (!measuring && elapsed >= warmup) {
                    measuring = true;
                    windowStarted = System.nanoTime();
                    indexedBefore = indexed(port);
                    indexerBefore = cpuSeconds(indexer);
                    elasticsearchBefore = cpuSeconds(elasticsearch);
                }
                if (elapsed >= warmup + seconds) {
                    break;
                }
                int due = (int) (elapsed * rate);
                for (; sent < due; sent++) {
                    send(producer, run, articles.get(sent), sent, raised);
                }
                Thread.sleep(10);
            }
            double indexerCpu = cpuSeconds(indexer) - indexerBefore;
            double elasticsearchCpu = cpuSeconds(elasticsearch) - elasticsearchBefore;
            double window = (System.nanoTime() - windowStarted) / 1e9;
            long indexed = Math.round(indexed(port) - indexedBefore);
            return new Cost(indexed, window, elasticsearchCpu, indexerCpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            indexer.destroy();
            indexer.onExit().get();
        }
    }

    /** The article; four in five raise an alert, whose delivered state follows a second (100 articles) later. */
    private static void send(KafkaProducer<String, String> producer, TestStack run, String value, int n,
                             List<Alert> raised) {
        EnrichedArticle article = Json.decode(value, EnrichedArticle.class);
        producer.send(new ProducerRecord<>(run.topics().articlesEnriched(), article.id(), value));
        Instant now = Instant.now();
        if (n % 5 != 0) {
            Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, Ids.alert("rule-" + (n % 40), article.id(), 0),
                    now, "rule-" + (n % 40), "Watch " + (n % 40), "\"Person " + (n % 50) + "\" OR Place",
                    article.id(), article.article().url(), article.article().title(),
                    article.article().source().name(), article.story().id(), 2, 0,
                    "<em>Person</em> said talks would continue",
                    new Alert.Explanation(List.of("<em>Person</em> said talks would continue"), List.of("person"),
                            List.of("person/p" + (n % 50)), List.of(), null),
                    List.of("log", "webhook:ops"), List.of(), article.article().fetched());
            producer.send(new ProducerRecord<>(run.topics().alerts(), alert.id(), Json.encode(alert)));
            raised.add(alert);
        }
        while (raised.size() > 80) {
            Alert alert = raised.removeFirst();
            Instant at = alert.timestamp().plusSeconds(1);
            Alert delivered = new Alert(alert.schemaVersion(), alert.type(), alert.id(), alert.timestamp(),
                    alert.ruleId(), alert.ruleName(), alert.query(), alert.articleId(), alert.url(), alert.title(),
                    alert.source(), alert.storyId(), alert.storyOutlets(), alert.level(), alert.snippet(),
                    alert.explanation(), alert.channels(), List.of(new Alert.Delivery("log", "delivered", 1, at, null),
                    new Alert.Delivery("webhook:ops", "delivered", 1, at, null)), alert.articleFetched());
            producer.send(new ProducerRecord<>(run.topics().alerts(), delivered.id(), Json.encode(delivered)));
        }
    }

    private static KafkaProducer<String, String> producer(TestStack run) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.kafkaBootstrapServers());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Articles the indexer has indexed so far, from its metrics. */
    private static double indexed(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/metrics")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = INDEXED.matcher(response.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double cpuSeconds(ProcessHandle root) throws IOException {
        return ElasticsearchCostBenchmark.cpuSeconds(root);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
