package io.newswatch.alerter.bench;

import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.contract.Story;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the packaged alerter consumes enriched articles from Kafka: generated rules are written to the rules
 * topic and a backlog of generated articles to the enriched-articles topic of fresh (prefixed) topics on the local
 * stack, then the packaged service is started and works through the backlog. Prints, per rule count, articles per
 * second (wall clock, after a warm-up part of the backlog) and per CPU-second of the whole alerter process (every
 * thread: Kafka clients, matching, alert history, delivery, GC), and the alerts it raised.
 * A benchmark, not a test: build the service ({@code ./mvnw -o install -DskipTests -pl services/alerter -am}), then
 * {@code ./mvnw -q -pl services/alerter -Pbench-kafka test-compile exec:exec}.
 *
 * <p>Arguments: rule counts (comma-separated, default 10000,100000), articles measured (default 5000), the rules'
 * channels (default {@code log}; {@code none} for rules that record alerts without notifying), stories (default 0:
 * each article a story of its own; N: the articles take turns in N stories that grow the whole run, as the pipeline
 * bench's corpus does), and hooks (default 0: H more rules scoped per article, on words most articles carry, like
 * the pipeline bench's webhook rules: with few stories, a rule-and-story pair that takes an alert per article), and
 * rate (default 0: the articles are a backlog written before the alerter starts; R: written at R articles a second
 * once it is ready, as a pipeline feeds it, so that fetches, polls and batches are as small as they are then), and
 * idle (default 0: S seconds after the measured articles, the alerter is left without articles and its CPU per
 * second printed: what it costs whatever the rate; a line "idle from ..." marks the start for
 * {@code docs/perf/profile-alerter-kafka.sh}).
 */
public final class KafkaThroughputBenchmark {

    private static final long SEED = 20261120L;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KafkaThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] ruleCounts = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        List<String> channels = args.length > 2 && args[2].equals("none") ? List.of()
                : List.of(args.length > 2 ? args[2] : "log");
        int stories = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int hooks = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int rate = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        int idle = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        int warmup = Math.max(1_000, measured / 2);
        System.out.printf(Locale.ROOT, "newswatch alerter through Kafka: %d warm-up + %d measured articles, "
                + "channels %s, %s, %d per-article rules, %s, %s%n", warmup, measured, channels,
                stories == 0 ? "a story per article" : stories + " stories", hooks,
                rate == 0 ? "a backlog" : rate + " articles/s", Runtime.version());
        System.out.println("rules    ready s   art/s wall   art/s per process cpu-s   alerts/art   alerts/s");
        for (int rules : ruleCounts) {
            run(rules, warmup, measured, channels, stories, hooks, rate, idle);
        }
        System.exit(0);
    }

    /** Words of {@link NewsCorpus}'s vocabulary that most of its articles carry: the hooks' queries. */
    private static final List<String> HOOK_WORDS = List.of("government", "minister", "president", "security",
            "officials", "talks", "military", "political");

    private static void run(int ruleCount, int warmup, int measured, List<String> channels, int stories, int hooks,
                            int rate, int idle) throws Exception {
        TestStack test = TestStack.reserve();
        ServiceProcesses processes = new ServiceProcesses(test.stack().home());
        String instance = "alerter-bench-" + test.indexPrefix();
        try {
            NewsCorpus ruleCorpus = new NewsCorpus(SEED + ruleCount);
            NewsCorpus articleCorpus = new NewsCorpus(SEED);
            Instant now = Instant.parse("2026-11-20T08:00:00Z");
            try (KafkaProducer<String, String> producer = producer(test)) {
                for (int i = 0; i < ruleCount; i++) {
                    String id = "rule-" + i;
                    Rule rule = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, now, id, ruleCorpus.rule(), channels,
                            true, null, List.of(), Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null);
                    producer.send(new ProducerRecord<>(test.topics().rules(), id, Json.encode(rule)));
                }
                for (int i = 0; i < hooks; i++) {
                    String id = "hook-" + i;
                    Rule rule = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, now, id,
                            HOOK_WORDS.get(i % HOOK_WORDS.size()), channels, true, null, List.of(),
                            Rule.Scope.ARTICLE, null, Rule.Mode.INSTANT, null, null);
                    producer.send(new ProducerRecord<>(test.topics().rules(), id, Json.encode(rule)));
                }
                if (rate == 0) {
                    for (int i = 0; i < warmup + measured; i++) {
                        send(producer, test, inStory(articleCorpus.article(i), i, stories));
                    }
                }
                producer.flush();
            }
            int port = freePort();
            Map<String, String> env = ServiceEnvironment.of(test).of(NewswatchService.ALERTER);
            // the articles are generated "now"-ish in 2026: notify regardless of age, as live articles would be
            env.put("NEWSWATCH_ALERTER_DELIVERY_MAX_AGE", "36500d");
            env.putAll(System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("BENCH_ALERTER_"))
                    .collect(java.util.stream.Collectors.toMap(e -> e.getKey().substring("BENCH_ALERTER_".length()),
                            Map.Entry::getValue)));
            long started = System.nanoTime();
            ProcessHandle process = processes.start(instance, NewswatchService.ALERTER, port,
                    System.getProperty("bench.heap", "1500m"), env);
            processes.awaitReady(instance, port, Duration.ofMinutes(5));
            double readySeconds = (System.nanoTime() - started) / 1e9;
            Thread feeder = rate == 0 ? null : Thread.ofPlatform().daemon().name("bench-feeder").start(() ->
                    feed(test, articleCorpus, warmup + measured, stories, rate));

            waitFor(port, warmup, Duration.ofMinutes(10));
            double alertsBefore = metric(port, "alerter_alerts_raised_total");
            long cpuStart = cpu(process);
            long wallStart = System.nanoTime();
            waitFor(port, warmup + measured, Duration.ofMinutes(20));
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (cpu(process) - cpuStart) / 1e9;
            double alerts = metric(port, "alerter_alerts_raised_total") - alertsBefore;
            System.out.printf(Locale.ROOT, "%-8d %7.1f   %10.0f   %23.0f   %10.1f   %8.0f%n", ruleCount, readySeconds,
                    measured / wall, measured / cpu, alerts / measured, alerts / wall);
            if (feeder != null) {
                feeder.interrupt();
            }
            if (idle > 0) {
                Thread.sleep(2_000); // the last alerts' writes and deliveries
                System.out.printf(Locale.ROOT, "idle from %s for %d s%n", Instant.now(), idle);
                long idleCpu = cpu(process);
                long idleWall = System.nanoTime();
                Thread.sleep(idle * 1_000L);
                double msPerSecond = (cpu(process) - idleCpu) / 1e6 / ((System.nanoTime() - idleWall) / 1e9);
                System.out.printf(Locale.ROOT, "idle: %.1f ms of CPU per second%s%n", msPerSecond, rate == 0 ? ""
                        : String.format(Locale.ROOT, " (%.3f ms per article at %d/s)", msPerSecond / rate, rate));
            }
        } finally {
            processes.stop(instance, Duration.ofSeconds(30));
            test.release();
        }
    }

    /** Writes {@code count} articles at {@code rate} a second, each at its time, as an enricher would. */
    private static void feed(TestStack test, NewsCorpus corpus, int count, int stories, int rate) {
        try (KafkaProducer<String, String> producer = producer(test)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
                send(producer, test, inStory(corpus.article(i), i, stories));
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(KafkaProducer<String, String> producer, TestStack test, EnrichedArticle article) {
        producer.send(new ProducerRecord<>(test.topics().articlesEnriched(), article.id(), Json.encode(article)));
    }

    /** The {@code n}th article in one of {@code stories} stories (its own story when 0), of up to 40 outlets. */
    private static EnrichedArticle inStory(EnrichedArticle article, int n, int stories) {
        if (stories == 0) {
            return article;
        }
        int size = n / stories + 1;
        Story story = new Story("bench-story-" + n % stories, "bench-story-" + n % stories,
                Instant.parse("2026-11-20T08:00:00Z"), size, Math.min(40, size), 1);
        return new EnrichedArticle(article.schemaVersion(), article.type(), article.id(), article.timestamp(),
                article.article(), article.entities(), article.topics(), story, article.quotes());
    }

    /** Waits until the alerter has matched at least {@code count} articles, polling its metrics. */
    private static void waitFor(int port, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (metric(port, "alerter_articles_total") < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the alerter matched only " + metric(port, "alerter_articles_total")
                        + " of " + count + " articles in " + timeout);
            }
            Thread.sleep(1_000);
        }
    }

    /** A counter's value, summed over its tags. */
    private static double metric(int port, String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static KafkaProducer<String, String> producer(TestStack test) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, test.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", // as the enricher writes them
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
