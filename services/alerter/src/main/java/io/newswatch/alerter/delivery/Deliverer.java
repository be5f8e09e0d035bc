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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Notifies each channel of each alert once: one attempt at a time per (alert, channel), retried with backoff on
 * transient failures, then settled as {@code delivered} or {@code failed} (and dead-lettered). A digest is one
 * notification per channel for several alerts of a rule, settled for all of them together. Every status is
 * written back to the alerts topic, which is what makes "once" survive a restart: a settled channel is never tried
 * again, by this instance or another. Nothing here blocks: channels answer asynchronously and retries are
 * scheduled, so a slow webhook never holds up matching or other deliveries.
 *
 * <p>Slack and email receivers cannot recognise a repeat, so before each attempt on them a {@code sending} status
 * is written (and acknowledged by Kafka): a restarted or new owner that finds {@code sending} without an outcome
 * knows the attempt may have gone out and does not send again; after {@link Policy#inDoubtAfter()} it settles the
 * channel as failed ("outcome unknown") and dead-letters it. A webhook gets the same {@code Idempotency-Key} on
 * every attempt, so it is sent again after a crash and its receiver drops the repeat.
 */
public final class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    /** Where statuses and dead letters go (the alerts and dead-letter topics). */
    public interface Sink {
        /**
         * The alert with the latest status of every channel this instance knows. Completes once Kafka has the
         * record; the sink keeps trying until then (a status must not be lost while the instance lives).
         */
        CompletionStage<Void> status(Alert alert);

        /** A notification that failed for good. */
        void deadLetter(Alert alert, String channel, String reason);
    }

    /**
     * The rules of retrying.
     *
     * @param maxAttempts  attempts per channel
     * @param backoff      waits between attempts
     * @param maxAge       alerts on articles older than this are recorded, not notified
     * @param inDoubtAfter how long after a {@code sending} status without an outcome an attempt counts as lost
     *                     with its instance (longer than any attempt can take)
     */
    public record Policy(int maxAttempts, Backoff backoff, Duration maxAge, Duration inDoubtAfter) {
    }

    /** Status of a channel being notified right now, written first for receivers that cannot drop a repeat. */
    public static final String SENDING = "sending";

    private final Map<ChannelTarget.Kind, Channel> channels = new EnumMap<>(ChannelTarget.Kind.class);
    private final ChannelResolver resolver;
    private final Policy policy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final IntPredicate owns;
    private final Function<String, AlertHistory.Entry> current;
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
     * @param owns    whether this instance notifies for a partition of the alerts topic (now)
     * @param current the history's latest view of an alert by id, null once it holds the alert no longer (settled
     *                and forgotten): an entry handed to {@link #deliver} may be a stale copy (a sweep's snapshot),
     *                so each channel is checked against this view after it is claimed
     */
    public Deliverer(List<Channel> channels, ChannelResolver resolver, Policy policy, Clock clock,
                     ScheduledExecutorService scheduler, IntPredicate owns,
                     Function<String, AlertHistory.Entry> current, Sink sink, MeterRegistry registry) {
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.resolver = resolver;
        this.policy = policy;
        this.clock = clock;
        this.scheduler = scheduler;
        this.owns = owns;
        this.current = current;
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

    /**
     * Starts notifying every unsettled channel of the alert that is not being notified already. The entry may be
     * older than the history (a sweep's snapshot): what is sent is decided from the history's view read after the
     * channel is claimed, so a channel settled meanwhile, here or by another instance, is not sent again.
     */
    public void deliver(AlertHistory.Entry entry) {
        Alert alert = entry.alert();
        for (String channel : entry.unsettledChannels()) {
            String claim = claim(alert.id(), channel);
            AlertHistory.Entry now = claimUnsettled(alert.id(), channel, claim);
            if (now == null) {
                continue;
            }
            Alert.Delivery before = latestDelivery(now.alert(), channel);
            Task task = new Task(claim, List.of(now.alert()), false, channel, entry.partition(),
                    before == null ? 0 : before.attempts());
            if (before != null && SENDING.equals(before.status())) {
                inDoubt(task, before);
            } else {
                start(task);
            }
        }
    }

    /**
     * Claims the channel of the alert for a task of this instance when it is still unsettled, and returns the
     * history's view of the alert then; null (and nothing claimed) when another task has it or it is settled.
     * The order matters: a task settles its channel here before it gives up its claim, and the history reads the
     * settled status back before that mark is dropped ({@link #onStatus}); so once the claim is ours, either the
     * mark or the history's view says "settled" if it is.
     */
    private AlertHistory.Entry claimUnsettled(String alertId, String channel, String claim) {
        if (!claimed.add(claim)) {
            return null;
        }
        AlertHistory.Entry now = settledHere.contains(claim) ? null : current.apply(alertId);
        if (now == null || !now.unsettledChannels().contains(channel)) {
            claimed.remove(claim);
            return null;
        }
        return now;
    }

    /**
     * An attempt another instance (or this one before a restart) began and never settled: wait for its outcome
     * for a while, then settle it as unknown rather than notify twice.
     */
    private void inDoubt(Task task, Alert.Delivery sending) {
        if (sending.at() != null && sending.at().plus(policy.inDoubtAfter()).isAfter(clock.instant())) {
            release(task); // the owner may still write the outcome; the next sweep looks again
            return;
        }
        tasks.put(task.key, task);
        rememberStatuses(task);
        settle(task, "failed", "outcome unknown: the alerter stopped while sending attempt " + sending.attempts()
                + " at " + sending.at() + "; not sent again, since this receiver cannot drop a repeat", true);
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
            for (String channel : alert.channels()) {
                String claim = claim(alert.id(), channel);
                if (AlertHistory.isSettled(latestDelivery(alert, channel))) {
                    continue;
                }
                AlertHistory.Entry now = claimUnsettled(alert.id(), channel, claim);
                if (now == null) {
                    continue;
                }
                Alert.Delivery before = latestDelivery(now.alert(), channel);
                if (before != null && SENDING.equals(before.status())) {
                    inDoubt(new Task(claim, List.of(now.alert()), false, channel, partition, before.attempts()),
                            before);
                } else {
                    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(now.alert());
                }
            }
        }
        byChannel.forEach((channel, due) -> start(new Task("digest\n" + ruleId + "\n" + channel + "\n" + window,
                List.copyOf(due), true, channel, partition, 0)));
    }

    /** The channel's latest status on the alert (a status record carries one per channel), or null. */
    private static Alert.Delivery latestDelivery(Alert alert, String channel) {
        Alert.Delivery latest = null;
        for (Alert.Delivery delivery : alert.deliveries()) {
            if (delivery.channel().equals(channel)) {
                latest = delivery;
            }
        }
        return latest;
    }

    private void start(Task task) {
        tasks.put(task.key, task);
        rememberStatuses(task);
        run(task, () -> attempt(task));
    }

    private void rememberStatuses(Task task) {
        task.alerts.forEach(alert -> statuses.computeIfAbsent(alert.id(), id -> {
            Map<String, Alert.Delivery> known = new ConcurrentHashMap<>();
            alert.deliveries().forEach(d -> known.put(d.channel(), d));
            return known;
        }));
    }

    /**
     * Runs a step of a task on the scheduler. A step that throws (a bug) must not leave the task claimed forever
     * without a word, as an executor would: it is logged and released, and the next sweep starts it again.
     */
    private void run(Task task, Runnable step) {
        scheduler.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                LOG.errorf("%s to %s: delivery step failed, it will be tried again: %s", describe(task),
                        task.channel, Redaction.text(e.toString()));
                release(task);
            }
        });
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
            target = resolver.resolve(task.alerts.getFirst().ruleId(), task.channel);
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
        if (target.kind() == ChannelTarget.Kind.SLACK || target.kind() == ChannelTarget.Kind.EMAIL) {
            // The receiver cannot drop a repeat: Kafka must know this attempt may go out before it does.
            record(task, SENDING, null).whenComplete((ignored, error) -> {
                if (error == null) {
                    run(task, () -> send(task, target, channel));
                } else {
                    // Kafka refuses the record for good (writes are retried until then): never send unrecorded
                    settle(task, "failed", "not sent: the attempt could not be recorded first: " + error, true);
                }
            });
        } else {
            send(task, target, channel);
        }
    }

    private void send(Task task, ChannelTarget target, Channel channel) {
        if (!owns.test(task.partition)) {
            release(task);
            return;
        }
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
                : DeliveryException.transientFailure(Redaction.text(cause.toString()), cause);
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
        task.retry = scheduler.schedule(() -> run(task, () -> attempt(task)), wait.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void settle(Task task, String status, String error, boolean deadLetter) {
        settledHere.addAll(task.claims());
        record(task, status, error);
        count(task.channel, status);
        if ("failed".equals(status)) {
            LOG.errorf("%s to %s failed%s: %s", describe(task), task.channel,
                    deadLetter ? " and was dead-lettered" : "", error);
            if (deadLetter) {
                task.alerts.forEach(alert -> sink.deadLetter(alert, task.channel, error));
            }
        }
        release(task);
    }

    /** Writes the task's status for each of its alerts; completes when Kafka has all of them. */
    private CompletableFuture<Void> record(Task task, String status, String error) {
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (Alert alert : task.alerts) {
            Map<String, Alert.Delivery> known = statuses.computeIfAbsent(alert.id(), id -> new ConcurrentHashMap<>());
            // One alert's channels settle on different threads: each status record carries every channel's latest
            // status, so records are built and handed to Kafka one at a time per alert, in the order they were
            // built; otherwise an older picture (one channel only) could be written after a newer one and win.
            synchronized (known) {
                known.put(task.channel, new Alert.Delivery(task.channel, status, task.attempts, clock.instant(), error));
                List<Alert.Delivery> ordered = new ArrayList<>();
                for (String channel : alert.channels()) {
                    Alert.Delivery delivery = known.get(channel);
                    if (delivery != null) {
                        ordered.add(delivery);
                    }
                }
                written.add(sink.status(AlertHistory.withDeliveries(alert, ordered)).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(written.toArray(CompletableFuture[]::new));
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
        count(kind(target), outcome);
    }

    /** Counts under the channel's kind, read off its label (the rule may be gone). */
    private void count(String channel, String outcome) {
        int colon = channel.indexOf(':');
        String kind = colon < 0 ? channel : channel.substring(0, colon);
        Counter.builder("alerter.deliveries").tag("channel", kind).tag("outcome", outcome)
                .description("Notifications by channel type and outcome").register(registry).increment();
    }

    private static String kind(ChannelTarget target) {
        return target.kind().name().toLowerCase();
    }
}
