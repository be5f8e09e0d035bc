package io.newswatch.kafka.cdi;

import io.newswatch.kafka.KafkaClients;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.Map;

/**
 * {@link KafkaClients} for a Quarkus service, from the same {@code kafka.*} configuration (and {@code KAFKA_*}
 * environment variables) that its Reactive Messaging channels get.
 */
@ApplicationScoped
public class KafkaClientsProducer {

    @Produces
    @ApplicationScoped
    KafkaClients kafkaClients(@Identifier("default-kafka-broker") Map<String, Object> configuration) {
        return KafkaClients.of(configuration);
    }
}
