package io.newswatch.indexer.bulk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), new Random(42));

    @Test
    void eachStepDoublesWithinHalfAndAllOfIt() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long step = 100L << (attempt - 1);
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void theDelayIsCappedHoweverLongTheOutage() {
        for (int attempt : new int[]{9, 20, 63, 64, 1_000_000}) {
            assertThat(backoff.delay(attempt)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void theJitterSpreadsIndexersThatFailedTogether() {
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> backoff.delay(6)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .hasMessageContaining("shorter");
    }
}
