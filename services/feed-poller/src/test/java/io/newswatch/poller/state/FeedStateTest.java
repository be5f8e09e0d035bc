package io.newswatch.poller.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStateTest {

    private static final Instant T1 = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant T2 = T1.plusSeconds(1);

    @Test
    void aPollThatFoundNothingNewChangesOnlyTheTimes() {
        FeedState first = polled(T1, "\"v1\"", 200, 0);
        assertThat(first.sameButTimes(polled(T2, "\"v1\"", 200, 0))).isTrue();
        assertThat(polled(T2, "\"v1\"", 200, 0).sameButTimes(first)).isTrue();
    }

    @Test
    void anythingElseThatChangedIsAChange() {
        FeedState first = polled(T1, "\"v1\"", 200, 0);
        assertThat(first.sameButTimes(polled(T2, "\"v2\"", 200, 0))).as("validator").isFalse();
        assertThat(first.sameButTimes(polled(T2, "\"v1\"", 304, 0))).as("HTTP status").isFalse();
        assertThat(first.sameButTimes(polled(T2, "\"v1\"", 200, 1))).as("failures").isFalse();
        assertThat(first.sameButTimes(first.withStatus(first.status().withItemsPublished(4)))).as("count").isFalse();
        assertThat(first.sameButTimes(null)).isFalse();
    }

    private static FeedState polled(Instant now, String etag, int httpStatus, int failures) {
        FeedStatus status = new FeedStatus(now, now, httpStatus, failures > 0 ? "HTTP 500" : null, null, failures, 3,
                30, now.plusSeconds(60), Duration.ofMinutes(1), null, null, "etag", "guid", null, null, 0, null, 0,
                null, null, T1, List.of(), "instance-1");
        return new FeedState(FeedState.SCHEMA_VERSION, FeedState.TYPE, "feed-1", now, etag, null, false, status, "h");
    }
}
