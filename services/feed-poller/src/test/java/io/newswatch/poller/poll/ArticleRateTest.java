package io.newswatch.poller.poll;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleRateTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> slept = new ArrayList<>();
    private final ArticleRate tenPerSecond = new ArticleRate(10, nanos::get, duration -> {
        slept.add(duration);
        nanos.addAndGet(duration.toNanos());
    });

    @Test
    void articlesAreSpacedEvenlyUnderTheCeiling() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertThat(tenPerSecond.acquire(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(100));
        assertThat(nanos.get()).isEqualTo(1_400_000_000L);
    }

    @Test
    void aSlotFurtherAwayThanThePollMayWaitIsNotTaken() throws InterruptedException {
        ArticleRate noSleep = new ArticleRate(10, nanos::get, slept::add);
        for (int i = 0; i < 3; i++) {
            assertThat(noSleep.acquire(Duration.ofMillis(250))).isTrue();
        }
        assertThat(noSleep.acquire(Duration.ofMillis(250))).as("the fourth slot is 300 ms away").isFalse();
        nanos.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(noSleep.acquire(Duration.ofMillis(250))).as("the slot not taken is still free").isTrue();
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void anIdlePollerDoesNotSaveUpSlotsForABurst() throws InterruptedException {
        assertThat(tenPerSecond.acquire(Duration.ZERO)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(tenPerSecond.acquire(Duration.ZERO)).isTrue();
        assertThat(tenPerSecond.acquire(Duration.ZERO)).as("100 ms after the last, not a minute's slots").isFalse();
    }

    @Test
    void noCeilingNeverWaits() throws InterruptedException {
        ArticleRate none = new ArticleRate(0, nanos::get, slept::add);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.acquire(Duration.ZERO)).isTrue();
        }
        assertThat(slept).isEmpty();
        assertThat(none.limited()).isFalse();
        assertThat(ArticleRate.unlimited().limited()).isFalse();
    }

    @Test
    void aNegativeCeilingIsRefused() {
        assertThatThrownBy(() -> new ArticleRate(-1, nanos::get, slept::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
