package io.newswatch.launcher;

import io.newswatch.kafka.KafkaClients;
import io.newswatch.stack.StackSettings;
import org.apache.kafka.clients.CommonClientConfigs;

import java.util.Map;

/**
 * The launcher's Kafka clients, from the environment as the services take it ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}...: {@link KafkaClients#fromEnvironment}); without
 * {@code KAFKA_BOOTSTRAP_SERVERS}, the local stack's broker.
 *
 * @param clients the clients of those settings
 */
record KafkaClientSettings(KafkaClients clients) {

    /** The settings the environment gives. */
    static KafkaClientSettings from(Map<String, String> env) {
        return new KafkaClientSettings(KafkaClients.fromEnvironment(env,
                StackSettings.from(env).kafkaBootstrapServers()));
    }

    /** Where, and how, for a human: the servers and the security protocol, never a password or a JAAS line. */
    String describe() {
        Object protocol = clients.settings().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        return clients.bootstrapServers() + (protocol != null ? " (" + protocol + ")" : "");
    }
}
