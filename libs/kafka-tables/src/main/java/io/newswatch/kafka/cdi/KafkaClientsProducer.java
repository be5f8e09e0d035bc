package io.newswatch.kafka.cdi;

import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.NativeLz4;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

import java.util.Map;

/**
 * {@link KafkaClients} for a Quarkus service, from the same {@code kafka.*} configuration (and {@code KAFKA_*}
 * environment variables) that its Reactive Messaging channels get; and Kafka's lz4 in native code in every service
 * (each depends on this library), loaded before the channels start.
 */
@ApplicationScoped
public class KafkaClientsProducer {

    @Produces
    @ApplicationScoped
    KafkaClients kafkaClients(@Identifier("default-kafka-broker") Map<String, Object> configuration) {
        return KafkaClients.of(configuration);
    }

    /**
     * Kafka's lz4 (every record a service reads or writes) in native code rather than pure Java, before the channels
     * start (they start at {@code LIBRARY_BEFORE}): see {@link NativeLz4}. Quarkus' {@code StartupEvent} is a CDI
     * {@link Startup}, so the priority orders this among its observers.
     */
    void nativeLz4(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup event) {
        NativeLz4.load();
    }
}
