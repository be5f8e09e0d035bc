package io.newswatch.kafka;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SupervisedThreadTest {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @Test
    void workThatFailsIsStartedOverAfterLongerAndLongerPausesAndCounted() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        SupervisedThread thread = thread(() -> {
            switch (runs.incrementAndGet()) {
                case 1 -> throw new TimeoutException("Kafka is away");
                case 2 -> throw new IllegalStateException("the listener's bug");
                case 3 -> throw new StackOverflowError();
                default -> finished.countDown();
            }
        });
        thread.start();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.restarts()).isEqualTo(3);
        assertThat(thread.lastFailure()).contains("StackOverflowError");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(problems).containsExactly("Kafka is away", "the listener's bug",
                "java.lang.StackOverflowError");
        await().atMost(Duration.ofSeconds(5)).until(thread::ended);
        // the work returned without a close: the thread ended, which liveness reports
        assertThat(thread.isRunning()).isFalse();
    }

    @Test
    void aCloseEndsAPauseAtOnceAndIsNoFailure() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        SupervisedThread thread = new SupervisedThread("closing", () -> {
            failed.countDown();
            throw new IllegalStateException("fails every time");
        }, Thread::sleep, problems::add);
        thread.start();
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);

        long started = System.nanoTime();
        thread.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(thread.ended()).isTrue();
        assertThat(thread.isRunning()).isTrue();
        assertThat(thread.restarts()).isEqualTo(1);
    }

    @Test
    void theLongestPauseIsThirtySeconds() {
        assertThat(SupervisedThread.longer(Duration.ofSeconds(16))).isEqualTo(Duration.ofSeconds(30));
        assertThat(SupervisedThread.longer(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    private SupervisedThread thread(SupervisedThread.Work work) {
        return new SupervisedThread("test", work, pauses::add, problems::add);
    }
}
