package io.newswatch.launcher;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterFilterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    private static DeadLetter letter(String topic, String service, String reason, String cause, Instant at) {
        List<Header> headers = List.of(
                header(DeadLetterHeaders.TOPIC, topic), header(DeadLetterHeaders.SERVICE, service),
                header(DeadLetterHeaders.REASON, reason), header(DeadLetterHeaders.CAUSE, cause));
        return new DeadLetter(0, 7, at, "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8),
                headers, List.of());
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachPartNarrowsAndUnsetPartsMatchAll() {
        DeadLetter rejected = letter("newswatch.articles.enriched", "indexer", "rejected by Elasticsearch",
                "HTTP 400 document_parsing_exception", Instant.parse("2026-12-05T11:00:00Z"));

        assertThat(DeadLetterFilter.ALL.matches(rejected, "newswatch.")).isTrue();
        assertThat(new DeadLetterFilter("articles.enriched", null, null, null).matches(rejected, "newswatch.")).isTrue();
        assertThat(new DeadLetterFilter("newswatch.articles.enriched", null, null, null).matches(rejected, "newswatch."))
                .isTrue();
        assertThat(new DeadLetterFilter("alerts", null, null, null).matches(rejected, "newswatch.")).isFalse();
        assertThat(new DeadLetterFilter(null, null, "DOCUMENT_PARSING", null).matches(rejected, "newswatch.")).isTrue();
        assertThat(new DeadLetterFilter(null, null, "undecodable", null).matches(rejected, "newswatch.")).isFalse();
        assertThat(new DeadLetterFilter(null, null, null, "indexer").matches(rejected, "newswatch.")).isTrue();
        assertThat(new DeadLetterFilter(null, null, null, "alerter").matches(rejected, "newswatch.")).isFalse();
        assertThat(new DeadLetterFilter(null, Instant.parse("2026-12-05T11:30:00Z"), null, null)
                .matches(rejected, "newswatch.")).isFalse();
        assertThat(rejected.reason()).isEqualTo("rejected by Elasticsearch: HTTP 400 document_parsing_exception");
        assertThat(rejected.id()).isEqualTo("0:7");
    }

    @Test
    void timesAreIsoTimesOrAges() {
        assertThat(DeadLetterFilter.parseTime("2h", CLOCK)).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(DeadLetterFilter.parseTime("30m", CLOCK)).isEqualTo(Instant.parse("2026-12-05T11:30:00Z"));
        assertThat(DeadLetterFilter.parseTime("7d", CLOCK)).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(DeadLetterFilter.parseTime("PT90S", CLOCK)).isEqualTo(Instant.parse("2026-12-05T11:58:30Z"));
        assertThat(DeadLetterFilter.parseTime("2026-12-01T08:00:00Z", CLOCK))
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(DeadLetterFilter.parseTime("2026-12-01T08:00:00+01:00", CLOCK))
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(DeadLetterFilter.parseTime("2026-12-01T08:00", CLOCK))
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(DeadLetterFilter.parseTime("2026-12-01", CLOCK)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThatThrownBy(() -> DeadLetterFilter.parseTime("yesterday", CLOCK))
                .hasMessageContaining("--since yesterday is not a time");
    }
}
