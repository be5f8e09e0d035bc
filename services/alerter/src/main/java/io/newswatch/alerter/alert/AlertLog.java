package io.newswatch.alerter.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.alerter.rule.RuleStore;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.DeadLetters;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.Supervised;
import io.newswatch.kafka.TopicTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The alert history of this instance, from two topics read whole by every instance (not as a group member) into an
 * {@link AlertHistory}: the compacted alert state topic (what each rule raised on each open story, however long
 * ago: a restart re-notifies nothing after the alerts topic dropped the alerts) and the alerts topic (what is still
 * to notify, and the latest alerts). Every alert raised here is written to the alerts topic, and the rule's state
 * on its story to the state topic when the alert changed what that state decides (a round, a level, more outlets:
 * not a per-article alert that changes none of these); once a minute the stories closed since are forgotten and
 * tombstoned.
 */
@ApplicationScoped
public class AlertLog implements AlertState {

    private static final Logger LOG = Logger.getLogger(AlertLog.class);
    private static final String SERVICE = "alerter";
    /** How often closed stories are looked for. */
    private static final Duration CLOSE_EVERY = Duration.ofMinutes(1);
    /**
     * How far a story's latest article may run ahead of the stored one before it is stored again: a fraction of
     * the story window, added to it before a story counts as closed, so an unstored article never closes a story
     * early.
     */
    private static final int REFRESHES_PER_WINDOW = 12;

    private final TopicNames topics;
    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    /** Used once the application has started (its emitters are connected then, not at this bean's start). */
    private final AlertPublisher publisher;
    private volatile boolean started;
    private boolean unstoredChecked;
    private final AlertHistory history;
    private final Duration refresh;
    /**
     * Alerts raised here and folded into the history at once, whose first record the alerts topic has not given
     * back yet (that record is skipped); also the lock between raising and reading.
     */
    private final Set<String> appliedAhead = new HashSet<>();
    private final List<Consumer<AlertHistory.Entry>> onRaised = new CopyOnWriteArrayList<>();
    private final List<Consumer<AlertHistory.Entry>> onDelivery = new CopyOnWriteArrayList<>();
    private TopicTable table;
    private TopicTable stateTable;
    private ScheduledExecutorService closer;

