package io.newswatch.poller.poll;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a poll's article pages are fetched and extracted besides the polling thread: a fixed set of platform
 * threads shared by all polls of the instance ({@code newswatch.poller.max-concurrent-pages}), so that a poll's
 * pages wait for the network side by side instead of one after the other. A page goes to a free worker, or, when
 * none is free, runs on the polling thread itself (as every page did before), so that a busy instance is never
 * slower than one page at a time per poll and never holds more pages than polls plus workers. A poll keeps at most
 * {@link #perPoll()} pages in flight; per host, {@code HostPoliteness} bounds the requests of all polls together.
 *
 * <p>Platform threads, not virtual ones: the poll's CPU budget is read with {@link ThreadMXBean}, which measures
 * platform threads only; each page reports the CPU it used on a worker, for the poll to count.
 */
public final class PageWorkers implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A page's outcome and the CPU it used on a worker thread (0 when it ran on the polling thread). */
    public record Done<T>(T value, long workerCpuNanos) {
    }

    private final ThreadPoolExecutor pool;
    private final int perPoll;

    /**
     * @param workers threads shared by all polls (0: every page on its polling thread, one at a time)
     * @param perPoll pages one poll has in flight at most (at least 1)
     */
    public PageWorkers(int workers, int perPoll) {
        // without workers every page runs at once on its poll's thread: a window would only hold its articles back
        this.perPoll = workers <= 0 ? 1 : Math.max(1, perPoll);
        if (this.perPoll == 1) {
            this.pool = null;
            return;
        }
        AtomicInteger count = new AtomicInteger();
        // no queue: a page starts on a worker waiting for work, or else on the caller (also once shut down, so
        // that no poll waits for a page that never runs)
        this.pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                task -> Thread.ofPlatform().daemon().name("page-" + count.incrementAndGet()).unstarted(task),
                (task, executor) -> task.run());
    }

    /** One page at a time, on the polling thread: the command-line tools and tests that want it. */
    public static PageWorkers sequential() {
        return new PageWorkers(0, 1);
    }

    /** Pages one poll has in flight at most. */
    public int perPoll() {
        return perPoll;
    }

    /**
     * Starts a page's work on a free worker, or runs it now on the calling thread when none is free.
     */
    public <T> Future<Done<T>> submit(Callable<T> work) {
        Thread caller = Thread.currentThread();
        Callable<Done<T>> measured = () -> {
            boolean worker = Thread.currentThread() != caller;
            long before = worker ? cpu() : 0;
            T value = work.call();
            return new Done<>(value, worker && before >= 0 ? Math.max(0, cpu() - before) : 0);
        };
        if (pool == null) {
            try {
                return CompletableFuture.completedFuture(measured.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return pool.submit(measured);
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
