package io.newswatch.indexer.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.config.IndexerConfig;
import io.newswatch.indexer.schema.IndexPlacement;
import io.newswatch.indexer.schema.Rollover;
import io.newswatch.indexer.schema.SchemaInstaller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks the rollover conditions of both aliases every {@code newswatch.indexer.rollover.check-interval}, once the
 * schema is installed. A failed check is logged and tried again at the next interval: indexing goes on into the
 * current write index meanwhile.
 */
@ApplicationScoped
public class RolloverScheduler {

    private static final Logger LOG = Logger.getLogger(RolloverScheduler.class);

    private final IndexerConfig config;
    private final ElasticsearchHttp http;
    private final SchemaInstaller schema;
    private final List<String> aliases;
    private final Rollover rollover;
    private final IndexPlacement placement;
    private final MeterRegistry registry;
    private ScheduledExecutorService executor;

    public RolloverScheduler(IndexerConfig config, ElasticsearchConfig elasticsearch, ElasticsearchHttp http,
                             SchemaInstaller schema, IndexPlacement placement, MeterRegistry registry) {
        this.config = config;
        this.placement = placement;
        this.http = http;
        this.schema = schema;
        this.registry = registry;
        this.aliases = List.of(elasticsearch.indices().articles(), elasticsearch.indices().alerts());
        IndexerConfig.Rollover settings = config.rollover();
        this.rollover = new Rollover(settings.maxAge(), settings.maxPrimaryShardSize().asLongValue(),
                settings.maxDocs().map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.rollover().enabled()) {
            LOG.info("Rollover checks are off (newswatch.indexer.rollover.enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rollover")
                .factory());
        long interval = config.rollover().checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Checks every alias now. */
    public void checkAll() {
        if (!schema.isInstalled()) {
            return;
        }
        for (String alias : aliases) {
            try {
                Optional<String> newIndex = rollover.check(http, alias);
                if (newIndex.isPresent()) {
                    placement.forget(alias);
                    LOG.infof("Rolled %s over to %s", alias, newIndex.get());
                    Counter.builder("newswatch.indexer.rollovers").description("Rollovers of an alias")
                            .tag("alias", alias).register(registry).increment();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Cannot check the rollover conditions of %s: %s; trying again in %s", alias,
                        e.getMessage(), config.rollover().checkInterval());
            }
        }
    }
}
