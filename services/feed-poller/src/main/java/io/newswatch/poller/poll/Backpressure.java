package io.newswatch.poller.poll;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drain before fill: holds new polls back while the stages after the poller are far behind. On one machine every
 * process shares the same cores, and a poller that keeps fetching while the enricher or the alerter lag takes the
 * CPU they need to catch up: the backlog grows and everything slows down. Past {@code maxLag} records not yet read
 * by the slowest stage, no new poll starts until the lag is back under half of it (polls already running finish).
 * A pause lasts at most {@code maxPause}, then the feeds due are polled for one check interval, so that a stage that is down (its
 * backlog waits safely in Kafka) does not leave feeds unpolled until their items scroll away.
 *
 * <p>The same pause holds back the new items of polls already running ({@link #admitsItems()}, asked before each
 * item's page is fetched): a backlog is usually a few polls with many new items each (after an outage, a new feed
 * with hundreds of items), and without it those polls would go on filling Kafka while the next stages starve.
 *
 * <p>Thread-safe: the dispatcher of {@link PollScheduler} waits in {@link #awaitOpen()}, poll threads ask
 * {@link #admitsItems()}, which never waits for the lag to be read. The lag is asked at most once per check interval.
 */
public final class Backpressure {

    private static final Logger LOG = Logger.getLogger(Backpressure.class);

    /** Where the lag comes from: records written to the stages' input topics and not yet read by them. */
    @FunctionalInterface
    public interface LagSource {
        /** The largest lag of the stages watched; empty when unknown (no stage running, Kafka away). */
        OptionalLong lag();
    }

    /** Waits between two looks at the lag. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LagSource source;
    private final long maxLag;
    private final Duration maxPause;
    private final Duration checkInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private Instant checked;
    private long lastLag = -1;
    private Instant pausedSince;
    private Instant releasedUntil;
    private volatile boolean paused;
    private volatile long lag = -1;

    /**
     * @param maxLag        records behind at which polls pause; 0 turns backpressure off
     * @param maxPause      longest pause before the feeds due are polled all the same
     * @param checkInterval how often the lag is asked while polls run or wait
     */
    public Backpressure(LagSource source, long maxLag, Duration maxPause, Duration checkInterval, Clock clock,
                        Sleeper sleeper) {
        this.source = source;
        this.maxLag = maxLag;
        this.maxPause = maxPause;
        this.checkInterval = checkInterval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** No backpressure: polls never wait. */
    public static Backpressure off() {
        return new Backpressure(OptionalLong::empty, 0, Duration.ZERO, Duration.ofSeconds(1), Clock.systemUTC(),
                duration -> { });
    }

    /** Returns once a new poll may start. */
    public void awaitOpen() throws InterruptedException {
        while (!open()) {
            sleeper.sleep(checkInterval);
        }
    }

    /**
     * Whether a running poll may take its next new item now. Never waits: while another thread reads the lag, the
     * last decision stands.
     */
    public boolean admitsItems() {
        if (maxLag <= 0) {
            return true;
        }
        if (!lock.tryLock()) {
            return !paused;
        }
        try {
            return decide();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a new poll may start now (asks the lag when the last answer is older than the check interval). */
    boolean open() {
        if (maxLag <= 0) {
            return true;
        }
        lock.lock();
        try {
            return decide();
        } finally {
            lock.unlock();
        }
    }

    /** The decision, the lock held. */
    private boolean decide() {
        Instant now = clock.instant();
        if (checked == null || !now.isBefore(checked.plus(checkInterval))) {
            checked = now;
            OptionalLong asked = source.lag();
            lastLag = asked.orElse(-1);
            lag = lastLag;
        }
        if (!paused) {
            if (lastLag > maxLag) {
                paused = true;
                pausedSince = now;
                LOG.infof("polls paused: the next stages are %d records behind (more than %d)", lastLag, maxLag);
                return false;
            }
            return true;
        }
        if (lastLag < 0 || lastLag <= maxLag / 2) {
            paused = false;
            releasedUntil = null;
            LOG.infof("polls resumed: the next stages are %s records behind", lastLag < 0 ? "an unknown number of" : lastLag);
            return true;
        }
        if (releasedUntil != null && now.isBefore(releasedUntil)) {
            return true;
        }
        if (!now.isBefore(pausedSince.plus(maxPause))) {
            // the feeds due go ahead for one check interval; then the pause starts again
            releasedUntil = now.plus(checkInterval);
            pausedSince = releasedUntil;
            return true;
        }
        return false;
    }

    /** Whether polls are held back now. */
    public boolean paused() {
        return paused;
    }

    /** The lag last asked, or -1 when unknown. */
    public long lag() {
        return lag;
    }
}
