package io.newswatch.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's results: per-stage rates over the measured window, latencies, CPU and memory per process, consumer
 * lag over time, and the goals of issue 8 against them; as tables for a terminal and as JSON.
 */
final class BenchReport {

    /** How the rules got into the alerter. */
    record RuleLoad(int rules, double produceSeconds, double applicationStartedSeconds, double alerterReadySeconds,
                    double allRulesSeconds, String alerterHeap) {
    }

    /** The corpus' stories as written, and as the enricher clustered the indexed articles (null if not read). */
    record Stories(StoryTally.Summary corpus, StoryTally.Summary indexed) {
    }

    /**
     * The searchable probe: its period, one article followed in {@code everyNth}, its requests in the window, and
     * Elasticsearch's CPU per request as calibrated before publishing (NaN if not measured).
     */
    record Probe(long periodMs, int everyNth, long requestsInWindow, double elasticsearchMsPerRequest) {

        /** Elasticsearch CPU seconds the probe cost in the window, by the calibration; 0 when unknown. */
        double cpuSeconds() {
            return Double.isNaN(elasticsearchMsPerRequest) ? 0 : requestsInWindow * elasticsearchMsPerRequest / 1000;
        }
    }

    /** Percentiles of a set of durations, in milliseconds. */
    record Latency(int count, double p50, double p95, double p99, double max) {

        static Latency of(List<Double> millis) {
            List<Double> sorted = new ArrayList<>(millis);
            sorted.sort(Double::compare);
            return new Latency(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted.isEmpty() ? Double.NaN : sorted.getLast());
        }

        private static double rank(List<Double> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }
    }

    private static final List<String> STAGES = List.of("poller", "enricher", "indexer", "alerter");
    private static final Map<String, String> STAGE_PROCESS = Map.of("poller", "feed-poller", "enricher", "enricher",
            "indexer", "indexer", "alerter", "alerter");
    /** Each stage's input, as a consumer group label of the sampler (the poller's input is the feeds). */
    private static final Map<String, String> STAGE_INPUT_LAG = Map.of("enricher", "enricher", "indexer", "indexer",
            "alerter", "alerter");
    private static final long GIB = 1024L * 1024 * 1024;
    /** The bench's own process among the processes sampled: counted in the total, not in the stack's RSS. */
    static final String BENCH_PROCESS = "bench (feeds, webhook, probes)";

    private final BenchOptions options;
    private final String run;
    private final String loadBefore;
    private final String loadAfter;
    private final RuleLoad ruleLoad;
    private final Instant publishingFrom;
    private final Instant windowFrom;
    private final Instant windowTo;
    private final PipelineSampler.Tick start;
    private final PipelineSampler.Tick end;
    private final List<PipelineSampler.Tick> ticks;
    private final Map<String, Long> peakRss;
    private final List<AlertHook.Arrival> arrivals;
    private final Map<String, HopTimes.Sent> sent;
    private final List<SearchProbe.Found> found;
    private final int notFound;
    private final Map<String, Double> reported;
    private final int cores;
    private final Stories stories;
    private final Probe probe;

    BenchReport(BenchOptions options, String run, String loadBefore, String loadAfter, RuleLoad ruleLoad,
                Instant publishingFrom, Instant windowFrom, Instant windowTo, PipelineSampler.Tick start,
                PipelineSampler.Tick end, List<PipelineSampler.Tick> ticks, Map<String, Long> peakRss,
                List<AlertHook.Arrival> arrivals, Map<String, HopTimes.Sent> sent, List<SearchProbe.Found> found,
                int notFound,
                Map<String, Double> reported, int cores, Stories stories, Probe probe) {
        this.options = options;
        this.run = run;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.ruleLoad = ruleLoad;
        this.publishingFrom = publishingFrom;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.start = start;
        this.end = end;
        this.ticks = ticks;
        this.peakRss = peakRss;
        this.arrivals = arrivals;
        this.sent = sent;
        this.found = found;
        this.notFound = notFound;
        this.reported = reported;
        this.cores = cores;
        this.stories = stories;
        this.probe = probe;
    }

    double seconds() {
        return end.at() - start.at();
    }

