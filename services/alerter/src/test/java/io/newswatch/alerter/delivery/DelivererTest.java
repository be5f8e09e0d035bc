package io.newswatch.alerter.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.alerter.alert.AlertHistory;
import io.newswatch.contract.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final ScriptedChannel webhook = new ScriptedChannel();
    private final List<Alert> statuses = new CopyOnWriteArrayList<>();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Deliverer deliverer = deliverer(Duration.ofMillis(5));

    DelivererTest() {
        owned.add(0);
    }

    private Deliverer deliverer(Duration backoff) {
        return new Deliverer(List.of(webhook),
                new Deliverer.Policy(4, new Backoff(backoff, backoff.multipliedBy(4), new Random(1)),
                        Duration.ofHours(24)),
                Clock.fixed(NOW, ZoneOffset.UTC), scheduler, owned::contains, new Deliverer.Sink() {
                    @Override
                    public void status(Alert alert) {
                        statuses.add(alert);
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

    private Optional<Alert> last(String id) {
        List<Alert> mine = new ArrayList<>(statuses.stream().filter(a -> a.id().equals(id)).toList());
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.getLast());
    }

    private static AlertHistory.Entry entry(Alert alert) {
        return new AlertHistory.Entry(alert, 0);
    }

    private static Alert alert(String id, Instant fetched) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, NOW, "rule", "Rule", "q", "article-" + id,
                "https://wire.example/" + id, "Title " + id, "Wire", "story-" + id, 1, 0, "snippet", null,
                List.of("webhook:https://hooks.example/x"), List.of(), fetched);
    }

    /** A webhook that fails the first n attempts, transiently unless told otherwise. */
    private static final class ScriptedChannel implements Channel {
        final AtomicInteger failures = new AtomicInteger();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Notification> notifications = new CopyOnWriteArrayList<>();
        volatile boolean permanent;
        volatile CompletableFuture<Void> delay = CompletableFuture.completedFuture(null);

        @Override
        public ChannelTarget.Kind kind() {
            return ChannelTarget.Kind.WEBHOOK;
        }

        @Override
        public CompletionStage<Void> send(ChannelTarget target, Notification notification) {
            notification.alerts().forEach(a -> sent.add(a.id()));
            notifications.add(notification);
            if (failures.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new DeliveryException("HTTP 503", permanent, null, null));
            }
            return delay.thenApply(ignored -> null);
        }
    }
}
