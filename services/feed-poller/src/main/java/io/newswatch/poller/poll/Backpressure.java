package io.newswatch.poller.poll;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drain before fill: holds new polls back while a stage after the poller is far behind. On one machine every
 * process shares the same cores, and a poller that keeps fetching while the enricher or the alerter lag takes the
 * CPU they need to catch up: the backlog grows and everything slows down. Each stage watched has its own limit
 * (the alert path one, the indexer, which runs at a lower CPU priority, a larger one:
 * {@link #limits(Iterable, long, long)}): past its limit of records not yet read, no new poll starts until every
 * stage is back under half of its own (polls already running finish). A pause lasts at most {@code maxPause}, then
 * the feeds due are polled for one check interval, so that a stage that is down (its backlog waits safely in Kafka)
 * does not leave feeds unpolled until their items scroll away.
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
    /** The stage off the alert path, with a limit of its own. */
    static final String INDEXER = "indexer";

    /** Where the lag comes from: records written to the stages' input topics and not yet read by them. */
    @FunctionalInterface
    public interface LagSource {
        /**
         * Records each stage has still to read, by stage name; a stage whose lag is unknown (not running, Kafka away)
         * is absent.
         */
        Map<String, Long> lags();
    }

    /** Waits between two looks at the lag. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LagSource source;
    private final Map<String, Long> maxLags;
    private final Duration maxPause;
    private final Duration checkInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private Instant checked;
    private Map<String, Long> lastLags = Map.of();
    private Instant pausedSince;
    private Instant releasedUntil;
    private volatile boolean paused;
    private volatile Map<String, Long> lags = Map.of();

    /**
     * @param maxLags       per stage watched, the records behind at which polls pause; none: backpressure off
     * @param maxPause      longest pause before the feeds due are polled all the same
     * @param checkInterval how often the lag is asked while polls run or wait
     */
    public Backpressure(LagSource source, Map<String, Long> maxLags, Duration maxPause, Duration checkInterval,
                        Clock clock, Sleeper sleeper) {
        this.source = source;
        this.maxLags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maxLags));
        this.maxPause = maxPause;
        this.checkInterval = checkInterval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** No backpressure: polls never wait. */
    public static Backpressure off() {
        return new Backpressure(Map::of, Map.of(), Duration.ZERO, Duration.ofSeconds(1), Clock.systemUTC(),
                duration -> { });
    }

    /**
     * Each stage's limit: the stages on the alert path (every stage but the indexer) {@code alertPathMaxLag}, the
     * indexer {@code indexerMaxLag}; a stage whose limit is 0 is not watched.
     *
     * @param stages the stages after the poller, by name ({@code ConsumerGroupLag.downstreamStages})
     */
    public static Map<String, Long> limits(Iterable<String> stages, long alertPathMaxLag, long indexerMaxLag) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String stage : stages) {
            long limit = INDEXER.equals(stage) ? indexerMaxLag : alertPathMaxLag;
            if (limit > 0) {
                limits.put(stage, limit);
            }
        }
        return limits;
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
        if (maxLags.isEmpty()) {
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
        if (maxLags.isEmpty()) {
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
            Map<String, Long> asked = source.lags();
            Map<String, Long> watched = new LinkedHashMap<>();
            maxLags.keySet().forEach(stage -> {
                if (asked.get(stage) != null) {
                    watched.put(stage, asked.get(stage));
                }
            });
            lastLags = watched;
            lags = java.util.Collections.unmodifiableMap(watched);
        }
        if (!paused) {
            String behind = stageOver(1);
            if (behind != null) {
                paused = true;
                pausedSince = now;
                LOG.infof("polls paused: the %s is %d records behind (more than %d)", behind, lastLags.get(behind),
                        maxLags.get(behind));
                return false;
            }
            return true;
        }
        if (stageOver(2) == null) {
            paused = false;
            releasedUntil = null;
            LOG.infof("polls resumed: the next stages are %s records behind",
                    lastLags.isEmpty() ? "an unknown number of" : lastLags);
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

    /** A watched stage more than its limit divided by {@code divisor} behind, or null. */
    private String stageOver(long divisor) {
        for (Map.Entry<String, Long> limit : maxLags.entrySet()) {
            Long lag = lastLags.get(limit.getKey());
            if (lag != null && lag > limit.getValue() / divisor) {
                return limit.getKey();
            }
        }
        return null;
    }

    /** Whether polls are held back now. */
    public boolean paused() {
        return paused;
    }

    /** The stages watched, each with its limit. */
    public Map<String, Long> limits() {
        return maxLags;
    }

    /** A stage's lag last asked, or -1 when unknown or not watched. */
    public long lag(String stage) {
        return lags.getOrDefault(stage, -1L);
    }
}
