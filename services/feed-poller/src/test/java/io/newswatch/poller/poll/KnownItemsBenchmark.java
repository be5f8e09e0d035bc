package io.newswatch.poller.poll;

import io.newswatch.poller.parse.FeedParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A poll's own CPU with and without reading known items again: one feed of 30 bench-shaped items (title, link,
 * guid, date, author, category, a 300-character description) with 3 new items at each poll, polled by the real
 * poller (HTTP, parse, items, ledger through JSON; no pages) in one thread; thread CPU per poll. "cut" cuts the
 * known items out of the feed's text before the XML read (the default parser); "skip" does not (known items read as
 * XML, left out of Rome's build: {@code cut-known-items=false}); "read" writes the ledger's records without their
 * element hashes (as the code before them did), so every item is read at every poll.
 * MODES (optional, {@code cut,skip} by default) names the modes each round runs, in order.
 *
 * <pre>./mvnw -q -o -pl services/feed-poller -Pbench test-compile exec:exec
 *     -Dbench.main=io.newswatch.poller.poll.KnownItemsBenchmark -Dbench.args="ROUNDS POLLS [MODES]"</pre>
 */
public final class KnownItemsBenchmark {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int polls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<String> modes = args.length > 2 ? List.of(args[2].split(",")) : List.of("cut", "skip");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicReference<String> feed = new AtomicReference<>();
        try (CorpusSite site = new CorpusSite()) {
            site.route("/bench.xml", exchange -> CorpusSite.send(exchange, 200, "application/rss+xml",
                    feed.get().getBytes(StandardCharsets.UTF_8)));
            for (int round = 1; round <= rounds; round++) {
                for (String mode : modes) {
                    try (PollHarness harness = new PollHarness(site.base() + "/bench.xml", false,
                            new FeedParser(FeedParser.MAX_ITEMS, mode.equals("cut")))) {
                        if (mode.equals("read")) {
                            harness.ledgerWrittenAs(KnownItemsPollTest::withoutItemHash);
                        }
                        int newest = 30;
                        feed.set(feed(site.base(), newest));
                        harness.poll();
                        long cpu = 0;
                        int published = 0;
                        for (int p = 0; p < polls; p++) {
                            newest += 3;
                            feed.set(feed(site.base(), newest));
                            long start = threads.getCurrentThreadCpuTime();
                            published += harness.poll().size();
                            cpu += threads.getCurrentThreadCpuTime() - start;
                        }
                        System.out.printf(Locale.ROOT, "round %2d %s: %.1f µs per poll (%d articles, %d polls), not read %.0f, cut %.0f, load %.1f%n",
                                round, mode, cpu / 1e3 / polls, published, polls,
                                harness.meters.counter("newswatch.poller.items.not.read").count(),
                                harness.meters.counter("newswatch.poller.items.cut").count(),
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    }
                }
            }
        }
        System.exit(0);
    }

    /** The newest 30 items, newest first. */
    public static String feed(String base, int newest) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Bench</title><link>" + base + "/</link><description>Generated news</description>"
                + "<language>en</language><lastBuildDate>" + RFC_1123.format(PollHarness.START.plusSeconds(newest))
                + "</lastBuildDate>\n");
        for (int i = newest; i > newest - 30; i--) {
            xml.append("<item><title>Harbour authority reports record traffic as ferry line ").append(i)
                    .append(" expands</title><link>").append(base).append("/news/2020/04/story-").append(i)
                    .append(".html</link><guid isPermaLink=\"false\">story-").append(i).append("</guid><pubDate>")
                    .append(RFC_1123.format(PollHarness.START.minus(Duration.ofHours(2)).plusSeconds(i)))
                    .append("</pubDate><author>desk@news.example (Port Desk)</author><category>Business</category>")
                    .append("<description>The harbour authority said on Tuesday that traffic through the port rose ")
                    .append("for the third month in a row, as the ferry line added sailings &amp; freight services ")
                    .append("to the islands. Officials expect the trend to hold through the summer season, item ")
                    .append(i).append(".</description></item>\n");
        }
        return xml.append("</channel></rss>").toString();
    }
}
