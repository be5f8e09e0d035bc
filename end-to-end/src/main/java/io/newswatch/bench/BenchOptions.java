package io.newswatch.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The benchmark's flags. Two modes: {@code latency} publishes at a fixed {@code rate} that the pipeline should keep
 * up with and measures how long alerts and search take; {@code throughput} offers more than the pipeline can take
 * (a backlog in every feed at the start, then a high rate) and measures what each stage sustains.
 *
 * @param mode           latency or throughput
 * @param rate           articles per second published to the feeds
 * @param rules          generated rules in the alerter, on top of the 5 webhook rules
 * @param warmupSeconds  publishing before the measured window (JIT, first polls, rule compilation settle)
 * @param seconds        the measured (steady) window
 * @param seed           corpus and rules
 * @param feeds          feeds served
 * @param hosts          loopback addresses the feeds are spread over
 * @param window         items per feed
 * @param backlog        items in every feed before the services start
 * @param contentInFeed  full text in the feed ({@code fullText: false}) instead of article pages
 * @param storage        measure the disk the run's indices and topics take, and extrapolate to a year
 * @param json           where the JSON report goes, null for the default under .newswatch/bench/
 * @param alerting       percent of originals that carry the watched sentence the webhook rule matches, or -1 for
 *                       the five webhook rules on the corpus' own subjects (the security desk's articles)
 * @param matchRate      how many articles match at least one rule: a realistic few percent, or all
 */
record BenchOptions(String mode, int rate, int rules, int warmupSeconds, int seconds, long seed, int feeds, int hosts,
                    int window, int backlog, boolean contentInFeed, boolean storage, Path json, int alerting,
                    CorpusGenerator.MatchRate matchRate) {

    static final String USAGE = """
            usage: ./newswatch bench [--mode latency|throughput] [--rate N] [--rules N] [--seconds N] [--warmup N]
                                     [--seed N] [--feeds N] [--hosts N] [--window N] [--backlog N]
                                     [--content-in-feed] [--storage] [--json FILE] [--alerting PERCENT]
                                     [--match-rate few|all]
              --mode latency     fixed rate (default 100 articles/s): poll-to-alert and poll-to-search latency
              --mode throughput  a backlog of --backlog items per feed, then a rate above capacity (default 1500/s):
                                 sustained articles/s of each stage
              --rules N          generated alert rules (default 10000); 5 more notify the bench's webhook
              --seconds N        measured window (default 60; 240 in throughput mode, longer than the niced
                                 indexer's catch-up cycle); --warmup N before it (default 30)
              --feeds N --hosts N --window N   feeds (default rate/2, 50 to 200) on loopback addresses
                                 127.0.0.2.. (default feeds/8, 5 to 25), each listing its newest N items (default 30)
              --content-in-feed  whole text in the feed, fullText off (default: article pages, fullText on)
              --storage          at the end, the disk its indices and topics take per article, and a year's worth
              --json FILE        the report as JSON (default .newswatch/bench/<run>.json)
              --alerting PERCENT one webhook rule on a sentence that PERCENT of the stories carry (3: a realistic
                                 share, 100: every article alerts) instead of five on the corpus' own subjects
              --match-rate few   a realistic few percent of the articles match at least one rule (default: the
                                 security desk's, about 4%); all: every article names someone a rule watches
            """;

    /**
     * The flags, parsed by picocli.
     *
     * @throws IllegalArgumentException for an unknown flag, a missing or wrong value
     */
    static BenchOptions parse(String[] args) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String mode = flags.mode;
        if (!mode.equals("latency") && !mode.equals("throughput")) {
            throw new IllegalArgumentException("--mode is latency or throughput, not " + mode);
        }
        boolean throughput = mode.equals("throughput");
        int rate = positive("--rate", flags.rate, throughput ? 1500 : 100);
        int rules = nonNegative("--rules", flags.rules, 10_000);
        int warmup = nonNegative("--warmup", flags.warmup, 30);
        // Throughput mode's window outlasts the niced indexer's catch-up cycle: drain before fill lets it fall up to
        // backpressure.indexer-max-lag (50,000) behind while the alert path runs, so a 60 s window could end before
        // it had its turn and report 0 indexed (docs/perf/README.md, session 13).
        int seconds = positive("--seconds", flags.seconds, throughput ? 240 : 60);
        // A few new items per feed and poll (feeds are polled once a second): every poll parses the whole feed, so
        // many feeds with one new item each would mostly measure re-parsing of known items; but a poll fetches its
        // new items' pages one after the other, so too few feeds leave the poller without parallelism.
        int feeds = positive("--feeds", flags.feeds, Math.clamp(rate / 2, 50, 200));
        int hosts = positive("--hosts", flags.hosts, Math.clamp(feeds / 8, 5, 25));
        int window = positive("--window", flags.window, 30);
        int backlog = nonNegative("--backlog", flags.backlog, throughput ? 25 : 0);
        int alerting = flags.alerting;
        CorpusGenerator.MatchRate matchRate = CorpusGenerator.MatchRate.parse(flags.matchRate);
        if (alerting > 100) {
            throw new IllegalArgumentException("--alerting is a percentage, at most 100");
        }
        if (hosts > 250) {
            throw new IllegalArgumentException("--hosts is at most 250 (127.0.0.2 to 127.0.0.251)");
        }
        if (backlog > window) {
            throw new IllegalArgumentException("--backlog (" + backlog + ") cannot exceed --window (" + window + ")");
        }
        return new BenchOptions(mode, rate, rules, warmup, seconds, flags.seed, feeds, Math.min(hosts, feeds), window,
                backlog, flags.contentInFeed, flags.storage, flags.json, alerting, matchRate);
    }

    /** True when the flags ask for the usage ({@code -h}, {@code --help}). */
    static boolean helpAsked(String[] args) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).parseArgs(args);
            return flags.help;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** The command line as given; numbers stay text so that 10k and 10_000 read as 10000. */
    @Command(name = "bench")
    private static final class Flags {
        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;
        @Option(names = "--mode")
        String mode = "latency";
        @Option(names = "--rate")
        String rate;
        @Option(names = "--rules")
        String rules;
        @Option(names = "--warmup")
        String warmup;
        @Option(names = "--seconds")
        String seconds;
        @Option(names = "--seed")
        long seed = 42;
        @Option(names = "--feeds")
        String feeds;
        @Option(names = "--hosts")
        String hosts;
        @Option(names = "--window")
        String window;
        @Option(names = "--backlog")
        String backlog;
        @Option(names = "--content-in-feed")
        boolean contentInFeed;
        @Option(names = "--storage")
        boolean storage;
        @Option(names = "--json")
        Path json;
        @Option(names = "--alerting")
        int alerting = -1;
        @Option(names = "--match-rate")
        String matchRate = "few";
    }

    boolean throughput() {
        return mode.equals("throughput");
    }

    private static int positive(String flag, String text, int fallback) {
        int value = nonNegative(flag, text, fallback);
        if (value == 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return value;
    }

    private static int nonNegative(String flag, String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.replace("_", "").replace("k", "000"));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a non-negative number, not " + text);
        }
    }
}
