package io.newswatch.bench;

import io.newswatch.contract.Article;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Source;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.LocalStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The packaged enricher alone against the local stack's Kafka, fed the bench corpus (CorpusGenerator, seed 42: the
 * thousands of small stories of ./newswatch bench) as the poller would publish it (title, lead as summary, body,
 * language given, one record per article) at a steady rate; no other stage. Prints the enricher process' CPU per
 * article enriched over the window (/proc), and each of its threads' share (the JIT and GC included).
 * Usage: docs/perf/enricher-alone/run.sh APP-DIR LABEL [WARMUP-S WINDOW-S RATE [JFR-FILE]]
 */
public final class EnricherAlone {
    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        String label = args[1];
        int warmup = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        String jfr = args.length > 5 && !args[5].isEmpty() ? args[5] : null;
        String prefix = "ea-" + label + "-" + System.currentTimeMillis() + ".";
        LocalStack stack = LocalStack.create();
        TopicNames topics = new TopicNames(prefix);
        stack.setup().createTopics(topics);
        Path dir = Files.createTempDirectory("enricher-alone");
        // ENRICHER_ALONE_PORT: another HTTP port when two engineers run this on one machine
        int port = Integer.parseInt(System.getenv().getOrDefault("ENRICHER_ALONE_PORT", "18482"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Dquarkus.http.port=" + port));
        String extra = System.getenv("ENRICHER_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("enricher.log").toFile());
        builder.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.endpoints().kafkaBootstrapServers(),
                "NEWSWATCH_TOPIC_PREFIX", prefix));
        Process enricher = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Properties producerSettings = new Properties();
        producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers());
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, "25");
        producerSettings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
                new ByteArraySerializer())) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline || !enricher.isAlive()) {
                    throw new IllegalStateException("enricher not ready; log in " + dir);
                }
                Thread.sleep(500);
            }
            double startCpu = ProcessStats.read(enricher.pid()).orElseThrow().cpuSeconds();
            CorpusGenerator corpus = new CorpusGenerator(42);
            String raw = topics.articlesRaw();
            Thread publisher = Thread.ofPlatform().start(() -> {
                long began = System.nanoTime();
                long count = 0;
                while (publishing.get()) {
                    long due = (long) ((System.nanoTime() - began) / 1e9 * rate);
                    while (count < due) {
                        Article article = article(corpus.next(), count);
                        producer.send(new ProducerRecord<>(raw, article.id(), Json.encodeBytes(article)));
                        count++;
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(warmup * 1000L);
            if (jfr != null) { // the window only, not the start or the warm-up
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(enricher.pid()), "JFR.start", "name=perf", "settings=profile",
                        "duration=" + seconds + "s", "filename=" + jfr).inheritIO().start().waitFor();
            }
            double cpu0 = ProcessStats.read(enricher.pid()).orElseThrow().cpuSeconds();
            Map<String, Long> threads0 = threads(enricher.pid());
            double enriched0 = enriched(http, port);
            double load0 = load();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            var end = ProcessStats.read(enricher.pid()).orElseThrow();
            double cpu1 = end.cpuSeconds();
            Map<String, Long> threads1 = threads(enricher.pid());
            double enriched1 = enriched(http, port);
            double wall = (System.nanoTime() - t0) / 1e9;
            double articles = enriched1 - enriched0;
            System.out.printf(Locale.ROOT, "%s: %.0f articles enriched in %.0f s (%.1f/s; %.0f before the window, start %.1f CPU-s),"
                            + " enricher CPU %.2f s, %.3f ms per article, load %.1f -> %.1f%n",
                    label, articles, wall, articles / wall, enriched0, cpu0 - startCpu, cpu1 - cpu0,
                    (cpu1 - cpu0) * 1000 / articles, load0, load());
            System.out.printf(Locale.ROOT, "%s: RSS %.0f MiB at the window's end (peak %.0f MiB)%n", label,
                    end.rssBytes() / 1048576.0, end.peakRssBytes() / 1048576.0);
            Map<String, Long> groups = new TreeMap<>();
            threads1.forEach((tid, ticks) -> {
                String name = tid.substring(tid.indexOf(' ') + 1).replaceAll("\\d+", "N");
                groups.merge(name, ticks - threads0.getOrDefault(tid, 0L), Long::sum);
            });
            long total = groups.values().stream().mapToLong(Long::longValue).sum();
            groups.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf(Locale.ROOT, "%s | %5.1f%%  %6.3f ms/article  %s%n", label,
                            100.0 * e.getValue() / total, e.getValue() * 10.0 / articles, e.getKey()));
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(l -> !l.startsWith("#") && l.matches(
                            "(newswatch_enricher_(articles_total|stories_open|enrich_duration_seconds_(count|sum))|jvm_gc_pause_seconds_(count|sum)).*"))
                    .forEach(l -> System.out.println(label + " | " + l));
            publishing.set(false);
            publisher.join();
        } finally {
            enricher.destroy();
            enricher.waitFor();
            stack.setup().deleteTopics(topics);
        }
        System.exit(0);
    }

    /** As the poller publishes a bench page: title, the lead as the feed's summary, the extracted paragraphs. */
    public static Article article(NewsArticle a, long n) {
        String domain = "127.0.0." + (2 + n % 6);
        String url = "http://" + domain + ":8090/" + a.slug();
        Instant now = Instant.now();
        String body = String.join("\n\n", a.paragraphs());
        String feed = "http://" + domain + ":8090/f" + (n % 50) + "/rss.xml";
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), now, url, a.title(), a.lead(), body,
                a.byline(), "en", now, false, now, List.of(a.desk()),
                new Source("Bench Wire " + (n % 50), domain, Ids.feed(feed), feed, List.of("bench")),
                Integer.toHexString(body.hashCode()), 1);
    }

    /** Every thread's CPU ticks (utime + stime), keyed "tid name". */
    static Map<String, Long> threads(long pid) throws IOException {
        Map<String, Long> threads = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return threads;
    }

    private static double enriched(HttpClient http, int port) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return PipelineSampler.sum(text, "newswatch_enricher_articles_total", List.of("outcome=\"enriched\""));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
