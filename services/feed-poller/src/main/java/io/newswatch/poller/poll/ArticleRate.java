package io.newswatch.poller.poll;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A ceiling on articles per second for the whole instance: each new article (its page fetch, extraction and
 * publication) takes the next free slot, slots evenly spaced at 1/rate, shared by every poll thread. Unused slots
 * are not saved up, so an idle poller does not burst afterwards. A poll thread that would wait longer than it may
 * takes no slot and leaves its remaining items for the feed's next poll.
 *
 * <p>Thread-safe; the waiting is done outside the lock.
 */
public final class ArticleRate {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Backpressure.Sleeper sleeper;
    private long next;
    private boolean started;

    /**
     * @param perSecond articles per second at most; 0 means no ceiling
     * @param nanoTime  a monotonic clock in nanoseconds
     * @param sleeper   waits for a slot
     */
    public ArticleRate(double perSecond, LongSupplier nanoTime, Backpressure.Sleeper sleeper) {
        if (perSecond < 0 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("articles per second must not be negative: " + perSecond);
        }
        this.intervalNanos = perSecond == 0 ? 0 : Math.max(1, (long) (1_000_000_000L / perSecond));
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** No ceiling. */
    public static ArticleRate unlimited() {
        return new ArticleRate(0, System::nanoTime, duration -> { });
    }

    /** Whether there is a ceiling at all. */
    public boolean limited() {
        return intervalNanos > 0;
    }

    /**
     * Takes the next slot and waits for it, when it comes within {@code maxWait}.
     *
     * @return true when the article may go ahead now; false (no slot taken) when the next slot is further away
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        if (intervalNanos == 0) {
            return true;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = started && next - now > 0 ? next : now;
            wait = slot - now;
            if (wait > maxWait.toNanos()) {
                return false;
            }
            next = slot + intervalNanos;
            started = true;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
        return true;
    }
}
