package io.newswatch.console.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramTest {

    @Test
    void barsAreScaledToTheLargestAndSpanUntilTheNextBucket() {
        Instant day = Instant.parse("2026-11-16T00:00:00Z");
        List<Histogram.Bar> bars = Histogram.bars(List.of(new Histogram.Bucket(day, 10),
                new Histogram.Bucket(day.plusSeconds(86400), 0), new Histogram.Bucket(day.plusSeconds(2 * 86400), 1)),
                "1d");
        assertThat(bars).extracting(Histogram.Bar::percent).containsExactly(100, 0, 10);
        assertThat(bars.get(0).to()).isEqualTo(day.plusSeconds(86400));
        assertThat(bars.get(2).to()).isEqualTo(day.plusSeconds(3 * 86400));
    }

    @Test
    void intervalsAsElasticsearchNamesThem() {
        Instant start = Instant.parse("2026-01-31T00:00:00Z");
        assertThat(Histogram.next(start, "6h")).isEqualTo(Instant.parse("2026-01-31T06:00:00Z"));
        assertThat(Histogram.next(start, "7d")).isEqualTo(Instant.parse("2026-02-07T00:00:00Z"));
        assertThat(Histogram.next(start, "1M")).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(Histogram.next(start, "1y")).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(Histogram.next(start, null)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }
}
