package io.newswatch.alerter.config;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.DeadLetters;
import io.newswatch.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;

/**
 * The few objects the alerter's classes share: the clock, the topic names, the address guard and the dead-letter
 * writer (its Kafka clients, like every other, from {@link KafkaClients}).
 */
@ApplicationScoped
public class AlerterBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    TopicNames topicNames(@ConfigProperty(name = "newswatch.topic-prefix") String prefix) {
        return new TopicNames(prefix);
    }

    /** Dead letters of the rules, alerts and articles topics, and notifications that failed for good. */
    @Produces
    @Singleton
    DeadLetters deadLetters(KafkaClients clients, TopicNames topics) {
        return new DeadLetters(clients, topics.deadLetters(), "newswatch-alerter-dlq");
    }

    void closeDeadLetters(@Disposes DeadLetters deadLetters) {
        deadLetters.close();
    }

    /** Where webhooks may go: public addresses, and what newswatch.alerter.ssrf.allow names. */
    @Produces
    @Singleton
    AddressGuard addressGuard(AlerterConfig config) {
        try {
            return new AddressGuard(config.ssrf().allow().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("newswatch.alerter.ssrf.allow (NEWSWATCH_ALERTER_SSRF_ALLOW): "
                    + e.getMessage(), e);
        }
    }
}
