package io.newswatch.alerter.backtest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/** The search's small decisions: the histogram's interval for a period, and the lead shown for "everything". */
class SearcherTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void theHistogramIntervalIsTheShortestThatDrawsThePeriodInFortyBars() {
        assertThat(interval(Duration.ofMinutes(3))).isEqualTo("1m");
        assertThat(interval(Duration.ofMinutes(50))).isEqualTo("5m");
        assertThat(interval(Duration.ofHours(30))).isEqualTo("1h");
        assertThat(interval(Duration.ofDays(7))).isEqualTo("6h");
        assertThat(interval(Duration.ofDays(30))).isEqualTo("1d");
        assertThat(interval(Duration.ofDays(365))).isEqualTo("1M");
        assertThat(interval(Duration.ofDays(365 * 50))).isEqualTo("1y");
    }

    @Test
    void theHistogramCoversThePeriodWithEmptyBuckets() {
        Searcher.Bounds bounds = Searcher.Bounds.of(START, START.plus(Duration.ofDays(30)));
        var histogram = Searcher.histogram(bounds).path("date_histogram");
        assertThat(histogram.path("fixed_interval").asText()).isEqualTo("1d");
        assertThat(histogram.path("min_doc_count").asInt()).isZero();
        assertThat(histogram.at("/extended_bounds/min").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(Searcher.histogram(Searcher.Bounds.of(START, START.plus(Duration.ofDays(900))))
                .at("/date_histogram/calendar_interval").asText()).isEqualTo("1M");
    }

    @Test
    void theLeadIsTheSummaryCutAtAWordAndEscaped() {
        assertThat(Searcher.lead(article().summary("Talks  in <Brussels> & \"Podgorica\"").body("Body").build()))
                .isEqualTo("Talks in &lt;Brussels&gt; &amp; &quot;Podgorica&quot;");
        assertThat(Searcher.lead(article().summary(" ").body("From the body.").build())).isEqualTo("From the body.");
        String lead = Searcher.lead(article().summary("word ".repeat(100)).build());
        assertThat(lead).endsWith("word…").hasSizeLessThanOrEqualTo(301);
    }

    private static String interval(Duration period) {
        return Searcher.Interval.covering(START, START.plus(period), 40).name();
    }
}
