package io.newswatch.poller.poll;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs each scheduled feed's poll when it is due, at most N at once, never two polls of one feed at a time. A poll
 * returns when it wants to run next; a feed that is unscheduled while its poll runs is not rescheduled. Polls run
 * on platform threads (at most N of them), so that each poll's CPU time can be measured and bounded
 * ({@link PollBudget}): the JDK does not measure virtual threads' CPU time. The threads are kept for the next polls
 * (a minute idle at most), not started one per poll.
 */
public final class PollScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final Function<String, Instant> poll;
    private final Clock clock;
    private final Semaphore slots;
    private final Consumer<Duration> lag;
    private final Backpressure backpressure;
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("poll-", 0).daemon().factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    /** The due entry of each scheduled feed that is not running; stale queue entries are skipped. */
    private final Map<String, Due> scheduled = new HashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> cancelledWhileRunning = new ConcurrentHashMap<>();
    private final Thread dispatcher;
    private volatile boolean open = true;
    private long sequence;

    /**
     * @param poll          polls one feed; returns when to poll it next, or null to stop polling it
     * @param maxConcurrent polls running at once at most
     * @param lag           told how late each poll starts after it was due
     */
    public PollScheduler(Function<String, Instant> poll, int maxConcurrent, Clock clock, Consumer<Duration> lag) {
        this(poll, maxConcurrent, clock, lag, Backpressure.off());
    }

    /**
     * @param backpressure holds new polls back while the next stages are far behind
     */
    public PollScheduler(Function<String, Instant> poll, int maxConcurrent, Clock clock, Consumer<Duration> lag,
                         Backpressure backpressure) {
        this.poll = poll;
        this.backpressure = backpressure;
        this.clock = clock;
        this.slots = new Semaphore(maxConcurrent);
        this.lag = lag;
        this.dispatcher = Thread.ofPlatform().daemon().name("poll-dispatcher").unstarted(this::dispatch);
    }

    public void start() {
        dispatcher.start();
    }

    /** Schedules a feed at {@code due}, or moves it there. A feed whose poll runs keeps the time that poll returns. */
    public void schedule(String feedId, Instant due) {
        lock.lock();
        try {
            cancelledWhileRunning.remove(feedId);
            if (running.contains(feedId)) {
                return;
            }
            enqueue(feedId, due);
        } finally {
            lock.unlock();
        }
    }

    /** Puts a feed in the schedule; the lock is held. */
    private void enqueue(String feedId, Instant due) {
        Due entry = new Due(due, sequence++, feedId);
        scheduled.put(feedId, entry);
        queue.add(entry);
        changed.signalAll();
    }

    /** Stops polling a feed (a running poll finishes but is not rescheduled). */
    public void unschedule(String feedId) {
        lock.lock();
        try {
            scheduled.remove(feedId);
            if (running.contains(feedId)) {
                cancelledWhileRunning.put(feedId, true);
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean isScheduled(String feedId) {
        lock.lock();
        try {
            return scheduled.containsKey(feedId) || (running.contains(feedId) && !cancelledWhileRunning.containsKey(feedId));
        } finally {
            lock.unlock();
        }
    }

    /** Feeds scheduled or being polled. */
    public int size() {
        lock.lock();
        try {
            return scheduled.size() + running.size();
        } finally {
            lock.unlock();
        }
    }

    /** Polls running now. */
    public int running() {
        return running.size();
    }

    public boolean alive() {
        return dispatcher.isAlive();
    }

    private void dispatch() {
        while (open) {
            try {
                slots.acquire();
                backpressure.awaitOpen();
                Due next = awaitDue();
                if (next == null) {
                    slots.release();
                    continue;
                }
                lag.accept(Duration.between(next.at(), clock.instant()));
                executor.execute(() -> run(next.feedId()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for the next due feed, or a change; returns one feed, marked running, or null to look again. */
    private Due awaitDue() throws InterruptedException {
        lock.lock();
        try {
            Due due = takeOne();
            if (due != null) {
                return due;
            }
            Due head = queue.peek();
            long waitMillis = head == null ? 1000 : Math.max(1, Duration.between(clock.instant(), head.at()).toMillis());
            changed.await(Math.min(waitMillis, 1000), TimeUnit.MILLISECONDS);
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The earliest feed due now, taken out of the schedule and marked running; stale entries are dropped. */
    private Due takeOne() {
        Instant now = clock.instant();
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            Due entry = queue.poll();
            if (scheduled.get(entry.feedId()) == entry) {
                scheduled.remove(entry.feedId());
                running.add(entry.feedId());
                return entry;
            }
        }
        return null;
    }

    private void run(String feedId) {
        Instant next = null;
        try {
            next = poll.apply(feedId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "poll of feed %s failed unexpectedly; retrying in a minute", feedId);
            next = clock.instant().plus(Duration.ofMinutes(1));
        } finally {
            slots.release();
            lock.lock();
            try {
                running.remove(feedId);
                boolean cancelled = cancelledWhileRunning.remove(feedId) != null;
                if (next != null && !cancelled && open && !scheduled.containsKey(feedId)) {
                    enqueue(feedId, next);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops dispatching; waits up to {@code grace} for running polls to finish, then interrupts them. */
    public void close(Duration grace) {
        open = false;
        dispatcher.interrupt();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** A feed due at a time; ties in the order they were scheduled. */
    record Due(Instant at, long sequence, String feedId) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
