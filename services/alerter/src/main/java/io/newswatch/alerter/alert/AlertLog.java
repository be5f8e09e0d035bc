package io.newswatch.alerter.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.alerter.kafka.TopicTable;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The alert history of this instance: the whole alerts topic, read by every instance (not as a group member) into
 * an {@link AlertHistory}. It is how a restarted or second instance knows what was raised and notified before, and
 * what is still to notify; nothing about alerts lives only in memory.
 */
@ApplicationScoped
public class AlertLog implements AlertState {

    private final TopicNames topics;
    private final Map<String, Object> kafka;
    private final AlertHistory history;
    /** Raised by this instance and acknowledged by Kafka, not read back yet. */
    private final Set<String> raisedHere = ConcurrentHashMap.newKeySet();
    private final List<Consumer<AlertHistory.Entry>> onRaised = new CopyOnWriteArrayList<>();
    private final List<Consumer<AlertHistory.Entry>> onDelivery = new CopyOnWriteArrayList<>();
    private TopicTable table;

    AlertLog(AlerterConfig config, TopicNames topics, @Identifier("default-kafka-broker") Map<String, Object> kafka,
             MeterRegistry registry) {
        this.topics = topics;
        this.kafka = kafka;
        this.history = new AlertHistory(config.recentAlerts());
        Gauge.builder("alerter.alerts.known", history, AlertHistory::size)
                .description("Alert ids in the alert history (replays of these raise nothing)").register(registry);
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        table = new TopicTable(topics.alerts(), topics.deadLetters(), kafka, new TopicTable.Listener() {
            @Override
            public void apply(ConsumerRecord<String, String> record) {
                if (record.value() == null) {
                    return;
                }
                // alerts of earlier versions named channels by their URLs: history, reads and statuses use labels
                Alert alert = Redaction.alert(Json.decode(record.value(), Alert.class));
                AlertHistory.Change change = history.apply(alert, record.partition());
                if (change == AlertHistory.Change.RAISED) {
                    raisedHere.remove(alert.id());
                    AlertHistory.Entry entry = history.find(alert.id());
                    onRaised.forEach(listener -> listener.accept(entry));
                } else if (change == AlertHistory.Change.DELIVERY) {
                    AlertHistory.Entry entry = history.find(alert.id());
                    if (entry != null) {
                        onDelivery.forEach(listener -> listener.accept(entry));
                    }
                }
            }
        });
        table.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (table != null) {
            table.close();
        }
    }

    /** Calls {@code listener} on the history's thread for every alert raised from now on, by any instance. */
    public void onRaised(Consumer<AlertHistory.Entry> listener) {
        onRaised.add(listener);
    }

    /** Calls {@code listener} for every delivery status read, with the alert's merged state. */
    public void onDelivery(Consumer<AlertHistory.Entry> listener) {
        onDelivery.add(listener);
    }

    /** True when the alert was raised before (by any instance), or by this one a moment ago. */
    @Override
    public boolean isRaised(String alertId) {
        return raisedHere.contains(alertId) || history.contains(alertId);
    }

    @Override
    public Optional<AlertHistory.StoryAlerts> onStory(String ruleId, String storyId) {
        return history.onStory(ruleId, storyId);
    }

    @Override
    public Set<String> rulesOnStory(String storyId) {
        return history.rulesOnStory(storyId);
    }

    /** Notes an alert this instance has just raised, until the history reads it back. */
    public void raisedHere(String alertId) {
        if (!history.contains(alertId)) {
            raisedHere.add(alertId);
        }
    }

    /**
     * The partition of the alerts topic a key goes to: its owner notifies for the alerts of that partition, and
     * sends the digests of the rule whose id is the key.
     */
    public int partitionOf(String key) {
        return table.partitionOf(key);
    }

    public AlertHistory history() {
        return history;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return table.awaitCaughtUp(timeout);
    }

    /** Waits until everything written to the alerts topic before this call has been read. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return table.awaitEnd(timeout);
    }

    /** The thread that reads the alerts topic, for liveness; null before start. */
    public TopicTable table() {
        return table;
    }

    /** Why the history is not read yet; null once it is. */
    public String problem() {
        return table == null ? "not started" : table.problem();
    }
}
