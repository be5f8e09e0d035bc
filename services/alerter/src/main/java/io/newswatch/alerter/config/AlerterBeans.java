package io.newswatch.alerter.config;

import io.newswatch.contract.kafka.TopicNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/** The few objects the alerter's classes share: the clock and the topic names. */
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
}
