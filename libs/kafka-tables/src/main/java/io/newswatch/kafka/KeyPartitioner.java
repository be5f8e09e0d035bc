package io.newswatch.kafka;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * The partition Kafka's default partitioner gives a record with a key: murmur2 of the key's UTF-8 bytes, modulo
 * the partition count. A service that shares work by partition (feeds by feed id, alerts by alert id) knows from
 * it which instance is responsible for a key before the record exists.
 */
public final class KeyPartitioner {

    private KeyPartitioner() {
    }

    public static int partitionOf(String key, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
