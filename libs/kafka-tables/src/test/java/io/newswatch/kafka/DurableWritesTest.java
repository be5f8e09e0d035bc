package io.newswatch.kafka;

import io.newswatch.retry.Backoff;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write never gives up while Kafka is away (the alerter used to after 20 attempts, and then notified again after a
 * restart; the enricher used to leave its batch for a restart that never came); it gives up only on a record Kafka
 * can never take.
 */
class DurableWritesTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DurableWrites writes = new DurableWrites(scheduler,
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 0.5, Duration.ofMillis(2), new Random(1)));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aWriteIsRetriedUntilKafkaTakesIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> written = writes.write(() -> attempts.incrementAndGet() <= 50
                ? CompletableFuture.failedFuture(new TimeoutException("broker away"))
                : CompletableFuture.completedFuture(null), "status of alert a1");
        assertThat(writes.pending()).isEqualTo(1);
        written.get(10, TimeUnit.SECONDS);
        assertThat(attempts).hasValue(51);
        assertThat(writes.pending()).isZero();
    }

    @Test
    void aRecordKafkaCanNeverTakeIsGivenUp() {
        CompletableFuture<Void> written = writes.write(() -> CompletableFuture.failedFuture(
                new RecordTooLargeException("too large")), "status of alert a1");
        assertThat(written).failsWithin(Duration.ofSeconds(5));
        assertThat(writes.pending()).isZero();
    }

    @Test
    void onlyARecordKafkaCanNeverTakeIsRefusedForGood() {
        assertThat(DurableWrites.refusedForGood(new RecordTooLargeException("too large"))).isTrue();
        assertThat(DurableWrites.refusedForGood(new CompletionException(new RecordTooLargeException("too large"))))
                .isTrue();
        assertThat(DurableWrites.refusedForGood(new TimeoutException("expired after 120000 ms"))).isFalse();
        assertThat(DurableWrites.refusedForGood(new IllegalStateException("channel down"))).isFalse();
    }

    @Test
    void aWriteDueAfterTheSchedulerStoppedIsGivenUp() {
        scheduler.shutdownNow();
        CompletableFuture<Void> written = writes.write(() -> CompletableFuture.failedFuture(
                new TimeoutException("broker away")), "enriched article e1");
        assertThat(written).failsWithin(Duration.ofSeconds(5));
        assertThat(writes.pending()).isZero();
    }
}
