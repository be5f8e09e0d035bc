package io.newswatch.indexer.bulk;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @throws InterruptedException when the service is shutting down: give up and leave the work uncommitted
     */
    void sleep(Duration duration) throws InterruptedException;
}
