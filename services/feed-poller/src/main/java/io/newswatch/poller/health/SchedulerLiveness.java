package io.newswatch.poller.health;

import io.newswatch.poller.poll.PollService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the thread that starts polls runs: without it, nothing is ever polled again. */
@Liveness
@ApplicationScoped
public class SchedulerLiveness implements HealthCheck {

    private final PollService polls;

    public SchedulerLiveness(PollService polls) {
        this.polls = polls;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("poll-scheduler").status(polls.schedulerAlive()).build();
    }
}
