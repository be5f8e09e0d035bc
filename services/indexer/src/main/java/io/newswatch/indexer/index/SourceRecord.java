package io.newswatch.indexer.index;

/**
 * A Kafka record as the indexer needs it: where it came from (for dead letters) and its key and value.
 */
public record SourceRecord(String topic, int partition, long offset, String key, String value) {
}
