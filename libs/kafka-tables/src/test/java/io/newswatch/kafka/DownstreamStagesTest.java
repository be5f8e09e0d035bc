package io.newswatch.kafka;

import io.newswatch.contract.kafka.TopicNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The stages after the poller, as drain before fill and {@code ./newswatch status} watch them. */
class DownstreamStagesTest {

    @Test
    void eachStageIsItsGroupOnTheTopicItReads() {
        TopicNames topics = new TopicNames("acme");

        assertThat(ConsumerGroupLag.downstreamStages(topics)).containsExactly(
                entry("enricher",
                        new ConsumerGroupLag.Watched(topics.enricherGroup(), topics.articlesRaw())),
                entry("alerter",
                        new ConsumerGroupLag.Watched(topics.alerterGroup(), topics.articlesEnriched())),
                entry("indexer",
                        new ConsumerGroupLag.Watched(topics.indexerGroup(), topics.articlesEnriched())));
    }
}
