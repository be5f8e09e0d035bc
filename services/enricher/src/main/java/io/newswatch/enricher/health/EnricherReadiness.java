package io.newswatch.enricher.health;

import io.newswatch.enricher.kafka.StoryStore;
import io.newswatch.tagging.Enricher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the knowledge base and taxonomy are compiled and story state has been read back from Kafka. Kafka's side (the channels' consumers and producers) is
 * reported by the messaging extension's own checks under the same endpoint.
 */
@Readiness
@ApplicationScoped
public class EnricherReadiness implements HealthCheck {

    private final Enricher enricher;
    private final StoryStore stories;

    public EnricherReadiness(Enricher enricher, StoryStore stories) {
        this.enricher = enricher;
        this.stories = stories;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enricher").status(stories.isRestored())
                .withData("knowledge-base", enricher.describe())
                .withData("stories", stories.restoreOutcome())
                .build();
    }
}
