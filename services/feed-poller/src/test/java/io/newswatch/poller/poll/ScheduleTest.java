package io.newswatch.poller.poll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    /** Bounds 1 min to 1 h, backoff cap 1 h, factor 4, jitter drawing 0 (the shortest wait). */
    private final Schedule schedule = new Schedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1),
            true, 4, () -> 0L);

    @Test
    void registeredIntervalsStayWithinTheGlobalBounds() {
        assertThat(schedule.nominal(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.nominal(Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.nominal(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutEnoughHistoryTheRegisteredIntervalIsUsed() {
        assertThat(schedule.interval(Duration.ofMinutes(5), List.of(NOW.minusSeconds(60), NOW.minusSeconds(30)), NOW))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aBusyFeedIsPolledTwicePerExpectedItemDownToAQuarterOfItsInterval() {
        // an item every 4 minutes: polled every 2 minutes
        assertThat(schedule.interval(Duration.ofMinutes(5), every(Duration.ofMinutes(4), 20), NOW))
                .isEqualTo(Duration.ofMinutes(2));
        // an item every 10 seconds: as often as a quarter of 5 minutes allows
        assertThat(schedule.interval(Duration.ofMinutes(5), every(Duration.ofSeconds(10), 20), NOW))
                .isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void aQuietFeedIsPolledLessUpToFourTimesItsIntervalAndTheGlobalMaximum() {
        assertThat(schedule.interval(Duration.ofMinutes(5), every(Duration.ofDays(1), 20), NOW))
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(schedule.interval(Duration.ofMinutes(30), every(Duration.ofDays(1), 20), NOW))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFeedThatStoppedPublishingSlowsDownOverTime() {
        List<Instant> burstLongAgo = every(Duration.ofMinutes(1), 20).stream().map(t -> t.minus(Duration.ofDays(2))).toList();
        assertThat(schedule.interval(Duration.ofMinutes(5), burstLongAgo, NOW)).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void theAdaptiveScheduleCanBeSwitchedOff() {
        Schedule fixed = new Schedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), false, 4, () -> 0L);
        assertThat(fixed.interval(Duration.ofMinutes(5), every(Duration.ofSeconds(10), 20), NOW))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void backoffDoublesPerFailureUpToTheCap() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(f -> schedule.backoff(Duration.ofMinutes(5), f, Optional.empty())))
                .containsExactly(Duration.ofSeconds(225), Duration.ofSeconds(450), Duration.ofSeconds(900),
                        Duration.ofSeconds(1800), Duration.ofSeconds(2700), Duration.ofSeconds(2700),
                        Duration.ofSeconds(2700));
        assertThat(schedule.backoff(Duration.ofMinutes(5), 1000, Optional.empty())).isEqualTo(Duration.ofSeconds(2700));
    }

    @Test
    void retryAfterLengthensTheWaitButNeverShortensIt() {
        assertThat(schedule.backoff(Duration.ofMinutes(5), 1, Optional.of(Duration.ofHours(3))))
                .isEqualTo(Duration.ofHours(3));
        assertThat(schedule.backoff(Duration.ofMinutes(5), 1, Optional.of(Duration.ofSeconds(1))))
                .isEqualTo(Duration.ofSeconds(225));
    }

    @RepeatedTest(20)
    void jitterStaysBetweenThreeQuartersAndTheFullWait() {
        Schedule jittered = new Schedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), true, 4,
                new Random());
        assertThat(jittered.backoff(Duration.ofMinutes(8), 3, Optional.empty()))
                .isBetween(Duration.ofMinutes(24), Duration.ofMinutes(32));
    }

    private static List<Instant> every(Duration gap, int count) {
        return IntStream.range(0, count).mapToObj(i -> NOW.minus(gap.multipliedBy(i + 1))).toList();
    }
}
