package io.newswatch.indexer.kafka;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.indexer.index.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Sends records the indexer gives up on to the dead-letter topic: the original key and value, with
 * {@link DeadLetterHeaders} that say why, where from, and that the indexer sent it.
 */
@ApplicationScoped
public class DeadLetterPublisher implements DeadLetter.Sink {

    /** The service name in {@link DeadLetterHeaders#SERVICE}. */
    public static final String SERVICE = "indexer";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;

    public DeadLetterPublisher(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                               MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void publish(List<DeadLetter> letters) {
        List<Uni<Void>> sends = letters.stream().map(letter -> emitter.sendMessage(message(letter))).toList();
        Uni.join().all(sends).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    private static Message<String> message(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON, letter.reason());
        header(headers, DeadLetterHeaders.CAUSE, letter.cause());
        header(headers, DeadLetterHeaders.TOPIC, letter.record().topic());
        header(headers, DeadLetterHeaders.PARTITION, String.valueOf(letter.record().partition()));
        header(headers, DeadLetterHeaders.OFFSET, String.valueOf(letter.record().offset()));
        header(headers, DeadLetterHeaders.SERVICE, SERVICE);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(letter.record().key()).withHeaders(headers).build();
        String value = letter.record().value();
        return Message.of(value == null ? "" : value).addMetadata(metadata);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
