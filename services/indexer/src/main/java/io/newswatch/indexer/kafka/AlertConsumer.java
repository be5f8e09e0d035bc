package io.newswatch.indexer.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.index.AlertMapper;
import io.newswatch.indexer.index.TopicIndexer;
import io.newswatch.indexer.schema.IndexPlacement;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/** Indexes {@code alerts} into the alerts alias, one document per alert id, the latest state winning. */
@ApplicationScoped
public class AlertConsumer {

    /** The worker pool of the alerts channel. */
    static final String WORKERS = "indexer-alerts";
    /** Alert batches taken at once ({@code smallrye.messaging.worker.indexer-alerts.max-concurrency}). */
    static final int BATCHES_IN_FLIGHT = 2;

    private final TopicIndexer indexer;
    private final FetchGate gate;

    public AlertConsumer(TopicIndexers indexers, ElasticsearchConfig elasticsearch, IndexPlacement placement,
                         KafkaClientService kafka, MeterRegistry registry) {
        this.indexer = indexers.create("alerts", new AlertMapper(elasticsearch.indices().alerts()), placement);
        this.gate = FetchGate.forChannel(kafka, "alerts", BATCHES_IN_FLIGHT, registry);
    }

    /**
     * Two batches at once, so that one is still being indexed while the fetching, paused when both were taken, resumes
     * ({@link FetchGate}); two states of an alert in different batches end at the latest whatever the order (its
     * external version is its latest delivery time), and the throttled commit never commits past an unfinished batch.
     */
    @Incoming("alerts")
    @Blocking(value = WORKERS, ordered = false)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return Batches.indexThenAck(batch, indexer, gate);
    }
}
