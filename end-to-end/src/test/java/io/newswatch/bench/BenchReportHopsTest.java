package io.newswatch.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchReportHopsTest {

    private static final Instant WINDOW = Instant.parse("2026-12-06T17:00:00Z");

    @Test
    void splitsEachWebhookAlertIntoItsHopsFromTheRecordTimestamps() {
        // article a: 40 ms in the poller, 300 in the enricher, 100 in the alerter, 10 to the webhook; b: 4 s in the
        // poller; c: fetched before the window; d: never seen on the enriched topic
        List<AlertHook.Arrival> arrivals = List.of(
                arrival("a", 1_000, 1_440),
                arrival("b", 2_000, 6_400),
                arrival("c", -500, 1_000),
                arrival("d", 3_000, 3_500));
        Map<String, HopTimes.Sent> sent = Map.of(
                "a", new HopTimes.Sent(at(1_040), at(1_340)),
                "b", new HopTimes.Sent(at(6_000), at(6_300)),
                "c", new HopTimes.Sent(at(0), at(100)));

        Map<String, Map<String, BenchReport.Latency>> hops = report(arrivals, sent).hops();

        List<BenchReport.Latency> all = hops.values().stream().map(hop -> hop.get("all")).toList();
        assertEquals(List.of(2, 2, 2, 2), all.stream().map(BenchReport.Latency::count).toList());
        assertEquals(List.of(40.0, 300.0, 100.0, 10.0), all.stream().map(BenchReport.Latency::p50).toList());
        assertEquals(List.of(4_000.0, 300.0, 100.0, 10.0), all.stream().map(BenchReport.Latency::max).toList());
        // the slowest 5% of two alerts is the slowest one, b
        assertEquals(List.of(4_000.0, 300.0, 100.0, 10.0),
                hops.values().stream().map(hop -> hop.get("slowest5%").p50()).toList());
    }

    /** An alert on an article fetched {@code fetched} ms into the window, raised at {@code raised}, 10 ms to arrive. */
    private static AlertHook.Arrival arrival(String article, long fetched, long raised) {
        return new AlertHook.Arrival("alert-" + article, "rule", article, at(fetched), at(raised), at(raised + 10));
    }

    private static Instant at(long millis) {
        return WINDOW.plusMillis(millis);
    }

    private static BenchReport report(List<AlertHook.Arrival> arrivals, Map<String, HopTimes.Sent> sent) {
        PipelineSampler.Tick start = new PipelineSampler.Tick(0, 0, Map.of(), Map.of(), Map.of(), Map.of());
        PipelineSampler.Tick end = new PipelineSampler.Tick(60, 6_000, Map.of(), Map.of(), Map.of(), Map.of());
        return new BenchReport(BenchOptions.parse(new String[0]), "bench-test", "0", "0",
                new BenchReport.RuleLoad(0, 0, 0, 0, 0, "1m"), WINDOW.minusSeconds(30), WINDOW,
                WINDOW.plusSeconds(60), start, end, List.of(), Map.of(), arrivals, sent, List.of(), 0, Map.of(), 2,
                new BenchReport.Stories(null, null), new BenchReport.Probe(500, 10, 0, Double.NaN));
    }
}
