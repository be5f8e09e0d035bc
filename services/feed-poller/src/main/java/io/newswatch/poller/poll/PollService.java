package io.newswatch.poller.poll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.Feed;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.poller.config.InstanceId;
import io.newswatch.poller.config.PollerConfig;
import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.kafka.DeadLetters;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.PartitionOwnership;
import io.newswatch.kafka.TopicTable;
import io.newswatch.poller.feed.FeedRegistry;
import io.newswatch.poller.http.UrlSecrets;
import io.newswatch.poller.publish.DownstreamLag;
import io.newswatch.poller.publish.KafkaPublisher;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.FeedStatus;
import io.newswatch.poller.state.ItemLedger;
import io.newswatch.poller.state.StateStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The poller's life: reads the registry and the feeds' state from Kafka as {@link TopicTable}s, polls the feeds of
 * the partitions this instance owns when they are due, and writes each poll's outcome back. Everything it knows can
 * be rebuilt from the two compacted topics, so instances can come and go. The instances share the feeds through a
 * {@link PartitionOwnership} on the feeds topic: a newly assigned partition is polled only once both tables are
 * read up to date, so that the new owner continues where the old one stopped (validators, backoff, items published).
 */
@ApplicationScoped
public class PollService {

    private static final Logger LOG = Logger.getLogger(PollService.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final String SERVICE = "feed-poller";
    /** How long a dead instance keeps its feeds before another takes them over. */
    private static final Duration OWNER_SESSION_TIMEOUT = Duration.ofSeconds(15);

    private final FeedRegistry registry;
    private final StateStore store;
    private final FeedPoller poller;
    private final KafkaPublisher publisher;
    private final PartitionOwnership ownership;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TopicTable feedsTable;
    private final TopicTable stateTable;
    private final PollScheduler scheduler;
    private final CompletableFuture<Void> loaded;
    private final Timer lag;
    private final DownstreamLag downstream;
    private final Backpressure backpressure;
    private final ArticlePace pace;
    /** Per feed, the keys of ledger items whose last write failed: written again after the feed's next poll. */
    private final java.util.Map<String, Set<String>> unwritten = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * How long a feed's state that only a poll's times changed (a {@code 304}, the same body) is kept in memory
     * before it is written again: at the bench's 1 s polls, writing each such poll (the state's JSON, a produce
     * request, the table reading its echo) was most of an idle poller's CPU (docs/perf/README.md, session 15).
     * Other instances and a restart see its times up to this late; a feed whose next poll they read as past is
     * polled at once.
     */
    static final Duration UNCHANGED_STATE_REFRESH = Duration.ofMinutes(1);
    /** Per feed, the timestamp of its state last written to Kafka (acknowledged). */
    private final java.util.Map<String, Instant> stateWritten = new java.util.concurrent.ConcurrentHashMap<>();

