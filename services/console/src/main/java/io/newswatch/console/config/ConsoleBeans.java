package io.newswatch.console.config;

import io.newswatch.console.live.LiveAlerts;
import io.newswatch.contract.kafka.TopicNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/** The few objects the console's classes share: the clock, the topic names, the live alerts. */
@ApplicationScoped
public class ConsoleBeans {

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

    @Produces
    @Singleton
    LiveAlerts liveAlerts(ConsoleConfig config) {
        return new LiveAlerts(config.liveBuffer());
    }
}
