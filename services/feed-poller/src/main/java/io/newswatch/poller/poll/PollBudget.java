package io.newswatch.poller.poll;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What one poll may spend: wall time from its start and CPU time of the thread that polls. Checked between steps
 * (after the fetch, after parsing, before each item, after each page), the CPU of pages extracted on
 * {@link PageWorkers}' threads included, so that a feed whose processing costs too
 * much fails with a clear error instead of holding a poll slot and a core; the items published before the budget
 * ran out stay published. CPU time is read with {@link ThreadMXBean}, which measures platform threads only: polls
 * run on platform threads for that reason (on a thread where it cannot be read, only the wall time counts).
 *
 * <p>Created and checked on the polling thread; not thread-safe.
 */
public final class PollBudget {

    /** The budget ran out; the message says which part and where. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Duration wall;
    private final Duration cpu;
    private final LongSupplier nanoTime;
    private final LongSupplier cpuTime;
    private final long startNanos;
    private final long startCpu;
    /** CPU time the poll's pages used on other threads ({@link PageWorkers}), added by the polling thread. */
    private long otherCpu;

    PollBudget(Duration wall, Duration cpu, LongSupplier nanoTime, LongSupplier cpuTime) {
        this.wall = wall;
        this.cpu = cpu;
        this.nanoTime = nanoTime;
        this.cpuTime = cpuTime;
        this.startNanos = nanoTime.getAsLong();
        this.startCpu = cpuTime.getAsLong();
    }

    /** A budget that starts now on the calling thread. */
    public static PollBudget start(Duration wall, Duration cpu) {
        return new PollBudget(wall, cpu, System::nanoTime, PollBudget::threadCpu);
    }

    /** No limit: for the command-line tools. */
    public static PollBudget unlimited() {
        return new PollBudget(Duration.ofDays(365), Duration.ofDays(365), System::nanoTime, () -> -1);
    }

    /**
     * @param where what the poll is doing, for the message ("parsing", "item 12 of 40")
     * @throws Exceeded when the wall time or the CPU time is used up
     */
    public void check(String where) {
        long elapsed = nanoTime.getAsLong() - startNanos;
        if (elapsed > wall.toNanos()) {
            throw new Exceeded("the poll took longer than its limit of " + seconds(wall) + " (stopped at " + where + ")");
        }
        long now = cpuTime.getAsLong();
        if (startCpu >= 0 && now >= 0 && now - startCpu + otherCpu > cpu.toNanos()) {
            throw new Exceeded("the poll used more than its limit of " + seconds(cpu) + " of CPU time (stopped at "
                    + where + ")");
        }
    }

    /** Counts CPU time the poll used on another thread (a page fetched and extracted by a worker). */
    public void addCpu(long nanos) {
        otherCpu += nanos;
    }

    /** Wall time left before the limit (negative once it is passed). */
    public Duration wallLeft() {
        return wall.minusNanos(nanoTime.getAsLong() - startNanos);
    }

    /** CPU time used so far, or -1 when it cannot be measured on this thread. */
    public long cpuNanos() {
        long now = cpuTime.getAsLong();
        return startCpu >= 0 && now >= 0 ? now - startCpu + otherCpu : -1;
    }

    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
