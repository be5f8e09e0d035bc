package io.newswatch.contract.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicSpecTest {

    @Test
    void everyTopicStatesItsCleanupPolicyAndRetention() {
        for (TopicSpec spec : TopicNames.DEFAULT.all()) {
            assertThat(spec.configs()).as(spec.name()).containsKeys("cleanup.policy", "retention.ms", "segment.ms");
            if (spec.compacted()) {
                assertThat(spec.configs()).as(spec.name()).containsEntry("retention.ms", "-1")
                        .containsEntry("delete.retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
            }
        }
    }

    @Test
    void streamsKeepTheirRecordsForTheirPeriod() {
        TopicNames topics = TopicNames.DEFAULT;
        assertThat(retention(topics, topics.articlesRaw())).isEqualTo(Duration.ofDays(7));
        assertThat(retention(topics, topics.articlesEnriched())).isEqualTo(Duration.ofDays(7));
        assertThat(retention(topics, topics.alerts())).isEqualTo(Duration.ofDays(90));
        assertThat(retention(topics, topics.deadLetters())).isEqualTo(Duration.ofDays(30));
        assertThat(TopicSpec.stream("s", Duration.ofDays(7)).configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("segment.ms", String.valueOf(Duration.ofDays(1).toMillis()))
                .doesNotContainKey("delete.retention.ms");
    }

    @Test
    void aStreamWithoutAPeriodOrACompactedStoreWithOneIsRefused() {
        assertThatThrownBy(() -> TopicSpec.stream("s", Duration.ZERO)).hasMessageContaining("topic s");
        assertThatThrownBy(() -> new TopicSpec("c", true, 1000)).hasMessageContaining("topic c");
    }

    private static Duration retention(TopicNames topics, String name) {
        return Duration.ofMillis(topics.all().stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow().retentionMs());
    }
}
