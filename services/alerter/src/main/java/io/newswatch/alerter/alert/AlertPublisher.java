package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import io.newswatch.contract.kafka.TopicNames;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;

/**
 * Writes alerts to the alerts topic, keyed by alert id (as raised, and again with delivery statuses), the alert
 * state of each rule and story to the alert state topic, and
 * notifications that could not be delivered and records that could not be read to the dead-letter topic. Each returned {@link Uni} completes when
 * Kafka has acknowledged the record.
 */
@ApplicationScoped
public class AlertPublisher {

    /** Dead-letter header: the channel a notification could not reach. */
    public static final String CHANNEL_HEADER = "newswatch-channel";
    private static final String SERVICE = "alerter";

    private final MutinyEmitter<String> alerts;
    private final MutinyEmitter<String> deadLetters;
    private final MutinyEmitter<Record<String, String>> alertState;
    private final TopicNames topics;

    /**
     * The emitters buffer without bound: a batch of articles sends all its alerts at once (thousands at 100k rules),
     * more than the default buffer, and what it holds is bounded by the batch size.
     */
    AlertPublisher(@Channel("alerts") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> alerts,
                   @Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                   MutinyEmitter<String> deadLetters,
                   @Channel("alert-state") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                   MutinyEmitter<Record<String, String>> alertState, TopicNames topics) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.alertState = alertState;
        this.topics = topics;
    }

    /** Writes an alert (its first record, or a later one with delivery statuses). */
    public Uni<Void> publish(Alert alert) {
        Message<String> message = Message.of(Json.encode(alert))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.id()).build());
        return alerts.sendMessage(message);
    }

    /** Writes a rule's state on a story to the alert state topic, or (null) its tombstone. */
    public Uni<Void> publishState(String key, StoryAlerts state) {
        return alertState.sendMessage(Message.of(Record.of(key, state == null ? null : Json.encode(state))));
    }

    /** Dead-letters a notification that failed for good, with the reason in the standard headers. */
    public Uni<Void> deadLetter(Alert alert, String channel, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, bytes("delivery to " + channel + " failed: " + reason));
        headers.add(DeadLetterHeaders.CAUSE, bytes(reason));
        headers.add(DeadLetterHeaders.TOPIC, bytes(topics.alerts()));
        headers.add(DeadLetterHeaders.SERVICE, bytes(SERVICE));
        headers.add(CHANNEL_HEADER, bytes(channel));
        Message<String> message = Message.of(Json.encode(alert)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.id()).withHeaders(headers).build());
        return deadLetters.sendMessage(message);
    }

    /**
     * Dead-letters a consumed record that cannot be processed: its key, value and headers, plus the standard
     * headers saying why and where it came from (the same ones SmallRye's dead-letter strategy writes).
     */
    public Uni<Void> deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(DeadLetterHeaders.REASON, bytes(String.valueOf(reason.getMessage())));
        if (reason.getCause() != null && reason.getCause().getMessage() != null) {
            headers.add(DeadLetterHeaders.CAUSE, bytes(reason.getCause().getMessage()));
        }
        headers.add(DeadLetterHeaders.TOPIC, bytes(record.topic()));
        headers.add(DeadLetterHeaders.PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, bytes(String.valueOf(record.offset())));
        headers.add(DeadLetterHeaders.SERVICE, bytes(SERVICE));
        Message<String> message = Message.of(record.value()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build());
        return deadLetters.sendMessage(message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
