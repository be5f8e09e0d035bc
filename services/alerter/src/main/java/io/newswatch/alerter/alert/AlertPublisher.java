package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.DeadLetter;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;

/**
 * Writes alerts to the alerts topic, keyed by alert id (as raised, and again with delivery statuses), the alert
 * state of each rule and story to the alert state topic, and notifications that could not be delivered and records
 * that could not be read to the dead-letter topic (in the {@link DeadLetter} envelope, through {@link DeadLetters}).
 * Each returned {@link Uni} completes when Kafka has acknowledged the record.
 */
@ApplicationScoped
public class AlertPublisher {

    /** Dead-letter header: the channel a notification could not reach. */
    public static final String CHANNEL_HEADER = "newswatch-channel";
    private static final String SERVICE = "alerter";

    private final MutinyEmitter<String> alerts;
    private final MutinyEmitter<Record<String, String>> alertState;
    private final DeadLetters deadLetters;
    private final TopicNames topics;

    /**
     * The emitters buffer without bound: a batch of articles sends all its alerts at once (thousands at 100k rules),
     * more than the default buffer, and what it holds is bounded by the batch size.
     */
    AlertPublisher(@Channel("alerts") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> alerts,
                   @Channel("alert-state") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                   MutinyEmitter<Record<String, String>> alertState, DeadLetters deadLetters, TopicNames topics) {
        this.alerts = alerts;
        this.alertState = alertState;
        this.deadLetters = deadLetters;
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

    /**
     * Dead-letters a notification that failed for good: the alert, with the reason and the channel's label in the
     * headers (the alert's partition and offset are not known here: -1).
     */
    public Uni<Void> deadLetter(Alert alert, String channel, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CHANNEL_HEADER, channel.getBytes(StandardCharsets.UTF_8));
        return send(alert.id(), Json.encode(alert), headers, new DeadLetter("delivery to " + channel + " failed: "
                + reason, reason, topics.alerts(), -1, -1, SERVICE));
    }

    /** Dead-letters a consumed record that cannot be processed: its key, value and headers, and why. */
    public Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, Throwable reason) {
        String cause = reason.getCause() == null ? null : reason.getCause().getMessage();
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        return send(record.key(), value, record.headers(), new DeadLetter(String.valueOf(reason.getMessage()),
                cause, record.topic(), record.partition(), record.offset(), SERVICE));
    }

    private Uni<Void> send(String key, String value, Headers headers, DeadLetter letter) {
        return Uni.createFrom().completionStage(() -> deadLetters.send(key, value, headers, letter)).replaceWithVoid();
    }
}