    AlertLog(AlerterConfig config, TopicNames topics, KafkaClients clients, DeadLetters deadLetters, RuleStore rules,
             AlertPublisher publisher, Clock clock, MeterRegistry registry) {
        this.topics = topics;
        this.clients = clients;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        Duration window = config.state().storyWindow();
        this.refresh = window.dividedBy(REFRESHES_PER_WINDOW);
        Duration closedAfter = window.plus(refresh);
        this.history = new AlertHistory(config.recentAlerts(), clock, ruleId -> rules.book().get(ruleId)
                .map(Rule::realert).filter(realert -> realert.compareTo(closedAfter) > 0).orElse(closedAfter));
        Gauge.builder("alerter.alerts.known", history, AlertHistory::alertIds)
                .description("Alert ids of open stories (replays of these raise nothing)").register(registry);
        Gauge.builder("alerter.stories.open", history, AlertHistory::size)
                .description("Open stories per rule that alerted on them: the alert state held in memory")
                .register(registry);
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        stateTable = new TopicTable(clients, topics.alertState(), SERVICE,
                record -> history.applyStored(record.key(),
                        record.value() == null ? null : Json.decode(record.value(), StoryAlerts.class)),
                deadLetters);
        stateTable.start();
        table = new TopicTable(clients, topics.alerts(), SERVICE, new TopicTable.Listener() {
            @Override
            public void apply(ConsumerRecord<String, String> record) {
                if (record.value() == null) {
                    return;
                }
                AlertHistory.Change change;
                Alert alert;
                synchronized (appliedAhead) {
                    if (appliedAhead.remove(record.key())) {
                        return; // raised here and folded in already: not decoded again
                    }
                    // alerts of earlier versions named channels by their URLs: history, reads and statuses use labels
                    alert = Redaction.alert(Json.decode(record.value(), Alert.class));
                    change = history.apply(alert, record.partition());
                }
                if (change == AlertHistory.Change.RAISED) {
                    AlertHistory.Entry entry = history.find(alert.id());
                    onRaised.forEach(listener -> listener.accept(entry));
                } else if (change == AlertHistory.Change.DELIVERY) {
                    AlertHistory.Entry entry = history.find(alert.id());
                    if (entry != null) {
                        onDelivery.forEach(listener -> listener.accept(entry));
                    }
                }
            }

            @Override
            public String redact(String message) {
                return Redaction.text(message);
            }
        }, deadLetters);
        table.start();
        closer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alert-state-closer")
                .daemon().factory());
        closer.scheduleWithFixedDelay(this::closeStories, CLOSE_EVERY.toMillis(), CLOSE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** After every other start observer: Reactive Messaging has connected the emitters the writes go through. */
    void started(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        started = true;
    }

    void stop(@Observes ShutdownEvent event) {
        if (closer != null) {
            closer.shutdownNow();
        }
        if (table != null) {
            table.close();
        }
        if (stateTable != null) {
            stateTable.close();
        }
    }

    /**
     * Once a minute (when both topics are read and the application has started): the first time, alerts the alerts
     * topic has and the state topic lacks (the alerter stopped between writing an alert and its state) are stored,
     * so that they too outlive the alerts topic; every time, the stories closed since the last look are forgotten
     * and tombstoned. A failure is logged and the next look tries again.
     */
    void closeStories() {
        try {
            if (!started || !stateTable.isCaughtUp() || !table.isCaughtUp()) {
                return;
            }
            if (!unstoredChecked) {
                List<StoryAlerts> unstored = history.unstored(refresh);
                if (!unstored.isEmpty()) {
                    LOG.infof("Storing the state of %d rule and story pairs the alert state topic lacked",
                            unstored.size());
                }
                for (StoryAlerts state : unstored) {
                    publisher.publishState(state.key(), state).subscribe().with(ignored -> history.stored(state),
                            error -> LOG.errorf("Could not store the alert state %s: %s", state.key(), error));
                }
                unstoredChecked = true;
            }
            List<String> closed = history.closeStories();
            if (!closed.isEmpty()) {
                LOG.infof("%d stories closed: their alert state is tombstoned", closed.size());
            }
            for (String key : closed) {
                publisher.publishState(key, null).subscribe().with(ignored -> { }, error -> {
                    LOG.errorf("Could not tombstone the alert state %s, trying again later: %s", key, error);
                    history.tombstoneLater(key);
                });
            }
        } catch (RuntimeException | Error e) {
            // a periodic task that throws is never run again: log and look again next time
            LOG.errorf(e, "Looking for closed stories failed: %s", e);
        }
    }

    /**
     * Records an alert this instance raised (Kafka has acknowledged it): the planner counts it at once, the alert is
     * folded into the history and handed to the listeners (delivery) without waiting to read it back from the
     * alerts topic, and the rule's new state on the story goes to the state topic when it decides something new.
     * Completes when Kafka has the state (at once when there is none to write).
     */
    public Uni<Void> raised(Alert alert) {
        Optional<StoryAlerts> state = history.raised(alert, refresh);
        applyRaised(alert);
        return state.map(this::store).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * Folds the alert in as its first record would be when read back; that record is then skipped, not decoded.
     * Under the same lock as the reading, so a record read back first is never skipped: the alert's later records
     * (delivery statuses) are always read.
     */
    private void applyRaised(Alert alert) {
        if (table == null) {
            return;
        }
        AlertHistory.Change change;
        synchronized (appliedAhead) {
            change = history.apply(alert, table.partitionOf(alert.id()));
            if (change == AlertHistory.Change.RAISED) {
                appliedAhead.add(alert.id());
            }
        }
        if (change == AlertHistory.Change.RAISED) {
            AlertHistory.Entry entry = history.find(alert.id());
            onRaised.forEach(listener -> listener.accept(entry));
        }
    }

    /**
     * Notes an article of a story, for the rules that alerted on it: the story stays open a window after its
     * latest article. Completes when Kafka has what had to be stored (rarely anything).
     */
    public Uni<Void> seen(String storyId, Instant fetched) {
        List<StoryAlerts> toStore = history.seen(storyId, fetched, refresh);
        if (toStore.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(toStore.stream().map(this::store).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> store(StoryAlerts state) {
        return publisher.publishState(state.key(), state).invoke(() -> history.stored(state));
    }

    /**
     * Calls {@code listener} for every alert raised from now on, by any instance: on the history's thread, or on
     * the raising thread for an alert raised here.
     */
    public void onRaised(Consumer<AlertHistory.Entry> listener) {
        onRaised.add(listener);
    }

    /** Calls {@code listener} for every delivery status read, with the alert's merged state. */
    public void onDelivery(Consumer<AlertHistory.Entry> listener) {
        onDelivery.add(listener);
    }

    /** True when the alert was raised on a story still open, by any instance (by this one: a moment ago). */
    @Override
    public boolean isRaised(String alertId) {
        return history.contains(alertId);
    }

    @Override
    public Optional<StoryAlerts> onStory(String ruleId, String storyId) {
        return history.onStory(ruleId, storyId);
    }

    @Override
    public Set<String> rulesOnStory(String storyId, Set<String> among) {
        return history.rulesOnStory(storyId, among);
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

    /** Waits until both topics have been read up to where they ended at start. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return stateTable.awaitCaughtUp(timeout)
                && table.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until everything written to the alerts topic before this call has been read. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return table.awaitEnd(timeout);
    }

    /** The threads that read the alerts and alert state topics, for liveness; empty before start. */
    public List<Supervised> threads() {
        return table == null ? List.of() : List.of(table.thread(), stateTable.thread());
    }

    /** Why the history is not read yet; null once it is. */
    public String problem() {
        if (table == null || stateTable == null) {
            return "not started";
        }
        return stateTable.problem() != null ? stateTable.problem() : table.problem();
    }
}
