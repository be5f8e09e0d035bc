package io.newswatch.alerter.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.rule.RuleBook;
import io.newswatch.alerter.rule.RuleStore;
import io.newswatch.contract.Alert;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.kafka.DurableWrites;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Consumes enriched articles, a batch (one poll) at a time: match each against every rule, raise the alerts the
 * planner decides on, and acknowledge the batch (so its offsets may be committed) only once Kafka has acknowledged
 * every alert. A record that is not an enriched article goes to the dead-letter topic; the others proceed.
 */
@ApplicationScoped
public class ArticleConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleConsumer.class);
    private static final Duration PUBLISH_RETRY_MAX = Duration.ofSeconds(30);

    private final RuleStore rules;
    private final AlertLog log;
    private final AlertPublisher publisher;
    private final AlertPlanner planner;
    private final AlerterConfig config;
    private final Clock clock;
    private final Timer matchTimer;
    private final Timer latency;
    private final Counter articles;
    private final Counter articlesMatched;
    /** Decode and match a batch's articles, one per core. */
    private final ExecutorService matchers = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("alerter-match-", 0).daemon()
                    .factory());
    private final MeterRegistry registry;
    private volatile boolean ready;

    ArticleConsumer(RuleStore rules, AlertLog log, AlertPublisher publisher, AlerterConfig config, Clock clock,
                    MeterRegistry registry) {
        this.rules = rules;
        this.log = log;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.planner = new AlertPlanner(clock, config.kibanaUrl());
        this.matchTimer = Timer.builder("alerter.match.duration").description("Matching one article against all rules")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.latency = Timer.builder("alerter.alert.latency")
                .description("From the poller fetching an article to its alert being on the alerts topic")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.articles = Counter.builder("alerter.articles").description("Enriched articles matched")
                .register(registry);
        this.articlesMatched = Counter.builder("alerter.articles.matched")
                .description("Enriched articles that matched at least one enabled rule").register(registry);
    }

    /**
     * One poll's worth of articles (up to {@code max.poll.records}): each is matched in turn and its alerts sent at
     * once, so the alerts of the whole batch travel to Kafka together. The batch is acknowledged (its offsets may
     * be committed) once every alert and every dead letter of it is acknowledged by Kafka; a record that is not an
     * enriched article goes to the dead-letter topic with its reason while the rest of the batch proceeds.
     */
    @Incoming("articles")
    @Blocking
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        awaitReady();
        List<Uni<Void>> written = new ArrayList<>();
        BatchState state = new BatchState(log, new HashSet<>());
        List<Future<Matched>> matching = matchAll(records(batch));
        for (int i = 0; i < matching.size(); i++) {
            Uni<Void> work = process(done(matching, i), state);
            if (work != null) {
                // sent now (an emitter's Uni sends when subscribed): the article's alerts go out while the rest of
                // the batch is matched, not when the batch is done
                written.add(Uni.createFrom().completionStage(work.subscribeAsCompletionStage()));
            }
        }
        Uni<Void> acknowledged = Uni.createFrom().completionStage(batch::ack);
        return written.isEmpty() ? acknowledged
                : Uni.join().all(written).andCollectFailures().onItem().transformToUni(ignored -> acknowledged);
    }

    /**
     * Decodes and matches the batch's records on the matching threads (Lucene Monitor matches concurrently), in
     * record order. What they raise is planned one article after the other, in that order, each as soon as it is
     * matched: an article's alerts do not wait for the rest of the batch to be matched.
     */
    private List<Future<Matched>> matchAll(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() == 1) {
            return List.of(CompletableFuture.completedFuture(decodeAndMatch(records.getFirst())));
        }
        List<Future<Matched>> futures = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            futures.add(matchers.submit(() -> decodeAndMatch(record)));
        }
        return futures;
    }

    /** Waits for the i-th record's matching; on failure the batch's remaining matching is cancelled. */
    private static Matched done(List<Future<Matched>> matching, int i) {
        try {
            return matching.get(i).get();
        } catch (InterruptedException e) {
            cancelFrom(matching, i);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching a batch", e);
        } catch (ExecutionException e) {
            // decodeAndMatch catches what matching throws: anything else is a bug, and the batch is not acknowledged
            cancelFrom(matching, i);
            throw new IllegalStateException("matching a batch failed", e.getCause());
        }
    }

    private static void cancelFrom(List<Future<Matched>> matching, int from) {
        for (int j = from; j < matching.size(); j++) {
            matching.get(j).cancel(true);
        }
    }

    /** One record, decoded and matched; {@code error} says why it is to be dead-lettered instead. */
    private record Matched(ConsumerRecord<String, byte[]> record, EnrichedArticle article, RuleBook book,
                           RuleBook.Matched matched, Throwable error) {
    }

    private Matched decodeAndMatch(ConsumerRecord<String, byte[]> record) {
        EnrichedArticle article;
        try {
            article = Json.decode(record.value(), EnrichedArticle.class);
        } catch (BadEventException e) {
            LOG.errorf("Dead-lettering record %s-%d@%d (key %s): not an enriched article: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            return new Matched(record, null, null, null, e);
        }
        try {
            ArticleDocument document = ArticleDocument.of(article);
            RuleBook book = rules.book();
            long started = System.nanoTime();
            RuleBook.Matched matched = book.matchExplainable(document);
            matchTimer.record(Duration.ofNanos(System.nanoTime() - started));
            return new Matched(record, article, book, matched, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Matched(record, article, null, null, e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        matchers.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<String, byte[]>> records(KafkaRecordBatch<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (Object record : batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow().getRecords()) {
            records.add((ConsumerRecord<String, byte[]>) record);
        }
        return records;
    }

    /** Plans one matched record's alerts; returns what Kafka must acknowledge before its offset is committed. */
    private Uni<Void> process(Matched matched, BatchState state) {
        ConsumerRecord<String, byte[]> record = matched.record();
        EnrichedArticle article = matched.article();
        if (article == null) {
            return deadLetter(record, matched.error());
        }
        if (matched.error() != null) {
            return matchingFailed(record, article, matched.error());
        }
        if (!matched.matched().rules().isEmpty()) {
            articlesMatched.increment();
        }
        List<Alert> alerts;
        try {
            RuleBook book = matched.book();
            alerts = planner.plan(article, matched.matched().explainer(), matched.matched().rules(), book::get,
                    book.escalating(), id -> book.query(id).orElse(null), state);
        } catch (RuntimeException | StackOverflowError e) {
            return matchingFailed(record, article, e);
        }
        alerts.forEach(alert -> state.raised().add(alert.id()));
        articles.increment();
        // the story stays open for the rules that alerted on it (their state is stored again now and then)
        Uni<Void> seen = log.seen(storyId(article), fetched(article));
        if (alerts.isEmpty()) {
            return seen;
        }
        List<Uni<Void>> writes = new ArrayList<>(alerts.stream().map(this::raise).toList());
        writes.add(seen);
        return Uni.join().all(writes).andFailFast().replaceWithVoid()
                .onFailure().recoverWithUni(error -> {
                    LOG.errorf("Dead-lettering article %s: its alerts cannot be written: %s", article.id(),
                            error.getMessage());
                    return deadLetter(record, error);
                });
    }

    /** A rule's failure is the rule's (it is marked broken, the others match); what is left is the article's. */
    private Uni<Void> matchingFailed(ConsumerRecord<String, byte[]> record, EnrichedArticle article, Throwable e) {
        LOG.errorf(e, "Dead-lettering article %s (%s-%d@%d): matching it failed: %s", article.id(), record.topic(),
                record.partition(), record.offset(), e);
        return deadLetter(record, new IllegalStateException("matching the article failed: " + e, e));
    }

    private Uni<Void> raise(Alert alert) {
        // once Kafka has the alert, the rule's state on the story (what outlives the alerts topic); a retry writes
        // both again, which is harmless: the alert id and the state are the same
        return publisher.publish(alert).chain(() -> log.raised(alert))
                .onFailure(ArticleConsumer::isTransient).invoke(error -> LOG.warnf(
                        "Writing alert %s or its state failed, retrying: %s", alert.id(), error.getMessage()))
                .onFailure(ArticleConsumer::isTransient).retry().withBackOff(Duration.ofSeconds(1), PUBLISH_RETRY_MAX)
                .indefinitely()
                .invoke(() -> {
                    Counter.builder("alerter.alerts.raised").tag("level", String.valueOf(alert.level()))
                            .description("Alerts raised").register(registry).increment();
                    if (alert.articleFetched() != null) {
                        latency.record(Duration.between(alert.articleFetched(), clock.instant()));
                    }
                    LOG.infof("Raised alert %s: rule %s on article %s", alert.id(), alert.ruleId(),
                            alert.articleId());
                });
    }

    /**
     * The alert history as a batch sees it: an alert an earlier article of the batch raises counts as raised,
     * although Kafka has not acknowledged it yet (two articles of one story in a batch raise one alert).
     */
    private record BatchState(AlertState history, Set<String> raised) implements AlertState {

        @Override
        public boolean isRaised(String alertId) {
            return raised.contains(alertId) || history.isRaised(alertId);
        }

        @Override
        public Optional<StoryAlerts> onStory(String ruleId, String storyId) {
            return history.onStory(ruleId, storyId);
        }

        @Override
        public Set<String> rulesOnStory(String storyId, Set<String> among) {
            return history.rulesOnStory(storyId, among);
        }
    }

    private static String storyId(EnrichedArticle article) {
        return article.story() == null || article.story().id() == null ? article.id() : article.story().id();
    }

    private static Instant fetched(EnrichedArticle article) {
        return article.article().fetched() != null ? article.article().fetched() : article.timestamp();
    }

    /** Kafka being away is worth waiting for; a record Kafka can never take is not. */
    private static boolean isTransient(Throwable error) {
        return !DurableWrites.refusedForGood(error);
    }

    /** Writes the record to the dead-letter topic, retrying while Kafka is away (the batch waits). */
    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, Throwable reason) {
        return publisher.deadLetter(record, reason)
                .onFailure(ArticleConsumer::isTransient).invoke(error -> LOG.warnf(
                        "Dead-lettering record %s-%d@%d failed, retrying: %s", record.topic(),
                        record.partition(), record.offset(), error.getMessage()))
                .onFailure(ArticleConsumer::isTransient).retry().withBackOff(Duration.ofSeconds(1), PUBLISH_RETRY_MAX)
                .indefinitely();
    }

    /** Matching must not start before every rule and the alert history have been read. */
    private void awaitReady() {
        if (ready) {
            return;
        }
        try {
            while (!rules.awaitReady(config.startupTimeout()) || !log.awaitCaughtUp(config.startupTimeout())) {
                LOG.errorf("Articles wait: the rule store (%s) or the alert history (%s) is still not read",
                        rules.problem(), log.problem());
            }
            ready = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rule store", e);
        }
    }
}
