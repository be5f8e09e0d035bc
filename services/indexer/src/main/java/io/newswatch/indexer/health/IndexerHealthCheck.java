package io.newswatch.indexer.health;

import io.newswatch.indexer.bulk.IndexingMetrics;
import io.newswatch.indexer.kafka.TopicIndexers;
import io.newswatch.indexer.schema.SchemaInstaller;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Readiness of the indexing itself (Kafka's and Elasticsearch's own checks sit beside it): DOWN until the index
 * templates and aliases are installed, and while writes of either alias have been failing for longer than a
 * passing hiccup, with the reason (Elasticsearch unreachable, a write block, a missing privilege, a closed index...).
 */
@Readiness
@ApplicationScoped
public class IndexerHealthCheck implements HealthCheck {

    /** A 429 or a slow second is business as usual; failing this long is not. */
    static final Duration TOLERATED_FAILURE = Duration.ofSeconds(15);

    private final SchemaInstaller schema;
    private final TopicIndexers indexers;
    private final Clock clock;

    public IndexerHealthCheck(SchemaInstaller schema, TopicIndexers indexers, Clock clock) {
        this.schema = schema;
        this.indexers = indexers;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("indexer");
        boolean up = schema.isInstalled();
        health.withData("schema", up ? "installed" : "missing: " + schema.problem());
        for (Map.Entry<String, IndexingMetrics> entry : indexers.metrics().entrySet()) {
            Instant since = entry.getValue().failingSince();
            if (since == null) {
                health.withData(entry.getKey(), "writing");
            } else {
                Duration failing = Duration.between(since, clock.instant());
                health.withData(entry.getKey(), "writes failing and retried since " + since + ": "
                        + java.util.Objects.requireNonNullElse(entry.getValue().failure(), "retrying"));
                up &= failing.compareTo(TOLERATED_FAILURE) < 0;
            }
        }
        return health.status(up).build();
    }
}
