package io.newswatch.poller.poll;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BackpressureTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();
    private OptionalLong lag = OptionalLong.empty();
    private final List<Duration> slept = new ArrayList<>();
    private final Backpressure backpressure = new Backpressure(() -> {
        asked.incrementAndGet();
        return lag;
    }, 1000, Duration.ofSeconds(60), Duration.ofSeconds(1), clock, duration -> {
        slept.add(duration);
        clock.advance(duration);
    });

    @Test
    void pollsGoOnWhileTheNextStagesKeepUpOrTheLagIsUnknown() {
        assertThat(backpressure.open()).isTrue();
        lag = OptionalLong.of(1000);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).isTrue();
        assertThat(backpressure.paused()).isFalse();
    }

    @Test
    void pausesPastTheMaximumLagAndResumesUnderHalfOfIt() {
        lag = OptionalLong.of(1001);
        assertThat(backpressure.open()).isFalse();
        assertThat(backpressure.paused()).isTrue();
        lag = OptionalLong.of(600);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).as("still more than half the maximum behind").isFalse();
        lag = OptionalLong.of(500);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).isTrue();
        assertThat(backpressure.paused()).isFalse();
        assertThat(backpressure.lag()).isEqualTo(500);
    }

    @Test
    void asksTheLagAtMostOncePerCheckInterval() {
        lag = OptionalLong.of(10);
        for (int i = 0; i < 100; i++) {
            backpressure.open();
        }
        assertThat(asked).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        backpressure.open();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aStageThatGoesAwayDoesNotHoldPollsBack() {
        lag = OptionalLong.of(5000);
        assertThat(backpressure.open()).isFalse();
        lag = OptionalLong.empty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).isTrue();
    }

    @Test
    void afterTheLongestPauseTheFeedsDueArePolledForOneCheckInterval() throws InterruptedException {
        lag = OptionalLong.of(5000);
        assertThat(backpressure.open()).isFalse();
        backpressure.awaitOpen();
        assertThat(slept).hasSize(60);
        assertThat(backpressure.open()).as("within the check interval that was let through").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).as("then the pause starts again").isFalse();
        assertThat(backpressure.paused()).isTrue();
    }

    @Test
    void runningPollsTakeNoNewItemsWhileTheNextStagesAreBehind() {
        lag = OptionalLong.of(1001);
        assertThat(backpressure.admitsItems()).isFalse();
        assertThat(backpressure.paused()).as("new polls wait too").isTrue();
        lag = OptionalLong.of(600);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.admitsItems()).as("until the lag is under half the maximum").isFalse();
        lag = OptionalLong.of(400);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.admitsItems()).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void itemsGoOnWhenKafkaCannotTellTheLag() {
        lag = OptionalLong.of(5000);
        assertThat(backpressure.admitsItems()).isFalse();
        lag = OptionalLong.empty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.admitsItems()).isTrue();
        assertThat(Backpressure.off().admitsItems()).isTrue();
    }

    @Test
    void aPollThreadNeverWaitsForTheLagToBeRead() throws Exception {
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Backpressure slowKafka = new Backpressure(() -> {
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OptionalLong.of(10);
        }, 1000, Duration.ofSeconds(60), Duration.ofSeconds(1), clock, duration -> { });
        Thread dispatcher = Thread.ofPlatform().start(slowKafka::open);
        assertThat(reading.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        assertThat(slowKafka.admitsItems()).as("the last decision (open) stands while the lag is read").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
        dispatcher.join(5000);
    }

    @Test
    void offNeverWaits() throws InterruptedException {
        Backpressure off = Backpressure.off();
        off.awaitOpen();
        assertThat(off.open()).isTrue();
        assertThat(off.lag()).isEqualTo(-1);
    }
}
