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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPolitenessTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final HostPoliteness politeness = new HostPoliteness(2, Duration.ofMillis(500), Duration.ofHours(6), clock,
            waits::add);

    @Test
    void requestsToOneHostStartAtLeastTheMinimumDelayApart() throws Exception {
        for (int i = 0; i < 3; i++) {
            politeness.acquire("news.example", DEADLINE).close();
        }
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void hostsAreIndependentAndNamesAreCaseInsensitive() throws Exception {
        politeness.acquire("a.example", DEADLINE).close();
        politeness.acquire("b.example", DEADLINE).close();
        politeness.acquire("A.EXAMPLE", DEADLINE).close();
        assertThat(waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void noMoreThanTheConfiguredRequestsRunAtOnce() throws Exception {
        HostPoliteness.Permit first = politeness.acquire("news.example", DEADLINE);
        HostPoliteness.Permit second = politeness.acquire("news.example", DEADLINE);
        CountDownLatch third = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try (HostPoliteness.Permit permit = politeness.acquire("news.example", DEADLINE)) {
                third.countDown();
            } catch (InterruptedException | FetchException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(third.await(300, TimeUnit.MILLISECONDS)).isFalse();
        first.close();
        assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
        second.close();
    }

    @Test
    void aBlockedHostFailsAtOnceSayingWhenItIsFreeAgain() throws Exception {
        assertThat(politeness.block("busy.example", Duration.ofHours(9))).isEqualTo(Duration.ofHours(6));
        assertThat(politeness.nextStart("busy.example")).isEqualTo(clock.instant().plus(Duration.ofHours(6)));
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> politeness.acquire("busy.example", DEADLINE))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> {
                    FetchException fetch = (FetchException) e;
                    assertThat(fetch.kind()).isEqualTo(FetchException.Kind.THROTTLED);
                    assertThat(fetch.retryAfter()).contains(Duration.ofHours(4));
                })
                .hasMessage("busy.example asked us to wait until 2024-03-01T18:00:00Z (Retry-After); not contacted before");
        assertThat(waits).as("nothing slept").isEmpty();
        clock.advance(Duration.ofHours(4));
        politeness.acquire("busy.example", DEADLINE).close();
        assertThat(waits).isEmpty();
    }

    @Test
    void noWaitForATurnIsLongerThanTheRequestMayWait() throws Exception {
        HostPoliteness queue = new HostPoliteness(100, Duration.ofSeconds(1), Duration.ofHours(6), clock, waits::add);
        for (int i = 0; i < 3; i++) {
            queue.acquire("crowded.example", Duration.ofMillis(2500)).close();
        }
        assertThatThrownBy(() -> queue.acquire("crowded.example", Duration.ofMillis(2500)))
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.TIMEOUT))
                .hasMessage("too many requests queued for crowded.example to start within 2.5 s");
        assertThat(waits).containsExactly(Duration.ZERO.plusSeconds(1), Duration.ofSeconds(2));
        assertThat(waits).allMatch(wait -> wait.compareTo(Duration.ofMillis(2500)) <= 0);
    }

    @Test
    void noWaitForASlotIsLongerThanTheRequestMayWait() throws Exception {
        HostPoliteness.Permit first = politeness.acquire("slow.example", DEADLINE);
        HostPoliteness.Permit second = politeness.acquire("slow.example", DEADLINE);
        long started = System.nanoTime();
        assertThatThrownBy(() -> politeness.acquire("slow.example", Duration.ofMillis(200)))
                .hasMessage("no free request slot for slow.example within 0.2 s (2 requests in flight to it)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        first.close();
        second.close();
    }
}
