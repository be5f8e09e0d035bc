package io.newswatch.indexer.index;

import org.apache.kafka.common.header.Headers;

/**
 * A Kafka record as the indexer needs it: where it came from and its headers (for dead letters), its key and value.
 *
 * @param headers the record's headers, or null when it had none
 */
public record SourceRecord(String topic, int partition, long offset, String key, String value, Headers headers) {

    public SourceRecord(String topic, int partition, long offset, String key, String value) {
        this(topic, partition, offset, key, value, null);
    }
}
