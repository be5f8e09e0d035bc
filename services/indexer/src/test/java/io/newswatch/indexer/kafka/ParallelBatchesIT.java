package io.newswatch.indexer.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.indexer.Fixtures;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two batches in flight, in small batches, while every article is revised three times: each ends as one document
 * at its last revision, and the group commits to the end, while the indexer pauses and resumes the fetching
 * itself whenever both workers hold a batch.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestProfile(ParallelBatchesIT.TwoInFlight.class)
class ParallelBatchesIT {

    /** Two batches of at most five records at once. */
    public static class TwoInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswatch.indexer.kafka.batches-in-flight", "2",
                    "newswatch.indexer.kafka.max-poll-records", "5");
        }
    }

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    @Inject
    MeterRegistry registry;

    @Test
    void revisionsInParallelBatchesEndAtTheLastRevision() {
        try (StackClient client = new StackClient(stack)) {
            for (int revision = 1; revision <= 3; revision++) {
                for (int i = 0; i < 20; i++) {
                    EnrichedArticle article = Fixtures.montenegro("https://adriatic-desk.example/parallel/" + i,
                            revision);
                    client.sendEvent(stack.topics().articlesEnriched(), article.id(), article);
                }
            }
            String group = stack.topicPrefix() + "indexer";
            await().atMost(Duration.ofSeconds(90)).until(() -> client.caughtUp(group, stack.topics().articlesEnriched()));

            JsonNode revisions = client.search(stack.indices().articles(), "{\"size\":0,\"track_total_hits\":true,"
                    + "\"aggs\":{\"revision\":{\"terms\":{\"field\":\"revision\"}}}}");
            assertThat(revisions.at("/hits/total/value").asLong()).isEqualTo(20);
            assertThat(revisions.at("/aggregations/revision/buckets/0/key").asInt()).isEqualTo(3);
            assertThat(revisions.at("/aggregations/revision/buckets/0/doc_count").asLong()).isEqualTo(20);
            // twelve batches for two workers: the indexer stopped the fetching itself (FetchGate), and lost nothing
            assertThat(registry.get("newswatch.indexer.fetch.pauses").tag("index", "articles").functionCounter()
                    .count()).isPositive();
        }
    }
}
