package io.newswatch.alerter.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), new Random(7));

    @Test
    void doublesWithJitterUpToTheCap() {
        for (int failures = 1; failures <= 10; failures++) {
            long ceiling = Math.min(2_000L << (failures - 1), 60_000L);
            Duration delay = backoff.delay(failures, null);
            assertThat(delay.toMillis()).as("after %d failures", failures).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
