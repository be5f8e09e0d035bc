package io.newswatch.kafka;

import io.newswatch.contract.kafka.DeadLetter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes dead letters: the original key, value and headers with the {@link DeadLetter} envelope's headers added
 * (an envelope the record already carried, from an earlier dead-lettering, is replaced). {@link #headers} is the
 * same envelope for code that sends through a Reactive Messaging channel instead.
 */
public final class DeadLetters implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients clients;
    private final String topic;
    private final String clientId;
    private volatile KafkaProducer<String, String> producer;

    /**
     * @param topic    the dead-letter topic
     * @param clientId the producer's client id (created at the first dead letter)
     */
    public DeadLetters(KafkaClients clients, String topic, String clientId) {
        this.clients = clients;
        this.topic = topic;
        this.clientId = clientId;
    }

    /** The original headers without any earlier envelope, plus this envelope's. */
    public static Headers headers(DeadLetter letter, Headers original) {
        RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header header : original) {
                if (!DeadLetter.isEnvelopeHeader(header.key())) {
                    headers.add(header);
                }
            }
        }
        for (Map.Entry<String, String> header : letter.headers().entrySet()) {
            headers.add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Sends a dead letter; the future fails when Kafka does not take it (it is logged too). */
    public CompletableFuture<RecordMetadata> send(String key, String value, Headers original, DeadLetter letter) {
        CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
        producer().send(new ProducerRecord<>(topic, null, key, value, headers(letter, original)), (metadata, failure) -> {
            if (failure != null) {
                LOG.errorf("Cannot dead-letter the record %s-%d@%d: %s", letter.topic(), letter.partition(),
                        letter.offset(), failure.getMessage());
                sent.completeExceptionally(failure);
            } else {
                sent.complete(metadata);
            }
        });
        return sent;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = clients.producer(clientId, Map.of());
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
