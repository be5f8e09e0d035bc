package io.newswatch.alerter.health;

import io.newswatch.alerter.alert.AlertLog;
import io.newswatch.alerter.delivery.DeliveryService;
import io.newswatch.alerter.rule.RuleStore;
import io.newswatch.kafka.Supervised;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Alive while the threads that read the rules, alerts and alert state topics and hold the delivery partitions run.
 * Each starts itself again after a failure (logged, counted here); a thread that ended anyway leaves the alerter
 * deaf to rule changes or alerts, which only a restart of the process mends: liveness goes down so that it happens.
 */
@Liveness
@ApplicationScoped
public class AlerterLiveness implements HealthCheck {

    private final RuleStore rules;
    private final AlertLog alerts;
    private final DeliveryService delivery;

    AlerterLiveness(RuleStore rules, AlertLog alerts, DeliveryService delivery) {
        this.rules = rules;
        this.alerts = alerts;
        this.delivery = delivery;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("alerter-threads");
        boolean up = true;
        List<Supervised> threads = new ArrayList<>(alerts.threads());
        if (rules.table() != null) {
            threads.add(rules.table().thread());
        }
        if (delivery.ownership() != null) {
            threads.add(delivery.ownership().thread());
        }
        for (Supervised thread : threads) {
            boolean running = thread.isRunning();
            up &= running;
            health.withData(thread.name(), (running ? "running" : "STOPPED") + (thread.restarts() == 0 ? ""
                    : ", restarted " + thread.restarts() + " times, last after: "
                    + Objects.toString(thread.lastFailure(), "?")));
        }
        return health.status(up).build();
    }
}
