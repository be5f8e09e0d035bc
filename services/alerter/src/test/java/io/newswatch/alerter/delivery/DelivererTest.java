package io.newswatch.alerter.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.alerter.alert.AlertHistory;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retries, settling, dead letters, digests and ownership of notifications, against a scripted channel. */
class DelivererTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    /** The rule of every alert here: the alerts name its webhook by its label. */
    private static final Rule RULE = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "rule", NOW, "Rule", "q",
            List.of("webhook:https://hooks.example/x?token=secret"), true, null, List.of(), null, null, null, null,
            null);
    /** A rule that notifies Slack, whose receivers cannot drop a repeat. */
    private static final Rule SLACK_RULE = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "slack-rule", NOW, "Slack",
            "q", List.of("slack:https://hooks.slack.example/services/T0/B0/s3cr3t"), true, null, List.of(), null,
            null, null, null, null);
    private static final ChannelResolver RESOLVER = new ChannelResolver(id -> switch (id) {
        case "rule" -> Optional.of(RULE);
        case "slack-rule" -> Optional.of(SLACK_RULE);
        default -> Optional.empty();
    }, Map.of());

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final ScriptedChannel webhook = new ScriptedChannel();
    private final List<Alert> statuses = new CopyOnWriteArrayList<>();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** The history's latest view of each alert: the last entry made of it here. */
    private final Map<String, AlertHistory.Entry> history = new ConcurrentHashMap<>();
    private final Deliverer deliverer = deliverer(Duration.ofMillis(5));

    DelivererTest() {
        owned.add(0);
    }

    private Deliverer deliverer(Duration backoff) {
        return new Deliverer(List.of(webhook), RESOLVER,
                new Deliverer.Policy(4, new Backoff(backoff, backoff.multipliedBy(4), new Random(1)),
                        Duration.ofHours(24), Duration.ofMinutes(1)),
                Clock.fixed(NOW, ZoneOffset.UTC), scheduler, owned::contains, history::get, new Deliverer.Sink() {
                    @Override
                    public CompletionStage<Void> status(Alert alert) {
                        statuses.add(alert);
                        return CompletableFuture.completedFuture(null);
                    }

                    @Override
                    public void deadLetter(Alert alert, String channel, String reason) {
                        deadLetters.add(alert.id() + " " + reason);
                    }
                }, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void failsTwiceThenDeliversOnce() {
        webhook.failures.set(2);
        deliverer.deliver(entry(alert("a1", NOW)));
        await().until(() -> last("a1").map(a -> a.deliveries().getFirst().status()).orElse(""), "delivered"::equals);
        assertThat(webhook.sent).containsExactly("a1", "a1", "a1");
        assertThat(statuses).extracting(a -> a.deliveries().getFirst().status())
                .containsExactly("retrying", "retrying", "delivered");
        assertThat(last("a1").orElseThrow().deliveries().getFirst().attempts()).isEqualTo(3);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsAndDeadLetters() {
        webhook.failures.set(100);
        deliverer.deliver(entry(alert("a1", NOW)));
        await().until(() -> deadLetters.size() == 1);
        assertThat(webhook.sent).hasSize(4);
        assertThat(last("a1").orElseThrow().deliveries().getFirst()).satisfies(d -> {
            assertThat(d.status()).isEqualTo("failed");
            assertThat(d.error()).contains("after 4 attempts");
        });
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        webhook.permanent = true;
        webhook.failures.set(100);
        deliverer.deliver(entry(alert("a1", NOW)));
        await().until(() -> deadLetters.size() == 1);
        assertThat(webhook.sent).hasSize(1);
        assertThat(deadLetters.getFirst()).contains("not retried");
    }

    @Test
    void theSameAlertIsNotStartedTwiceNorAgainFromAStaleView() {
        webhook.delay = new CompletableFuture<>();
        AlertHistory.Entry entry = entry(alert("a1", NOW));
        deliverer.deliver(entry);
        deliverer.deliver(entry);
        webhook.delay.complete(null);
        await().until(() -> last("a1").isPresent());
        deliverer.deliver(entry);
        await().until(() -> deliverer.pending() == 0);
        assertThat(webhook.sent).containsExactly("a1");
    }

    /**
     * What FaultToleranceIT once caught (one webhook sent twice by one running alerter): a sweep's snapshot of the
     * unsettled alerts, taken before the channel settled, handed over after the history had read the settled status
     * back and the "settled here" mark was dropped.
     */
    @Test
    void aSnapshotOlderThanTheSettledStatusIsNotSentAgain() {
        AlertHistory.Entry snapshot = entry(alert("a1", NOW));
        deliverer.deliver(snapshot);
        await().until(() -> last("a1").map(a -> a.deliveries().getFirst().status()).orElse(""), "delivered"::equals);
        await().until(() -> deliverer.pending() == 0);
        deliverer.onStatus(entry(last("a1").orElseThrow()));
        deliverer.deliver(snapshot);
        await().until(() -> deliverer.pending() == 0);
        assertThat(webhook.sent).containsExactly("a1");
    }

    @Test
    void alertsOnOldArticlesAreRecordedButNotNotified() {
        deliverer.deliver(entry(alert("old", NOW.minus(Duration.ofDays(3)))));
        await().until(() -> last("old").isPresent());
        assertThat(last("old").orElseThrow().deliveries().getFirst().error()).contains("max-age");
        assertThat(webhook.sent).isEmpty();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aDigestIsOneNotificationForSeveralAlerts() {
        List<Alert> alerts = List.of(alert("d1", NOW), alert("d2", NOW), alert("d3", NOW));
        alerts.forEach(this::entry);
        deliverer.deliverDigest("rule", 0, alerts, NOW);
        await().until(() -> statuses.size() == 3);
        assertThat(webhook.notifications).singleElement().satisfies(n -> {
            assertThat(n.digest()).isTrue();
            assertThat(n.alerts()).extracting(Alert::id).containsExactly("d1", "d2", "d3");
        });
        assertThat(statuses).allSatisfy(a -> assertThat(a.deliveries().getFirst().status()).isEqualTo("delivered"));
        deliverer.deliverDigest("rule", 0, alerts, NOW);
        await().until(() -> deliverer.pending() == 0);
        assertThat(webhook.notifications).hasSize(1);
    }

    @Test
    void aRevokedPartitionStopsRetrying() {
        Deliverer slow = deliverer(Duration.ofSeconds(30));
        webhook.failures.set(100);
        slow.deliver(entry(alert("a1", NOW)));
        await().until(() -> last("a1").isPresent());
        assertThat(slow.pending()).isEqualTo(1);
        slow.revoke(Set.of(0));
        assertThat(slow.pending()).isZero();
        assertThat(webhook.sent).hasSize(1);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aSlackMessageIsRecordedAsSendingBeforeItGoesOut() {
        ScriptedChannel slack = new ScriptedChannel(ChannelTarget.Kind.SLACK);
        slack.statusesWhenSent = statuses;
        Deliverer deliverer = deliverer(List.of(slack), sink(statuses, true), Duration.ofMillis(5));
        deliverer.deliver(entry(slackAlert("s1", List.of())));
        await().until(() -> last("s1").map(a -> a.deliveries().getFirst().status()).orElse(""), "delivered"::equals);
        assertThat(statuses).extracting(a -> a.deliveries().getFirst().status()).containsExactly("sending",
                "delivered");
        assertThat(slack.seenBeforeSending).containsExactly(List.of("sending"));
        assertThat(statuses.getFirst().deliveries().getFirst().attempts()).isEqualTo(1);
    }

    @Test
    void aRestartNeverSendsASlackMessageAgainWhoseStatusKafkaNeverGot() {
        // Instance A: Kafka takes its first record of the alert, then no more (it goes away; A is restarted).
        ScriptedChannel slack = new ScriptedChannel(ChannelTarget.Kind.SLACK);
        List<Alert> kafka = new CopyOnWriteArrayList<>();
        Deliverer a = deliverer(List.of(slack), new Deliverer.Sink() {
            @Override
            public CompletionStage<Void> status(Alert alert) {
                if (kafka.isEmpty()) {
                    kafka.add(alert);
                    return CompletableFuture.completedFuture(null);
                }
                return new CompletableFuture<>(); // retried until the instance stops: never written
            }

            @Override
            public void deadLetter(Alert alert, String channel, String reason) {
            }
        }, Duration.ofMillis(5));
        Alert raised = slackAlert("s1", List.of());
        a.deliver(entry(raised));
        await().until(() -> slack.sent.size() == 1 && a.inFlight() == 0);

        // Instance B starts from what the alerts topic holds, after the in-doubt period.
        Alert held = kafka.isEmpty() ? raised : kafka.getLast();
        Deliverer b = deliverer(List.of(slack), sink(statuses, true), Duration.ofMillis(5),
                Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        b.deliver(entry(held));
        await().until(() -> b.pending() == 0);

        assertThat(slack.sent).as("Slack messages across the restart").containsExactly("s1");
        assertThat(last("s1").orElseThrow().deliveries().getFirst()).satisfies(d -> {
            assertThat(d.status()).isEqualTo("failed");
            assertThat(d.error()).contains("outcome unknown");
        });
        assertThat(deadLetters).singleElement().asString().contains("outcome unknown");
    }

    /**
     * The window FaultToleranceIT's alerter kill hit (with direct delivery as with the read-back): the receiver has
     * taken the webhook, and the instance dies before Kafka acknowledges the {@code delivered} status. Its successor
     * finds the alert unsettled on the alerts topic and sends it again, with the same Idempotency-Key (the alert
     * id), for the receiver to drop: no sender can tell a request the receiver took from one it never got.
     */
    @Test
    void aWebhookAnsweredJustBeforeAKillIsSentOnceMoreWithItsKey() {
        Deliverer killed = deliverer(List.of(webhook), new Deliverer.Sink() {
            @Override
            public CompletionStage<Void> status(Alert alert) {
                return new CompletableFuture<>(); // the instance dies before Kafka has the status
            }

            @Override
            public void deadLetter(Alert alert, String channel, String reason) {
            }
        }, Duration.ofMillis(5));
        Alert raised = alert("a1", NOW);
        killed.deliver(entry(raised));
        await().until(() -> webhook.sent.size() == 1 && killed.inFlight() == 0);

        // The successor reads the alerts topic: the alert as raised, no status.
        Deliverer successor = deliverer(List.of(webhook), sink(statuses, true), Duration.ofMillis(5));
        successor.deliver(entry(raised));
        await().until(() -> last("a1").isPresent());

        assertThat(webhook.notifications).hasSize(2)
                .allSatisfy(n -> assertThat(n.alerts()).extracting(Alert::id).containsExactly("a1"));
        assertThat(last("a1").orElseThrow().deliveries().getFirst().status()).isEqualTo("delivered");
    }

    @Test
    void aSendingStatusIsLeftToItsOwnerForAWhile() {
        ScriptedChannel slack = new ScriptedChannel(ChannelTarget.Kind.SLACK);
        Deliverer deliverer = deliverer(List.of(slack), sink(statuses, true), Duration.ofMillis(5));
        Alert sending = slackAlert("s1", List.of(new Alert.Delivery("slack:hooks.slack.example", "sending", 1,
                NOW.minusSeconds(10), null)));
        deliverer.deliver(entry(sending));
        assertThat(deliverer.pending()).isZero();
        assertThat(statuses).isEmpty();
        assertThat(slack.sent).isEmpty();
    }

    @Test
    void aChannelThatLeftTheRuleIsNotNotifiedAndSaysWhyWithoutItsUrl() {
        deliverer.deliver(entry(new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, "a1", NOW, "rule", "Rule", "q",
                "article-a1", "https://wire.example/a1", "Title", "Wire", "story-a1", 1, 0, "snippet", null,
                List.of("webhook:gone.example"), List.of(), NOW)));
        await().until(() -> deadLetters.size() == 1);
        assertThat(webhook.sent).isEmpty();
        assertThat(last("a1").orElseThrow().deliveries().getFirst().error())
                .contains("webhook:gone.example is no longer a channel of rule rule");
    }

    @Test
    void aStepThatThrowsIsReleasedForTheNextSweepInsteadOfHangingForever() {
        AtomicInteger lookups = new AtomicInteger();
        ChannelResolver flaky = new ChannelResolver(id -> {
            if (lookups.getAndIncrement() == 0) {
                throw new IllegalStateException("the rule store is being replaced");
            }
            return Optional.of(RULE);
        }, Map.of());
        Deliverer deliverer = new Deliverer(List.of(webhook), flaky, new Deliverer.Policy(4,
                new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), new Random(1)), Duration.ofHours(24),
                Duration.ofMinutes(1)), Clock.fixed(NOW, ZoneOffset.UTC), scheduler, owned::contains, history::get,
                sink(statuses, true), new SimpleMeterRegistry());
        deliverer.deliver(entry(alert("a1", NOW)));
        await().until(() -> lookups.get() == 1 && deliverer.pending() == 0);
        assertThat(webhook.sent).isEmpty();
        deliverer.deliver(entry(alert("a1", NOW)));
        await().until(() -> last("a1").map(a -> a.deliveries().getFirst().status()).orElse(""), "delivered"::equals);
        assertThat(webhook.sent).containsExactly("a1");
    }

    private Deliverer deliverer(List<Channel> channels, Deliverer.Sink sink, Duration backoff) {
        return deliverer(channels, sink, backoff, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Deliverer deliverer(List<Channel> channels, Deliverer.Sink sink, Duration backoff, Clock clock) {
        return new Deliverer(channels, RESOLVER,
                new Deliverer.Policy(4, new Backoff(backoff, backoff.multipliedBy(4), new Random(1)),
                        Duration.ofHours(24), Duration.ofMinutes(1)),
                clock, scheduler, owned::contains, history::get, sink, new SimpleMeterRegistry());
    }

    private Deliverer.Sink sink(List<Alert> into, boolean written) {
        return new Deliverer.Sink() {
            @Override
            public CompletionStage<Void> status(Alert alert) {
                into.add(alert);
                return written ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            }

            @Override
            public void deadLetter(Alert alert, String channel, String reason) {
                deadLetters.add(alert.id() + " " + reason);
            }
        };
    }

    private static Alert slackAlert(String id, List<Alert.Delivery> deliveries) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, NOW, "slack-rule", "Slack", "q", "article-" + id,
                "https://wire.example/" + id, "Title " + id, "Wire", "story-" + id, 1, 0, "snippet", null,
                List.of("slack:hooks.slack.example"), deliveries, NOW);
    }

    private Optional<Alert> last(String id) {
        List<Alert> mine = new ArrayList<>(statuses.stream().filter(a -> a.id().equals(id)).toList());
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.getLast());
    }

    /** The alert as the history now holds it. */
    private AlertHistory.Entry entry(Alert alert) {
        AlertHistory.Entry entry = new AlertHistory.Entry(alert, 0);
        history.put(alert.id(), entry);
        return entry;
    }

    private static Alert alert(String id, Instant fetched) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, NOW, "rule", "Rule", "q", "article-" + id,
                "https://wire.example/" + id, "Title " + id, "Wire", "story-" + id, 1, 0, "snippet", null,
                List.of("webhook:hooks.example"), List.of(), fetched);
    }

    /** A webhook (or another kind) that fails the first n attempts, transiently unless told otherwise. */
    private static final class ScriptedChannel implements Channel {
        final ChannelTarget.Kind kind;
        final AtomicInteger failures = new AtomicInteger();
        /** The statuses recorded when each notification went out. */
        final List<List<String>> seenBeforeSending = new CopyOnWriteArrayList<>();
        volatile List<Alert> statusesWhenSent = List.of();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Notification> notifications = new CopyOnWriteArrayList<>();
        volatile boolean permanent;
        volatile CompletableFuture<Void> delay = CompletableFuture.completedFuture(null);

        ScriptedChannel() {
            this(ChannelTarget.Kind.WEBHOOK);
        }

        ScriptedChannel(ChannelTarget.Kind kind) {
            this.kind = kind;
        }

        @Override
        public ChannelTarget.Kind kind() {
            return kind;
        }

        @Override
        public CompletionStage<Void> send(ChannelTarget target, Notification notification) {
            seenBeforeSending.add(statusesWhenSent.stream().map(a -> a.deliveries().getFirst().status()).toList());
            notification.alerts().forEach(a -> sent.add(a.id()));
            notifications.add(notification);
            if (failures.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new DeliveryException("HTTP 503", permanent, null, null));
            }
            return delay.thenApply(ignored -> null);
        }
    }
}
