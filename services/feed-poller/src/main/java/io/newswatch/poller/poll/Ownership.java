package io.newswatch.poller.poll;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * Which partitions of the feeds topic this instance owns: the poller instances form one consumer group on that
 * topic, and Kafka's assignment of its partitions decides which instance polls which feed. When an instance stops
 * or dies, the group rebalances and another instance takes its partitions over (within the session timeout). A
 * newly assigned partition becomes {@linkplain #owns(int) owned} only once this instance has read the feeds' state
 * up to date, so that the new owner continues where the old one stopped (validators, backoff, items published).
 */
@ApplicationScoped
@Default
@Identifier("feed-assignments")
public class Ownership implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(Ownership.class);

    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final List<java.util.function.Consumer<Set<Integer>>> assignedListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> added = new TreeSet<>();
        partitions.forEach(p -> {
            if (assigned.add(p.partition())) {
                added.add(p.partition());
            }
        });
        if (!added.isEmpty()) {
            LOG.infof("assigned feed partitions %s (now %s)", added, new TreeSet<>(assigned));
            assignedListeners.forEach(listener -> listener.accept(added));
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions, "lost");
    }

    private void release(Collection<TopicPartition> partitions, String how) {
        boolean changed = false;
        for (TopicPartition partition : partitions) {
            changed |= assigned.remove(partition.partition());
            ready.remove(partition.partition());
        }
        if (changed) {
            LOG.infof("%s feed partitions %s (now %s)", how, partitions.stream().map(TopicPartition::partition).toList(),
                    new TreeSet<>(assigned));
            changeListeners.forEach(Runnable::run);
        }
    }

    /** Marks partitions as ready to poll (the state is caught up), if they are still assigned. */
    public void ready(Set<Integer> partitions) {
        partitions.stream().filter(assigned::contains).forEach(ready::add);
        changeListeners.forEach(Runnable::run);
    }

    public boolean owns(int partition) {
        return ready.contains(partition);
    }

    public Set<Integer> owned() {
        return Set.copyOf(ready);
    }

    /**
     * Called with newly assigned partitions, on the consumer's thread: do not block. A listener that registers
     * after the first assignment (the consumer may join the group before the application has started) is called
     * at once with the partitions assigned so far.
     */
    public synchronized void onAssigned(java.util.function.Consumer<Set<Integer>> listener) {
        assignedListeners.add(listener);
        if (!assigned.isEmpty()) {
            listener.accept(Set.copyOf(assigned));
        }
    }

    /** Called when owned partitions change. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }
}
