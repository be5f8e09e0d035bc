package io.newswatch.bench;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.LocalStack;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The packaged feed-poller alone, as ./newswatch bench runs it (50 feeds on 6 loopback hosts, 30 items each, article
 * pages, polled every second, 100 articles/s published), against the local Kafka; no other stage (backpressure
 * off). CPU of the poller process (/proc) per article published and per second over the window; RATE 0: no new
 * article (the feeds unchanged), the poller's idle. THREADS=PREFIX: docs/perf/thread-cpu.py snapshots of the poller's
 * threads at the window's start and end (PREFIX.t0.json, PREFIX.t1.json), their difference printed after the totals.
 * Usage: docs/perf/poller-alone/run.sh APP-DIR LABEL [WARMUP SECONDS RATE [JFR-FILE]]
 */
public final class PollerAlone {
    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        String label = args[1];
        int warmup = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        String jfr = args.length > 5 ? args[5] : null;
        // each feed's pollInterval and the poller's min-interval (PT1S, as ./newswatch bench): POLL_INTERVAL=PT3S
        String interval = System.getenv().getOrDefault("POLL_INTERVAL", "PT1S");
        String prefix = "pa-" + label + "-" + System.currentTimeMillis() + ".";
        LocalStack stack = LocalStack.create();
        TopicNames topics = new TopicNames(prefix);
        stack.setup().createTopics(topics);
        int feeds = 50;
        NewsSites sites = new NewsSites(6, feeds, 30, false);
        Path dir = Files.createTempDirectory("poller-alone");
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (String url : sites.feedUrls()) {
            yaml.append("  - url: ").append(url).append("\n    pollInterval: PT1S\n    fullText: true\n    language: en\n");
        }
        Files.writeString(dir.resolve("feeds.yaml"), yaml.toString().replace("PT1S", interval));
        int port = 18481;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseG1GC", "-Dquarkus.http.port=" + port));
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=delay=" + warmup + "s,duration=" + seconds + "s,settings=profile,filename=" + jfr);
        }
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("poller.log").toFile());
        builder.environment().putAll(java.util.Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.endpoints().kafkaBootstrapServers(),
                "NEWSWATCH_TOPIC_PREFIX", prefix,
                "NEWSWATCH_FEEDS_FILE", dir.resolve("feeds.yaml").toString(),
                "NEWSWATCH_POLLER_SSRF_ALLOW", "127.0.0.0/8,localhost",
                "NEWSWATCH_POLLER_MIN_INTERVAL", interval,
                "NEWSWATCH_POLLER_POLITENESS_MIN_DELAY_PER_HOST", "PT0.005S",
                "NEWSWATCH_POLLER_POLITENESS_MAX_CONCURRENT_PER_HOST", "4",
                "NEWSWATCH_POLLER_MAX_CONCURRENT_POLLS", "64",
                "NEWSWATCH_POLLER_HTTP_MAX_BODY_BYTES", "2097152"));
        builder.environment().put("NEWSWATCH_POLLER_REMEMBERED_ITEMS", "500");
        builder.environment().put("NEWSWATCH_POLLER_BACKPRESSURE_MAX_LAG", "0");
        builder.environment().put("NEWSWATCH_POLLER_BACKPRESSURE_INDEXER_MAX_LAG", "0");
        Process poller = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean publishing = new AtomicBoolean(true);
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline || !poller.isAlive()) {
                    throw new IllegalStateException("poller not ready; log in " + dir);
                }
                Thread.sleep(500);
            }
            CorpusGenerator corpus = new CorpusGenerator(42);
            Thread publisher = Thread.ofPlatform().start(() -> {
                long began = System.nanoTime();
                long count = 0;
                while (publishing.get()) {
                    long due = (long) ((System.nanoTime() - began) / 1e9 * rate);
                    while (count < due) {
                        sites.publish(corpus.next());
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
            String threads = System.getenv("THREADS");
            if (threads != null) {
                threadCpu(String.valueOf(poller.pid()), threads + ".t0.json");
            }
            double cpu0 = ProcessStats.read(poller.pid()).orElseThrow().cpuSeconds();
            double published0 = published(http, port);
            double load0 = load();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double cpu1 = ProcessStats.read(poller.pid()).orElseThrow().cpuSeconds();
            double published1 = published(http, port);
            double wall = (System.nanoTime() - t0) / 1e9;
            if (threads != null) {
                threadCpu(String.valueOf(poller.pid()), threads + ".t1.json");
            }
            double articles = published1 - published0;
            System.out.printf(Locale.ROOT, "%s: %.0f articles in %.0f s (%.1f/s), poller CPU %.2f s (%.1f ms per s), %.3f ms per article, load %.1f -> %.1f%n",
                    label, articles, wall, articles / wall, cpu1 - cpu0, (cpu1 - cpu0) * 1000 / wall,
                    (cpu1 - cpu0) * 1000 / articles, load0, load());
            if (threads != null) {
                threadCpu(threads + ".t0.json", threads + ".t1.json");
            }
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(l -> !l.startsWith("#") && l.matches("newswatch_poller_(polls_total|pages_total|items_skipped_total|articles_published_total|state_write_failures_total|poll_duration_seconds_(count|sum)).*"))
                    .forEach(l -> System.out.println(label + " | " + l));
            publishing.set(false);
            publisher.join();
        } finally {
            poller.destroy();
            poller.waitFor();
            sites.close();
            stack.setup().deleteTopics(topics);
        }
        System.exit(0);
    }

    /** docs/perf/thread-cpu.py with these two arguments (a snapshot, or the difference of two), its output passed on. */
    private static void threadCpu(String first, String second) throws Exception {
        Process script = new ProcessBuilder("python3", "docs/perf/thread-cpu.py", first, second).inheritIO().start();
        if (script.waitFor() != 0) {
            throw new IllegalStateException("docs/perf/thread-cpu.py " + first + " " + second + " failed");
        }
    }

    private static double published(HttpClient http, int port) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return PipelineSampler.sum(text, "newswatch_poller_articles_published_total", List.of());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
