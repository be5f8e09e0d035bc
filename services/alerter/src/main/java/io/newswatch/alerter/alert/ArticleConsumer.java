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
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
    }

    /**
     * One poll's worth of articles (up to {@code max.poll.records}): each is matched in turn and its alerts sent at
     * once, so the alerts of the whole batch travel to Kafka together. The batch is acknowledged (its offsets may
     * be committed) once every alert and every dead letter of it is acknowledged by Kafka; a record that is not an
     * enriched article goes to the dead-letter topic with its reason while the rest of the batch proceeds.
     */
    @Incoming("articles")
    @Blocking
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        awaitReady();
        List<Uni<Void>> written = new ArrayList<>();
        BatchState state = new BatchState(log, new HashSet<>());
        for (ConsumerRecord<String, String> record : records(batch)) {
            Uni<Void> work = process(record, state);
            if (work != null) {
                written.add(work);
            }
        }
        Uni<Void> acknowledged = Uni.createFrom().completionStage(batch::ack);
        return written.isEmpty() ? acknowledged
                : Uni.join().all(written).andCollectFailures().onItem().transformToUni(ignored -> acknowledged);
    }

    @SuppressWarnings("unchecked")
    private static Iterable<ConsumerRecord<String, String>> records(KafkaRecordBatch<String, String> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow().getRecords();
    }

    /** Matches one record; returns what must be acknowledged by Kafka before its offset is committed, or null. */
    private Uni<Void> process(ConsumerRecord<String, String> record, BatchState state) {
        EnrichedArticle article;
        try {
            article = Json.decode(record.value(), EnrichedArticle.class);
        } catch (BadEventException e) {
            LOG.errorf("Dead-lettering record %s-%d@%d (key %s): not an enriched article: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            return deadLetter(record, e);
        }
        List<Alert> alerts;
        try {
            alerts = match(article, state);
        } catch (RuntimeException | StackOverflowError e) {
            // A rule's failure is the rule's (it is marked broken, the others match); what is left is the article's.
            LOG.errorf(e, "Dead-lettering article %s (%s-%d@%d): matching it failed: %s", article.id(),
                    record.topic(), record.partition(), record.offset(), e);
            return deadLetter(record, new IllegalStateException("matching the article failed: " + e, e));
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

    private List<Alert> match(EnrichedArticle article, AlertState state) {
        ArticleDocument document = ArticleDocument.of(article);
        RuleBook book = rules.book();
        long started = System.nanoTime();
        List<Rule> matched = book.match(document);
        matchTimer.record(Duration.ofNanos(System.nanoTime() - started));
        return planner.plan(article, document, matched, book::get, id -> book.query(id).orElse(null), state);
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
        public Set<String> rulesOnStory(String storyId) {
            return history.rulesOnStory(storyId);
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
        return !(error instanceof RecordTooLargeException || error instanceof SerializationException);
    }

    /** Writes the record to the dead-letter topic, retrying while Kafka is away (the batch waits). */
    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
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
