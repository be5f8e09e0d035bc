package io.newswatch.poller.parse;

import io.newswatch.poller.poll.KnownItemsBenchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A poll's parse alone: {@link KnownItemsBenchmark}'s feed (30 items, 3 new) parsed with the 27 others known, thread
 * CPU per parse in one thread, each round's feed 3 items newer than the last (as the poller's stage bench); then the
 * same parse with none known. Runs on any version with {@link KnownItems} (session 17 on), for a pair of builds.
 *
 * <pre>./mvnw -q -o -pl services/feed-poller -Pbench test-compile exec:exec
 *     -Dbench.main=io.newswatch.poller.parse.KnownItemsParseBenchmark -Dbench.args="ROUNDS PARSES"</pre>
 */
public final class KnownItemsParseBenchmark {

    private static final URI BASE = URI.create("https://news.example/bench.xml");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int parses = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FeedParser parser = new FeedParser();
        for (int round = 1; round <= rounds; round++) {
            KnownItemsParseTest.Held held = new KnownItemsParseTest.Held("bench");
            int newest = 30 + round * 3;
            held.hold(parse(parser, KnownItemsBenchmark.feed("https://news.example", newest - 3), held));
            byte[] body = KnownItemsBenchmark.feed("https://news.example", newest).getBytes(StandardCharsets.UTF_8);
            long start = threads.getCurrentThreadCpuTime();
            int known = 0;
            for (int i = 0; i < parses; i++) {
                known += (int) parser.parse(body, Optional.empty(), BASE, () -> { }, held).items().stream()
                        .filter(ParsedItem::known).count();
            }
            double knownCpu = (threads.getCurrentThreadCpuTime() - start) / 1e3 / parses;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < parses; i++) {
                parser.parse(body, Optional.empty(), BASE, () -> { }, new KnownItemsParseTest.Held("bench"));
            }
            double noneCpu = (threads.getCurrentThreadCpuTime() - start) / 1e3 / parses;
            System.out.printf(Locale.ROOT, "round %d: %.1f µs per parse with %d of 30 known, %.1f µs with none known, load %.1f%n",
                    round, knownCpu, known / parses, noneCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static ParsedFeed parse(FeedParser parser, String xml, KnownItems known) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE, () -> { }, known);
    }
}
