package io.newswatch.indexer.kafka;

import io.newswatch.contract.EnrichedArticle;
import io.newswatch.indexer.Fixtures;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outage: articles keep coming while the Elasticsearch process is killed for 30 s and started again.
 * All of them end up indexed exactly once, and while it is down no offset moves past an unindexed article. Runs
 * against a second Elasticsearch node of its own, never the shared one.
 */
@QuarkusTest
@WithTestResource(SecondElasticsearchTestResource.class)
class ElasticsearchStoppedIT {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @SecondElasticsearchTestResource.InjectSecondStack
    TestStack stack;

    private void send(StackClient client, int from, int to) {
        IntStream.range(from, to).forEach(i -> {
            EnrichedArticle article = Fixtures.simple("https://wire-one.example/outage/" + i, "Outage item " + i);
            client.sendEvent(stack.topics().articlesEnriched(), article.id(), article);
        });
    }

    private long indexed(StackClient client) {
        return client.search(stack.indices().articles(), "{\"size\":0,\"track_total_hits\":true,\"query\":"
                + "{\"prefix\":{\"url\":\"https://wire-one.example/outage/\"}}}").at("/hits/total/value").asLong();
    }

    @Test
    void articlesSentWhileElasticsearchIsStoppedFor30SecondsAreAllIndexedOnce() {
        String group = stack.topicPrefix() + "indexer";
        String topic = stack.topics().articlesEnriched();
        try (StackClient client = new StackClient(stack)) {
            send(client, 0, 100);
            await().atMost(PATIENCE).until(() -> indexed(client) == 100 && client.caughtUp(group, topic));
            long committedBefore = client.committed(group, topic);

            assertThat(stack.stack().stop("elasticsearch", true)).as("the test's own node was running").isTrue();
            send(client, 100, 200);
            // down for 30 s: the 100 new articles are read, held, and none of their offsets is committed
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40))
                    .until(() -> client.committed(group, topic) == committedBefore);

            stack.stack().up(System.out);
            await().atMost(PATIENCE).until(() -> client.caughtUp(group, topic));
            assertThat(indexed(client)).isEqualTo(200);
            assertThat(client.committed(group, topic)).isEqualTo(committedBefore + 100);
        }
    }
}
