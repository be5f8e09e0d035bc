package io.newswatch.kafka;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientsTest {

    @Test
    void environmentVariablesBecomeClientSettings() {
        KafkaClients clients = KafkaClients.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.jks",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_GROUP_ID", "not-for-every-client",
                "PATH", "/usr/bin"), "localhost:9092");

        assertThat(clients.settings()).containsOnly(
                Map.entry("bootstrap.servers", "broker-1:9092,broker-2:9092"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("ssl.truststore.location", "/etc/kafka/truststore.jks"));
    }

    @Test
    void bootstrapServersFallBackWhenTheEnvironmentHasNone() {
        assertThat(KafkaClients.fromEnvironment(Map.of(), "localhost:19092").bootstrapServers())
                .isEqualTo("localhost:19092");
    }

    @Test
    void configuredSettingsKeepOnlyWhatEveryClientShares() {
        KafkaClients clients = KafkaClients.of(Map.of(
                "bootstrap.servers", "kafka:9092",
                "sasl.mechanism", "PLAIN",
                "health.enabled", "true",
                "group.id", "some-group",
                "key.deserializer", "x"));

        assertThat(clients.settings()).containsOnlyKeys("bootstrap.servers", "sasl.mechanism");
    }

    @Test
    void clientsNeedBootstrapServers() {
        assertThatThrownBy(() -> KafkaClients.of(Map.of("sasl.mechanism", "PLAIN")))
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void keysGoToThePartitionsKafkasProducerPutsThemIn() {
        for (int partitions : new int[] {1, 3, 7}) {
            for (int i = 0; i < 1000; i++) {
                String key = "feed-" + i + "-Đukanović";
                assertThat(KeyPartitioner.partitionOf(key, partitions)).isEqualTo(
                        BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
        assertThatThrownBy(() -> KeyPartitioner.partitionOf("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