    public PollService(PollerConfig config, TopicNames topics, InstanceId instance, FeedRegistry registry,
                       StateStore store, FeedPoller poller, KafkaPublisher publisher, Clock clock,
                       MeterRegistry meters, KafkaClients kafka) {
        this.registry = registry;
        this.store = store;
        this.poller = poller;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.deadLetters = new DeadLetters(kafka, topics.deadLetters(), "newswatch-feed-poller-dlq-" + instance.value());
        // a registration that is not a feed is dead-lettered once, when it arrives; the reason without URL secrets
        this.feedsTable = new TopicTable(kafka, topics.feeds(), SERVICE, record -> {
            try {
                registry.apply(record.key(), record.value(), record.partition());
            } catch (BadEventException e) {
                throw new BadEventException(UrlSecrets.redactText(e.getMessage()));
            }
        }, deadLetters);
        this.stateTable = new TopicTable(kafka, topics.feedState(), SERVICE,
                record -> store.apply(record.key(), record.value()), deadLetters);
        this.ownership = new PartitionOwnership(kafka, topics.feeds(), topics.pollerGroup(),
                "newswatch-feed-poller-" + instance.value(), OWNER_SESSION_TIMEOUT, new PartitionOwnership.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> prepare(Set<Integer> partitions) {
                        // new partitions: read the state up to now first, then own them
                        return CompletableFuture.allOf(loaded, feedsTable.catchUp(), stateTable.catchUp());
                    }

                    @Override
                    public void owned(Set<Integer> partitions) {
                        reconcileAll();
                    }

                    @Override
                    public void released(Set<Integer> partitions) {
                        reconcileAll();
                    }
                });
        this.lag = Timer.builder("newswatch.poller.poll.lag")
                .description("How late polls start after they were due (a growing lag: too few polls at once)")
                .register(meters);
        PollerConfig.Backpressure drain = config.backpressure();
        // the stages after the poller, each with its limit: the alert path's, the niced indexer's own
        java.util.Map<String, ConsumerGroupLag.Watched> stages =
                new java.util.LinkedHashMap<>(ConsumerGroupLag.downstreamStages(topics));
        java.util.Map<String, Long> limits =
                Backpressure.limits(stages.keySet(), drain.maxLag(), drain.indexerMaxLag());
        stages.keySet().retainAll(limits.keySet());
        this.downstream = limits.isEmpty() ? null : new DownstreamLag(kafka.admin("newswatch-feed-poller-lag-"
                + instance.value()), stages, Duration.ofSeconds(5));
        this.backpressure = downstream == null ? Backpressure.off() : new Backpressure(downstream, limits,
                drain.maxPause(), drain.checkInterval(), clock, interval -> Thread.sleep(interval));
        this.pace = new ArticlePace(backpressure, new ArticleRate(drain.maxArticlesPerSecond(), System::nanoTime,
                interval -> Thread.sleep(interval)));
        this.scheduler = new PollScheduler(this::poll, config.maxConcurrentPolls(), clock, lag::record, backpressure);
        this.loaded = new CompletableFuture<>();
    }

    /** Starts reading and polling; called once the application is up. */
    public void start() {
        registry.onChange(this::reconcile);
        feedsTable.start();
        stateTable.start();
        scheduler.start();
        Thread.ofPlatform().daemon().name("poller-tables-loaded").start(() -> {
            try {
                // both tables read to the end they had at start; readError() says why meanwhile, while they cannot
                while (!(feedsTable.awaitCaughtUp(Duration.ofMinutes(1)) && stateTable.awaitCaughtUp(Duration.ofMinutes(1)))) {
                    LOG.infof("still reading the registry and the feeds' state: %s", readError());
                }
                loaded.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ownership.start();
        loaded.thenRun(() -> {
            LOG.infof("registry loaded: %d feeds, state of %d", registry.size(), store.feeds());
            reconcileAll();
        });
        Gauge.builder("newswatch.poller.feeds", registry, FeedRegistry::size).tag("scope", "registered")
                .description("Feeds in the registry").register(meters);
        Gauge.builder("newswatch.poller.feeds", scheduler, PollScheduler::size).tag("scope", "owned")
                .description("Feeds polled by this instance").register(meters);
        Gauge.builder("newswatch.poller.feeds", this, PollService::failing).tag("scope", "failing")
                .description("Feeds of this instance whose last poll failed").register(meters);
        Gauge.builder("newswatch.poller.polls.running", scheduler, PollScheduler::running)
                .description("Polls in progress").register(meters);
        for (String stage : backpressure.limits().keySet()) {
            Gauge.builder("newswatch.poller.downstream.lag", backpressure, b -> b.lag(stage)).tag("stage", stage)
                    .description("Records a next stage watched by drain before fill has still to read (-1: unknown)")
                    .register(meters);
        }
        Gauge.builder("newswatch.poller.backpressure.paused", backpressure, b -> b.paused() ? 1 : 0)
                .description("1 while new polls wait for the next stages to catch up").register(meters);
    }

    /** Completes once the registry and the state have been read from Kafka. */
    public CompletableFuture<Void> loaded() {
        return loaded;
    }

    public boolean isLoaded() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /** Why reading the registry or the state fails, while it does; null when both read fine. */
    public String readError() {
        return feedsTable.problem() != null ? feedsTable.problem() : stateTable.problem();
    }

    public boolean schedulerAlive() {
        return scheduler.alive();
    }

    /** The partition of the feeds topic a feed id lands in (Kafka's default partitioner); -1 while unknown. */
    public int partitionOf(String feedId) {
        return feedsTable.partitions() == 0 ? -1 : feedsTable.partitionOf(feedId);
    }

    /** The partitions of the feeds topic this instance polls. */
    public Set<Integer> ownedPartitions() {
        return ownership.owned();
    }

    /** Writes a deleted feed's state away (tombstones), so that a re-registration starts afresh. */
    public CompletableFuture<Void> forget(String feedId) {
        scheduler.unschedule(feedId);
        List<String> items = store.entryKeys(feedId);
        store.remove(feedId);
        unwritten.remove(feedId);
        stateWritten.remove(feedId);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        writes.add(publisher.state(feedId, null).toCompletableFuture());
        writes.add(publisher.state(ItemLedger.legacyKey(feedId), null).toCompletableFuture());
        items.forEach(key -> writes.add(publisher.state(key, null).toCompletableFuture()));
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private void reconcileAll() {
        if (!isLoaded()) {
            return;
        }
        for (FeedRegistry.Entry entry : registry.all()) {
            reconcile(entry.feed().id());
        }
    }

    /** Schedules a feed this instance owns and does not poll yet; unschedules one it no longer owns. */
    private void reconcile(String feedId) {
        if (!isLoaded()) {
            return;
        }
        Optional<FeedRegistry.Entry> entry = registry.get(feedId);
        boolean owned = entry.isPresent() && ownership.owns(entry.get().partition());
        if (owned && !scheduler.isScheduled(feedId)) {
            Instant now = clock.instant();
            Instant due = store.state(feedId).map(FeedState::status).map(FeedStatus::nextPoll)
                    .filter(next -> next.isAfter(now)).orElse(now);
            scheduler.schedule(feedId, due);
        } else if (!owned && scheduler.isScheduled(feedId)) {
            scheduler.unschedule(feedId);
        }
    }

    /** One poll of a feed, with its id in the logs' context; returns when to poll it next, or null to stop. */
    private Instant poll(String feedId) {
        MDC.put("feedId", feedId);
        try {
            return pollFeed(feedId);
        } finally {
            MDC.remove("feedId");
        }
    }

    private Instant pollFeed(String feedId) {
        Optional<FeedRegistry.Entry> entry = registry.get(feedId);
        if (entry.isEmpty() || !ownership.owns(entry.get().partition())) {
            return null;
        }
        Feed feed = entry.get().feed();
        FeedState state = store.state(feedId).orElseGet(() -> FeedState.initial(feedId, clock.instant()));
        ItemLedger ledger = store.ledger(feedId);
        PollResult result;
        try {
            result = poller.poll(feed, state, ledger, store::published, publisher, pace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (registry.get(feedId).isEmpty()) {
            return null;
        }
        persist(feed, result);
        return result.state().status().nextPoll();
    }

    /**
     * Writes what a poll changed: the ledger's changed items (and those whose write failed before), the feed's
     * state, a moved registration; once all are acknowledged, the delete of an older version's whole-ledger
     * snapshot whose items were all written again. Applied to the store at once, so that the next poll and the
     * status see them whatever Kafka does. A state that differs from the one held only by its times is not written
     * while the last write is less than {@link #UNCHANGED_STATE_REFRESH} old.
     */
    private void persist(Feed feed, PollResult result) {
        String feedId = feed.id();
        if (onlyTimesChanged(feedId, result)) {
            store.putState(feedId, result.state());
            return;
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        Set<String> items = new java.util.LinkedHashSet<>();
        Set<String> retried = unwritten.remove(feedId);
        if (retried != null) {
            items.addAll(retried);
        }
        if (result.ledger() != null) {
            store.apply(result.ledger());
            items.addAll(result.ledger().writes().keySet());
        }
        // the store holds the latest value of each key (null once forgotten): written as it is now
        for (String key : items) {
            writes.add(publisher.stateJson(key, store.writeEntry(feedId, key)).toCompletableFuture());
        }
        writes.add(publisher.stateJson(feedId, store.writeState(feedId, result.state())).toCompletableFuture());
        if (result.moved() != null) {
            registry.put(result.moved(), registry.get(feedId).map(FeedRegistry.Entry::partition).orElse(-1));
            writes.add(publisher.register(result.moved()).toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            stateWritten.put(feedId, result.state().timestamp());
            if (result.ledger() != null && result.ledger().dropLegacy()) {
                store.putLedger(feedId, null);
                publisher.state(ItemLedger.legacyKey(feedId), null).toCompletableFuture()
                        .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            stateWritten.remove(feedId);
            if (!items.isEmpty()) {
                unwritten.merge(feedId, items, (held, more) -> {
                    Set<String> all = new java.util.LinkedHashSet<>(held);
                    all.addAll(more);
                    return all;
                });
            }
            meters.counter("newswatch.poller.state.write.failures").increment();
            LOG.warnf("could not write the state of feed %s to Kafka (%s); it is kept in memory and written after the "
                    + "next poll", feedId, e instanceof TimeoutException ? "timeout" : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True when the poll changed nothing but the state's times (nothing of the ledger, no move, nothing left to
     * write again) and the state was written less than {@link #UNCHANGED_STATE_REFRESH} before.
     */
    private boolean onlyTimesChanged(String feedId, PollResult result) {
        Instant written = stateWritten.get(feedId);
        return written != null && result.moved() == null && !unwritten.containsKey(feedId)
                && (result.ledger() == null || result.ledger().writes().isEmpty() && !result.ledger().dropLegacy())
                && result.state().timestamp().isBefore(written.plus(UNCHANGED_STATE_REFRESH))
                && result.state().sameButTimes(store.state(feedId).orElse(null));
    }

    private int failing() {
        int failing = 0;
        for (FeedRegistry.Entry entry : registry.all()) {
            if (ownership.owns(entry.partition())
                    && store.state(entry.feed().id()).map(s -> s.status().consecutiveFailures() > 0).orElse(false)) {
                failing++;
            }
        }
        return failing;
    }

    void stop(@Observes ShutdownEvent event) {
        scheduler.close(Duration.ofSeconds(10));
        ownership.close();
        feedsTable.close();
        stateTable.close();
        deadLetters.close();
        if (downstream != null) {
            downstream.close();
        }
    }
}
