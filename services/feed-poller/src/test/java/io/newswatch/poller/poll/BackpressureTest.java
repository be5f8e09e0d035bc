package io.newswatch.poller.poll;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.ConsumerGroupLag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class BackpressureTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();
    private Map<String, Long> lags = Map.of();
    private final List<Duration> slept = new ArrayList<>();
    private final Backpressure backpressure = drain(Map.of("enricher", 1000L));

    private Backpressure drain(Map<String, Long> limits) {
        return new Backpressure(() -> {
            asked.incrementAndGet();
            return lags;
        }, limits, Duration.ofSeconds(60), Duration.ofSeconds(1), clock, duration -> {
            slept.add(duration);
            clock.advance(duration);
        });
    }

    private void lag(long enricher) {
        lags = Map.of("enricher", enricher);
    }

    @Test
    void pollsGoOnWhileTheNextStagesKeepUpOrTheLagIsUnknown() {
        assertThat(backpressure.open()).isTrue();
        lag(1000);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).isTrue();
        assertThat(backpressure.paused()).isFalse();
    }

    @Test
    void pausesPastTheMaximumLagAndResumesUnderHalfOfIt() {
        lag(1001);
        assertThat(backpressure.open()).isFalse();
        assertThat(backpressure.paused()).isTrue();
        lag(600);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).as("still more than half the maximum behind").isFalse();
        lag(500);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).isTrue();
        assertThat(backpressure.paused()).isFalse();
        assertThat(backpressure.lag("enricher")).isEqualTo(500);
    }

    @Test
    void theAlertPathHasTheMaximumLagAndTheIndexerItsOwn() {
        TopicNames topics = new TopicNames("acme");
        Map<String, Long> limits =
                Backpressure.limits(ConsumerGroupLag.downstreamStages(topics).keySet(), 5000, 50_000);
        assertThat(limits).as("the stages of ConsumerGroupLag.downstreamStages, the indexer on its own limit")
                .containsExactly(entry("enricher", 5000L), entry("alerter", 5000L), entry("indexer", 50_000L));
        assertThat(Backpressure.limits(limits.keySet(), 5000, 0)).as("0: the indexer is not watched")
                .containsOnlyKeys("enricher", "alerter");
        assertThat(Backpressure.limits(limits.keySet(), 0, 0)).isEmpty();
    }

    @Test
    void theIndexerFarBehindPausesOnlyPastItsOwnLimit() {
        Backpressure both = drain(Map.of("enricher", 1000L, "alerter", 1000L, "indexer", 10_000L));
        lags = Map.of("enricher", 10L, "alerter", 10L, "indexer", 9000L);
        assertThat(both.open()).as("the indexer 9,000 behind: under its own limit").isTrue();
        lags = Map.of("enricher", 10L, "alerter", 10L, "indexer", 10_001L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(both.open()).isFalse();
        lags = Map.of("enricher", 10L, "alerter", 10L, "indexer", 6000L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(both.open()).as("until it is under half its own limit").isFalse();
        lags = Map.of("enricher", 10L, "alerter", 10L, "indexer", 5000L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(both.open()).isTrue();
        assertThat(both.lag("indexer")).isEqualTo(5000);
        assertThat(both.lag("alerter")).isEqualTo(10);
    }

    @Test
    void anyStageOverItsLimitPausesAndEveryStageMustBeUnderHalfOfItsOwnToResume() {
        Backpressure both = drain(Map.of("enricher", 1000L, "alerter", 1000L, "indexer", 10_000L));
        lags = Map.of("enricher", 10L, "alerter", 1001L, "indexer", 0L);
        assertThat(both.open()).as("the alerter past the alert path's limit").isFalse();
        lags = Map.of("enricher", 10L, "alerter", 400L, "indexer", 5001L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(both.open()).as("the alerter caught up, the indexer over half its limit").isFalse();
        lags = Map.of("enricher", 10L, "alerter", 400L, "indexer", 5000L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(both.open()).isTrue();
    }

    @Test
    void aStageNotWatchedNeverHoldsPollsBack() {
        lags = Map.of("enricher", 10L, "indexer", 1_000_000L);
        assertThat(backpressure.open()).isTrue();
        assertThat(backpressure.lag("indexer")).as("not watched").isEqualTo(-1);
    }

    @Test
    void asksTheLagAtMostOncePerCheckInterval() {
        lag(10);
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
        lag(5000);
        assertThat(backpressure.open()).isFalse();
        lags = Map.of();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.open()).isTrue();
    }

    @Test
    void afterTheLongestPauseTheFeedsDueArePolledForOneCheckInterval() throws InterruptedException {
        lag(5000);
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
        lag(1001);
        assertThat(backpressure.admitsItems()).isFalse();
        assertThat(backpressure.paused()).as("new polls wait too").isTrue();
        lag(600);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.admitsItems()).as("until the lag is under half the maximum").isFalse();
        lag(400);
        clock.advance(Duration.ofSeconds(1));
        assertThat(backpressure.admitsItems()).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void itemsGoOnWhenKafkaCannotTellTheLag() {
        lag(5000);
        assertThat(backpressure.admitsItems()).isFalse();
        lags = Map.of();
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
            return Map.of("enricher", 10L);
        }, Map.of("enricher", 1000L), Duration.ofSeconds(60), Duration.ofSeconds(1), clock, duration -> { });
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
        assertThat(off.lag("enricher")).isEqualTo(-1);
        assertThat(off.limits()).isEmpty();
    }
}
