package io.newswatch.poller.publish;

import io.newswatch.poller.poll.Backpressure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far the stages after the poller are behind: for each watched consumer group, the records of its input topic
 * written and not yet committed by it; the largest of them. A group with no member (the stage is down: its backlog
 * waits in Kafka) or no committed offset yet does not count. Asked through the admin client (two or three small
 * requests per group); an answer that does not come within the timeout is unknown, not zero.
 */
public final class DownstreamLag implements Backpressure.LagSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DownstreamLag.class);

    /** A consumer group and the topic it reads. */
    public record Watched(String group, String topic) {
    }

    private final Admin admin;
    private final List<Watched> watched;
    private final Duration timeout;
    private boolean warned;

    public DownstreamLag(Admin admin, List<Watched> watched, Duration timeout) {
        this.admin = admin;
        this.watched = List.copyOf(watched);
        this.timeout = timeout;
    }

    @Override
    public OptionalLong lag() {
        try {
            long largest = -1;
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                    watched.stream().map(Watched::group).distinct().toList()).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (Watched stage : watched) {
                ConsumerGroupDescription group = groups.get(stage.group());
                if (group == null || group.members().isEmpty()) {
                    continue;
                }
                largest = Math.max(largest, lag(stage));
            }
            warned = false;
            return largest < 0 ? OptionalLong.empty() : OptionalLong.of(largest);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warnf("cannot tell how far the next stages are behind (%s); polls are not held back meanwhile",
                        e instanceof ExecutionException ? e.getCause().getMessage() : e.toString());
            }
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** One group's lag on its topic; -1 when it has committed nothing there. */
    private long lag(Watched stage) throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(stage.group())
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        committed.keySet().removeIf(partition -> !partition.topic().equals(stage.topic()));
        committed.values().removeIf(java.util.Objects::isNull);
        if (committed.isEmpty()) {
            return -1;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            ListOffsetsResult.ListOffsetsResultInfo end = ends.get(entry.getKey());
            if (end != null) {
                lag += Math.max(0, end.offset() - entry.getValue().offset());
            }
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