    /**
     * Articles (or alerts) per second of a counter over the window. A service too busy to answer its metrics in time
     * at an edge of the window is read at the nearest second inside the window that it answered; failing that, the
     * rate is its consumer group's committed offsets (which lag behind processing by up to a commit interval).
     */
    double rate(String stage) {
        PipelineSampler.Tick first = null;
        PipelineSampler.Tick last = null;
        for (PipelineSampler.Tick tick : windowTicks()) {
            Double value = tick.counters().get(stage);
            if (value != null && !Double.isNaN(value)) {
                first = first == null ? tick : first;
                last = tick;
            }
        }
        if (first != null && last != first && last.at() - first.at() > 0.5 * seconds()) {
            return (last.counters().get(stage) - first.counters().get(stage)) / (last.at() - first.at());
        }
        String group = STAGE_INPUT_LAG.get(stage);
        return group == null ? Double.NaN : committedRate(group);
    }

    /** The name of the counter of the indexer's bulk requests to an index ({@code count}) or their documents ({@code sum}). */
    static String bulkCounter(String index, String part) {
        return "indexer: bulk " + (part.equals("count") ? "requests " : "documents ") + index;
    }

    /** Documents per bulk request to an index over the window (newswatch_indexer_bulk_documents). */
    double bulkDocuments(String index) {
        return rate(bulkCounter(index, "sum")) / rate(bulkCounter(index, "count"));
    }

    /** Records per second a consumer group committed over the window. */
    double committedRate(String group) {
        PipelineSampler.Tick first = null;
        PipelineSampler.Tick last = null;
        for (PipelineSampler.Tick tick : windowTicks()) {
            if (committed(tick, group) >= 0) {
                first = first == null ? tick : first;
                last = tick;
            }
        }
        if (first == null || last == first) {
            return Double.NaN;
        }
        return (committed(last, group) - committed(first, group)) / (last.at() - first.at());
    }

    /** The window's edges and every sample between them. */
    private List<PipelineSampler.Tick> windowTicks() {
        List<PipelineSampler.Tick> window = new ArrayList<>();
        window.add(start);
        ticks.stream().filter(t -> t.at() > start.at() && t.at() < end.at()).forEach(window::add);
        window.add(end);
        return window;
    }

    /** A group's committed offsets summed over the topic's partitions (end offset minus lag), or -1. */
    private static long committed(PipelineSampler.Tick tick, String group) {
        Long lag = tick.lag().get(group);
        String topic = group.equals("enricher") ? "articles.raw" : "articles.enriched";
        Long endOffset = tick.endOffsets().entrySet().stream().filter(e -> e.getKey().endsWith(topic))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return lag == null || endOffset == null ? -1 : endOffset - lag;
    }

    double offeredRate() {
        return (end.offered() - start.offered()) / seconds();
    }

    /** The slowest of the four stages: what the pipeline sustained end to end. */
    double endToEndRate() {
        return STAGES.stream().mapToDouble(this::rate).min().orElse(Double.NaN);
    }

    /** The slowest stage of the alert path (poller, enricher, alerter): what reached the alerter's matching. */
    double alertPathRate() {
        return STAGES.stream().filter(stage -> !stage.equals("indexer")).mapToDouble(this::rate).min()
                .orElse(Double.NaN);
    }

    /**
     * Whether the end-to-end rate is settled: not when the indexer's backlog grew over the window. The indexer runs
     * niced and drain before fill lets it fall up to {@code backpressure.indexer-max-lag} behind, so a window that
     * ends inside its catch-up cycle measures what it got to index so far, not what the pipeline sustains.
     */
    boolean endToEndSettled() {
        return lagGrowth("indexer") <= Math.max(100, 0.05 * rate("indexer") * seconds());
    }

    double cpuSeconds(String process) {
        ProcessStats.Sample from = start.processes().get(process);
        ProcessStats.Sample to = end.processes().get(process);
        return from == null || to == null ? Double.NaN : to.cpuSeconds() - from.cpuSeconds();
    }

    /** Poll to alert raised (the alert's own timestamp), for alerts on articles fetched in the window. */
    Latency pollToAlertRaised() {
        return Latency.of(inWindow().stream().filter(a -> a.raised() != null)
                .map(a -> millis(a.fetched(), a.raised())).toList());
    }

    /** Poll to the webhook's receipt of the alert. */
    Latency pollToWebhook() {
        return Latency.of(inWindow().stream().map(a -> millis(a.fetched(), a.arrived())).toList());
    }

    /** Poll to the article found by a search. */
    Latency pollToSearchable() {
        return Latency.of(found.stream().filter(f -> f.fetched() != null && within(f.fetched()))
                .map(f -> millis(f.fetched(), f.found())).toList());
    }

