package io.newswatch.indexer.index;

import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.IndexOperation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the batches that wait for Elasticsearch at the same time share one bulk request (a group commit). A batch
 * that finds one of the {@code requestsInFlight} slots free is written at once, together with every batch waiting
 * beside it (up to {@code maxBytes}); a batch that finds every slot busy waits, and the next free slot takes it with
 * the others that arrived meanwhile. So a quiet stream's batch is written as soon as it is mapped, and under a
 * backlog the requests grow instead of queueing: fewer round trips, and each request's fixed cost in Elasticsearch and
 * here spread over more documents.
 *
 * <p>The writing is done by the calling threads themselves (whichever takes a free slot); the others wait for their
 * documents' outcome. Each caller gets back the outcome of its own documents only, by its own positions.
 */
final class BulkCombiner {

    /** Writes one combined list of operations; returns once each is indexed, stale or rejected. */
    @FunctionalInterface
    interface Writer {
        BulkIndexer.Result write(List<IndexOperation> operations) throws InterruptedException;
    }

    private final Writer writer;
    private final int requestsInFlight;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
    private int writing;

    /** One caller's operations and, once written, their outcome. */
    private static final class Entry {
        final List<IndexOperation> operations;
        final long bytes;
        BulkIndexer.Result result;
        Throwable failure;

        Entry(List<IndexOperation> operations) {
            this.operations = operations;
            long size = 0;
            for (IndexOperation operation : operations) {
                size += operation.source().length + 200L;
            }
            this.bytes = size;
        }

        boolean done() {
            return result != null || failure != null;
        }
    }

    BulkCombiner(Writer writer, int requestsInFlight, long maxBytes) {
        if (requestsInFlight < 1) {
            throw new IllegalArgumentException("requests in flight must be at least 1, not " + requestsInFlight);
        }
        this.writer = writer;
        this.requestsInFlight = requestsInFlight;
        this.maxBytes = maxBytes;
    }

    /**
     * Writes the operations, alone or with other callers' waiting at the same time.
     *
     * @return the outcome of these operations, by their positions in {@code operations}
     * @throws InterruptedException when the service shuts down before they are durable: do not acknowledge them
     */
    BulkIndexer.Result write(List<IndexOperation> operations) throws InterruptedException {
        Entry mine = new Entry(operations);
        lock.lock();
        try {
            waiting.addLast(mine);
            while (!mine.done()) {
                if (writing < requestsInFlight && waiting.contains(mine)) {
                    writeGroup(takeGroup());
                } else {
                    try {
                        changed.await();
                    } catch (InterruptedException e) {
                        waiting.remove(mine);
                        throw e;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (mine.failure instanceof RuntimeException bug) {
            throw bug;
        }
        if (mine.failure != null) {
            throw (Error) mine.failure;
        }
        return mine.result;
    }

    /** The waiting entries from the oldest, up to {@link #maxBytes} (at least one). Called holding the lock. */
    private List<Entry> takeGroup() {
        List<Entry> group = new ArrayList<>();
        long bytes = 0;
        while (!waiting.isEmpty() && (group.isEmpty() || bytes + waiting.peekFirst().bytes <= maxBytes)) {
            Entry next = waiting.pollFirst();
            group.add(next);
            bytes += next.bytes;
        }
        return group;
    }

    /** Writes the group in a slot, without the lock held meanwhile, and hands each entry its outcome. */
    private void writeGroup(List<Entry> group) {
        writing++;
        lock.unlock();
        BulkIndexer.Result result = null;
        Throwable failure = null;
        try {
            result = writer.write(concatenated(group));
        } catch (InterruptedException | RuntimeException | Error e) {
            failure = e;
        } finally {
            lock.lock();
            writing--;
        }
        int offset = 0;
        for (Entry entry : group) {
            if (failure != null) {
                entry.failure = failure;
            } else {
                entry.result = slice(result, offset, entry.operations.size());
            }
            offset += entry.operations.size();
        }
        changed.signalAll();
    }

    private static List<IndexOperation> concatenated(List<Entry> group) {
        if (group.size() == 1) {
            return group.getFirst().operations;
        }
        List<IndexOperation> all = new ArrayList<>();
        for (Entry entry : group) {
            all.addAll(entry.operations);
        }
        return all;
    }

    /** The outcome of positions {@code from} to {@code from + size} of a combined result, renumbered from 0. */
    static BulkIndexer.Result slice(BulkIndexer.Result result, int from, int size) {
        List<Integer> stale = new ArrayList<>();
        for (int position : result.stalePositions()) {
            if (position >= from && position < from + size) {
                stale.add(position - from);
            }
        }
        List<BulkIndexer.Rejection> rejected = new ArrayList<>();
        for (BulkIndexer.Rejection rejection : result.rejected()) {
            if (rejection.position() >= from && rejection.position() < from + size) {
                rejected.add(new BulkIndexer.Rejection(rejection.position() - from, rejection.reason()));
            }
        }
        return new BulkIndexer.Result(size - stale.size() - rejected.size(), List.copyOf(stale),
                List.copyOf(rejected));
    }
}
