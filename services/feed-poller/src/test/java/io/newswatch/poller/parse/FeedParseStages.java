package io.newswatch.poller.parse;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import io.newswatch.poller.poll.KnownItemsBenchmark;
import org.jdom2.Element;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a poll's parse of {@link KnownItemsBenchmark}'s feed (30 items, 3 new, the 27 others known) spends its CPU,
 * stage by stage, thread CPU per parse in one thread: the whole parse given the known items, without and with
 * their text's hashes (known items read as XML, or cut out of the text before: {@link RawItems}); the scan for the
 * items and their hashing; the XML read of the text with the 27 cut out; the text's decoding and
 * repair; the XML read (SAX into JDOM, with {@link FeedDocument}'s corrections) of the 30 items and, for what cutting
 * the known items out of the text before the XML read could save at most, of the 3 new ones alone; the items'
 * hashing; Rome's build of the 30 entries and of the 3 new ones (the last three stages include an XML read of the 30
 * items); and the SAX parse into JDOM alone with a new builder for each document (as Rome's reader makes them) and with
 * one builder reused.
 *
 * <pre>./mvnw -q -o -pl services/feed-poller -Pbench test-compile exec:exec
 *     -Dbench.main=io.newswatch.poller.parse.FeedParseStages -Dbench.args="ROUNDS PARSES"</pre>
 */
public final class FeedParseStages {

    private static final URI BASE = URI.create("https://news.example/bench.xml");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int parses = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FeedParser parser = new FeedParser();
        String before = KnownItemsBenchmark.feed("https://news.example", 60);
        String xml = KnownItemsBenchmark.feed("https://news.example", 63);
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        KnownItemsParseTest.Held held = new KnownItemsParseTest.Held("bench");
        held.hold(parser.parse(before.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE, () -> { }, held));
        FeedParser notCut = new FeedParser(FeedParser.MAX_ITEMS, false);
        // the same items held by the hashes of their text as well (a ledger written by this code)
        KnownItemsCutTest.RawHeld raw = new KnownItemsCutTest.RawHeld() {
            @Override
            public ParsedItem known(String itemHash) {
                return held.known(itemHash);
            }
        };
        parser.parse(before.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE, () -> { }, raw).items()
                .forEach(raw::hold);
        String repaired = XmlRepair.repair(TextDecoding.decode(body, Optional.empty()).text()).xml();
        // the same document with its first 3 items only: what the XML read would cost if the known ones were cut out
        int cut = repaired.indexOf("<item>");
        for (int i = 0; i < 3; i++) {
            cut = repaired.indexOf("<item>", cut + 1);
        }
        String newOnly = repaired.substring(0, cut) + "</channel></rss>";
        SAXBuilder reused = new Builders().create();
        boolean[] cutAll = new boolean[30];
        java.util.Arrays.fill(cutAll, 3, 30, true);
        String cutText = RawItems.scan(repaired).without(cutAll);
        List<Stage> stages = List.of(
                new Stage("whole parse, 27 known, not cut", () -> notCut.parse(body, Optional.empty(), BASE, () -> { }, held)),
                new Stage("whole parse, 27 known, cut", () -> {
                    if (parser.parse(body, Optional.empty(), BASE, () -> { }, raw).itemsCut() != 27) {
                        throw new IllegalStateException("not 27 items cut");
                    }
                }),
                new Stage("scan", () -> RawItems.scan(repaired)),
                new Stage("scan + hash 30", () -> RawItems.scan(repaired).hashes("c", BASE.toString(), 1000)),
                new Stage("XML read, cut text", () -> FeedDocument.read(cutText, new ArrayList<>())),
                new Stage("whole parse, none known", () -> parser.parse(body, Optional.empty(), BASE, () -> { },
                        new KnownItemsParseTest.Held("bench"))),
                new Stage("decode + repair", () -> XmlRepair.repair(TextDecoding.decode(body, Optional.empty()).text())),
                new Stage("XML read, 30 items", () -> FeedDocument.read(repaired, new ArrayList<>())),
                new Stage("XML read, 3 items", () -> FeedDocument.read(newOnly, new ArrayList<>())),
                new Stage("SAX into JDOM, a builder per read", () -> build(new Builders().create(), repaired)),
                new Stage("SAX into JDOM, one builder", () -> build(reused, repaired)),
                new Stage("hash 30 items", () -> {
                    FeedDocument document = FeedDocument.read(repaired, new ArrayList<>());
                    List<Element> items = document.items();
                    ItemHash hashing = FeedParser.HashContext.predicted(document, BASE).hashing(held, BASE, document, items);
                    items.forEach(hashing::item);
                }),
                new Stage("Rome build, 30 entries", () -> {
                    FeedDocument document = FeedDocument.read(repaired, new ArrayList<>());
                    RomeBuild.feed(document, document.items(), List.of());
                }),
                new Stage("Rome build, 3 entries", () -> {
                    FeedDocument document = FeedDocument.read(repaired, new ArrayList<>());
                    List<Element> items = document.items();
                    RomeBuild.feed(document, items.subList(0, 3), items.subList(3, items.size()));
                }));
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Stage stage : stages) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < parses; i++) {
                    stage.body().run();
                }
                line.append(String.format(Locale.ROOT, " %s %.1f µs;", stage.name(),
                        (threads.getCurrentThreadCpuTime() - start) / 1e3 / parses));
            }
            System.out.println(line.append(String.format(Locale.ROOT, " load %.1f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        }
    }

    /** Rome's SAX builder, as {@link FeedDocument} makes one for each document. */
    private static final class Builders extends WireFeedInput {
        Builders() {
            setXmlHealerOn(false);
            setAllowDoctypes(false);
        }

        SAXBuilder create() {
            return createSAXBuilder();
        }
    }

    private static void build(SAXBuilder builder, String xml) throws FeedException {
        try {
            builder.build(new StringReader(xml));
        } catch (JDOMException | IOException e) {
            throw new FeedException("unreadable", e);
        }
    }

    private interface Body {
        void run() throws FeedException, FeedParseException;
    }

    private record Stage(String name, Body body) {
    }
}