    /** The hops from poll to webhook, in order: a name and the time a webhook alert spent in it. */
    private static final List<String> HOPS = List.of(
            "poll -> sent to raw topic (poller: page fetch, extraction)",
            "raw sent -> enriched sent (Kafka, enricher's fetch and work)",
            "enriched sent -> alert raised (Kafka, alerter's fetch, matching)",
            "alert raised -> webhook received (delivery)");

    /**
     * Each hop's milliseconds of one webhook alert (fetched in the window, seen on both topics), in HOPS' order, after
     * the milliseconds from the window's start to the article's fetched time.
     */
    private List<double[]> hopMillis() {
        List<double[]> hops = new ArrayList<>();
        for (AlertHook.Arrival a : inWindow()) {
            HopTimes.Sent s = sent.get(a.articleId());
            if (s != null && a.raised() != null) {
                hops.add(new double[] {millis(windowFrom, a.fetched()), millis(a.fetched(), s.raw()),
                        millis(s.raw(), s.enriched()), millis(s.enriched(), a.raised()), millis(a.raised(), a.arrived())});
            }
        }
        return hops;
    }

    /** Per hop: its percentiles over every webhook alert, and its median over the slowest 5% (poll to webhook). */
    Map<String, Map<String, Latency>> hops() {
        List<double[]> hops = hopMillis();
        List<double[]> slowest = hops.stream()
                .sorted((x, y) -> Double.compare(y[1] + y[2] + y[3] + y[4], x[1] + x[2] + x[3] + x[4]))
                .limit(Math.max(1, hops.size() / 20)).toList();
        Map<String, Map<String, Latency>> table = new LinkedHashMap<>();
        for (int i = 0; i < HOPS.size(); i++) {
            int hop = i + 1;
            table.put(HOPS.get(i), Map.of("all", Latency.of(hops.stream().map(h -> h[hop]).toList()),
                    "slowest5%", Latency.of(slowest.stream().map(h -> h[hop]).toList())));
        }
        return table;
    }

    private List<AlertHook.Arrival> inWindow() {
        return arrivals.stream().filter(a -> a.fetched() != null && within(a.fetched())).toList();
    }

