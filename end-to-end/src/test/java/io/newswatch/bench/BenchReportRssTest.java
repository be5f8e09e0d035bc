package io.newswatch.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The memory goal is judged on the stack's processes; the bench's own RSS stays in the total. */
class BenchReportRssTest {

    private static final Instant WINDOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final long MIB = 1024 * 1024;

    @Test
    void theStacksRssLeavesTheBenchOutAndTheTotalKeepsIt() {
        Map<String, ProcessStats.Sample> processes = Map.of(
                "alerter", new ProcessStats.Sample(1, 900 * MIB, 950 * MIB),
                "kafka", new ProcessStats.Sample(1, 700 * MIB, 700 * MIB),
                BenchReport.BENCH_PROCESS, new ProcessStats.Sample(1, 500 * MIB, 600 * MIB));
        Map<String, Long> peaks = Map.of("alerter", 1000 * MIB, "kafka", 800 * MIB, BenchReport.BENCH_PROCESS, 550 * MIB);
        PipelineSampler.Tick start = new PipelineSampler.Tick(0, 0, Map.of(), Map.of(), Map.of(), processes);
        PipelineSampler.Tick end = new PipelineSampler.Tick(60, 6_000, Map.of(), Map.of(), Map.of(), processes);
        BenchReport report = new BenchReport(BenchOptions.parse(new String[0]), "bench-test", "0", "0",
                new BenchReport.RuleLoad(0, 0, 0, 0, 0, "1m"), WINDOW.minusSeconds(30), WINDOW, WINDOW.plusSeconds(60),
                start, end, List.of(), peaks, List.of(), Map.of(), List.of(), 0, Map.of(), 2,
                new BenchReport.Stories(null, null), new BenchReport.Probe(500, 10, 0, Double.NaN));

        assertEquals(1600 * MIB, report.stackRss());
        assertEquals(1800 * MIB, report.stackPeakRss());
        assertEquals(2100 * MIB, report.totalRss());
        assertEquals(2350 * MIB, report.totalPeakRss());
    }
}
