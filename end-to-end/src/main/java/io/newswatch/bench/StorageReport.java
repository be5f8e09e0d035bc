package io.newswatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.contract.kafka.TopicSpec;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.stack.StackSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a run's news costs on disk ({@code ./newswatch bench --storage}): the primary store size of its Elasticsearch
 * indices after a flush, and the log size of its Kafka topics,
 * per article; then a year of news at 10, 100 and 1,000 articles an hour, with each topic's retention
 * ({@link TopicSpec}) bounding what Kafka holds.
 */
final class StorageReport {

    private static final long HOURS_PER_YEAR = 365 * 24;
    private static final int[] RATES_PER_HOUR = {10, 100, 1000};

    private StorageReport() {
    }

    /** Measures the run's indices and topics and prints the report. */
    static void print(PrintStream out, StackSetup elasticsearch, KafkaClients kafkaClients, IndexNames indices,
                      TopicNames topics) throws IOException {
        long articles = count(elasticsearch, indices.articles());
        long alerts = count(elasticsearch, indices.alerts());
        if (articles == 0) {
            out.println("storage: no article was indexed; nothing to measure");
            return;
        }
        long articlesBytes = storeBytes(elasticsearch, indices.articles());
        long alertsBytes = storeBytes(elasticsearch, indices.alerts());
        Map<String, Long> topicBytes = topicBytes(kafkaClients, topics);

        out.printf("%nstorage of %,d articles and %,d alerts (primary store; the local stack has no replicas)%n",
                articles, alerts);
        out.printf("  Elasticsearch %-36s %,12d B: %,7.0f B per article%n",
                indices.articles(), articlesBytes, (double) articlesBytes / articles);
        out.printf("  Elasticsearch %-36s %,12d B: %,7.0f B per alert%n",
                indices.alerts(), alertsBytes, alerts == 0 ? 0.0 : (double) alertsBytes / alerts);
        Map<String, Duration> retention = new LinkedHashMap<>();
        for (TopicSpec spec : topics.all()) {
            long bytes = topicBytes.getOrDefault(spec.name(), 0L);
            String kept = spec.compacted() ? "compacted, latest per key" : "kept "
                    + Duration.ofMillis(spec.retentionMs()).toDays() + " d";
            out.printf("  Kafka %-36s %,12d B (%s): %,7.0f B per article%n", spec.name(), bytes, kept,
                    (double) bytes / articles);
            if (!spec.compacted()) {
                retention.put(spec.name(), Duration.ofMillis(spec.retentionMs()));
            }
        }
        double alertsPerArticle = (double) alerts / articles;
        out.printf("%na year of news, extrapolated (articles %.0f B each; alerts at this run's %.2f per article, %.0f B"
                + " each; Kafka streams hold their retention's worth):%n", (double) articlesBytes / articles,
                alertsPerArticle, alerts == 0 ? 0.0 : (double) alertsBytes / alerts);
        for (int rate : RATES_PER_HOUR) {
            double yearOfArticles = (double) articlesBytes / articles * rate * HOURS_PER_YEAR;
            double yearOfAlerts = (double) alertsBytes / articles * rate * HOURS_PER_YEAR;
            double kafka = 0;
            for (Map.Entry<String, Duration> stream : retention.entrySet()) {
                kafka += (double) topicBytes.getOrDefault(stream.getKey(), 0L) / articles * rate
                        * Math.min(HOURS_PER_YEAR, stream.getValue().toHours());
            }
            out.printf("  %,5d articles/h: Elasticsearch %s of articles + %s of alerts a year (x2 with a replica); "
                    + "Kafka %s at most%n", rate, size(yearOfArticles), size(yearOfAlerts), size(kafka));
        }
    }

    private static long count(StackSetup elasticsearch, String alias) throws IOException {
        call(elasticsearch, "POST", "/" + alias + "/_refresh");
        return Json.mapper().readTree(call(elasticsearch, "GET", "/" + alias + "/_count")).path("count").asLong();
    }

    private static long storeBytes(StackSetup elasticsearch, String alias) throws IOException {
        call(elasticsearch, "POST", "/" + alias + "/_flush");
        JsonNode stats = Json.mapper().readTree(call(elasticsearch, "GET", "/" + alias + "/_stats/store"));
        return stats.at("/_all/primaries/store/size_in_bytes").asLong();
    }

    private static String call(StackSetup elasticsearch, String method, String path) throws IOException {
        ElasticsearchSchema.Response response = elasticsearch.send(method, path, null);
        if (response.status() >= 300) {
            throw new IOException(method + " " + path + ": HTTP " + response.status() + " " + response.body());
        }
        return response.body();
    }

    /** The size of each topic's log on the brokers' disks, summed over its partitions. */
    private static Map<String, Long> topicBytes(KafkaClients kafka, TopicNames topics) throws IOException {
        Map<String, Long> bytes = new LinkedHashMap<>();
        try (Admin admin = kafka.admin("newswatch-bench-storage")) {
            List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(Node::id).toList();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions()
                    .get(30, TimeUnit.SECONDS).values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        String topic = replica.getKey().topic();
                        if (topic.startsWith(topics.prefix())) {
                            bytes.merge(topic, replica.getValue().size(), Long::sum);
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IOException("cannot read the topics' sizes: " + e.getMessage(), e);
        }
        return bytes;
    }

    private static String size(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return String.format("%.1f %s", bytes, units[unit]);
    }
}
