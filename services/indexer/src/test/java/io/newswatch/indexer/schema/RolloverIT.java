package io.newswatch.indexer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.indexer.Fixtures;
import io.newswatch.indexer.kafka.StackClient;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rollover by document count, and an article revised after its index was rolled over staying one document. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestProfile(RolloverIT.SmallIndices.class)
class RolloverIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Indices of five documents, checked every second. */
    public static class SmallIndices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswatch.indexer.rollover.max-docs", "5",
                    "newswatch.indexer.rollover.check-interval", "1s");
        }
    }

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    @Test
    void anArticleRevisedAfterARolloverIsUpdatedInTheIndexThatHoldsIt() {
        String alias = stack.indices().articles();
        try (StackClient client = new StackClient(stack)) {
            List<EnrichedArticle> first = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                first.add(Fixtures.montenegro("https://adriatic-desk.example/rollover/" + i, 1));
            }
            first.forEach(a -> client.sendEvent(stack.topics().articlesEnriched(), a.id(), a));
            await().atMost(PATIENCE).until(() -> client.count(alias) == 5);
            await().atMost(PATIENCE).until(() -> client.request("GET", "/_alias/" + alias, null).size() == 2);

            EnrichedArticle revised = Fixtures.montenegro("https://adriatic-desk.example/rollover/0", 2);
            EnrichedArticle fresh = Fixtures.simple("https://adriatic-desk.example/rollover/new", "After rollover");
            client.sendEvent(stack.topics().articlesEnriched(), revised.id(), revised);
            client.sendEvent(stack.topics().articlesEnriched(), fresh.id(), fresh);
            await().atMost(PATIENCE).until(() -> client.count(alias) == 6 && revisionOf(client, revised) == 2);

            JsonNode hits = client.search(alias, "{\"query\":{\"ids\":{\"values\":[\"" + revised.id() + "\",\""
                    + fresh.id() + "\"]}}}").at("/hits/hits");
            assertThat(hits).hasSize(2);
            for (JsonNode hit : hits) {
                String expected = hit.get("_id").asText().equals(revised.id()) ? IndexNames.firstIndex(alias)
                        : alias + "-000002";
                assertThat(hit.get("_index").asText()).isEqualTo(expected);
            }
        }
    }

    private long revisionOf(StackClient client, EnrichedArticle article) {
        JsonNode hits = client.search(stack.indices().articles(), "{\"query\":{\"ids\":{\"values\":[\""
                + article.id() + "\"]}}}").at("/hits/hits");
        return hits.size() == 1 ? hits.get(0).at("/_source/revision").asLong() : -hits.size();
    }
}
