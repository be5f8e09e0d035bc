package io.newswatch.stack.launcher;

import io.newswatch.stack.StackSettings;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka client settings from the environment, as the services take them: {@code KAFKA_BOOTSTRAP_SERVERS}, and
 * every other {@code KAFKA_*} variable that names a Kafka client setting ({@code KAFKA_SECURITY_PROTOCOL} is
 * {@code security.protocol}, {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}). Without
 * {@code KAFKA_BOOTSTRAP_SERVERS}, the local stack's broker.
 *
 * @param properties the client settings
 */
record KafkaClientSettings(Properties properties) {

    private static final Set<String> CLIENT_SETTINGS = clientSettings();

    /** The settings the environment gives. */
    static KafkaClientSettings from(Map<String, String> env) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackSettings.from(env).kafkaBootstrapServers());
        for (Map.Entry<String, String> variable : env.entrySet()) {
            if (variable.getKey().startsWith("KAFKA_")) {
                String setting = variable.getKey().substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                if (CLIENT_SETTINGS.contains(setting)) {
                    properties.put(setting, variable.getValue());
                }
            }
        }
        return new KafkaClientSettings(properties);
    }

    /** The bootstrap servers. */
    String bootstrapServers() {
        return properties.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** Where, and how, for a human: the servers and the security protocol, never a password or a JAAS line. */
    String describe() {
        return bootstrapServers() + (properties.containsKey(AdminClientConfig.SECURITY_PROTOCOL_CONFIG)
                ? " (" + properties.getProperty(AdminClientConfig.SECURITY_PROTOCOL_CONFIG) + ")" : "");
    }

    /** A copy with more settings. */
    Properties with(Map<String, Object> more) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.putAll(more);
        return copy;
    }

    private static Set<String> clientSettings() {
        Set<String> names = new TreeSet<>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }
}
