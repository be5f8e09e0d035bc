package io.newswatch.poller.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.poller.http.HostPoliteness;
import io.newswatch.poller.http.HttpFetcher;
import io.newswatch.poller.http.HttpSettings;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.poll.ArticleSink;
import io.newswatch.poller.poll.FeedPoller;
import io.newswatch.poller.poll.PollLimits;
import io.newswatch.poller.poll.PollMetrics;
import io.newswatch.poller.poll.PollResult;
import io.newswatch.poller.poll.PollScheduler;
import io.newswatch.poller.poll.Schedule;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.StateStore;
import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The feed-poller's benchmark: Rome's parse throughput on a large feed (alone, and within the poller's full
 * parser), then 1,000 feeds on 100 loopback host names polled through the real scheduler, HTTP client, parser and
 * poller, articles and state written to the real broker, with 90% of feeds answering 304 per round; feeds per
 * second, poll latency and CPU per poll of this process (the site runs in a process of its own).
 *
 * <pre>./mvnw -q -pl services/feed-poller -Pbench test-compile exec:exec [-Dbench.args="FEEDS HOSTS"]</pre>
 */
public final class PollerBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.printf("feed-poller benchmark, %s, %d cores, load average %.1f, %s%n%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(), System.getProperty("java.version"));
        parsing();
        polling(feeds, hosts);
        System.exit(0);
    }

    // --- parsing --------------------------------------------------------------------------------------------------

    private static void parsing() throws Exception {
        int items = 5000;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                + "<channel><title>Large</title><link>http://bench.example/</link><description>d</description>\n");
        for (int n = items; n > 0; n--) {
            xml.append(BenchSite.item(0, n));
        }
        byte[] feed = xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
        double megabytes = feed.length / 1e6;
        FeedParser parser = new FeedParser();
        URI base = URI.create("http://bench.example/feed.xml");
        System.out.printf("Parsing a %.1f MB RSS 2.0 feed of %d items (medians of 5 rounds of 3 s after 5 s of warm-up)%n",
                megabytes, items);
        System.out.printf("  %-44s %10s %12s %s%n", "", "MB/s", "items/s", "(min-max MB/s)");
        measure("Rome alone (SyndFeedInput, XmlReader)", megabytes, items, () -> {
            if (new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed))).getEntries().size() != items) {
                throw new IllegalStateException("lost items");
            }
        });
        measure("FeedParser (decode, repair, Rome, clean text)", megabytes, items, () -> {
            if (parser.parse(feed, Optional.empty(), base).items().size() != items) {
                throw new IllegalStateException("lost items");
            }
        });
        System.out.println();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void measure(String name, double megabytes, int items, Work work) throws Exception {
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < warmUntil) {
            work.run();
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int ops = 0;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
                work.run();
                ops++;
            }
            rates.add(ops / ((System.nanoTime() - start) / 1e9));
        }
        Collections.sort(rates);
        double median = rates.get(2);
        System.out.printf(Locale.ROOT, "  %-44s %10.1f %12.0f (%.1f-%.1f)%n", name, median * megabytes, median * items,
                rates.getFirst() * megabytes, rates.getLast() * megabytes);
    }

    // --- polling --------------------------------------------------------------------------------------------------

    private static void polling(int feeds, int hosts) throws Exception {
        int port = freePort();
        Process site = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BenchSite.class.getName(),
                String.valueOf(port), String.valueOf(feeds)).inheritIO().start();
        TestStack stack = TestStack.reserve();
        try (KafkaProducer<String, String> articles = producer(stack, "lz4");
             KafkaProducer<String, String> states = producer(stack, "lz4")) {
            awaitPort(port);
            Bench bench = new Bench(stack, articles, states, feeds, hosts, port);
            System.out.printf("Polling %d feeds (20 items, about 11 KB each) on %d host names, full text off, "
                    + "articles and state to Kafka (acks=all)%n", feeds, hosts);
            System.out.printf("  %-52s %7s %8s %9s %9s %11s %9s%n", "round", "304s", "articles", "feeds/s",
                    "p50 ms", "p99 ms", "CPU ms/poll");
            HostPoliteness engine = new HostPoliteness(2, Duration.ZERO, Duration.ofHours(1), Clock.systemUTC(), Thread::sleep);
            bench.round("first poll of every feed (all 200, warm-up)", 0, engine, 32);
            bench.round("warm-up, 90% answer 304", 10, engine, 32);
            for (int i = 1; i <= 3; i++) {
                bench.round("90% answer 304, 32 polls at once, 2 per host #" + i, 10, engine, 32);
            }
            bench.round("90% answer 304, 64 polls at once, 4 per host", 10,
                    new HostPoliteness(4, Duration.ZERO, Duration.ofHours(1), Clock.systemUTC(), Thread::sleep), 64);
            bench.round("all answer 304", 0, engine, 32);
            bench.round("all changed (one new item each)", 100, engine, 32);
            bench.round("90% answer 304, default politeness (0.5 s per host)", 10,
                    new HostPoliteness(2, Duration.ofMillis(500), Duration.ofHours(1), Clock.systemUTC(), Thread::sleep), 32);
            System.out.println("\n  CPU ms/poll is this process's CPU time (poller, Kafka clients, GC, JIT) per poll; the"
                    + " site runs in its own process.");
        } finally {
            site.destroy();
            site.waitFor(10, TimeUnit.SECONDS);
            stack.release();
        }
    }

    /** Feeds, their state, and the sinks: what the poll service keeps, in memory. */
    private static final class Bench {
        final TestStack stack;
        final KafkaProducer<String, String> articles;
        final KafkaProducer<String, String> states;
        final List<Feed> feeds = new ArrayList<>();
        final Map<String, FeedState> state = new ConcurrentHashMap<>();
        final StateStore store = new StateStore();
        final int port;
        int seed;

        Bench(TestStack stack, KafkaProducer<String, String> articles, KafkaProducer<String, String> states,
              int count, int hosts, int port) {
            this.stack = stack;
            this.articles = articles;
            this.states = states;
            this.port = port;
            for (int i = 0; i < count; i++) {
                String url = "http://127.0.1." + (1 + i % hosts) + ":" + port + "/feeds/" + i + ".xml";
                Feed feed = new Feed(Feed.SCHEMA_VERSION, Feed.TYPE, Ids.feed(url), Instant.now(), url, "Bench " + i,
                        Duration.ofMinutes(5), false, "en", List.of("bench"));
                feeds.add(feed);
                state.put(feed.id(), FeedState.initial(feed.id(), Instant.now()));
            }
        }

        void round(String name, int changedPercent, HostPoliteness politeness, int concurrent) throws Exception {
            int changed = bump(changedPercent);
            HttpSettings http = new HttpSettings("newswatch-feed-poller/bench", Duration.ofSeconds(10),
                    Duration.ofSeconds(20), Duration.ofSeconds(60), 10L << 20, 5);
            try (HttpFetcher fetcher = new HttpFetcher(http, politeness, Clock.systemUTC(),
                    new AddressGuard(List.of("127.0.0.0/8")))) {
                FeedPoller poller = new FeedPoller(fetcher,
                        io.newswatch.poller.http.RobotsTxt.defaults(fetcher, Clock.systemUTC(), http.userAgent()),
                        new FeedParser(), new ArticleExtractor(), new UrlCanonicalizer(), new Schedule(Duration.ofMinutes(1),
                        Duration.ofHours(1), Duration.ofHours(1), true, 4, new Random()),
                        new PollMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), "bench", PollLimits.defaults());
                AtomicInteger notModified = new AtomicInteger();
                AtomicInteger sent = new AtomicInteger();
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch done = new CountDownLatch(feeds.size());
                ArticleSink sink = article -> {
                    sent.incrementAndGet();
                    return send(articles, stack.topics().articlesRaw(), article.id(), Json.encode(article));
                };
                Map<String, Feed> byId = new ConcurrentHashMap<>();
                feeds.forEach(f -> byId.put(f.id(), f));
                PollScheduler scheduler = new PollScheduler(feedId -> {
                    long started = System.nanoTime();
                    try {
                        PollResult result = poller.poll(byId.get(feedId), state.get(feedId), store.ledger(feedId),
                                store::published, sink);
                        persist(feedId, result);
                        if (result.state().status().httpStatus() != null && result.state().status().httpStatus() == 304) {
                            notModified.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        throw new IllegalStateException("writing the state of " + feedId + " failed", e);
                    } finally {
                        latencies.add(System.nanoTime() - started);
                        done.countDown();
                    }
                    return null;
                }, concurrent, Clock.systemUTC(), lag -> { });
                long cpuBefore = OS.getProcessCpuTime();
                long start = System.nanoTime();
                scheduler.start();
                Instant now = Instant.now();
                feeds.forEach(feed -> scheduler.schedule(feed.id(), now));
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("round did not finish");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long cpu = OS.getProcessCpuTime() - cpuBefore;
                scheduler.close(Duration.ofSeconds(5));
                Collections.sort(latencies);
                int expected = changedPercent == 0 && notModified.get() == 0 ? feeds.size() * 20 : changed;
                if (sent.get() != expected && !name.startsWith("first")) {
                    throw new IllegalStateException(name + ": published " + sent.get() + " articles, expected " + expected);
                }
                System.out.printf(Locale.ROOT, "  %-52s %7d %8d %9.0f %9.1f %11.1f %9.2f%n", name, notModified.get(),
                        sent.get(), feeds.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                        latencies.get((int) (latencies.size() * 0.99)) / 1e6, cpu / 1e6 / feeds.size());
            }
        }

        private void persist(String feedId, PollResult result) throws Exception {
            state.put(feedId, result.state());
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            if (result.ledger() != null) {
                store.apply(result.ledger());
                result.ledger().writes().forEach((key, entry) ->
                        writes.add(send(states, stack.topics().feedState(), key, entry == null ? null : Json.encode(entry))));
            }
            writes.add(send(states, stack.topics().feedState(), feedId, Json.encode(result.state())));
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        private int bump(int percent) throws Exception {
            if (percent == 0) {
                return 0;
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/bump?percent=" + percent + "&seed=" + (++seed)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return Integer.parseInt(response.body());
        }
    }

    private static CompletableFuture<Void> send(KafkaProducer<String, String> producer, String topic, String key,
                                                String value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(null);
            }
        });
        return acked;
    }

    private static KafkaProducer<String, String> producer(TestStack stack, String compression) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the bench site did not start");
    }
}
