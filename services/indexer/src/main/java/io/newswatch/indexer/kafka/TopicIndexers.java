package io.newswatch.indexer.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexingMetrics;
import io.newswatch.indexer.config.IndexerConfig;
import io.newswatch.indexer.index.DocumentMapper;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.SchemaInstaller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the {@link TopicIndexer} of each consumer, and keeps their metrics for the health check. */
@ApplicationScoped
public class TopicIndexers {

    private final ElasticsearchHttp http;
    private final IndexerConfig config;
    private final Backoff backoff;
    private final ShutdownSleeper sleeper;
    private final Clock clock;
    private final MeterRegistry registry;
    private final SchemaInstaller schema;
    private final DeadLetterPublisher deadLetters;
    private final Map<String, IndexingMetrics> metrics = new ConcurrentHashMap<>();

    public TopicIndexers(ElasticsearchHttp http, IndexerConfig config, Backoff backoff, ShutdownSleeper sleeper,
                         Clock clock, MeterRegistry registry, SchemaInstaller schema, DeadLetterPublisher deadLetters) {
        this.http = http;
        this.config = config;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.registry = registry;
        this.schema = schema;
        this.deadLetters = deadLetters;
    }

    /**
     * The indexer of one topic.
     *
     * @param label  the {@code index} tag of its metrics ("articles", "alerts")
     * @param mapper how its records become documents
     */
    public TopicIndexer create(String label, DocumentMapper mapper, TopicIndexer.Placement placement) {
        IndexingMetrics indexingMetrics = metrics.computeIfAbsent(label,
                l -> new IndexingMetrics(registry, l, clock));
        BulkIndexer bulk = new BulkIndexer(http, config.bulk().maxBytes().asLongValue(), backoff, sleeper,
                indexingMetrics, schema::install);
        return new TopicIndexer(mapper, placement, bulk, deadLetters, backoff, sleeper, indexingMetrics,
                schema::awaitInstalled, config.bulk().requestsInFlight());
    }

    /** The metrics of each topic indexer, by label. */
    public Map<String, IndexingMetrics> metrics() {
        return Map.copyOf(metrics);
    }
}
