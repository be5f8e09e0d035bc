package io.newswatch.poller.poll;

import java.time.Duration;

/**
 * Decides, before each new item's page is fetched, whether a poll may take it now: not while the next stages are
 * too far behind ({@link Backpressure}, drain before fill), and not faster than the instance's ceiling of articles
 * per second ({@link ArticleRate}). An item held back is not lost: the poll leaves it, and the items after it, for
 * the feed's next poll (as for {@code max-items-per-poll}), which comes at the soonest interval with the old
 * validators.
 */
public final class ArticlePace {

    /** What the pace says about the next item. */
    public enum Verdict {
        /** Take it now. */
        GO,
        /** A next stage is more than its limit behind ({@code backpressure.max-lag}, {@code indexer-max-lag}). */
        DOWNSTREAM_BEHIND,
        /** The next free slot under {@code backpressure.max-articles-per-second} is further away than a poll waits. */
        CEILING
    }

    /** Longest a poll thread waits for a slot under the ceiling before it leaves the rest for the next poll. */
    static final Duration MAX_SLOT_WAIT = Duration.ofSeconds(5);

    private static final ArticlePace UNLIMITED = new ArticlePace(Backpressure.off(), ArticleRate.unlimited());

    private final Backpressure backpressure;
    private final ArticleRate rate;

    public ArticlePace(Backpressure backpressure, ArticleRate rate) {
        this.backpressure = backpressure;
        this.rate = rate;
    }

    /** Every item goes at once. */
    public static ArticlePace unlimited() {
        return UNLIMITED;
    }

    /**
     * @param maxWait longest this poll may wait for a slot under the ceiling (at most {@link #MAX_SLOT_WAIT})
     */
    public Verdict admit(Duration maxWait) throws InterruptedException {
        if (!backpressure.admitsItems()) {
            return Verdict.DOWNSTREAM_BEHIND;
        }
        Duration wait = maxWait.compareTo(MAX_SLOT_WAIT) < 0 ? maxWait : MAX_SLOT_WAIT;
        return rate.acquire(wait.isNegative() ? Duration.ZERO : wait) ? Verdict.GO : Verdict.CEILING;
    }
}
