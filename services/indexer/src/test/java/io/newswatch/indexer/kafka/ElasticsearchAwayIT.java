package io.newswatch.indexer.kafka;

import io.newswatch.contract.EnrichedArticle;
import io.newswatch.indexer.Fixtures;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch going away (connection refused) and failing (503) while articles keep coming: nothing is
 * committed past an unindexed article, and everything is indexed exactly once when it is back. The shared
 * Elasticsearch stays up; a proxy in front of it goes away instead.
 */
@QuarkusTest
@WithTestResource(ProxiedStackTestResource.class)
class ElasticsearchAwayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    @ProxiedStackTestResource.InjectProxy
    ElasticsearchProxy proxy;

    private StackClient client;

    @BeforeEach
    void connect() {
        client = new StackClient(stack);
    }

    @AfterEach
    void restore() {
        proxy.unavailable(false);
        proxy.start();
        client.close();
    }

    private void sendArticles(String batch, int from, int to) {
        IntStream.range(from, to).forEach(i -> {
            EnrichedArticle article = Fixtures.simple("https://wire-one.example/" + batch + "/" + i, "Item " + i);
            client.sendEvent(stack.topics().articlesEnriched(), article.id(), article);
        });
    }

    private long indexed(String batch) {
        // straight to Elasticsearch, not through the proxy
        return client.search(stack.indices().articles(), "{\"size\":0,\"track_total_hits\":true,\"query\":"
                + "{\"prefix\":{\"url\":\"https://wire-one.example/" + batch + "/\"}}}").at("/hits/total/value").asLong();
    }

    private void awaitRetrying() {
        await().atMost(PATIENCE).until(() -> given().get("/q/metrics").asString().lines()
                .anyMatch(line -> line.startsWith("newswatch_indexer_retries_total") && line.contains("articles")));
    }

    @Test
    void whileElasticsearchIsAwayNothingIsCommittedAndWhenItIsBackEverythingIsIndexedOnce() {
        String group = stack.topicPrefix() + "indexer";
        String topic = stack.topics().articlesEnriched();
        sendArticles("away", 0, 10);
        await().atMost(PATIENCE).until(() -> indexed("away") == 10 && client.caughtUp(group, topic));

        proxy.stop();
        sendArticles("away", 10, 30);
        awaitRetrying();
        // held, not committed, for as long as Elasticsearch is away (the throttled commit runs every 5 s)
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
                .until(() -> !client.caughtUp(group, topic));
        assertThat(indexed("away")).isEqualTo(10);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));

        proxy.start();
        await().atMost(PATIENCE).until(() -> client.caughtUp(group, topic));
        assertThat(indexed("away")).isEqualTo(30);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void whileElasticsearchAnswers503TheBatchIsRetriedNotDeadLettered() {
        String group = stack.topicPrefix() + "indexer";
        String topic = stack.topics().articlesEnriched();
        await().atMost(PATIENCE).until(() -> client.caughtUp(group, topic));

        proxy.unavailable(true);
        sendArticles("unavailable", 0, 5);
        awaitRetrying();
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(15))
                .until(() -> !client.caughtUp(group, topic));

        proxy.unavailable(false);
        await().atMost(PATIENCE).until(() -> client.caughtUp(group, topic));
        assertThat(indexed("unavailable")).isEqualTo(5);
        assertThat(client.readAll(stack.topics().deadLetters(), 1)).isEmpty();
    }
}
