package io.newswatch.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSettingsTest {

    @Test
    void theLocalStacksBrokerUnlessTheEnvironmentNamesOne() {
        assertThat(KafkaClientSettings.from(Map.of()).clients().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(KafkaClientSettings.from(Map.of("NEWSWATCH_KAFKA_PORT", "39092")).clients().bootstrapServers())
                .isEqualTo("localhost:39092");
        assertThat(KafkaClientSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093"))
                .clients().bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
    }

    @Test
    void kafkaVariablesBecomeClientSettingsAsTheServicesTakeThem() {
        KafkaClientSettings settings = KafkaClientSettings.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"nw\" password=\"hunter2\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "KAFKA_HOST_PORT", "9092", // Compose's own, not a client setting
                "KAFKA_HEAP_OPTS", "-Xmx1g"));

        assertThat(settings.clients().settings()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsKey("sasl.jaas.config")
                .doesNotContainKeys("host.port", "heap.opts");
        assertThat(settings.describe()).isEqualTo("broker:9093 (SASL_SSL)").doesNotContain("hunter2");
    }
}
