package io.newswatch.alerter.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status write never gives up while Kafka is away (the alerter used to after 20 attempts, and then notified again
 * after a restart); it gives up only on a record Kafka can never take.
 */
class DurableWritesTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DurableWrites writes = new DurableWrites(scheduler,
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), new Random(1)));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aWriteIsRetriedUntilKafkaTakesIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> written = writes.write(() -> attempts.incrementAndGet() <= 50
                ? CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("broker away"))
                : CompletableFuture.completedFuture(null), "status of alert a1");
        assertThat(writes.pending()).isEqualTo(1);
        written.get(10, TimeUnit.SECONDS);
        assertThat(attempts).hasValue(51);
        assertThat(writes.pending()).isZero();
    }

    @Test
    void aRecordKafkaCanNeverTakeIsGivenUp() {
        CompletableFuture<Void> written = writes.write(() -> CompletableFuture.failedFuture(
                new org.apache.kafka.common.errors.RecordTooLargeException("too large")), "status of alert a1");
        assertThat(written).failsWithin(Duration.ofSeconds(5));
        assertThat(writes.pending()).isZero();
    }
}
