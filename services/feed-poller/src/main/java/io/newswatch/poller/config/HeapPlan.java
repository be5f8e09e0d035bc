package io.newswatch.poller.config;

import io.newswatch.poller.http.BodyMemory;

/**
 * How the poller's heap is shared between the bodies it fetches and parses, so that the limits fit together:
 * {@code max-concurrent-polls} plus {@code max-concurrent-pages} (the page workers) bodies of up to
 * {@link BodyMemory#SMALL} each, plus as many bodies of up to
 * {@code max-body-bytes} as the rest of the heap holds (at least one, or the service does not start), each counted
 * {@link #WORKING_SET} times, beside {@link #RESERVED} for the service itself.
 *
 * @param maxHeap     the JVM's maximum heap ({@code -Xmx})
 * @param largeBodies bodies larger than {@link BodyMemory#SMALL} held at once
 * @param problem     why the limits do not fit the heap, or null when they do
 */
public record HeapPlan(long maxHeap, int largeBodies, String problem) {

    /** Heap for everything but bodies: Quarkus, the Kafka clients' buffers, the feeds' state. */
    static final long RESERVED = 96L << 20;
    /**
     * Heap per byte of a body while it is fetched, decoded and parsed: the bytes (twice while they arrive), the
     * decoded text (two bytes a character), the repaired text and Rome's or jsoup's tree. Measured: a 10 MiB feed
     * (1,892 items) parses and a 10 MiB page extracts within a 64 MiB heap, and not within 60.
     */
    static final int WORKING_SET = 8;

    public static HeapPlan of(long maxHeap, int concurrentPolls, long maxBodyBytes) {
        return of(maxHeap, concurrentPolls, 0, maxBodyBytes);
    }

    /** @param pageWorkers threads that fetch and extract pages besides the polls ({@code max-concurrent-pages}) */
    public static HeapPlan of(long maxHeap, int concurrentPolls, int pageWorkers, long maxBodyBytes) {
        int bodies = concurrentPolls + pageWorkers;
        long small = Math.min(BodyMemory.SMALL, maxBodyBytes);
        long forSmall = bodies * small * WORKING_SET;
        long perLarge = maxBodyBytes * WORKING_SET;
        long left = maxHeap - RESERVED - forSmall;
        int large = (int) Math.max(0, Math.min(bodies, left / perLarge));
        if (maxBodyBytes <= BodyMemory.SMALL) {
            return new HeapPlan(maxHeap, Math.max(1, bodies), left >= 0 ? null : tooSmall(maxHeap,
                    concurrentPolls, pageWorkers, maxBodyBytes, RESERVED + forSmall));
        }
        return new HeapPlan(maxHeap, large, large >= 1 ? null
                : tooSmall(maxHeap, concurrentPolls, pageWorkers, maxBodyBytes, RESERVED + forSmall + perLarge));
    }

    private static String tooSmall(long maxHeap, int polls, int pageWorkers, long maxBody, long needed) {
        return "the heap (" + mib(maxHeap) + ") cannot hold " + polls + " polls at once (newswatch.poller."
                + "max-concurrent-polls)" + (pageWorkers > 0 ? ", " + pageWorkers + " page workers (newswatch.poller."
                + "max-concurrent-pages)" : "") + " and one body of up to " + mib(maxBody) + " (newswatch.poller.http."
                + "max-body-bytes) being parsed: give the poller at least " + mib(needed) + " of heap (-Xmx), or "
                + "lower one of " + (pageWorkers > 0 ? "these settings" : "the two settings");
    }

    private static String mib(long bytes) {
        return (bytes + (1 << 20) - 1 >> 20) + " MiB";
    }

    /** For the log at start. */
    public String describe(int concurrentPolls, int pageWorkers, long maxBodyBytes) {
        return "heap " + mib(maxHeap) + ": " + concurrentPolls + " polls and " + pageWorkers
                + " page workers at once, each body up to "
                + BodyMemory.SMALL / 1024 + " KiB freely, " + largeBodies + " larger one(s) of up to "
                + mib(maxBodyBytes) + " at a time";
    }
}
