package io.newswatch.indexer.kafka;

import io.newswatch.contract.EnrichedArticle;
import io.newswatch.indexer.Fixtures;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.stack.ProcessTree;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outages: articles keep coming while the Elasticsearch process is killed for 30 s and started again, or
 * stopped (SIGSTOP: it takes connections and requests and answers nothing, as a starved node does) for longer than
 * the indexer's request timeout. All of them end up indexed exactly once, and while it is away no offset moves past an
 * unindexed article. Runs against a second Elasticsearch node of its own, never the shared one.
 */
@QuarkusTest
@WithTestResource(SecondElasticsearchTestResource.class)
class ElasticsearchStoppedIT {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @SecondElasticsearchTestResource.InjectSecondStack
    TestStack stack;

    private void send(StackClient client, int from, int to) {
        send(client, "outage", from, to);
    }

    private void send(StackClient client, String batch, int from, int to) {
        IntStream.range(from, to).forEach(i -> {
            EnrichedArticle article = Fixtures.simple("https://wire-one.example/" + batch + "/" + i, "Item " + i);
            client.sendEvent(stack.topics().articlesEnriched(), article.id(), article);
        });
    }

    private long indexed(StackClient client) {
        return indexed(client, "outage");
    }

    private long indexed(StackClient client, String batch) {
        return client.search(stack.indices().articles(), "{\"size\":0,\"track_total_hits\":true,\"query\":"
                + "{\"prefix\":{\"url\":\"https://wire-one.example/" + batch + "/\"}}}")
                .at("/hits/total/value").asLong();
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

    @Test
    void articlesSentWhileElasticsearchIsFrozenLongerThanTheRequestTimeoutAreAllIndexedOnce() throws Exception {
        String group = stack.topicPrefix() + "indexer";
        String topic = stack.topics().articlesEnriched();
        long pid = ProcessTree.alive(stack.stack().home().pidFile("elasticsearch")).orElseThrow().pid();
        Capture warnings = new Capture();
        java.util.logging.Logger bulkLog = java.util.logging.Logger.getLogger(BulkIndexer.class.getName());
        java.util.logging.Logger batchLog = java.util.logging.Logger.getLogger(TopicIndexer.class.getName());
        try (StackClient client = new StackClient(stack)) {
            send(client, "frozen", 0, 50);
            await().atMost(PATIENCE).until(() -> indexed(client, "frozen") == 50 && client.caughtUp(group, topic));
            long committedBefore = client.committed(group, topic);
            bulkLog.addHandler(warnings);
            batchLog.addHandler(warnings);
            try {
                signal("STOP", pid);
                try {
                    send(client, "frozen", 50, 100);
                    // frozen for 3 request timeouts (5 s in this test): the request in flight is abandoned at the
                    // bound, logged, and sent again; nothing is committed meanwhile
                    await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(25))
                            .until(() -> client.committed(group, topic) == committedBefore);
                    await().atMost(Duration.ofSeconds(30)).until(() -> warnings.timeouts() >= 2);
                } finally {
                    signal("CONT", pid);
                }
                send(client, "frozen", 100, 120);
                await().atMost(PATIENCE).until(() -> client.caughtUp(group, topic));
            } finally {
                bulkLog.removeHandler(warnings);
                batchLog.removeHandler(warnings);
            }
            assertThat(indexed(client, "frozen")).isEqualTo(120);
            assertThat(client.committed(group, topic)).isEqualTo(committedBefore + 70);
            assertThat(warnings.lines()).filteredOn(line -> line.contains("(timeout)") || line.contains("(timeout,"))
                    .allSatisfy(line -> assertThat(line).contains("newswatch.indexer.request-timeout")
                            .doesNotContain("Item ").doesNotContain("wire-one.example"));
        }
    }

    /** Sends the signal to the node's process tree (the launcher, the CLI, the server JVM). */
    private static void signal(String signal, long pid) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as(String.join(" ", command)).isZero();
    }

    /** The WARN lines of the indexer's retries, as formatted. */
    private static final class Capture extends Handler {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                        : String.valueOf(record.getMessage()));
            }
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        long timeouts() {
            return lines.stream().filter(line -> line.contains("(timeout")).count();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
