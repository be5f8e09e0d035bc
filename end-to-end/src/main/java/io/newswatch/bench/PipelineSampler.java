package io.newswatch.bench;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.kafka.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Once a second: each stage's counters (from the services' Prometheus metrics), the end offsets of the topics
 * between them, each consumer group's committed offsets and so its lag, and CPU and memory of every process.
 */
final class PipelineSampler implements AutoCloseable {

    /** What one stage has done so far, and where its Prometheus counter is. */
    record Counter(String stage, String serviceUrl, String metric, List<String> labels) {
    }

    /** A consumer group on one topic, whose lag is followed. */
    record Group(String label, String group, String topic) {
    }

    /** One second's readings. */
    record Tick(double at, long offered, Map<String, Double> counters, Map<String, Long> lag,
                Map<String, Long> endOffsets, Map<String, ProcessStats.Sample> processes) {
    }

    /** HTTP/1.1: the JDK client's h2c upgrade once read a large /q/metrics answer as HTTP/2 frames (a CI failure). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Counter> counters;
    private final List<Group> groups;
    private final TopicNames topics;
    private final Supplier<Map<String, Long>> pids;
    private final LongSupplier offered;
    private final Admin admin;
    private final ConsumerGroupLag groupLag;
    private final long started = System.nanoTime();
    private final List<Tick> ticks = new ArrayList<>();
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private Thread thread;
    private volatile boolean running;

    PipelineSampler(KafkaClients kafka, TopicNames topics, List<Counter> counters, List<Group> groups,
                    Supplier<Map<String, Long>> pids, LongSupplier offered) {
        this.topics = topics;
        this.counters = counters;
        this.groups = groups;
        this.pids = pids;
        this.offered = offered;
        this.admin = kafka.admin("newswatch-bench-sampler");
        this.groupLag = new ConsumerGroupLag(admin, Duration.ofSeconds(5));
    }

    /** Seconds since the sampler was made. */
    double now() {
        return (System.nanoTime() - started) / 1e9;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("bench-sampler").start(() -> {
            long next = System.nanoTime();
            while (running) {
                Tick tick = sample();
                synchronized (ticks) {
                    ticks.add(tick);
                }
                next += 1_000_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(Duration.ofNanos(wait));
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.nanoTime();
                }
            }
        });
    }

    /** Every tick so far. */
    List<Tick> ticks() {
        synchronized (ticks) {
            return List.copyOf(ticks);
        }
    }

    /** The highest resident set size seen per process while sampling. */
    Map<String, Long> peakRss() {
        synchronized (ticks) {
            return Map.copyOf(peakRss);
        }
    }

    /** Takes one reading now (also used for the exact edges of the measured window). */
    Tick sample() {
        double at = now();
        long offeredNow = offered.getAsLong();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> scrapes = new LinkedHashMap<>();
        for (Counter counter : counters) {
            String text = scrapes.computeIfAbsent(counter.serviceUrl(), PipelineSampler::scrape);
            values.put(counter.stage(), text == null ? Double.NaN : sum(text, counter.metric(), counter.labels()));
        }
        Map<String, Long> ends = new LinkedHashMap<>();
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            Map<TopicPartition, Long> endOffsets = endOffsets();
            for (String topic : List.of(topics.articlesRaw(), topics.articlesEnriched(), topics.alerts())) {
                ends.put(topic, endOffsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                        .mapToLong(Map.Entry::getValue).sum());
            }
            Map<ConsumerGroupLag.Watched, ConsumerGroupLag.Lag> lags = groupLag.read(groups.stream()
                    .map(group -> new ConsumerGroupLag.Watched(group.group(), group.topic())).toList());
            for (Group group : groups) {
                lag.put(group.label(), lags.get(new ConsumerGroupLag.Watched(group.group(), group.topic())).total());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // a missed reading: the timeline shows a gap
        }
        Map<String, ProcessStats.Sample> processes = new LinkedHashMap<>();
        pids.get().forEach((name, pid) -> ProcessStats.read(pid).ifPresent(sample -> {
            processes.put(name, sample);
            synchronized (ticks) {
                peakRss.merge(name, sample.rssBytes(), Math::max);
            }
        }));
        return new Tick(at, offeredNow, values, lag, ends, processes);
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        for (String topic : List.of(topics.articlesRaw(), topics.articlesEnriched(), topics.alerts())) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** The sum of a metric's series whose labels contain every one of {@code labels} (e.g. {@code outcome="indexed"}). */
    static double sum(String text, String metric, List<String> labels) {
        double value = value(text, metric, labels);
        return Double.isNaN(value) ? 0 : value;
    }

    /** Like {@link #sum}, but NaN when no series matches (a gauge or percentile the service does not publish). */
    static double value(String text, String metric, List<String> labels) {
        double sum = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                String series = line.substring(0, line.lastIndexOf(' '));
                if (labels.stream().allMatch(series::contains)) {
                    double sample = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    sum = Double.isNaN(sum) ? sample : sum + sample;
                }
            }
        }
        return sum;
    }

    static String scrape(String serviceUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        admin.close(Duration.ofSeconds(5));
    }
}
