package io.newswatch.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff equalJitter = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 0.5,
            Duration.ofSeconds(60), new Random(7));

    @Test
    void doublesPerFailureWithJitterUpToTheCap() {
        for (int failures = 1; failures <= 40; failures++) {
            long ceiling = Math.min(2_000L << Math.min(failures - 1, 20), 60_000L);
            Duration delay = equalJitter.delay(failures, null);
            assertThat(delay.toMillis()).as("after %d failures", failures).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void theJitterFractionBoundsTheRandomPart() {
        Backoff shortest = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0.25, Duration.ofHours(6), () -> 0L);
        assertThat(shortest.delay(Duration.ofMinutes(5), 1, null)).isEqualTo(Duration.ofSeconds(225));
        assertThat(shortest.delay(Duration.ofMinutes(5), 3, null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(shortest.delay(Duration.ofMinutes(5), Integer.MAX_VALUE, null)).isEqualTo(Duration.ofMinutes(45));
        Backoff none = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 0, Duration.ofSeconds(8), new Random());
        assertThat(none.delay(4, null)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void retryAfterLengthensTheWaitUpToItsCapAndNeverShortensIt() {
        assertThat(equalJitter.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(equalJitter.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
        assertThat(equalJitter.delay(6, Duration.ofMillis(1)).toMillis()).isGreaterThanOrEqualTo(30_000);
        Backoff longer = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0.25, Duration.ofHours(6), () -> 0L);
        assertThat(longer.delay(1, Duration.ofHours(3))).isEqualTo(Duration.ofHours(3));
        assertThat(longer.delay(1, Duration.ofHours(30))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.5, Duration.ZERO, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.5, Duration.ZERO,
                new Random())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, Duration.ZERO,
                new Random())).isInstanceOf(IllegalArgumentException.class);
    }
}
