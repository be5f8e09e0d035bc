package io.newswatch.indexer.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.config.IndexerConfig;
import io.newswatch.indexer.schema.SchemaInstaller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies the retention of both aliases ({@code newswatch.indexer.retention.*}) once the schema is installed and then
 * every {@code check-interval}: with ILM where the cluster has it, by deleting the indices itself where it does not
 * ({@link RetentionPolicy} says which indices are past their period). A failed check is logged and tried again at the
 * next interval; indexing is never held up by it.
 */
@ApplicationScoped
public class RetentionScheduler {

    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class);

    private final IndexerConfig.Retention config;
    private final boolean rollingOver;
    private final ElasticsearchHttp http;
    private final SchemaInstaller schema;
    private final Clock clock;
    private final AliasIndices aliasIndices;
    private final List<RetentionPolicy> policies;
    private final Map<String, Counter> deleted = new HashMap<>();
    private final Map<String, Double> oldestAge = new ConcurrentHashMap<>();
    private volatile RetentionStrategy strategy;
    private ScheduledExecutorService executor;

    public RetentionScheduler(IndexerConfig config, ElasticsearchConfig elasticsearch, ElasticsearchHttp http,
                              SchemaInstaller schema, MeterRegistry registry, Clock clock) {
        this.config = config.retention();
        this.rollingOver = config.rollover().enabled();
        this.http = http;
        this.schema = schema;
        this.clock = clock;
        this.aliasIndices = new AliasIndices(http);
        this.policies = List.of(new RetentionPolicy(elasticsearch.indices().articles(), this.config.articles()),
                new RetentionPolicy(elasticsearch.indices().alerts(), this.config.alerts()));
        for (RetentionPolicy policy : policies) {
            String alias = policy.alias();
            deleted.put(alias, Counter.builder("newswatch.indexer.indices.deleted")
                    .description("Rolled-over indices the indexer deleted because they were past their retention "
                            + "(with ILM, Elasticsearch deletes them and this stays 0)")
                    .tag("alias", alias).register(registry));
            oldestAge.put(alias, 0.0);
            Gauge.builder("newswatch.indexer.retention.oldest.index.age", oldestAge, ages -> ages.get(alias))
                    .description("Time since the rollover of the earliest-rolled-over index still behind the alias "
                            + "(0 when none); above the period, deletion is behind")
                    .baseUnit("seconds").tag("alias", alias).register(registry);
            Gauge.builder("newswatch.indexer.retention.period", policy, p -> p.period().toSeconds())
                    .description("How long an index is kept after its rollover").baseUnit("seconds")
                    .tag("alias", alias).register(registry);
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Retention is off (newswatch.indexer.retention.enabled=false): every index is kept forever");
            return;
        }
        if (!rollingOver) {
            LOG.warn("Retention is on but rollover checks are off (newswatch.indexer.rollover.enabled=false): only "
                    + "indices rolled over by another indexer or by hand are ever deleted");
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("retention")
                .factory());
        executor.scheduleWithFixedDelay(this::checkAll, 0, config.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Applies the retention of every alias now (after waiting for the schema, the first time). */
    public void checkAll() {
        try {
            schema.awaitInstalled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        RetentionStrategy current;
        try {
            current = strategy();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot tell whether Elasticsearch has ILM: %s; nothing deleted, trying again in %s",
                    e.getMessage(), config.checkInterval());
            return;
        }
        if (current == null) {
            return;
        }
        for (RetentionPolicy policy : policies) {
            try {
                List<AliasIndex> indices = aliasIndices.read(policy.alias());
                Instant now = clock.instant();
                for (String index : current.apply(policy, indices, now)) {
                    LOG.infof("Deleted index %s: rolled over more than %s ago (retention of %s)", index,
                            policy.period(), policy.alias());
                    deleted.get(policy.alias()).increment();
                }
                List<AliasIndex> left = aliasIndices.read(policy.alias());
                oldestAge.put(policy.alias(), RetentionPolicy.oldest(left, clock.instant())
                        .map(age -> age.toMillis() / 1000.0).orElse(0.0));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Cannot apply the retention of %s (%s): %s; trying again in %s", policy.alias(),
                        current.name(), e.getMessage(), config.checkInterval());
            }
        }
    }

    /** The way of deleting, decided once: ILM where the cluster has it (or where asked), else the indexer. */
    private RetentionStrategy strategy() throws IOException {
        if (strategy == null) {
            strategy = switch (config.mode()) {
                case INDEXER -> new IndexerDeletion(http);
                case ILM -> {
                    if (!IlmDeletion.available(http)) {
                        LOG.errorf("newswatch.indexer.retention.mode=ilm, but this Elasticsearch has no ILM: nothing "
                                + "is deleted. Set the mode to auto or indexer to let the indexer delete.");
                        yield null;
                    }
                    yield new IlmDeletion(http);
                }
                case AUTO -> IlmDeletion.available(http) ? new IlmDeletion(http) : new IndexerDeletion(http);
            };
            if (strategy != null) {
                LOG.infof("Retention: articles %s, alerts %s after their rollover, deleted by %s", config.articles(),
                        config.alerts(), strategy.name().equals("ilm") ? "Elasticsearch's ILM" : "the indexer");
            }
        }
        return strategy;
    }
}
