package io.newswatch.alerter.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.addressguard.BlockedAddressException;
import io.newswatch.alerter.alert.AlertHistory;
import io.newswatch.alerter.alert.AlertLog;
import io.newswatch.alerter.alert.AlertPublisher;
import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.alerter.rule.RuleStore;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Rule;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.DurableWrites;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.PartitionOwnership;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Wires notification: this instance's share of the alerts topic, the history that says what is unsettled
 * ({@link AlertLog}), and the {@link Deliverer} with its channels. Alert ids are the alerts topic's keys, so one
 * partition holds every record of an alert; the alerter instances' group on the topic ({@link PartitionOwnership})
 * gives each partition to one instance, which is how two instances never both notify. A partition is served only
 * once the history has read it to its end, so that nothing settled before (by a previous owner) is sent again, and
 * the rule store is read, where the URLs of the alerts' channels are.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    private static final Duration STATUS_RETRY_MAX = Duration.ofSeconds(30);
    /** A sending status older than this without an outcome was lost with its instance: past any attempt's end. */
    private static final Duration IN_DOUBT_MARGIN = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** How often unsettled alerts are looked at again, and digest windows checked. */
    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Duration DEFAULT_DIGEST_INTERVAL = Duration.ofHours(1);
    /** A killed instance's partitions move to the others after this long (a clean stop hands them over at once). */
    private static final Duration OWNER_SESSION_TIMEOUT = Duration.ofSeconds(15);

    private final AlerterConfig config;
    private final TopicNames topics;
    private final KafkaClients kafka;
    private final AlertLog log;
    private final RuleStore rules;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ReactiveMailer mailer;
    private final AddressGuard guard;
    private ScheduledExecutorService scheduler;
    private DurableWrites writes;
    private PartitionOwnership ownership;
    private Deliverer deliverer;
    private CloseableHttpAsyncClient http;

    DeliveryService(AlerterConfig config, TopicNames topics, KafkaClients kafka, AlertLog log, RuleStore rules,
                    AlertPublisher publisher, ReactiveMailer mailer, AddressGuard guard, Clock clock,
                    MeterRegistry registry) {
        this.mailer = mailer;
        this.guard = guard;
        this.rules = rules;
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.log = log;
        this.publisher = publisher;
        this.clock = clock;
        this.registry = registry;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        AlerterConfig.Delivery settings = config.delivery();
        checkNamedWebhooks(settings.webhooks());
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("delivery-", 0).daemon().factory());
        http = WebhookChannel.client(guard, settings.connectTimeout(), settings.requestTimeout());
        List<Channel> channels = List.of(new LogChannel(),
                new WebhookChannel(ChannelTarget.Kind.WEBHOOK, http, settings.requestTimeout(), settings.webhooks()),
                new WebhookChannel(ChannelTarget.Kind.SLACK, http, settings.requestTimeout(), settings.webhooks()),
                new EmailChannel(mailer, settings.requestTimeout()));
        Deliverer.Policy policy = new Deliverer.Policy(settings.maxAttempts(),
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), ThreadLocalRandom.current()),
                settings.maxAge(), settings.requestTimeout().multipliedBy(2).plus(IN_DOUBT_MARGIN));
        writes = new DurableWrites(scheduler, Duration.ofSeconds(1), STATUS_RETRY_MAX);
        Gauge.builder("alerter.status.writes.pending", writes, DurableWrites::pending)
                .description("Delivery statuses and dead letters waiting for Kafka").register(registry);
        ChannelResolver resolver = new ChannelResolver(rules.book()::get, settings.webhooks());
        deliverer = new Deliverer(channels, resolver, policy, clock, scheduler, this::serves,
                alertId -> log.history().find(alertId), new Deliverer.Sink() {
            @Override
            public CompletionStage<Void> status(Alert alert) {
                return writes.write(() -> publisher.publish(alert).subscribeAsCompletionStage(),
                        "status of alert " + alert.id());
            }

            @Override
            public void deadLetter(Alert alert, String channel, String reason) {
                writes.write(() -> publisher.deadLetter(alert, channel, reason).subscribeAsCompletionStage(),
                        "dead letter of alert " + alert.id());
            }
        }, registry);
        log.onRaised(entry -> {
            if (serves(entry.partition()) && !isDigest(entry.alert().ruleId())) {
                deliverer.deliver(entry);
            }
        });
        scheduler.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        log.onDelivery(deliverer::onStatus);
        ownership = new PartitionOwnership(kafka, topics.alerts(), topics.alerterDeliveryGroup(),
                "newswatch-alerter-delivery", OWNER_SESSION_TIMEOUT, new PartitionOwnership.Listener() {
            @Override
            public CompletionStage<?> prepare(Set<Integer> partitions) {
                return CompletableFuture.runAsync(() -> awaitHistory(partitions), scheduler);
            }

            @Override
            public void owned(Set<Integer> partitions) {
                resume(partitions);
            }

            @Override
            public void released(Set<Integer> partitions) {
                deliverer.revoke(partitions);
            }
        });
        ownership.start();
    }

    /**
     * Stops notifying and lets what is in flight finish, its statuses written: a graceful restart (SIGTERM) then
     * repeats nothing.
     */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (ownership != null) {
            ownership.close();
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (deliverer != null && (deliverer.inFlight() > 0 || writes.pending() > 0)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (deliverer != null && (deliverer.inFlight() > 0 || writes.pending() > 0)) {
            LOG.warnf("Stopping with %d notifications in flight and %d statuses unwritten: webhooks among them may be"
                    + " sent again (same Idempotency-Key), Slack and email ones will not", deliverer.inFlight(),
                    writes.pending());
        }
        if (http != null) {
            http.close(CloseMode.GRACEFUL);
        }
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A configured webhook whose host is refused by the address guard is a configuration to fix: the start stops
     * and says so. One that does not resolve now is only warned about (DNS may come back; delivery retries).
     */
    private void checkNamedWebhooks(Map<String, URI> webhooks) {
        webhooks.forEach((name, url) -> {
            try {
                guard.resolve(url);
            } catch (BlockedAddressException e) {
                throw new IllegalStateException("newswatch.alerter.delivery.webhooks." + name + " ("
                        + ChannelTarget.redact(url) + ") is refused: " + e.getMessage() + ". Webhooks go to public"
                        + " addresses only; allow this one with newswatch.alerter.ssrf.allow"
                        + " (NEWSWATCH_ALERTER_SSRF_ALLOW)");
            } catch (UnknownHostException e) {
                LOG.warnf("newswatch.alerter.delivery.webhooks.%s (%s) does not resolve now: its deliveries fail"
                        + " until it does", name, ChannelTarget.redact(url));
            }
        });
    }

    /** True when this instance notifies for the partition now. */
    boolean serves(int partition) {
        return ownership.owns(partition);
    }

    /** Partitions this instance notifies for now. */
    public Set<Integer> served() {
        return ownership == null ? Set.of() : ownership.owned();
    }

    /** The group membership that says which partitions this instance notifies for; null before start. */
    public PartitionOwnership ownership() {
        return ownership;
    }

    /** Notifications in progress or waiting for a retry. */
    public int pending() {
        return deliverer == null ? 0 : deliverer.pending();
    }

    /**
     * Before this instance notifies for newly assigned partitions: the rule store (an alert names a URL channel by
     * its label, and the URL is in the rule) and the alert history read to the end of the alerts topic.
     */
    private void awaitHistory(Set<Integer> partitions) {
        try {
            while (!rules.awaitReady(Duration.ofMinutes(1)) || !log.awaitCaughtUp(Duration.ofMinutes(1))
                    || !log.awaitEnd(Duration.ofMinutes(1))) {
                LOG.warnf("Waiting for the rule store and the alert history before notifying for partitions %s",
                        partitions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the alert history", e);
        }
    }

    /** Notifies what the partitions now owned hold unsettled; the sweep takes up whatever this leaves. */
    private void resume(Set<Integer> partitions) {
        try {
            LOG.infof("Notifying from now on for partitions %s", partitions);
            List<AlertHistory.Entry> unsettled = log.history().unsettled(partitions);
            if (!unsettled.isEmpty()) {
                LOG.infof("Resuming %d unsettled notifications of partitions %s", unsettled.size(), partitions);
            }
            unsettled.stream().filter(e -> serves(e.partition()) && !isDigest(e.alert().ruleId()))
                    .forEach(this::deliverLogged);
        } catch (RuntimeException | Error e) {
            // the partitions stay owned: the sweep notifies what this left
            LOG.errorf(e, "Resuming the notifications of partitions %s failed; the sweep takes them up: %s",
                    partitions, e);
        }
    }

    /**
     * Notifies what is unsettled in the partitions this instance serves (alerts whose rule switched from digest to
     * instant, anything a rebalance left behind) and sends the digests that are due. One alert or rule that fails
     * here is logged and skipped, never the rest (nor the next sweeps: a periodic task that throws is not run
     * again).
     */
    void sweep() {
        try {
            Set<Integer> served = served();
            if (served.isEmpty()) {
                return;
            }
            for (AlertHistory.Entry entry : log.history().unsettled(served)) {
                if (serves(entry.partition()) && !isDigest(entry.alert().ruleId())) {
                    deliverLogged(entry);
                }
            }
            for (Rule rule : rules.book().digests()) {
                try {
                    sendDigest(rule);
                } catch (RuntimeException | StackOverflowError e) {
                    LOG.errorf(e, "The digest of rule %s failed: %s", rule.id(), e);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Checking unsettled notifications failed: %s", e);
        }
    }

    private void deliverLogged(AlertHistory.Entry entry) {
        try {
            deliverer.deliver(entry);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(e, "Notifying alert %s failed; the next sweep tries again: %s", entry.alert().id(), e);
        }
    }

    /** The digest of the rule's alerts raised before the current period began, by the owner of the rule's digests. */
    private void sendDigest(Rule rule) {
        int partition = log.partitionOf(rule.id());
        if (!serves(partition)) {
            return;
        }
        Instant window = windowStart(clock.instant(),
                rule.digestInterval() == null ? DEFAULT_DIGEST_INTERVAL : rule.digestInterval());
        List<Alert> due = log.history().unsettledOfRule(rule.id()).stream().map(AlertHistory.Entry::alert)
                .filter(alert -> alert.timestamp() != null && alert.timestamp().isBefore(window))
                .sorted(Comparator.comparing(Alert::timestamp)).toList();
        if (!due.isEmpty()) {
            deliverer.deliverDigest(rule.id(), partition, due, window);
        }
    }

    /** Digest periods are aligned on the epoch: an hourly digest goes out on the hour. */
    static Instant windowStart(Instant now, Duration interval) {
        long size = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    }

    private boolean isDigest(String ruleId) {
        return rules.book().get(ruleId).map(rule -> rule.mode() == Rule.Mode.DIGEST).orElse(false);
    }
}
