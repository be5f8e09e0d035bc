package io.newswatch.contract.kafka;

/**
 * How a topic is created: its name and whether it is a compacted store (the latest value per key, tombstones
 * delete) rather than a stream.
 */
public record TopicSpec(String name, boolean compacted) {

    public static TopicSpec stream(String name) {
        return new TopicSpec(name, false);
    }

    public static TopicSpec compacted(String name) {
        return new TopicSpec(name, true);
    }

    /** The topic-level {@code cleanup.policy}. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
