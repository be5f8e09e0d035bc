package io.newswatch.console.health;

import io.newswatch.console.live.AlertReader;
import io.newswatch.console.live.LiveAlerts;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the live alerts reader has its partitions of the alerts topic (Kafka reachable, topic there): before
 * that the alerts page would open without live updates. Elasticsearch is reported by its own check but does not
 * make the console unready: pages that need it say so, the others work.
 */
@Readiness
@ApplicationScoped
public class LiveAlertsReadiness implements HealthCheck {

    private final AlertReader reader;
    private final LiveAlerts alerts;

    LiveAlertsReadiness(AlertReader reader, LiveAlerts alerts) {
        this.reader = reader;
        this.alerts = alerts;
    }

    @Override
    public HealthCheckResponse call() {
        AlertReader.State state = reader.state();
        return HealthCheckResponse.named("live-alerts").status(state.reading())
                .withData("detail", state.detail())
                .withData("partitions", state.partitions())
                .withData("received", alerts.latest())
                .withData("listening pages", alerts.subscribers())
                .build();
    }
}
