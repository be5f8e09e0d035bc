package io.newswatch.alerter.it;

import io.newswatch.alerter.kafka.TopicTable;
import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thread that reads the rules (or alerts) topic never dies quietly: a listener that fails starts it over
 * where it was, loudly; a record that overflows the stack is skipped; the rest is read.
 */
class TopicTableIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestStack test;
    private final Set<String> applied = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void reserve() {
        test = TestStack.reserve();
    }

    @AfterEach
    void release() {
        test.release();
    }

    @Test
    void aListenerThatFailsOnceDoesNotStopTheTable() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        TopicTable table = table(new TopicTable.Listener() {
            @Override
            public void apply(ConsumerRecord<String, String> record) {
                applied.add(record.key());
            }

            @Override
            public void endOfBatch(boolean catchingUp) {
                if (failures.getAndIncrement() == 0) {
                    throw new IllegalStateException("the matcher's index is full");
                }
            }
        });
        try (table) {
            table.start();
            assertThat(table.awaitCaughtUp(PATIENCE)).isTrue();
            new Topics(test).send(test.topics().rules(), "first", "{}");
            await().atMost(PATIENCE).until(() -> table.restarts() == 1);
            new Topics(test).send(test.topics().rules(), "second", "{}");
            await().atMost(PATIENCE).until(() -> applied.containsAll(List.of("first", "second")));
            assertThat(table.isRunning()).isTrue();
            assertThat(table.lastFailure()).contains("the matcher's index is full");
        }
    }

    @Test
    void aRecordThatOverflowsTheStackIsSkippedAndTheRestIsRead() throws Exception {
        TopicTable table = table(record -> {
            if (record.key().equals("deep")) {
                throw new StackOverflowError();
            }
            applied.add(record.key());
        });
        try (table) {
            table.start();
            assertThat(table.awaitCaughtUp(PATIENCE)).isTrue();
            Topics topics = new Topics(test);
            topics.send(test.topics().rules(), "deep", "{}");
            topics.send(test.topics().rules(), "after", "{}");
            await().atMost(PATIENCE).until(() -> applied.contains("after"));
            assertThat(table.isRunning()).isTrue();
        }
    }

    private TopicTable table(TopicTable.Listener listener) {
        return new TopicTable(test.topics().rules(), test.topics().deadLetters(),
                Map.of("bootstrap.servers", test.kafkaBootstrapServers()), listener);
    }
}
