package io.newswatch.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTest {

    @Test
    void defaultsAreTheDesignPorts() {
        StackSettings settings = StackSettings.from(Map.of());
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.elasticsearchUrl()).isEqualTo("http://localhost:9200");
        assertThat(settings.partitions()).isEqualTo(3);
        assertThat(settings.elasticsearchUser()).isEqualTo("newswatch");
    }

    @Test
    void environmentOverridesEachSetting() {
        StackSettings settings = StackSettings.from(Map.of("NEWSWATCH_KAFKA_PORT", "19092",
                "NEWSWATCH_ELASTICSEARCH_PORT", "19200", "NEWSWATCH_ELASTICSEARCH_HEAP", "2g",
                "NEWSWATCH_PARTITIONS", "6"));
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(settings.elasticsearchUrl()).isEqualTo("http://localhost:19200");
        assertThat(settings.elasticsearchHeap()).isEqualTo("2g");
        assertThat(settings.partitions()).isEqualTo(6);
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("NEWSWATCH_KAFKA_PORT", "ninety")))
                .isInstanceOf(StackException.class).hasMessageContaining("NEWSWATCH_KAFKA_PORT=ninety");
        assertThatThrownBy(() -> StackSettings.from(Map.of("NEWSWATCH_KAFKA_PORT", "70000")))
                .hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> StackSettings.from(Map.of("NEWSWATCH_KAFKA_HEAP", "lots")))
                .hasMessageContaining("heap size");
    }
}
