package io.newswatch.indexer.kafka;

import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.index.ArticleMapper;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.IndexPlacement;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Indexes {@code articles.enriched} into the articles alias, a Kafka batch at a time. */
@ApplicationScoped
public class ArticleConsumer {

    private final TopicIndexer indexer;

    public ArticleConsumer(TopicIndexers indexers, ElasticsearchConfig elasticsearch, IndexPlacement placement,
                           Clock clock) {
        String alias = elasticsearch.indices().articles();
        this.indexer = indexers.create("articles", new ArticleMapper(alias, clock), placement);
    }

    @Incoming("articles")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return Batches.indexThenAck(batch, indexer);
    }
}
