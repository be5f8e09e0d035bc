package io.newswatch.console.live;

import io.newswatch.contract.Alert;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the alerts topic for the live page, with no consumer group: every console instance sees every alert. It
 * assigns itself all partitions and starts at their ends (history comes from the alerter when a page opens), looks
 * for new partitions every minute, and hands each alert to {@link LiveAlerts}. A record that is not an alert is
 * logged and skipped: the console only reads, and the indexer and alerter dead-letter such records already. While
 * Kafka is away it retries every few seconds, and the readiness check says so.
 */
@ApplicationScoped
public class AlertReader {

    private static final Logger LOG = Logger.getLogger(AlertReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PARTITION_CHECK = Duration.ofMinutes(1);
    private static final Duration RETRY = Duration.ofSeconds(3);

    private final KafkaClients kafka;
    private final String topic;
    private final LiveAlerts alerts;
    private final Clock clock;
    private volatile boolean closed;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile State state = new State(false, 0, "starting", null);
    private Thread thread;

    /**
     * How the reader is doing, for readiness.
     *
     * @param reading    whether it has its partitions and is polling
     * @param partitions partitions assigned
     * @param detail     what it is doing, or the last problem
     * @param lastAlert  when it last received an alert
     */
    public record State(boolean reading, int partitions, String detail, Instant lastAlert) {
    }

    AlertReader(KafkaClients kafka, TopicNames topics, LiveAlerts alerts, Clock clock) {
        this.kafka = kafka;
        this.topic = topics.alerts();
        this.alerts = alerts;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("live-alerts").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        closed = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public State state() {
        return state;
    }

    private void run() {
        while (!closed) {
            // no group: no offsets are committed, partitions are assigned by hand
            try (KafkaConsumer<String, String> reading = kafka.tableConsumer(
                    "newswatch-console-" + UUID.randomUUID().toString().substring(0, 8),
                    Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
                consumer = reading;
                read(reading);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException | IllegalStateException e) {
                state = new State(false, 0, "Kafka: " + e.getMessage(), state.lastAlert());
                LOG.warnf("live alerts: %s; retrying in %d s", e.getMessage(), RETRY.toSeconds());
                sleep();
            }
        }
    }

    private void read(KafkaConsumer<String, String> reading) {
        Set<TopicPartition> assigned = new HashSet<>();
        Instant nextCheck = Instant.MIN;
        while (!closed) {
            if (!clock.instant().isBefore(nextCheck)) {
                Set<TopicPartition> partitions = partitions(reading);
                if (partitions.isEmpty()) {
                    state = new State(false, 0, "waiting for the topic " + topic, state.lastAlert());
                    sleep();
                    continue;
                }
                if (!partitions.equals(assigned)) {
                    List<TopicPartition> added = new ArrayList<>(partitions);
                    added.removeAll(assigned);
                    reading.assign(partitions);
                    if (assigned.isEmpty()) {
                        reading.seekToEnd(partitions); // history comes from the alerter; only new alerts here
                    } else {
                        reading.seekToBeginning(added); // a partition added now holds only new alerts
                    }
                    partitions.forEach(reading::position); // settle the positions before anything is produced
                    assigned = partitions;
                }
                nextCheck = clock.instant().plus(PARTITION_CHECK);
                state = new State(true, assigned.size(), "reading " + topic, state.lastAlert());
            }
            for (ConsumerRecord<String, String> record : reading.poll(POLL)) {
                accept(record);
            }
        }
    }

    private Set<TopicPartition> partitions(KafkaConsumer<String, String> reading) {
        Set<TopicPartition> partitions = new HashSet<>();
        List<PartitionInfo> infos = reading.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private void accept(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            Alert alert = Json.decode(record.value(), Alert.class);
            if (alerts.accept(alert)) {
                state = new State(true, state.partitions(), state.detail(), clock.instant());
            }
        } catch (BadEventException e) {
            LOG.warnf("skipped a record that is not an alert (%s-%d@%d): %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
