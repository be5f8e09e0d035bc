package io.newswatch.enricher.pipeline;

import io.newswatch.tagging.Enricher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers operators watch ({@code /q/metrics}): articles by outcome, enrichment time, how late articles arrive
 * after the poller saw them, what was found, produce failures.
 */
@ApplicationScoped
public class EnricherMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter enriched;
    private final Counter deadLettered;
    private final Counter produceFailures;
    private final Timer enrichTime;
    private final Timer pipelineLag;
    private final DistributionSummary entitiesPerArticle;
    private final DistributionSummary topicsPerArticle;
    /** Counters by tags, looked up once: a registry lookup per entity costs more than the increment. */
    private final Map<String, Counter> entityCounters = new ConcurrentHashMap<>();
    private final Map<String, Counter> topicCounters = new ConcurrentHashMap<>();

    public EnricherMetrics(MeterRegistry registry, Clock clock, Enricher enricher) {
        this.registry = registry;
        this.clock = clock;
        enriched = articles(registry, "enriched");
        deadLettered = articles(registry, "dead-lettered");
        produceFailures = Counter.builder("newswatch.enricher.produce.failures")
                .description("Outputs Kafka refuses for good (an enriched article larger than the topic takes: its input is"
                        + " dead-lettered instead)")
                .register(registry);
        enrichTime = Timer.builder("newswatch.enricher.enrich.duration")
                .description("CPU time to enrich one article (tagging, topics, story)")
                .publishPercentiles(0.5, 0.99).register(registry);
        pipelineLag = Timer.builder("newswatch.enricher.lag")
                .description("From the poller seeing an article to its enrichment")
                .publishPercentiles(0.5, 0.99).register(registry);
        entitiesPerArticle = DistributionSummary.builder("newswatch.enricher.entities.per.article").register(registry);
        topicsPerArticle = DistributionSummary.builder("newswatch.enricher.topics.per.article").register(registry);
        registry.gauge("newswatch.enricher.knowledge.base.bytes", enricher, e -> (double) e.compiledBytes());
    }

    private static Counter articles(MeterRegistry registry, String outcome) {
        return Counter.builder("newswatch.enricher.articles").tag("outcome", outcome)
                .description("Articles read from the raw topic, by outcome").register(registry);
    }

    void enriched(EnrichedArticle article, long nanos) {
        enriched.increment();
        enrichTime.record(Duration.ofNanos(nanos));
        entitiesPerArticle.record(article.entities().size());
        topicsPerArticle.record(article.topics().size());
        Instant fetched = article.article().fetched();
        if (fetched != null) {
            pipelineLag.record(Duration.between(fetched, clock.instant()).abs());
        }
        for (Entity entity : article.entities()) {
            String key = entity.type().name() + (entity.discovered() ? "+" : "");
            entityCounters.computeIfAbsent(key, k -> registry.counter("newswatch.enricher.entities",
                    "type", entity.type().name(), "discovered", Boolean.toString(entity.discovered()))).increment();
        }
        article.topics().forEach(t -> topicCounters.computeIfAbsent(t.id(),
                id -> registry.counter("newswatch.enricher.topics", "topic", id)).increment());
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void produceFailed() {
        produceFailures.increment();
    }
}
