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
 * The real Elasticsearch refusing writes for reasons of its own (a write block, a closed index) while articles
 * arrive: nothing is dead-lettered or committed, readiness says why, and every article is indexed once the operator
 * lifts the block. Before, these documents went to the dead-letter topic and vanished from search.
 */
@QuarkusTest
@WithTestResource(ShortBackoffStackTestResource.class)
class ClusterRefusalIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    private StackClient client;

    @BeforeEach
    void connect() {
        client = new StackClient(stack);
    }

    @AfterEach
    void lift() {
        client.request("POST", "/" + writeIndex() + "/_open", null);
        client.request("PUT", "/" + writeIndex() + "/_settings", "{\"index.blocks.write\":null}");
        client.close();
    }

    private String writeIndex() {
        return stack.indices().articles() + "-000001";
    }

    private void sendArticles(String batch, int count) {
        IntStream.range(0, count).forEach(i -> {
            EnrichedArticle article = Fixtures.simple("https://wire-one.example/" + batch + "/" + i, "Item " + i);
            client.sendEvent(stack.topics().articlesEnriched(), article.id(), article);
        });
    }

    private long indexed(String batch) {
        return client.search(stack.indices().articles(), "{\"size\":0,\"track_total_hits\":true,\"query\":"
                + "{\"prefix\":{\"url\":\"https://wire-one.example/" + batch + "/\"}}}").at("/hits/total/value").asLong();
    }

    private boolean retrying(String reason) {
        return given().get("/q/metrics").asString().lines().anyMatch(line ->
                line.startsWith("newswatch_indexer_retries_total") && line.contains("index=\"articles\"")
                        && line.contains("reason=\"" + reason + "\""));
    }

    private void awaitCaughtUp() {
        await().atMost(PATIENCE).until(() -> client.caughtUp(stack.topicPrefix() + "indexer",
                stack.topics().articlesEnriched()));
    }

    @Test
    void aWriteBlockHoldsTheArticlesUntilItIsLiftedAndNoneIsDeadLettered() {
        awaitCaughtUp();
        client.request("PUT", "/" + writeIndex() + "/_settings", "{\"index.blocks.write\":true}");

        sendArticles("blocked", 10);
        await().atMost(PATIENCE).until(() -> retrying("blocked"));
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(15)).until(() ->
                !client.caughtUp(stack.topicPrefix() + "indexer", stack.topics().articlesEnriched()));
        // readiness says why, once the block has lasted longer than a hiccup
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().get("/q/health/ready").then()
                .statusCode(503).extract().asString()).contains("blocked").contains("cluster_block_exception")
                .contains("\"hosts\"").doesNotContain(ShortBackoffStackTestResource.PASSWORD_IN_URL));
        assertThat(indexed("blocked")).isZero();

        client.request("PUT", "/" + writeIndex() + "/_settings", "{\"index.blocks.write\":null}");
        awaitCaughtUp();
        assertThat(indexed("blocked")).isEqualTo(10);
        assertThat(client.readAll(stack.topics().deadLetters(), 1)).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void aClosedIndexHoldsTheArticlesUntilItIsOpenedAndNoneIsDeadLettered() {
        awaitCaughtUp();
        client.request("POST", "/" + writeIndex() + "/_close", null);

        sendArticles("closed", 5);
        await().atMost(PATIENCE).until(() -> retrying("index_closed"));
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(15)).until(() ->
                !client.caughtUp(stack.topicPrefix() + "indexer", stack.topics().articlesEnriched()));

        client.request("POST", "/" + writeIndex() + "/_open", null);
        awaitCaughtUp();
        assertThat(indexed("closed")).isEqualTo(5);
        assertThat(client.readAll(stack.topics().deadLetters(), 1)).isEmpty();
    }
}
