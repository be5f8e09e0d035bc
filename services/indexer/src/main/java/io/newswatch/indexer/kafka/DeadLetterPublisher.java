package io.newswatch.indexer.kafka;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.indexer.index.DeadLetter;
import io.newswatch.indexer.index.SourceRecord;
import io.newswatch.kafka.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Duration;
import java.util.List;

/**
 * Sends records the indexer gives up on to the dead-letter topic in the shared envelope ({@link DeadLetters}): the
 * original key, value and headers, with {@link DeadLetterHeaders} that say why, where from, and that the indexer
 * sent it.
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
        SourceRecord record = letter.record();
        var envelope = new io.newswatch.contract.kafka.DeadLetter(letter.reason(), letter.cause(), record.topic(),
                record.partition(), record.offset(), SERVICE);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(DeadLetters.headers(envelope, record.headers())).build();
        return Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata);
    }
}
