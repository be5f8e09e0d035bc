package io.newswatch.indexer.retention;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The running indexer applies its retention setting on the local stack (no ILM there, so it deletes itself): with
 * articles kept four seconds after their rollover and alerts an hour, the rolled-over articles indices go, the
 * write index and the alerts index stay, and the deletions are counted.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestProfile(RetentionIT.ShortRetention.class)
class RetentionIT {

    /** Articles kept 4 s after their rollover, alerts an hour; checked every second. */
    public static class ShortRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newswatch.indexer.retention.articles", "4s",
                    "newswatch.indexer.retention.alerts", "1h",
                    "newswatch.indexer.retention.check-interval", "1s");
        }
    }

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    @Test
    void rolledOverIndicesPastTheirPeriodAreDeletedAndCounted() {
        String articles = stack.indices().articles();
        String alerts = stack.indices().alerts();
        try (StackClient client = new StackClient(stack)) {
            client.request("POST", "/" + articles + "/_rollover", null);
            client.request("POST", "/" + articles + "/_rollover", null);
            client.request("POST", "/" + alerts + "/_rollover", null);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> indices(client, articles).equals(List.of(articles + "-000003")));

            assertThat(indices(client, alerts)).containsExactly(alerts + "-000001", alerts + "-000002");
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("newswatch_indexer_indices_deleted_total{alias=\"" + articles + "\"} 2.0"))
                    .body(containsString("newswatch_indexer_indices_deleted_total{alias=\"" + alerts + "\"} 0.0"))
                    .body(containsString("newswatch_indexer_retention_period_seconds{alias=\"" + articles + "\"} 4.0"))
                    .body(containsString("newswatch_indexer_retention_oldest_index_age_seconds{alias=\"" + alerts
                            + "\"}"));
        }
    }

    private static List<String> indices(StackClient client, String alias) {
        List<String> names = new ArrayList<>();
        client.request("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
