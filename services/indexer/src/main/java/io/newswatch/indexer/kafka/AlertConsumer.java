package io.newswatch.indexer.kafka;

import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.index.AlertMapper;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.IndexPlacement;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/** Indexes {@code alerts} into the alerts alias, one document per alert id, the latest state winning. */
@ApplicationScoped
public class AlertConsumer {

    private final TopicIndexer indexer;

    public AlertConsumer(TopicIndexers indexers, ElasticsearchConfig elasticsearch, IndexPlacement placement) {
        this.indexer = indexers.create("alerts", new AlertMapper(elasticsearch.indices().alerts()), placement);
    }

    @Incoming("alerts")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return Batches.indexThenAck(batch, indexer);
    }
}
