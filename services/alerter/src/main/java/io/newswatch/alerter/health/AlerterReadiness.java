package io.newswatch.alerter.health;

import io.newswatch.alerter.alert.AlertLog;
import io.newswatch.alerter.delivery.DeliveryService;
import io.newswatch.alerter.rule.RuleStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every rule has been read (and the rules file applied) and the alert history is read: before that,
 * an article could be matched against too few rules or alert twice.
 */
@Readiness
@ApplicationScoped
public class AlerterReadiness implements HealthCheck {

    private final RuleStore rules;
    private final AlertLog alerts;
    private final DeliveryService delivery;

    AlerterReadiness(RuleStore rules, AlertLog alerts, DeliveryService delivery) {
        this.rules = rules;
        this.alerts = alerts;
        this.delivery = delivery;
    }

    @Override
    public HealthCheckResponse call() {
        String rulesProblem = rules.problem();
        String alertsProblem = alerts.problem();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("alerter")
                .withData("rules", rules.book().size())
                .withData("rulesMatching", rules.book().matching())
                .withData("rulesBroken", rules.book().broken())
                .withData("ruleStore", rulesProblem == null ? "read" : rulesProblem)
                .withData("alertHistory", alertsProblem == null ? "read" : alertsProblem)
                .withData("notifyingForPartitions", delivery.served().toString())
                .withData("pendingNotifications", delivery.pending());
        if (!rules.fileProblems().isEmpty()) {
            health.withData("rulesFile", String.join("; ", rules.fileProblems()));
        }
        return health.status(rulesProblem == null && alertsProblem == null).build();
    }
}
