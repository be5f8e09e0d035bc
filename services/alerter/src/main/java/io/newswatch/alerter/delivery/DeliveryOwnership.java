package io.newswatch.alerter.delivery;

import io.newswatch.alerter.kafka.ConsumerLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which partitions of the alerts topic this instance notifies for. Alert ids are the topic's keys, so one partition
 * holds every record of an alert; a consumer group over the topic gives each partition to exactly one instance,
 * which is how two instances never both notify. The group member only holds partitions: it reads nothing (its
 * partitions are paused), since every instance reads the whole topic into its history anyway.
 */
public final class DeliveryOwnership extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(DeliveryOwnership.class);

    private final String topic;
    private final Map<String, Object> config;
    private final Consumer<Set<Integer>> onAssigned;
    private final Consumer<Set<Integer>> onRevoked;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    /**
     * @param groupId    the group of all alerter instances' deliverers
     * @param onAssigned called with partitions this instance now owns
     * @param onRevoked  called with partitions it no longer owns
     */
    public DeliveryOwnership(String topic, String groupId, Map<String, Object> kafka,
                             Consumer<Set<Integer>> onAssigned, Consumer<Set<Integer>> onRevoked) {
        super("delivery-ownership");
        this.topic = topic;
        this.onAssigned = onAssigned;
        this.onRevoked = onRevoked;
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-alerter-delivery");
        // A killed instance's partitions move to the others after this long (a clean stop hands them over at once).
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        this.config = settings;
    }

    /** True when this instance notifies for the partition. */
    public boolean owns(int partition) {
        return owned.contains(partition);
    }

    public Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    @Override
    protected void run() {
        while (!isClosed()) {
            try (KafkaConsumer<String, String> kafka = using(new KafkaConsumer<>(config))) {
                kafka.subscribe(List.of(topic), new Listener(kafka));
                while (!isClosed()) {
                    kafka.poll(Duration.ofSeconds(1));
                }
            } catch (WakeupException e) {
                break;
            } catch (KafkaException e) {
                LOG.errorf("Delivery group membership for %s failed, rejoining in 5 s: %s", topic, e.getMessage());
                release(Set.copyOf(owned));
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        release(Set.copyOf(owned));
    }

    private void release(Set<Integer> partitions) {
        if (!partitions.isEmpty()) {
            owned.removeAll(partitions);
            onRevoked.accept(partitions);
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> kafka;

        Listener(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            kafka.pause(partitions);
            Set<Integer> numbers = numbers(partitions);
            if (!numbers.isEmpty()) {
                owned.addAll(numbers);
                LOG.infof("Now notifying for partitions %s of %s", numbers, topic);
                onAssigned.accept(numbers);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(numbers(partitions));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(numbers(partitions));
        }

        private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
            Set<Integer> numbers = new TreeSet<>();
            partitions.forEach(p -> numbers.add(p.partition()));
            return numbers;
        }
    }
}
