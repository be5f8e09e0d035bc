package io.newswatch.kafka;

import io.newswatch.contract.kafka.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far consumer groups are behind on the topics they read: the records written to each partition and not yet
 * committed by the group. The one place newswatch reads lag (the poller's drain before fill, the benchmark's
 * timeline), in five admin requests whatever the number of groups: the groups' members, their committed offsets,
 * the topics' partitions, and the partitions' first and end offsets. Records retention has deleted are not counted:
 * a partition is read from its log start when the group has committed nothing there or an offset retention has
 * passed. Uses the caller's {@link Admin} and does not close it.
 */
public final class ConsumerGroupLag {

    /** A consumer group and the topic it reads. */
    public record Watched(String group, String topic) {
    }

    /**
     * The stages after the poller, by service name, each with its group and the topic it reads: enricher (raw
     * articles), alerter and indexer (enriched articles). What the poller's drain before fill and
     * {@code ./newswatch status} watch.
     */
    public static Map<String, Watched> downstreamStages(TopicNames topics) {
        Map<String, Watched> stages = new LinkedHashMap<>();
        stages.put("enricher", new Watched(topics.enricherGroup(), topics.articlesRaw()));
        stages.put("alerter", new Watched(topics.alerterGroup(), topics.articlesEnriched()));
        stages.put("indexer", new Watched(topics.indexerGroup(), topics.articlesEnriched()));
        return stages;
    }

    /**
     * One group's lag on one topic.
     *
     * @param active             the group has at least one member (a group without one is a stage that is down)
     * @param committed          records after the group's committed offsets (or the log start, if later), summed
     *                           over the partitions where it has committed one; -1 when it has committed none on
     *                           this topic
     * @param uncommittedRecords records of the partitions where the group has committed nothing (counted from the
     *                           log start): what a group reading from the start still has to read there
     */
    public record Lag(boolean active, long committed, long uncommittedRecords) {

        /** Everything the group has still to read, partitions without a committed offset counted from the start. */
        public long total() {
            return Math.max(0, committed) + uncommittedRecords;
        }
    }

    private final Admin admin;
    private final Duration timeout;

    /** @param timeout for each of the admin requests: an answer that does not come is an exception, not zero */
    public ConsumerGroupLag(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The lag of each watched group on its topic, in the order given. */
    public Map<Watched, Lag> read(List<Watched> watched)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<String> groups = watched.stream().map(Watched::group).distinct().toList();
        List<String> topics = watched.stream().map(Watched::topic).distinct().toList();
        Map<String, Boolean> active = new LinkedHashMap<>();
        for (Map.Entry<String, KafkaFuture<ConsumerGroupDescription>> group
                : admin.describeConsumerGroups(groups).describedGroups().entrySet()) {
            try {
                active.put(group.getKey(), !get(group.getValue()).members().isEmpty());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
                active.put(group.getKey(), false);
            }
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = get(admin.listConsumerGroupOffsets(specs).all());
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(partition -> {
            TopicPartition key = new TopicPartition(topic.name(), partition.partition());
            latest.put(key, OffsetSpec.latest());
            earliest.put(key, OffsetSpec.earliest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = get(admin.listOffsets(earliest).all());

        Map<Watched, Lag> lags = new LinkedHashMap<>();
        for (Watched stage : watched) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(stage.group(), Map.of());
            long behind = -1;
            long uncommitted = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                if (!end.getKey().topic().equals(stage.topic())) {
                    continue;
                }
                long start = starts.get(end.getKey()).offset();
                OffsetAndMetadata offset = offsets.get(end.getKey());
                if (offset == null) {
                    uncommitted += Math.max(0, end.getValue().offset() - start);
                } else {
                    long from = Math.max(start, offset.offset());
                    behind = Math.max(behind, 0) + Math.max(0, end.getValue().offset() - from);
                }
            }
            lags.put(stage, new Lag(active.getOrDefault(stage.group(), false), behind, uncommitted));
        }
        return lags;
    }

    private <T> T get(KafkaFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
