package io.newswatch.alerter.config;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.kafka.TopicNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;

/** The few objects the alerter's classes share: the clock, the topic names and the address guard. */
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
