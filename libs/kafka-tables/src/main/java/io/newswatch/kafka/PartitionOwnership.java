package io.newswatch.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which partitions of a topic this instance is responsible for: the instances of a service join one consumer group
 * on the topic, and Kafka's assignment of its partitions decides, for every key, the one instance that acts on it
 * (the poller instance that polls a feed, the alerter instance that notifies an alert). The member only holds
 * partitions and reads nothing (its partitions stay paused): every instance reads the topic whole as a
 * {@link TopicTable} anyway.
 *
 * <p>A newly assigned partition becomes {@linkplain #owns owned} only once the listener has {@linkplain
 * Listener#prepare prepared} it (say, read the state it needs up to date), so that a new owner continues where the
 * old one stopped. A stopped instance hands its partitions over at once; a dead one loses them after the session
 * timeout. When membership fails (or a listener throws), every partition is released and the member rejoins after
 * a pause; its {@link #thread()} counts such failures, for liveness.
 */
public final class PartitionOwnership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    /** What the service does as partitions come and go; called on the member's thread: do not block. */
    public interface Listener {
        /** Partitions newly assigned; the stage completes when this instance may act on them. */
        default CompletionStage<?> prepare(Set<Integer> partitions) {
            return CompletableFuture.completedFuture(null);
        }

        /** Partitions this instance now owns. */
        default void owned(Set<Integer> partitions) {
        }

        /** Partitions this instance no longer owns. */
        default void released(Set<Integer> partitions) {
        }
    }

    private final KafkaClients clients;
    private final String topic;
    private final String groupId;
    private final String clientId;
    private final Map<String, Object> memberSettings;
    private final Listener listener;
    private final SupervisedThread thread;
    private final Set<Integer> assigned = new HashSet<>();
    private final Set<Integer> owned = new HashSet<>();
    private volatile String problem = "not started";

    /**
     * @param sessionTimeout how long a dead instance keeps its partitions
     */
    public PartitionOwnership(KafkaClients clients, String topic, String groupId, String clientId,
                              Duration sessionTimeout, Listener listener, TopicTable.Pauses pauses) {
        this.clients = clients;
        this.topic = topic;
        this.groupId = groupId;
        this.clientId = clientId;
        this.listener = listener;
        this.thread = new SupervisedThread("ownership-" + topic, this::run, pauses,
                why -> problem = "membership in " + groupId + " failed: " + why);
        // Cooperative rebalancing: an instance keeps the partitions it has while another joins or leaves.
        this.memberSettings = Map.of(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1_000, sessionTimeout.toMillis() / 5),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }

    public PartitionOwnership(KafkaClients clients, String topic, String groupId, String clientId,
                              Duration sessionTimeout, Listener listener) {
        this(clients, topic, groupId, clientId, sessionTimeout, listener, TopicTable.Pauses.REAL);
    }

    /** Joins the group, once, on a daemon thread of its own. */
    public PartitionOwnership start() {
        thread.start();
        return this;
    }

    /** True when this instance acts on the partition. */
    public synchronized boolean owns(int partition) {
        return owned.contains(partition);
    }

    public synchronized Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    /** Partitions assigned to this instance, prepared or not. */
    public synchronized Set<Integer> assigned() {
        return Set.copyOf(assigned);
    }

    /** Why this instance holds no partitions now, when membership fails; null otherwise. */
    public String problem() {
        return problem;
    }

    /** The thread that holds the partitions, for liveness. */
    public Supervised thread() {
        return thread;
    }

    @Override
    public void close() {
        thread.close();
    }

    /** One membership: join, hold the partitions until closed or failed, then let every one of them go. */
    private void run() {
        try (KafkaConsumer<String, String> kafka = thread.using(clients.groupConsumer(groupId, clientId,
                memberSettings))) {
            if (thread.closed()) {
                return;
            }
            kafka.subscribe(List.of(topic), new Rebalance(kafka));
            problem = null;
            while (!thread.closed()) {
                kafka.poll(Duration.ofSeconds(1));
            }
        } finally {
            release(assigned(), thread.closed() ? "released at stop" : "released after a failure");
        }
    }

    private void assign(Set<Integer> partitions) {
        synchronized (this) {
            assigned.addAll(partitions);
        }
        LOG.infof("Assigned partitions %s of %s; preparing them", partitions, topic);
        listener.prepare(partitions).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.errorf("Could not prepare partitions %s of %s: %s; they stay unowned until reassigned", partitions,
                        topic, failure.getMessage());
                return;
            }
            Set<Integer> taken = new TreeSet<>();
            synchronized (this) {
                for (Integer partition : partitions) {
                    if (assigned.contains(partition) && owned.add(partition)) {
                        taken.add(partition);
                    }
                }
            }
            if (!taken.isEmpty()) {
                LOG.infof("Now owning partitions %s of %s", taken, topic);
                listener.owned(taken);
            }
        });
    }

    private void release(Set<Integer> partitions, String how) {
        Set<Integer> dropped = new TreeSet<>();
        synchronized (this) {
            for (Integer partition : partitions) {
                assigned.remove(partition);
                if (owned.remove(partition)) {
                    dropped.add(partition);
                }
            }
        }
        if (!partitions.isEmpty()) {
            LOG.infof("Partitions %s of %s %s", new TreeSet<>(partitions), topic, how);
        }
        if (!dropped.isEmpty()) {
            listener.released(dropped);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> kafka;

        Rebalance(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            kafka.pause(partitions);
            Set<Integer> numbers = numbers(partitions);
            if (!numbers.isEmpty()) {
                assign(numbers);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(numbers(partitions), "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(numbers(partitions), "lost");
        }

        private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
            Set<Integer> numbers = new TreeSet<>();
            partitions.forEach(partition -> numbers.add(partition.partition()));
            return numbers;
        }
    }
}
