package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.enricher.pipeline.ArticleProcessor;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Reads raw articles, writes enriched ones. Decodes, delegates to {@link ArticleProcessor}, emits. The input is
 * acknowledged (and so, with the throttled commit strategy, committed) only after Kafka acknowledged the output; a
 * record that can never be processed is nacked into the dead-letter topic with its reason; an output Kafka refuses
 * leaves the input unacknowledged, so it is read again after a restart and nothing is lost.
 */
@ApplicationScoped
public class RawArticleHandler {

    static final String SERVICE = "enricher";

    private final ArticleProcessor processor;

    public RawArticleHandler(ArticleProcessor processor) {
        this.processor = processor;
    }

    @Incoming("articles-raw")
    @Outgoing("articles-enriched")
    public Message<String> onArticle(Message<String> in) {
        ArticleProcessor.Result result;
        try {
            Article article = Json.decode(in.getPayload(), Article.class);
            result = processor.process(article);
        } catch (BadEventException e) {
            processor.deadLettered();
            Log.warnf("Raw article sent to the dead-letter topic: %s", e.getMessage());
            in.nack(e, deadLetterMetadata());
            return null;
        }
        EnrichedArticle enriched = result.article();
        CompletableFuture<Void> stored = result.durable();
        return Message.of(Json.encode(enriched))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(enriched.id()).build())
                .withAck(() -> stored.thenCompose(v -> in.ack()))
                .withNack(failure -> {
                    processor.produceFailed(enriched.id(), failure);
                    // Not nacking the input: it is a good record; leaving it unacknowledged keeps its offset
                    // uncommitted (and the channel unhealthy after a while), so it is processed again.
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static Metadata deadLetterMetadata() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.SERVICE, SERVICE.getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }
}
