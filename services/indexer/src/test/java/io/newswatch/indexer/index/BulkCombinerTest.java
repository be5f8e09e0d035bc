package io.newswatch.indexer.index;

import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.IndexOperation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches that meet while every request slot is busy share the next request, and each gets its own outcome. */
class BulkCombinerTest {

    private static List<IndexOperation> operations(String... ids) {
        List<IndexOperation> operations = new ArrayList<>();
        for (String id : ids) {
            operations.add(IndexOperation.throughAlias("t-articles", id, 1, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        return operations;
    }

    /** A writer that holds its first write until released, and answers by id: "stale-*" and "bad-*" as named. */
    private static final class HeldWriter implements BulkCombiner.Writer {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
        volatile boolean interruptFirst;

        @Override
        public BulkIndexer.Result write(List<IndexOperation> operations) throws InterruptedException {
            writes.add(operations.stream().map(IndexOperation::id).toList());
            if (writes.size() == 1) {
                firstStarted.countDown();
                releaseFirst.await();
                if (interruptFirst) {
                    throw new InterruptedException("shutting down");
                }
            }
            List<Integer> stale = new ArrayList<>();
            List<BulkIndexer.Rejection> rejected = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                if (operations.get(i).id().startsWith("stale-")) {
                    stale.add(i);
                } else if (operations.get(i).id().startsWith("bad-")) {
                    rejected.add(new BulkIndexer.Rejection(i, "HTTP 400 " + operations.get(i).id()));
                }
            }
            return new BulkIndexer.Result(operations.size() - stale.size() - rejected.size(), stale, rejected);
        }
    }

    @Test
    void aBatchAloneIsWrittenAtOnceAndCallersThatMeetABusySlotShareTheNextWriteWithTheirOwnOutcome()
            throws Exception {
        HeldWriter writer = new HeldWriter();
        BulkCombiner combiner = new BulkCombiner(writer, 1, 1 << 20);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<BulkIndexer.Result> first = callers.submit(() -> combiner.write(operations("a1", "a2")));
            assertThat(writer.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<BulkIndexer.Result> second = callers.submit(() -> combiner.write(operations("b1", "bad-b2")));
            Future<BulkIndexer.Result> third = callers.submit(
                    () -> combiner.write(operations("stale-c1", "c2", "bad-c3")));
            Thread.sleep(200);
            writer.releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).indexed()).isEqualTo(2);
            BulkIndexer.Result b = second.get(10, TimeUnit.SECONDS);
            BulkIndexer.Result c = third.get(10, TimeUnit.SECONDS);
            assertThat(writer.writes).hasSize(2);
            assertThat(writer.writes.get(1)).containsExactlyInAnyOrder("b1", "bad-b2", "stale-c1", "c2", "bad-c3");
            assertThat(b.indexed()).isEqualTo(1);
            assertThat(b.rejected()).singleElement().satisfies(rejection -> {
                assertThat(rejection.position()).isEqualTo(1);
                assertThat(rejection.reason()).isEqualTo("HTTP 400 bad-b2");
            });
            assertThat(c.indexed()).isEqualTo(1);
            assertThat(c.stalePositions()).containsExactly(0);
            assertThat(c.rejected()).singleElement().satisfies(rejection -> {
                assertThat(rejection.position()).isEqualTo(2);
                assertThat(rejection.reason()).isEqualTo("HTTP 400 bad-c3");
            });
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aGroupIsCappedByBytesSoABacklogMakesRequestsOfAtMostTheBulkSize() throws Exception {
        HeldWriter writer = new HeldWriter();
        // 2 documents of 202 estimated bytes fit, 3 do not
        BulkCombiner combiner = new BulkCombiner(writer, 1, 500);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = callers.submit(() -> combiner.write(operations("a")));
            assertThat(writer.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<BulkIndexer.Result>> waiting = new ArrayList<>();
            for (String id : List.of("b", "c", "d")) {
                waiting.add(callers.submit(() -> combiner.write(operations(id))));
                Thread.sleep(50);
            }
            writer.releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<BulkIndexer.Result> future : waiting) {
                assertThat(future.get(10, TimeUnit.SECONDS).indexed()).isEqualTo(1);
            }
            assertThat(writer.writes).extracting(List::size).containsExactly(1, 2, 1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void whenTheSharedWriteIsInterruptedNoCallerOfItIsToldItsDocumentsAreDurable() throws Exception {
        HeldWriter writer = new HeldWriter();
        writer.interruptFirst = true;
        BulkCombiner combiner = new BulkCombiner(writer, 1, 1 << 20);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<BulkIndexer.Result> first = callers.submit(() -> combiner.write(operations("a")));
            assertThat(writer.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            writer.releaseFirst.countDown();

            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            // the slot is free again: the next batch is written
            assertThat(combiner.write(operations("b")).indexed()).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBugInTheWriterReachesEveryCallerOfTheGroup() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BulkCombiner combiner = new BulkCombiner(operations -> {
            if (operations.getFirst().id().equals("a")) {
                started.countDown();
                release.await();
                return new BulkIndexer.Result(1, List.of(), List.of());
            }
            throw new IllegalStateException("bug");
        }, 1, 1 << 20);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<BulkIndexer.Result> first = callers.submit(() -> combiner.write(operations("a")));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<BulkIndexer.Result> second = callers.submit(() -> combiner.write(operations("b")));
            Future<BulkIndexer.Result> third = callers.submit(() -> combiner.write(operations("c")));
            Thread.sleep(200);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).indexed()).isEqualTo(1);
            for (Future<BulkIndexer.Result> failed : List.of(second, third)) {
                assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                        IllegalStateException.class);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
