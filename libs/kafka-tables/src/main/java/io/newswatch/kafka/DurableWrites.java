package io.newswatch.kafka;

import io.newswatch.retry.Backoff;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes records that must not be dropped to Kafka, retrying with backoff for as long as the process lives: the
 * alerter's delivery statuses (a status that gave up would make the next owner of its alert notify again) and the
 * enricher's outputs (an input is committed only once its outputs are written). Only a record Kafka can never take
 * is given up, loudly ({@link #refusedForGood}). How many writes wait is {@link #pending()}, for a gauge. Repeats
 * must be harmless to readers: a write Kafka timed out on may have landed, and is written again.
 */
public final class DurableWrites {

    private static final Logger LOG = Logger.getLogger(DurableWrites.class);
    /** A failure is logged the first time and then every this many attempts, not every second. */
    private static final int LOG_EVERY = 10;

    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param scheduler where retries wait; once it is shut down, a write that fails again is given up (stopping)
     * @param backoff   the waits between attempts
     */
    public DurableWrites(ScheduledExecutorService scheduler, Backoff backoff) {
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /** Waits from {@code initial}, doubled per failure up to {@code max}, half of each wait random (equal jitter). */
    public DurableWrites(ScheduledExecutorService scheduler, Duration initial, Duration max) {
        this(scheduler, new Backoff(initial, max, 0.5, max, ThreadLocalRandom.current()));
    }

    /**
     * Writes, retrying until Kafka acknowledges.
     *
     * @param write one attempt (called again for each retry)
     * @param what  what is written, for the log
     * @return completes when written; exceptionally only for a record Kafka refuses for good, or when a retry is due
     * after the scheduler stopped
     */
    public CompletableFuture<Void> write(Supplier<? extends CompletionStage<Void>> write, String what) {
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

    /**
     * True for a failure that writing again cannot mend: the record is larger than the topic takes, or cannot be
     * serialised. Everything else (timeouts, a broker away, not enough replicas) is worth waiting for.
     */
    public static boolean refusedForGood(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return cause instanceof RecordTooLargeException || cause instanceof SerializationException;
    }

    /** The failure itself, not the {@link CompletionException} a stage wrapped it in. */
    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void attempt(Supplier<? extends CompletionStage<Void>> write, String what, int attempt,
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
            Throwable cause = unwrapped(failure);
            if (refusedForGood(cause)) {
                LOG.errorf("Kafka refuses the %s for good: %s", what, cause.getMessage());
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
