package io.newswatch.alerter.delivery;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes delivery statuses and dead letters to Kafka, retrying with backoff for as long as the instance lives: a
 * status that gave up would make the next owner of its alert notify again. Only a record Kafka can never take is
 * given up, loudly. How many writes wait is {@link #pending()} (the {@code alerter_status_writes_pending} gauge),
 * and a clean stop waits for them.
 */
public final class DurableWrites {

    private static final Logger LOG = Logger.getLogger(DurableWrites.class);
    /** A failure is logged the first time and then every this many attempts, not every second. */
    private static final int LOG_EVERY = 10;

    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final AtomicInteger pending = new AtomicInteger();

    public DurableWrites(ScheduledExecutorService scheduler, Backoff backoff) {
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /**
     * Writes, retrying until Kafka acknowledges.
     *
     * @param write one attempt (called again for each retry)
     * @param what  what is written, for the log
     * @return completes when written; exceptionally only for a record Kafka refuses for good
     */
    public CompletableFuture<Void> write(Supplier<CompletionStage<Void>> write, String what) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.incrementAndGet();
        done.whenComplete((ignored, error) -> pending.decrementAndGet());
        attempt(write, what, 1, done);
        return done;
    }

    /** Writes not acknowledged yet. */
    public int pending() {
        return pending.get();
    }

    private void attempt(Supplier<CompletionStage<Void>> write, String what, int attempt,
                         CompletableFuture<Void> done) {
        CompletionStage<Void> written;
        try {
            written = write.get();
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((ignored, failure) -> {
            if (failure == null) {
                if (attempt > 1) {
                    LOG.infof("Wrote the %s after %d attempts", what, attempt);
                }
                done.complete(null);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException) {
                LOG.errorf("Kafka refuses the %s for good, it is lost: %s", what, cause.getMessage());
                done.completeExceptionally(cause);
                return;
            }
            long wait = backoff.delay(attempt, null).toMillis();
            if (attempt == 1 || attempt % LOG_EVERY == 0) {
                LOG.warnf("Cannot write the %s to Kafka (attempt %d), trying again until it is written: %s", what,
                        attempt, cause.getMessage());
            }
            try {
                scheduler.schedule(() -> attempt(write, what, attempt + 1, done), wait, TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopped) {
                LOG.errorf("Stopping: the %s could not be written: %s", what, cause.getMessage());
                done.completeExceptionally(cause);
            }
        });
    }
}
