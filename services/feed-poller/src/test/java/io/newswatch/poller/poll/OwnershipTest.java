package io.newswatch.poller.poll;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {

    private final Ownership ownership = new Ownership();

    @Test
    void partitionsAreOwnedOnlyOnceReady() {
        ownership.onPartitionsAssigned(null, List.of(new TopicPartition("feeds", 0), new TopicPartition("feeds", 1)));
        assertThat(ownership.owns(0)).isFalse();
        ownership.ready(Set.of(0, 1, 2));
        assertThat(ownership.owned()).containsExactlyInAnyOrder(0, 1);
        ownership.onPartitionsRevoked(null, List.of(new TopicPartition("feeds", 1)));
        assertThat(ownership.owned()).containsExactly(0);
        ownership.onPartitionsLost(null, List.of(new TopicPartition("feeds", 0)));
        assertThat(ownership.owned()).isEmpty();
    }

    @Test
    void aListenerThatComesAfterTheFirstAssignmentHearsOfIt() {
        ownership.onPartitionsAssigned(null, List.of(new TopicPartition("feeds", 2)));
        List<Set<Integer>> heard = new CopyOnWriteArrayList<>();
        ownership.onAssigned(heard::add);
        ownership.onPartitionsAssigned(null, List.of(new TopicPartition("feeds", 0)));
        assertThat(heard).containsExactly(Set.of(2), Set.of(0));
    }
}
