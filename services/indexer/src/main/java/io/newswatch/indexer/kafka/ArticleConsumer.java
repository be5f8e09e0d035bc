package io.newswatch.indexer.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.config.IndexerConfig;
import io.newswatch.indexer.index.ArticleMapper;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.IndexPlacement;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Indexes {@code articles.enriched} into the articles alias, a Kafka batch at a time. */
@ApplicationScoped
public class ArticleConsumer {

    /** The worker pool of the articles channel. */
    static final String WORKERS = "indexer-articles";

    private final TopicIndexer indexer;
    private final FetchGate gate;

    public ArticleConsumer(TopicIndexers indexers, ElasticsearchConfig elasticsearch, IndexPlacement placement,
                           Clock clock, KafkaClientService kafka, IndexerConfig config, MeterRegistry registry) {
        String alias = elasticsearch.indices().articles();
        this.indexer = indexers.create("articles", new ArticleMapper(alias, clock), placement);
        this.gate = FetchGate.forChannel(kafka, "articles", config.kafka().batchesInFlight(), registry);
    }

    /**
     * Runs on the worker pool {@value #WORKERS}, whose size ({@code newswatch.indexer.kafka.batches-in-flight}) is
     * how many batches are taken at once; they share bulk requests ({@code newswatch.indexer.bulk.requests-in-flight}
     * at a time). More than one may reorder two revisions of an article across batches; the external versions keep
     * the newer one whatever the order, and the throttled commit never commits past an unfinished batch. While
     * all of them are taken the channel's partitions are paused ({@link FetchGate}).
     */
    @Incoming("articles")
    @Blocking(value = WORKERS, ordered = false)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return Batches.indexThenAck(batch, indexer, gate);
    }
}
