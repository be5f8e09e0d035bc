package io.newswatch.alerter.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswatch.alerter.alert.AlertHistory;
import io.newswatch.contract.Alert;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Notifies each channel of each alert once: one attempt at a time per (alert, channel), retried with backoff on
 * transient failures, then settled as {@code delivered} or {@code failed} (and dead-lettered). A digest is one
 * notification per channel for several alerts of a rule, settled for all of them together. Every status is
 * written back to the alerts topic, which is what makes "once" survive a restart: a settled channel is never tried
 * again, by this instance or another. Nothing here blocks: channels answer asynchronously and retries are
 * scheduled, so a slow webhook never holds up matching or other deliveries.
 */
public final class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    /** Where statuses and dead letters go (the alerts and dead-letter topics). */
    public interface Sink {
        /** The alert with the latest status of every channel this instance knows. */
        void status(Alert alert);

        /** A notification that failed for good. */
        void deadLetter(Alert alert, String channel, String reason);
    }

    /** The rules of retrying. */
    public record Policy(int maxAttempts, Backoff backoff, Duration maxAge) {
    }

    private final Map<ChannelTarget.Kind, Channel> channels = new EnumMap<>(ChannelTarget.Kind.class);
    private final Policy policy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final IntPredicate owns;
    private final Sink sink;
    private final MeterRegistry registry;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    /** (alert, channel) pairs some task of this instance is working on. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** Settled here, until the history reads the status back: a stale view must not start them again. */
    private final Set<String> settledHere = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Alert.Delivery>> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param owns whether this instance notifies for a partition of the alerts topic (now)
     */
    public Deliverer(List<Channel> channels, Policy policy, Clock clock, ScheduledExecutorService scheduler,
                     IntPredicate owns, Sink sink, MeterRegistry registry) {
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.policy = policy;
        this.clock = clock;
        this.scheduler = scheduler;
        this.owns = owns;
        this.sink = sink;
        this.registry = registry;
        registry.gauge("alerter.deliveries.pending", tasks, Map::size);
    }

    /** One channel of one alert, or of a digest of alerts, being delivered. */
    private static final class Task {
        final String key;
        final List<Alert> alerts;
        final boolean digest;
        final String channel;
        final int partition;
        int attempts;
        ScheduledFuture<?> retry;

        Task(String key, List<Alert> alerts, boolean digest, String channel, int partition, int attempts) {
            this.key = key;
            this.alerts = alerts;
            this.digest = digest;
            this.channel = channel;
            this.partition = partition;
            this.attempts = attempts;
        }

        List<String> claims() {
            return alerts.stream().map(alert -> claim(alert.id(), channel)).toList();
        }
    }

    private static String claim(String alertId, String channel) {
        return alertId + "\n" + channel;
    }

    /** Starts notifying every unsettled channel of the alert that is not being notified already. */
    public void deliver(AlertHistory.Entry entry) {
        Alert alert = entry.alert();
        for (String channel : entry.unsettledChannels()) {
            String claim = claim(alert.id(), channel);
            if (settledHere.contains(claim) || !claimed.add(claim)) {
                continue;
            }
            Alert.Delivery before = alert.deliveries().stream().filter(d -> d.channel().equals(channel))
                    .findFirst().orElse(null);
            start(new Task(claim, List.of(alert), false, channel, entry.partition(),
                    before == null ? 0 : before.attempts()));
        }
    }

    /**
     * Sends one digest per channel with the alerts that are not notified on that channel yet.
     *
     * @param partition the partition whose owner sends this rule's digests
     * @param window    the end of the period the digest covers, which names it
     */
    public void deliverDigest(String ruleId, int partition, List<Alert> alerts, Instant window) {
        Map<String, List<Alert>> byChannel = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            Set<String> settled = new HashSet<>();
            alert.deliveries().stream().filter(AlertHistory::isSettled).forEach(d -> settled.add(d.channel()));
            for (String channel : alert.channels()) {
                String claim = claim(alert.id(), channel);
                if (!settled.contains(channel) && !settledHere.contains(claim) && claimed.add(claim)) {
                    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(alert);
                }
            }
        }
        byChannel.forEach((channel, due) -> start(new Task("digest\n" + ruleId + "\n" + channel + "\n" + window,
                List.copyOf(due), true, channel, partition, 0)));
    }

    private void start(Task task) {
        tasks.put(task.key, task);
        task.alerts.forEach(alert -> statuses.computeIfAbsent(alert.id(), id -> {
            Map<String, Alert.Delivery> known = new ConcurrentHashMap<>();
            alert.deliveries().forEach(d -> known.put(d.channel(), d));
            return known;
        }));
        scheduler.execute(() -> attempt(task));
    }

    /** The history read a status: channels settled by anyone need no more work here. */
    public void onStatus(AlertHistory.Entry entry) {
        List<String> unsettled = entry.unsettledChannels();
        for (String channel : entry.alert().channels()) {
            if (!unsettled.contains(channel)) {
                settledHere.remove(claim(entry.alert().id(), channel));
            }
        }
        if (unsettled.isEmpty()) {
            statuses.remove(entry.alert().id());
        }
    }

    /** This instance no longer notifies for these partitions: scheduled retries stop (the new owner resumes). */
    public void revoke(Set<Integer> partitions) {
        for (Task task : List.copyOf(tasks.values())) {
            if (partitions.contains(task.partition) && task.retry != null && task.retry.cancel(false)) {
                release(task);
            }
        }
    }

    /** Channel deliveries in progress or waiting for a retry. */
    public int pending() {
        return tasks.size();
    }

    /** Attempts waiting for the receiver's answer. */
    public int inFlight() {
        return inFlight.get();
    }

    private void attempt(Task task) {
        if (!owns.test(task.partition)) {
            release(task);
            return;
        }
        Instant fetched = task.alerts.getFirst().articleFetched();
        if (!task.digest && fetched != null && fetched.plus(policy.maxAge()).isBefore(clock.instant())) {
            settle(task, "failed", "not notified: the article was fetched at " + fetched
                    + ", longer ago than newswatch.alerter.delivery.max-age (" + policy.maxAge() + ")", false);
            return;
        }
        ChannelTarget target;
        try {
            target = ChannelTarget.parse(task.channel);
        } catch (IllegalArgumentException e) {
            settle(task, "failed", e.getMessage(), true);
            return;
        }
        Channel channel = channels.get(target.kind());
        if (channel == null) {
            settle(task, "failed", "no " + kind(target) + " channel is configured", true);
            return;
        }
        task.attempts++;
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            channel.send(target, new Channel.Notification(task.alerts, task.digest))
                    .whenCompleteAsync((ignored, error) -> {
                        inFlight.decrementAndGet();
                        completed(task, target, started, error);
                    }, scheduler);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            completed(task, target, started, e);
        }
    }

    private void completed(Task task, ChannelTarget target, long started, Throwable error) {
        Timer.builder("alerter.delivery.duration").tag("channel", kind(target))
                .tag("outcome", error == null ? "delivered" : "failed").register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (error == null) {
            settle(task, "delivered", null, false);
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        DeliveryException failure = cause instanceof DeliveryException d ? d
                : DeliveryException.transientFailure(cause.toString(), cause);
        if (failure.permanent() || task.attempts >= policy.maxAttempts()) {
            String reason = failure.getMessage() + (failure.permanent() ? " (not retried)"
                    : " (after " + task.attempts + " attempts)");
            settle(task, "failed", reason, true);
            return;
        }
        Duration wait = policy.backoff().delay(task.attempts, failure.retryAfter());
        LOG.warnf("%s to %s: attempt %d failed, retrying in %d ms: %s", describe(task), task.channel,
                task.attempts, wait.toMillis(), failure.getMessage());
        count(target, "retrying");
        record(task, "retrying", failure.getMessage());
        task.retry = scheduler.schedule(() -> attempt(task), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void settle(Task task, String status, String error, boolean deadLetter) {
        settledHere.addAll(task.claims());
        record(task, status, error);
        try {
            count(ChannelTarget.parse(task.channel), status);
        } catch (IllegalArgumentException unparsable) {
            // counted under no channel type: the rule names a channel that does not exist
        }
        if ("failed".equals(status)) {
            LOG.errorf("%s to %s failed%s: %s", describe(task), task.channel,
                    deadLetter ? " and was dead-lettered" : "", error);
            if (deadLetter) {
                task.alerts.forEach(alert -> sink.deadLetter(alert, task.channel, error));
            }
        }
        release(task);
    }

    private void record(Task task, String status, String error) {
        for (Alert alert : task.alerts) {
            Map<String, Alert.Delivery> known = statuses.computeIfAbsent(alert.id(), id -> new ConcurrentHashMap<>());
            known.put(task.channel, new Alert.Delivery(task.channel, status, task.attempts, clock.instant(), error));
            List<Alert.Delivery> ordered = new ArrayList<>();
            for (String channel : alert.channels()) {
                Alert.Delivery delivery = known.get(channel);
                if (delivery != null) {
                    ordered.add(delivery);
                }
            }
            sink.status(AlertHistory.withDeliveries(alert, ordered));
        }
    }

    private void release(Task task) {
        if (tasks.remove(task.key, task)) {
            task.claims().forEach(claimed::remove);
        }
    }

    private static String describe(Task task) {
        return task.digest ? "Digest of " + task.alerts.size() + " alerts of rule " + task.alerts.getFirst().ruleId()
                : "Alert " + task.alerts.getFirst().id();
    }

    private void count(ChannelTarget target, String outcome) {
        Counter.builder("alerter.deliveries").tag("channel", kind(target)).tag("outcome", outcome)
                .description("Notifications by channel type and outcome").register(registry).increment();
    }

    private static String kind(ChannelTarget target) {
        return target.kind().name().toLowerCase();
    }
}
