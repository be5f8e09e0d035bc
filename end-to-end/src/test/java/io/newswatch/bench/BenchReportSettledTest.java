package io.newswatch.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Throughput mode's end-to-end rate, the alert path's apart, and when a window is too short to say. */
class BenchReportSettledTest {

    private static final Instant WINDOW = Instant.parse("2026-12-07T05:00:00Z");

    @Test
    void throughputModeMeasuresLongerThanTheIndexersCatchUpCycle() {
        assertEquals(240, BenchOptions.parse(new String[] {"--mode", "throughput"}).seconds());
        assertEquals(60, BenchOptions.parse(new String[0]).seconds());
        assertEquals(90, BenchOptions.parse(new String[] {"--mode", "throughput", "--seconds", "90"}).seconds());
    }

    @Test
    void aNicedIndexerWhoseBacklogGrewLeavesEndToEndUnsettledAndTheAlertPathStands() {
        // 60 s: the alert path at 300-320/s, the indexer 1,000 documents and 18,000 further behind
        BenchReport report = report(counters(0, 0, 0, 0), Map.of("indexer", 20_000L),
                counters(19_200, 18_600, 1_000, 19_000), Map.of("indexer", 38_000L));

        assertEquals(310.0, report.alertPathRate(), 1e-9);
        assertEquals(1_000 / 60.0, report.endToEndRate(), 1e-9);
        assertFalse(report.endToEndSettled());
    }

    @Test
    void anIndexerThatKeptItsBacklogLeavesEndToEndSettled() {
        BenchReport report = report(counters(0, 0, 0, 0), Map.of("indexer", 20_000L),
                counters(14_400, 14_400, 14_200, 14_400), Map.of("indexer", 20_300L));

        assertEquals(240.0, report.alertPathRate(), 1e-9);
        assertTrue(report.endToEndSettled());
    }

    private static Map<String, Double> counters(double poller, double enricher, double indexer, double alerter) {
        return Map.of("poller", poller, "enricher", enricher, "indexer", indexer, "alerter", alerter);
    }

    private static BenchReport report(Map<String, Double> from, Map<String, Long> lagFrom, Map<String, Double> to,
                                      Map<String, Long> lagTo) {
        PipelineSampler.Tick start = new PipelineSampler.Tick(0, 0, from, lagFrom, Map.of(), Map.of());
        PipelineSampler.Tick end = new PipelineSampler.Tick(60, 90_000, to, lagTo, Map.of(), Map.of());
        return new BenchReport(BenchOptions.parse(new String[] {"--mode", "throughput", "--seconds", "60"}),
                "bench-test", "0", "0", new BenchReport.RuleLoad(0, 0, 0, 0, 0, "1m"), WINDOW.minusSeconds(30),
                WINDOW, WINDOW.plusSeconds(60), start, end, List.of(), Map.of(), List.of(), Map.of(), List.of(), 0,
                Map.of(), 2, new BenchReport.Stories(null, null), new BenchReport.Probe(500, 10, 0, Double.NaN));
    }
}
