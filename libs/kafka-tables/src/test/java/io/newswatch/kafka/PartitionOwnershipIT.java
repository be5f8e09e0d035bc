package io.newswatch.kafka;

import io.newswatch.stack.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Partition ownership through a consumer group on the real local Kafka broker. */
class PartitionOwnershipIT {

    private static TestStack stack;
    private static KafkaClients clients;
    private static Admin admin;

    @BeforeAll
    static void up() {
        stack = TestStack.reserve();
        clients = KafkaClients.plain(stack.kafkaBootstrapServers());
        admin = clients.admin("ownership-it");
    }

    @AfterAll
    static void down() {
        admin.close();
        stack.release();
    }

    @Test
    void twoInstancesShareThePartitionsAndTheSurvivorTakesAllOver() throws Exception {
        String topic = topic(4);
        String group = stack.topicPrefix() + "group-" + UUID.randomUUID();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (PartitionOwnership first = member(topic, group, "a", a)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.owned().size() == 4);
            try (PartitionOwnership second = member(topic, group, "b", b)) {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        first.owned().size() + second.owned().size() == 4 && !second.owned().isEmpty()
                                && !first.owned().isEmpty());
                Set<Integer> both = new HashSet<>(first.owned());
                assertThat(both).doesNotContainAnyElementsOf(second.owned());
                both.addAll(second.owned());
                assertThat(both).containsExactlyInAnyOrder(0, 1, 2, 3);
                assertThat(a.released).isNotEmpty();
            }
            // a clean stop hands the partitions over at once (well within the session timeout)
            await().atMost(Duration.ofSeconds(30)).until(() -> first.owned().size() == 4);
            assertThat(b.released).containsAll(b.owned);
        }
    }

    @Test
    void anAssignedPartitionIsOwnedOnlyOnceItIsPrepared() throws Exception {
        String topic = topic(2);
        String group = stack.topicPrefix() + "group-" + UUID.randomUUID();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Recorder recorder = new Recorder() {
            @Override
            public CompletionStage<?> prepare(Set<Integer> partitions) {
                return ready;
            }
        };
        try (PartitionOwnership member = member(topic, group, "slow", recorder)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> member.assigned().size() == 2);
            assertThat(member.owned()).isEmpty();
            assertThat(member.owns(0)).isFalse();
            ready.complete(null);
            await().atMost(Duration.ofSeconds(10)).until(() -> member.owned().size() == 2);
            assertThat(recorder.owned).containsExactlyInAnyOrder(0, 1);
        }
    }

    private static PartitionOwnership member(String topic, String group, String name, PartitionOwnership.Listener listener) {
        return new PartitionOwnership(clients, topic, group, "ownership-it-" + name, Duration.ofSeconds(10), listener)
                .start();
    }

    private static String topic(int partitions) throws Exception {
        String name = stack.topicPrefix() + "owned-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return name;
    }

    private static class Recorder implements PartitionOwnership.Listener {
        final Set<Integer> owned = ConcurrentHashMap.newKeySet();
        final Set<Integer> released = ConcurrentHashMap.newKeySet();

        @Override
        public void owned(Set<Integer> partitions) {
            owned.addAll(partitions);
        }

        @Override
        public void released(Set<Integer> partitions) {
            released.addAll(partitions);
        }
    }
}