    private boolean within(Instant instant) {
        return !instant.isBefore(windowFrom) && instant.isBefore(windowTo);
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    long totalRss() {
        return end.processes().values().stream().mapToLong(ProcessStats.Sample::rssBytes).sum();
    }

    long totalPeakRss() {
        return peakRss.values().stream().mapToLong(Long::longValue).sum();
    }

    /** RSS at the window's end of the stack's processes: the services, Kafka, Elasticsearch; not the bench. */
    long stackRss() {
        return end.processes().entrySet().stream().filter(e -> !e.getKey().equals(BENCH_PROCESS))
                .mapToLong(e -> e.getValue().rssBytes()).sum();
    }

    /** The sum of the stack's processes' sampled peaks (the bench's own left out). */
    long stackPeakRss() {
        return peakRss.entrySet().stream().filter(e -> !e.getKey().equals(BENCH_PROCESS))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The slowest of the four stages over the window. */
    String limitingStage() {
        String slowest = null;
        for (String stage : STAGES) {
            if (slowest == null || rate(stage) < rate(slowest)) {
                slowest = stage;
            }
        }
        return slowest;
    }

    /** Stages whose input lag grew over the window by more than 5% of what they processed (at least 100). */
    List<String> fallingBehind() {
        List<String> behind = new ArrayList<>();
        for (String stage : STAGES) {
            String group = STAGE_INPUT_LAG.get(stage);
            if (group != null && lagGrowth(group) > Math.max(100, 0.05 * rate(stage) * seconds())) {
                behind.add(stage + " (input lag " + String.format("%+,d", lagGrowth(group)) + ")");
            }
        }
        if (offeredRate() - rate("poller") > Math.max(2, 0.05 * offeredRate())) {
            behind.addFirst(String.format("poller (%.0f/s offered, %.0f/s published)", offeredRate(), rate("poller")));
        }
        return behind;
    }

    /** How much a group's lag grew over the window. */
    long lagGrowth(String group) {
        Long from = start.lag().get(group);
        Long to = end.lag().get(group);
        return from == null || to == null ? 0 : to - from;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("== newswatch bench %s ==%n", run);
        out.printf("mode %s, offered %d articles/s, %,d rules (+5 webhook rules), seed %d, %d feeds on %d hosts, %s%n",
                options.mode(), options.rate(), options.rules(), options.seed(), options.feeds(), options.hosts(),
                options.contentInFeed() ? "full text in the feeds (fullText: false)"
                        : "article pages fetched and extracted (fullText: true)");
        out.printf("machine: %d cores; load average before %s, after %s%n", cores, loadBefore, loadAfter);
        out.printf("window: %.0f s measured after %d s of warm-up (%s to %s)%n", seconds(), options.warmupSeconds(),
                windowFrom, windowTo);
        out.printf("rules: %,d produced to the rules topic in %.1f s; alerter (heap %s): application started %.1f s "
                        + "after launch, ready (rules read and compiled, history read) %.1f s after launch, so loading took "
                        + "%.1f s; all rules counted after %.1f s%n", ruleLoad.rules(), ruleLoad.produceSeconds(),
                ruleLoad.alerterHeap(), ruleLoad.applicationStartedSeconds(), ruleLoad.alerterReadySeconds(),
                ruleLoad.alerterReadySeconds() - ruleLoad.applicationStartedSeconds(), ruleLoad.allRulesSeconds());

        long gaps = ticks.stream().filter(t -> t.lag().isEmpty()).count();
        boolean restarted = ticks.stream().anyMatch(t -> !t.processes().containsKey("kafka")
                || !t.processes().containsKey("elasticsearch"));
        if (gaps > 0 || restarted) {
            out.printf("WARNING: Kafka did not answer for %d of %d samples%s; the numbers below are disturbed (the "
                    + "shared stack was stopped or restarted during the run?)%n", gaps, ticks.size(),
                    restarted ? " and Kafka or Elasticsearch was not running at some point" : "");
        }
        out.println();
        out.println("Throughput over the window (articles/s; CPU of the stage's process over the same window)");
        out.printf("%-22s %10s %9s %12s %14s %12s%n", "stage", "articles/s", "CPU %", "CPU ms/art", "input lag Δ",
                "committed/s");
        out.printf("%-22s %10.1f %9s %12s %14s%n", "offered (feeds)", offeredRate(), "", "", "");
        for (String stage : STAGES) {
            String process = STAGE_PROCESS.get(stage);
            double cpu = cpuSeconds(process);
            String group = STAGE_INPUT_LAG.get(stage);
            out.printf("%-22s %10.1f %9.0f %12.2f %14s %12s%n", stage, rate(stage), 100 * cpu / seconds(),
                    1000 * cpu / (rate(stage) * seconds()), group == null ? "" : String.format("%+,d", lagGrowth(group)),
                    group == null ? "" : String.format("%.1f", committedRate(group)));
        }
        out.printf("%-22s %10.1f  (pages %.1f/s, failed polls %.1f/s)%n", "poller: polls/s", rate("poller: polls"),
                rate("poller: pages"), rate("poller: failed polls"));
        out.printf("%-22s %10.1f%n", "alerts raised", rate("alerts raised"));
        out.printf("%-22s %10.1f%n", "alerts indexed", rate("alerts indexed"));
        out.printf("%-22s %10s  (articles: %.1f/s of %.1f documents; alerts: %.1f/s of %.1f documents)%n",
                "indexer: bulk requests", "", rate(bulkCounter("articles", "count")), bulkDocuments("articles"),
                rate(bulkCounter("alerts", "count")), bulkDocuments("alerts"));
        out.printf("alert path (slowest of poller, enricher, alerter): %.1f articles/s; search path (indexer): "
                + "%.1f articles/s%n", alertPathRate(), rate("indexer"));
        out.printf("end to end (slowest stage): %.1f articles/s%s; slowest stage: %s; falling behind: %s%n",
                endToEndRate(), endToEndSettled() ? "" : " (NOT SETTLED, below)", limitingStage(),
                fallingBehind().isEmpty() ? "none" : String.join(", ", fallingBehind()));
        if (!endToEndSettled()) {
            out.printf("  NOT SETTLED: the indexer's backlog grew by %,d over the window. It runs niced and catches up "
                    + "in the gaps, up to backpressure.indexer-max-lag (50,000) behind, so the window ended inside "
                    + "its catch-up cycle: end to end is what it indexed so far, not what the pipeline sustains. The "
                    + "alert path's rate stands; for end to end measure longer (--seconds 240 or more).%n",
                    lagGrowth("indexer"));
        }
        out.printf("articles matching at least one rule: %.1f%% (--match-rate %s); alerts raised per article: %.2f%n",
                100 * rate("alerter: matched") / rate("alerter"), options.matchRate().name().toLowerCase(
                        java.util.Locale.ROOT), rate("alerts raised") / rate("alerter"));
        out.printf("stories, as the corpus wrote them: %s%n", stories.corpus());
        out.printf("stories, as the enricher clustered the indexed articles: %s%n",
                stories.indexed() == null ? "not read (Elasticsearch did not answer)" : stories.indexed());
        double elasticsearchCpu = cpuSeconds("elasticsearch");
        double indexed = rate("indexer") * seconds();
        out.printf("Elasticsearch CPU per indexed article: %.2f ms, of which the bench's searchable probe %.2f "
                        + "(%,d requests in the window at %.2f ms each, calibrated): %.2f ms without it%n",
                1000 * elasticsearchCpu / indexed, 1000 * probe.cpuSeconds() / indexed, probe.requestsInWindow(),
                probe.elasticsearchMsPerRequest(), 1000 * (elasticsearchCpu - probe.cpuSeconds()) / indexed);

        out.println();
        out.println("Latency (ms) of articles the poller fetched in the window; 'poll' = the article's fetched time,");
        out.println("set by the poller when the feed response that listed the item was parsed, before its page was fetched");
        out.printf("%-40s %7s %8s %8s %8s %8s%n", "", "n", "p50", "p95", "p99", "max");
        printLatency(out, "poll -> alert raised (alert timestamp)", pollToAlertRaised());
        printLatency(out, "poll -> webhook received", pollToWebhook());
        printLatency(out, "poll -> searchable (ids query, " + probe.periodMs() + " ms, 1 in " + probe.everyNth() + ")",
                pollToSearchable());
        if (notFound > 0) {
            out.printf("  (%d followed articles were not found in Elasticsearch by the end)%n", notFound);
        }
        out.println();
        out.println("Poll -> webhook hop by hop (ms; 'sent' = the Kafka record's timestamp, set by the producer when it was");
        out.println("sent, before its linger; the last column is the hop's median over the slowest 5% of webhook alerts)");
        out.printf("%-66s %6s %7s %7s %7s %7s %9s%n", "", "n", "p50", "p95", "p99", "max", "slow5% p50");
        hops().forEach((hop, latency) -> {
            Latency all = latency.get("all");
            out.printf("%-66s %6d %7.0f %7.0f %7.0f %7.0f %9.0f%n", hop, all.count(), all.p50(), all.p95(), all.p99(),
                    all.max(), latency.get("slowest5%").p50());
        });

        if (!reported.isEmpty()) {
            out.println();
            out.println("As the services report it at the end of the window (their own timers; seconds)");
            reported.forEach((name, value) -> out.printf("  %-52s %10.3f%n", name, value));
        }

        out.println();
        out.println("Processes (CPU over the window; RSS at its end; peak = highest sampled; HWM = VmHWM since start)");
        out.printf("%-32s %8s %7s %9s %9s %9s%n", "process", "CPU s", "CPU %", "RSS MiB", "peak MiB", "HWM MiB");
        for (Map.Entry<String, ProcessStats.Sample> entry : end.processes().entrySet()) {
            double cpu = cpuSeconds(entry.getKey());
            out.printf("%-32s %8.1f %7.0f %9d %9d %9d%n", entry.getKey(), cpu, 100 * cpu / seconds(),
                    entry.getValue().rssBytes() >> 20, peakRss.getOrDefault(entry.getKey(), 0L) >> 20,
                    entry.getValue().peakRssBytes() >> 20);
        }
        double totalCpu = end.processes().keySet().stream().mapToDouble(this::cpuSeconds).sum();
        out.printf("%-32s %8.1f %7.0f %9d %9d%n", "total", totalCpu, 100 * totalCpu / seconds(), totalRss() >> 20,
                totalPeakRss() >> 20);
        out.printf("%-32s %8s %7s %9d %9d%n", "the stack (total without bench)", "", "", stackRss() >> 20,
                stackPeakRss() >> 20);

        out.println();
        printLagTimeline(out);

        out.println();
        out.println("Goals (issue 8)");
        double e2e = endToEndRate();
        if (options.throughput()) {
            out.printf("  >= 1,000 articles/s sustained end to end: %s (%.0f/s; slowest stage %s)%n",
                    !endToEndSettled() ? "NOT SETTLED" : e2e >= 1000 ? "MET" : "MISSED", e2e, limitingStage());
        } else {
            out.println("  >= 1,000 articles/s: not measured in latency mode (--mode throughput)");
        }
        Latency alert = pollToWebhook();
        if (!options.throughput() && options.rate() == 100 && alert.count() == 0) {
            out.println("  poll-to-alert p99 < 500 ms at 100 articles/s: MISSED (no webhook alert on an article fetched in "
                    + "the window arrived before the end: the pipeline fell behind, see the lag)");
        } else if (!options.throughput() && options.rate() == 100) {
            out.printf("  poll-to-alert p99 < 500 ms at 100 articles/s: %s (p99 %.0f ms to the webhook, %.0f ms to "
                    + "the alert raised)%n", alert.p99() < 500 ? "MET" : "MISSED", alert.p99(), pollToAlertRaised().p99());
        } else {
            out.println("  poll-to-alert p99 < 500 ms: measured at --mode latency --rate 100 only");
        }
        out.printf("  the stack < 6 GiB RSS: %s (its processes without the bench's own: %.2f GiB at the end, sum of "
                        + "sampled peaks %.2f GiB; with the bench's %.2f GiB at the end)%n",
                stackPeakRss() < 6 * GIB ? "MET" : "MISSED", stackRss() / (double) GIB, stackPeakRss() / (double) GIB,
                totalRss() / (double) GIB);
    }

    private static void printLatency(PrintStream out, String label, Latency latency) {
        out.printf("%-40s %7d %8.0f %8.0f %8.0f %8.0f%n", label, latency.count(), latency.p50(), latency.p95(),
                latency.p99(), latency.max());
    }

    /** Lag per group, one row per few seconds so that a run fits on a screen. */
    private void printLagTimeline(PrintStream out) {
        if (ticks.isEmpty()) {
            return;
        }
        List<String> groups = new ArrayList<>(ticks.getLast().lag().keySet());
        double first = ticks.getFirst().at();
        double span = ticks.getLast().at() - first;
        int step = Math.max(1, (int) Math.ceil(span / 40));
        out.printf("Consumer lag (records behind the topic's end; sampled every second, shown every %d s; "
                + "t = seconds since publishing began; W = measured window)%n", step);
        StringBuilder header = new StringBuilder(String.format("%7s %9s %9s", "t", "published", "raw"));
        groups.forEach(group -> header.append(String.format(" %15s", group)));
        out.println(header);
        double origin = publishingOffset();
        double nextShown = Double.NEGATIVE_INFINITY;
        for (PipelineSampler.Tick tick : ticks) {
            if (tick.at() < nextShown && tick != ticks.getLast()) {
                continue;
            }
            nextShown = tick.at() + step - 0.5;
            boolean inWindow = tick.at() >= start.at() && tick.at() <= end.at();
            StringBuilder row = new StringBuilder(String.format("%6.0f%s %9d %9d", tick.at() - origin,
                    inWindow ? "W" : " ", tick.offered(), tick.endOffsets().getOrDefault(rawTopic(tick), 0L)));
            for (String group : groups) {
                Long lag = tick.lag().get(group);
                row.append(String.format(" %15s", lag == null ? "-" : String.format("%,d", lag)));
            }
            out.println(row);
        }
    }

    private static String rawTopic(PipelineSampler.Tick tick) {
        return tick.endOffsets().keySet().stream().filter(t -> t.endsWith("articles.raw")).findFirst().orElse("");
    }

    /** Sampler time at which publishing began (the sampler starts just before). */
    private double publishingOffset() {
        double windowStartAt = start.at();
        return windowStartAt - Duration.between(publishingFrom, windowFrom).toNanos() / 1e9;
    }

    /** The whole report as a JSON tree (maps and lists). */
    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run);
        root.put("options", Map.ofEntries(Map.entry("mode", options.mode()), Map.entry("rate", options.rate()),
                Map.entry("rules", options.rules()), Map.entry("warmupSeconds", options.warmupSeconds()),
                Map.entry("seconds", options.seconds()), Map.entry("seed", options.seed()),
                Map.entry("feeds", options.feeds()), Map.entry("hosts", options.hosts()),
                Map.entry("window", options.window()), Map.entry("backlog", options.backlog()),
                Map.entry("contentInFeed", options.contentInFeed()), Map.entry("matchRate",
                        options.matchRate().name().toLowerCase(java.util.Locale.ROOT)),
                Map.entry("alerting", options.alerting())));
        root.put("machine", Map.of("cores", cores, "loadBefore", loadBefore, "loadAfter", loadAfter));
        root.put("matchRate", options.matchRate().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> storyJson = new LinkedHashMap<>();
        storyJson.put("corpus", stories.corpus());
        storyJson.put("indexed", stories.indexed());
        root.put("stories", storyJson);
        Map<String, Object> probeJson = new LinkedHashMap<>();
        probeJson.put("periodMs", probe.periodMs());
        probeJson.put("everyNthArticle", probe.everyNth());
        probeJson.put("requestsInWindow", probe.requestsInWindow());
        probeJson.put("elasticsearchMsPerRequest", Double.isNaN(probe.elasticsearchMsPerRequest()) ? null
                : probe.elasticsearchMsPerRequest());
        probeJson.put("elasticsearchCpuSecondsInWindow", probe.cpuSeconds());
        root.put("searchProbe", probeJson);
        root.put("window", Map.of("from", windowFrom.toString(), "to", windowTo.toString(), "seconds", seconds()));
        root.put("ruleLoad", ruleLoad);
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("offered", offeredRate());
        for (String stage : start.counters().keySet()) {
            rates.put(stage, rate(stage));
        }
        rates.put("endToEnd", endToEndRate());
        rates.put("endToEndSettled", endToEndSettled());
        rates.put("alertPath", alertPathRate());
        rates.put("slowestStage", limitingStage());
        rates.put("fallingBehind", fallingBehind());
        root.put("articlesPerSecond", rates);
        root.put("indexerDocumentsPerBulkRequest", Map.of("articles", bulkDocuments("articles"), "alerts",
                bulkDocuments("alerts")));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("definition", "milliseconds from the article's fetched time (set by the poller when it parsed "
                + "the feed response listing the item) to: the alert's timestamp (alertRaised), the webhook's receipt "
                + "(webhook), the first ids query on the articles alias that found it, polled every "
                + probe.periodMs() + " ms for one article in " + probe.everyNth() + " (searchable); articles fetched "
                + "within the window only");
        latency.put("alertRaised", pollToAlertRaised());
        latency.put("webhook", pollToWebhook());
        latency.put("searchable", pollToSearchable());
        latency.put("searchableNotFound", notFound);
        latency.put("webhookHops", hops());
        latency.put("webhookHopsEach", Map.of("columns", List.of("ms from the window's start to fetched", HOPS.get(0),
                HOPS.get(1), HOPS.get(2), HOPS.get(3)), "rows", hopMillis()));
        root.put("latencyMs", latency);
        Map<String, Object> processes = new LinkedHashMap<>();
        end.processes().forEach((name, sample) -> processes.put(name, Map.of(
                "cpuSeconds", cpuSeconds(name), "cpuPercent", 100 * cpuSeconds(name) / seconds(),
                "rssBytes", sample.rssBytes(), "peakSampledRssBytes", peakRss.getOrDefault(name, 0L),
                "vmHwmBytes", sample.peakRssBytes())));
        root.put("processes", processes);
        root.put("serviceReported", reported);
        root.put("totalRssBytes", totalRss());
        root.put("totalPeakSampledRssBytes", totalPeakRss());
        root.put("stackRssBytes", stackRss());
        root.put("stackPeakSampledRssBytes", stackPeakRss());
        List<Map<String, Object>> timeline = new ArrayList<>();
        double origin = publishingOffset();
        for (PipelineSampler.Tick tick : ticks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", Math.round((tick.at() - origin) * 10) / 10.0);
            row.put("published", tick.offered());
            row.put("counters", tick.counters());
            row.put("endOffsets", tick.endOffsets());
            row.put("lag", tick.lag());
            Map<String, Object> cpu = new LinkedHashMap<>();
            tick.processes().forEach((name, sample) -> cpu.put(name, Map.of("cpuSeconds", sample.cpuSeconds(),
                    "rssBytes", sample.rssBytes())));
            row.put("processes", cpu);
            timeline.add(row);
        }
        root.put("timeline", timeline);
        return root;
    }
}
