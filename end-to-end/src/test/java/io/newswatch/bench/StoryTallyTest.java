package io.newswatch.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryTallyTest {

    @Test
    void summarisesStorySizes() {
        StoryTally.Summary summary = StoryTally.Summary.of(List.of(1, 1, 1, 2, 1, 3, 1, 5, 40, 1));
        assertThat(summary).isEqualTo(new StoryTally.Summary(56, 10, 1, 5, 40));
        assertThat(StoryTally.Summary.of(List.of())).isEqualTo(new StoryTally.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void countsTheCorpusArticlesByStory() {
        StoryTally tally = new StoryTally();
        CorpusGenerator corpus = new CorpusGenerator(42);
        for (int i = 0; i < 500; i++) {
            tally.add(corpus.next());
        }
        assertThat(tally.summary().articles()).isEqualTo(500);
        assertThat(tally.summary().stories()).isEqualTo((int) corpus.stories());
    }

    @Test
    void theProbeReadsTheFetchedTimeAsDocValuesGiveIt() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertThat(SearchProbe.instant(json.textNode("1733500000123"))).isEqualTo(Instant.ofEpochMilli(1733500000123L));
        assertThat(SearchProbe.instant(json.numberNode(1733500000123L))).isEqualTo(Instant.ofEpochMilli(1733500000123L));
        assertThat(SearchProbe.instant(json.textNode("2026-12-06T10:00:00Z"))).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Test
    void theProbeCostsNothingWhenNotCalibrated() {
        assertThat(new BenchReport.Probe(500, 10, 120, Double.NaN).cpuSeconds()).isZero();
        assertThat(new BenchReport.Probe(500, 10, 120, 9.0).cpuSeconds()).isEqualTo(1.08, org.assertj.core.data.Offset.offset(1e-9));
    }
}
