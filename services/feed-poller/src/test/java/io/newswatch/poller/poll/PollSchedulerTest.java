package io.newswatch.poller.poll;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PollSchedulerTest {

    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private PollScheduler scheduler;

    private void start(int maxConcurrent, Function<String, Instant> next) {
        scheduler = new PollScheduler(feedId -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            polls.computeIfAbsent(feedId, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return next.apply(feedId);
        }, maxConcurrent, Clock.systemUTC(), lag -> { });
        scheduler.start();
    }

    @AfterEach
    void stop() {
        scheduler.close(Duration.ofSeconds(2));
    }

    @Test
    void pollsRunOnPlatformThreadsWhoseCpuTimeCanBeRead() {
        java.util.concurrent.CompletableFuture<Long> cpu = new java.util.concurrent.CompletableFuture<>();
        scheduler = new PollScheduler(feedId -> {
            cpu.complete(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            return null;
        }, 2, Clock.systemUTC(), lag -> { });
        scheduler.start();
        scheduler.schedule("a", Instant.now());
        assertThat(cpu.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isNotNegative();
    }

    @Test
    void noNewPollStartsWhileTheNextStagesAreFarBehind() {
        java.util.concurrent.atomic.AtomicLong lag = new java.util.concurrent.atomic.AtomicLong(10_000);
        AtomicInteger polled = new AtomicInteger();
        scheduler = new PollScheduler(feedId -> {
            polled.incrementAndGet();
            return Instant.now().plusMillis(50);
        }, 2, Clock.systemUTC(), l -> { }, new Backpressure(() -> java.util.Map.of("enricher", lag.get()),
                java.util.Map.of("enricher", 1000L), Duration.ofHours(1), Duration.ofMillis(20), Clock.systemUTC(), Thread::sleep));
        scheduler.start();
        scheduler.schedule("a", Instant.now());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> polled.get() == 0);
        lag.set(400);
        await().atMost(Duration.ofSeconds(10)).until(() -> polled.get() >= 2);
    }

    @Test
    void pollsDueFeedsAndReschedulesThemAtTheTimeThePollReturns() {
        start(4, feedId -> Instant.now().plusMillis(100));
        scheduler.schedule("a", Instant.now());
        scheduler.schedule("b", Instant.now().plusSeconds(3600));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("a") >= 3);
        assertThat(count("b")).isZero();
        assertThat(scheduler.size()).isEqualTo(2);
    }

    @Test
    void neverMoreThanTheLimitAtOnceAndNeverOneFeedTwiceAtOnce() {
        start(3, feedId -> Instant.now());
        for (int i = 0; i < 10; i++) {
            scheduler.schedule("feed-" + i, Instant.now());
        }
        scheduler.schedule("feed-0", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> polls.size() == 10 && polls.values().stream()
                .allMatch(c -> c.get() >= 2));
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void anUnscheduledFeedIsNotPolledAgainEvenIfItsPollWasRunning() throws Exception {
        start(2, feedId -> Instant.now());
        scheduler.schedule("a", Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> count("a") >= 1);
        scheduler.unschedule("a");
        Thread.sleep(200);
        int after = count("a");
        Thread.sleep(300);
        assertThat(count("a")).isEqualTo(after);
        assertThat(scheduler.isScheduled("a")).isFalse();
    }

    @Test
    void aPollThatReturnsNullStopsItsFeed() throws Exception {
        start(2, feedId -> null);
        scheduler.schedule("once", Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> count("once") == 1);
        Thread.sleep(300);
        assertThat(count("once")).isEqualTo(1);
        assertThat(scheduler.isScheduled("once")).isFalse();
    }

    @Test
    void aFailingPollIsRetriedLaterNotLost() {
        scheduler = new PollScheduler(feedId -> {
            polls.computeIfAbsent(feedId, k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("boom");
        }, 1, Clock.systemUTC(), lag -> { });
        scheduler.start();
        scheduler.schedule("bad", Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> count("bad") == 1);
        assertThat(scheduler.isScheduled("bad")).isTrue();
    }

    private int count(String feedId) {
        AtomicInteger count = polls.get(feedId);
        return count == null ? 0 : count.get();
    }
}
