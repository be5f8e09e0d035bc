package io.newswatch.poller.health;

import io.newswatch.poller.feed.FeedRegistry;
import io.newswatch.poller.poll.PollService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the registry and the feeds' state have been read from Kafka (before that, the poller would not know
 * what to poll or what it already published), and while they can still be read. Kafka's own channels report
 * beside this check.
 */
@Readiness
@ApplicationScoped
public class PollerReadiness implements HealthCheck {

    private final PollService polls;
    private final FeedRegistry registry;

    public PollerReadiness(PollService polls, FeedRegistry registry) {
        this.polls = polls;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("feed-registry")
                .withData("feeds", registry.size())
                .withData("ownedPartitions", polls.ownedPartitions().toString());
        String error = polls.readError();
        if (error != null) {
            return response.down().withData("error", error).build();
        }
        return polls.isLoaded() ? response.up().build()
                : response.down().withData("error", "still reading the registry and feed state from Kafka").build();
    }
}
