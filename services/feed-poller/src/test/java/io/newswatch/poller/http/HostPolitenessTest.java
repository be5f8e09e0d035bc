package io.newswatch.poller.http;

import io.newswatch.poller.poll.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HostPolitenessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final HostPoliteness politeness = new HostPoliteness(2, Duration.ofMillis(500), Duration.ofHours(1), clock,
            waits::add);

    @Test
    void requestsToOneHostStartAtLeastTheMinimumDelayApart() throws Exception {
        for (int i = 0; i < 3; i++) {
            politeness.acquire("news.example").close();
        }
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void hostsAreIndependentAndNamesAreCaseInsensitive() throws Exception {
        politeness.acquire("a.example").close();
        politeness.acquire("b.example").close();
        politeness.acquire("A.EXAMPLE").close();
        assertThat(waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void noMoreThanTheConfiguredRequestsRunAtOnce() throws Exception {
        HostPoliteness.Permit first = politeness.acquire("news.example");
        HostPoliteness.Permit second = politeness.acquire("news.example");
        CountDownLatch third = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try (HostPoliteness.Permit permit = politeness.acquire("news.example")) {
                third.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(third.await(300, TimeUnit.MILLISECONDS)).isFalse();
        first.close();
        assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
        second.close();
    }

    @Test
    void retryAfterBlocksTheHostCapped() throws Exception {
        assertThat(politeness.block("busy.example", Duration.ofHours(5))).isEqualTo(Duration.ofHours(1));
        assertThat(politeness.nextStart("busy.example")).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        politeness.acquire("busy.example").close();
        assertThat(waits).containsExactly(Duration.ofHours(1));
    }
}
