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
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Consumes enriched articles: match against every rule, raise the alerts the planner decides on, and acknowledge
 * the article (so its offset may be committed) only once Kafka has acknowledged every alert. A record that is not
 * an enriched article goes to the dead-letter topic.
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

    @Incoming("articles")
    @Blocking
    public Uni<Void> consume(Message<String> message) {
        awaitReady();
        EnrichedArticle article;
        try {
            article = Json.decode(message.getPayload(), EnrichedArticle.class);
        } catch (BadEventException e) {
            LOG.errorf("Dead-lettering a record that is not an enriched article: %s", e.getMessage());
            return deadLetter(message, e);
        }
        List<Alert> alerts = match(article);
        articles.increment();
        if (alerts.isEmpty()) {
            return Uni.createFrom().completionStage(message::ack);
        }
        return Uni.join().all(alerts.stream().map(this::raise).toList()).andFailFast()
                .onItem().transformToUni(ignored -> Uni.createFrom().completionStage(message::ack))
                .onFailure().recoverWithUni(error -> {
                    LOG.errorf("Dead-lettering article %s: its alerts cannot be written: %s", article.id(),
                            error.getMessage());
                    return deadLetter(message, error);
                });
    }

    List<Alert> match(EnrichedArticle article) {
        ArticleDocument document = ArticleDocument.of(article);
        RuleBook book = rules.book();
        long started = System.nanoTime();
        List<Rule> matched = book.match(document);
        matchTimer.record(Duration.ofNanos(System.nanoTime() - started));
        return planner.plan(article, document, matched, book::get, id -> book.query(id).orElse(null), log);
    }

    private Uni<Void> raise(Alert alert) {
        return publisher.publish(alert)
                .onFailure(ArticleConsumer::isTransient).invoke(error -> LOG.warnf(
                        "Writing alert %s failed, retrying: %s", alert.id(), error.getMessage()))
                .onFailure(ArticleConsumer::isTransient).retry().withBackOff(Duration.ofSeconds(1), PUBLISH_RETRY_MAX)
                .indefinitely()
                .invoke(() -> {
                    log.raisedHere(alert.id());
                    Counter.builder("alerter.alerts.raised").tag("level", String.valueOf(alert.level()))
                            .description("Alerts raised").register(registry).increment();
                    if (alert.articleFetched() != null) {
                        latency.record(Duration.between(alert.articleFetched(), clock.instant()));
                    }
                    LOG.infof("Raised alert %s: rule %s on article %s", alert.id(), alert.ruleId(),
                            alert.articleId());
                });
    }

    /** Kafka being away is worth waiting for; a record Kafka can never take is not. */
    private static boolean isTransient(Throwable error) {
        return !(error instanceof RecordTooLargeException || error instanceof SerializationException);
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.SERVICE, "alerter".getBytes(StandardCharsets.UTF_8));
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
        return Uni.createFrom().completionStage(() -> message.nack(reason, metadata));
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
