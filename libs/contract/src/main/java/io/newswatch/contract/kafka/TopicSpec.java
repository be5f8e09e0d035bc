package io.newswatch.contract.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a topic is created: its name, whether it is a compacted store (the latest value per key, tombstones delete)
 * rather than a stream, and how long a stream keeps its records. Every topic's retention is set explicitly at
 * creation ({@link #configs()}), never left to the broker's default; {@code docs/retention.md} explains each choice.
 *
 * @param name        the topic's name
 * @param compacted   a compacted store rather than a stream
 * @param retentionMs how long records are kept ({@code retention.ms}); {@link #KEEP_FOREVER} for compacted stores
 */
public record TopicSpec(String name, boolean compacted, long retentionMs) {

    /** Kafka's {@code retention.ms} for "never delete by age": a compacted store keeps each key's latest value. */
    public static final long KEEP_FOREVER = -1;

    /**
     * How long a compacted store keeps a tombstone before compaction removes it: as long as the article streams
     * keep records, so a consumer that was away as long as the streams allow still sees every deletion.
     */
    public static final Duration TOMBSTONE_RETENTION = Duration.ofDays(7);

    /**
     * Segment length of streams: retention deletes whole segments once their newest record is past the period,
     * so with a day's segments a record lives its retention plus at most a day (with Kafka's default of 7 days it
     * could live 7 days longer than asked).
     */
    public static final Duration STREAM_SEGMENT = Duration.ofDays(1);

    /** Segment length of compacted stores: only closed segments are compacted, so a rebuild reads little. */
    public static final Duration COMPACTED_SEGMENT = Duration.ofHours(1);

    public TopicSpec {
        if (compacted ? retentionMs != KEEP_FOREVER : retentionMs <= 0) {
            throw new IllegalArgumentException("topic " + name + ": a stream keeps its records for a positive "
                    + "period, a compacted store forever (" + retentionMs + " ms)");
        }
    }

    /** A stream whose records are deleted once older than {@code retention}. */
    public static TopicSpec stream(String name, Duration retention) {
        return new TopicSpec(name, false, retention.toMillis());
    }

    /** A compacted store: each key's latest value kept forever, a tombstone for {@link #TOMBSTONE_RETENTION}. */
    public static TopicSpec compacted(String name) {
        return new TopicSpec(name, true, KEEP_FOREVER);
    }

    /** The topic-level {@code cleanup.policy}. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }

    /** Every topic-level setting newswatch sets on this topic, by Kafka's name ({@code retention.ms}, ...). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanupPolicy());
        configs.put("retention.ms", String.valueOf(retentionMs));
        if (compacted) {
            configs.put("delete.retention.ms", String.valueOf(TOMBSTONE_RETENTION.toMillis()));
            configs.put("min.cleanable.dirty.ratio", "0.1");
            configs.put("segment.ms", String.valueOf(COMPACTED_SEGMENT.toMillis()));
        } else {
            configs.put("segment.ms", String.valueOf(STREAM_SEGMENT.toMillis()));
        }
        return configs;
    }
}
