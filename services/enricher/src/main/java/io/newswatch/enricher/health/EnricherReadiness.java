package io.newswatch.enricher.health;

import io.newswatch.enricher.pipeline.Enricher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the knowledge base and taxonomy are compiled. Kafka's side (the channels' consumers and producers) is
 * reported by the messaging extension's own checks under the same endpoint.
 */
@Readiness
@ApplicationScoped
public class EnricherReadiness implements HealthCheck {

    private final Enricher enricher;

    public EnricherReadiness(Enricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enricher").up()
                .withData("knowledge-base", enricher.describe())
                .build();
    }
}
