package io.newswatch.indexer.kafka;

import io.newswatch.indexer.bulk.Sleeper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries, and stops waiting when the service shuts down, so that a shutdown while Elasticsearch is
 * away is prompt and leaves the unindexed batch uncommitted.
 */
@ApplicationScoped
public class ShutdownSleeper implements Sleeper {

    private final CountDownLatch stopping = new CountDownLatch(1);

    void onShutdown(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("shutting down");
        }
    }

    /** Whether the service is shutting down. */
    public boolean stopping() {
        return stopping.getCount() == 0;
    }
}
