package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known items cut out of the feed's text before the XML read ({@link RawItems}): a parse gives what reading
 * every item gives, item by item (a cut item the caller's, every other one read with its hashes), on RSS 2.0, Atom
 * and RSS 1.0, the repository's corpus, the real feeds of {@code ../shared/corpora} where present, and text shaped
 * to mislead a scan (items in CDATA, comments, instructions, escaped text, attribute values, other elements); it
 * falls back to the whole read when the rest of the document does not read, and a changed item is read.
 */
class KnownItemsCutTest {

    private static final URI BASE = URI.create("https://news.example/feeds/main.xml");
    private final FeedParser parser = new FeedParser();

    /**
     * Items held by the hash of their text only ({@link #known} answers nothing): an item a parse gives as known was
     * cut out of the text.
     */
    static class RawHeld implements KnownItems {
        final Map<String, ParsedItem> raw = new HashMap<>();

        @Override
        public String context() {
            return "c";
        }

        @Override
        public ParsedItem known(String itemHash) {
            return null;
        }

        @Override
        public ParsedItem knownRaw(String rawHash) {
            return raw.get(rawHash);
        }

        void hold(ParsedItem item) {
            raw.put(item.rawHash(), ParsedItem.known(item.itemHash(), item.published()));
        }
    }

    private ParsedFeed parse(byte[] body, KnownItems known) throws FeedParseException {
        return parser.parse(body, Optional.empty(), BASE, () -> { }, known);
    }

    /** The item without its hashes and known flag: what reading it gives. */
    static ParsedItem read(ParsedItem item) {
        return new ParsedItem(item.guid(), item.link(), item.title(), item.summary(), item.content(), item.author(),
                item.categories(), item.published(), item.publishedFrom());
    }

    /**
     * Parses with the items at the held positions held by their text (as a ledger holds them after a first parse)
     * and checks the parse against the one that reads everything; the number of items cut.
     */
    private int cutReadsAsWhole(String name, byte[] body, IntPredicate heldAt) throws Exception {
        ParsedFeed plain = parse(body, null);
        ParsedFeed hashed = parse(body, new RawHeld());
        assertThat(hashed.items()).as(name).hasSameSizeAs(plain.items());
        RawHeld held = new RawHeld();
        for (int i = 0; i < hashed.items().size(); i++) {
            ParsedItem item = hashed.items().get(i);
            assertThat(read(item)).as(name + " item " + i + " with hashes").isEqualTo(plain.items().get(i));
            if (item.rawHash() != null) {
                assertThat(item.itemHash()).as(name).isNotNull();
                if (heldAt.test(i)) {
                    held.hold(item);
                }
            }
        }
        ParsedFeed again = parse(body, held);
        assertThat(again.warnings()).as(name).isEqualTo(plain.warnings());
        assertThat(again.title()).as(name).isEqualTo(plain.title());
        assertThat(again.link()).as(name).isEqualTo(plain.link());
        assertThat(again.language()).as(name).isEqualTo(plain.language());
        assertThat(again.format()).as(name).isEqualTo(plain.format());
        assertThat(again.items()).as(name).hasSameSizeAs(plain.items());
        int cut = 0;
        for (int i = 0; i < plain.items().size(); i++) {
            ParsedItem item = again.items().get(i);
            String as = name + " item " + i;
            assertThat(item.known()).as(as).isEqualTo(held.raw.containsKey(hashed.items().get(i).rawHash()));
            assertThat(item.itemHash()).as(as).isEqualTo(hashed.items().get(i).itemHash());
            assertThat(item.rawHash()).as(as).isEqualTo(hashed.items().get(i).rawHash());
            assertThat(item.published()).as(as).isEqualTo(plain.items().get(i).published());
            if (!item.known()) {
                assertThat(read(item)).as(as).isEqualTo(plain.items().get(i));
            }
            cut += item.known() ? 1 : 0;
        }
        assertThat(again.itemsCut()).as(name).isEqualTo(cut);
        return cut;
    }

    private int cutReadsAsWhole(String name, String xml, IntPredicate heldAt) throws Exception {
        return cutReadsAsWhole(name, xml.getBytes(StandardCharsets.UTF_8), heldAt);
    }

    private static Map<String, String> feeds() {
        Map<String, String> feeds = new LinkedHashMap<>();
        feeds.put("RSS 2.0", KnownItemsLeftOutTest.rss(20, 12));
        feeds.put("Atom 1.0", KnownItemsLeftOutTest.atom(20, 12));
        feeds.put("RSS 1.0", KnownItemsLeftOutTest.rdf(20, 12));
        feeds.put("Atom, prefixed", KnownItemsLeftOutTest.atom(20, 12)
                .replace("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"")
                .replace("</feed>", "</a:feed>").replace("<entry", "<a:entry").replace("</entry>", "</a:entry>")
                .replaceAll("<(/?)(title|link|id|author|name|email|updated|published|category|summary|content)\\b",
                        "<$1a:$2"));
        feeds.put("RSS 1.0, prefixed items", KnownItemsLeftOutTest.rdf(20, 12)
                .replace("xmlns=\"http://purl.org/rss/1.0/\"", "xmlns=\"http://purl.org/rss/1.0/\" xmlns:r=\"http://purl.org/rss/1.0/\"")
                .replace("<item ", "<r:item ").replace("</item>", "</r:item>"));
        return feeds;
    }

    @Test
    void anySetOfItemsCutReadsAsReadingEveryItem() throws Exception {
        Map<String, IntPredicate> sets = KnownItemsLeftOutTest.knownSets();
        Map<String, Integer> expected = Map.of("none", 0, "all", 12, "all but the first 3 (a poll's new items)", 9,
                "every other", 6, "all but the last", 11, "the first only", 1);
        for (Map.Entry<String, String> feed : feeds().entrySet()) {
            assertThat(parse(feed.getValue().getBytes(StandardCharsets.UTF_8), null).items()).as(feed.getKey())
                    .hasSize(12).allSatisfy(item -> assertThat(item.title()).isNotEmpty());
            for (Map.Entry<String, IntPredicate> set : sets.entrySet()) {
                assertThat(cutReadsAsWhole(feed.getKey() + ", cut: " + set.getKey(), feed.getValue(), set.getValue()))
                        .as(feed.getKey() + ", cut: " + set.getKey()).isEqualTo(expected.get(set.getKey()));
            }
        }
    }

    /** A poll after three new items: the 3 new ones read, the 12 known cut out of the text, as the whole parse reads. */
    @Test
    void aPollsKnownItemsAreCutAndItsNewOnesRead() throws Exception {
        for (String shape : List.of("rss", "atom", "rdf")) {
            String before = shape.equals("rss") ? KnownItemsLeftOutTest.rss(20, 12)
                    : shape.equals("atom") ? KnownItemsLeftOutTest.atom(20, 12) : KnownItemsLeftOutTest.rdf(20, 12);
            String after = shape.equals("rss") ? KnownItemsLeftOutTest.rss(23, 15)
                    : shape.equals("atom") ? KnownItemsLeftOutTest.atom(23, 15) : KnownItemsLeftOutTest.rdf(23, 15);
            RawHeld held = new RawHeld();
            parse(before.getBytes(StandardCharsets.UTF_8), held).items().forEach(held::hold);
            assertThat(held.raw).as(shape).hasSize(12);
            ParsedFeed plain = parse(after.getBytes(StandardCharsets.UTF_8), null);
            ParsedFeed polled = parse(after.getBytes(StandardCharsets.UTF_8), held);
            assertThat(polled.itemsCut()).as(shape).isEqualTo(12);
            for (int i = 0; i < 15; i++) {
                assertThat(polled.items().get(i).known()).as(shape + " item " + i).isEqualTo(i >= 3);
                if (i < 3) {
                    assertThat(read(polled.items().get(i))).as(shape + " new item " + i).isEqualTo(plain.items().get(i));
                    assertThat(polled.items().get(i).rawHash()).isNotNull();
                } else {
                    assertThat(polled.items().get(i).published()).isEqualTo(plain.items().get(i).published());
                }
            }
            assertThat(polled.warnings()).isEqualTo(plain.warnings());
        }
    }

    /** Every kind of change of a known item's text makes it read, as the whole parse reads it. */
    @Test
    void aKnownItemWhoseTextChangedIsRead() throws Exception {
        String rss = KnownItemsLeftOutTest.rss(20, 12);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("a title", rss.replace("Ferry line 15 adds", "Ferry line 15 now adds"));
        changes.put("CDATA markup", rss.replace("<b>15th</b>", "<i>15th</i>"));
        changes.put("an entity for its character", rss.replace("line 15 adds sailings &#8211;", "line 15 adds sailings \u2013"));
        changes.put("whitespace in a tag", rss.replace("<media:content url=\"https://news.example/img/15.jpg\">",
                "<media:content  url=\"https://news.example/img/15.jpg\">"));
        changes.put("a comment", rss.replace("Quay 15</media:title>", "Quay 15</media:title><!-- x -->"));
        for (Map.Entry<String, String> change : changes.entrySet()) {
            assertThat(change.getValue()).as(change.getKey()).isNotEqualTo(rss);
            RawHeld held = new RawHeld();
            parse(rss.getBytes(StandardCharsets.UTF_8), held).items().forEach(held::hold);
            byte[] after = change.getValue().getBytes(StandardCharsets.UTF_8);
            ParsedFeed plain = parse(after, null);
            ParsedFeed polled = parse(after, held);
            int read = 0;
            for (int i = 0; i < polled.items().size(); i++) {
                if (!polled.items().get(i).known()) {
                    read++;
                    assertThat(read(polled.items().get(i))).as(change.getKey()).isEqualTo(plain.items().get(i));
                }
            }
            // a comment is removed before the read (XmlRepair): the text is the same, so is the item
            assertThat(read).as(change.getKey()).isEqualTo(change.getKey().equals("a comment") ? 0 : 1);
            assertThat(polled.warnings()).as(change.getKey()).isEqualTo(plain.warnings());
        }
    }

    /** Text shaped to mislead a scan for items, around and inside the items: read as the whole parse reads it. */
    @Test
    void textThatLooksLikeItemsIsReadAsTheWholeParseReadsIt() throws Exception {
        String item = "<item><title>Story %d</title><link>https://news.example/%d</link><guid>g-%d</guid>"
                + "<description><![CDATA[<p>An <item>%d</item> in CDATA, and </item> too.</p>]]></description>"
                + "<x:note xmlns:x=\"urn:x\" a=\"&lt;/item>\" b='&lt;item/>'>&lt;item&gt;%d&lt;/item&gt;</x:note>"
                + "<x:list xmlns:x=\"urn:x\"><item>%d</item></x:list></item >\n";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n"
                + "<!-- <item>a comment</item> -->\n<rss version=\"2.0\"><channel><title>T &lt;item&gt;</title>"
                + "<link>https://news.example/</link><description><![CDATA[<item>not one</item>]]></description>\n");
        for (int i = 8; i > 0; i--) {
            xml.append(item.replace("%d", String.valueOf(i)));
        }
        xml.append("</channel><channel><item><title>Second channel</title></item></channel></rss>\n<!-- end -->");
        assertThat(cutReadsAsWhole("misleading", xml.toString(), i -> i % 3 != 0)).isEqualTo(5);
        // with a byte-order mark and as UTF-16
        byte[] utf8 = xml.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(cutReadsAsWhole("misleading, with a byte-order mark", bom, i -> i > 0)).isEqualTo(7);
        assertThat(cutReadsAsWhole("misleading, UTF-16", xml.toString().getBytes(StandardCharsets.UTF_16), i -> i > 0))
                .isEqualTo(7);
        // windows-1252 declared and used
        String latin = KnownItemsLeftOutTest.rss(20, 12).replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"")
                .replace("Port Desk", "Port D\u00e9sk \u2013 K\u00f6ln");
        assertThat(cutReadsAsWhole("windows-1252", latin.getBytes("windows-1252"), i -> i > 2)).isEqualTo(9);
    }

    /** What the scan does not take, or a document whose rest does not read: the whole document is read. */
    @Test
    void unsureOrUnreadableDocumentsAreReadWhole() throws Exception {
        String rss = KnownItemsLeftOutTest.rss(20, 12);
        RawHeld held = new RawHeld();
        parse(rss.getBytes(StandardCharsets.UTF_8), held).items().forEach(held::hold);
        assertThat(held.raw).hasSize(12);
        Map<String, String> cases = new LinkedHashMap<>();
        // an item broken after the known ones: the cut read fails, the whole read repairs it (jsoup) and warns
        cases.put("a broken item", rss.replace("Ferry line 20 adds", "Ferry <b>line 20 adds"));
        // the document's end missing: the items before the cut
        cases.put("a truncated document", rss.substring(0, rss.indexOf("<item>", rss.indexOf("line 14"))));
        // a document type (removed by XmlRepair) and text after the root: the XML read decides
        cases.put("text after the root", rss + "trailing");
        // an item whose title holds markup: corrected by the XML read, so never held by its text
        cases.put("markup in a title", rss.replace("<title>Ferry line 18 adds sailings &#8211; again</title>",
                "<title>Ferry <b>line 18</b></title>"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            byte[] body = c.getValue().getBytes(StandardCharsets.UTF_8);
            ParsedFeed plain = parse(body, null);
            ParsedFeed polled = parse(body, held);
            assertThat(polled.warnings()).as(c.getKey()).isEqualTo(plain.warnings());
            assertThat(polled.items()).as(c.getKey()).hasSameSizeAs(plain.items());
            for (int i = 0; i < plain.items().size(); i++) {
                if (!polled.items().get(i).known()) {
                    assertThat(read(polled.items().get(i))).as(c.getKey() + " item " + i).isEqualTo(plain.items().get(i));
                }
            }
            if (!c.getKey().equals("markup in a title")) {
                assertThat(polled.itemsCut()).as(c.getKey()).isZero();
            }
        }
        // the corrected item gets no text hash (a cut would change the warning's count), the others do
        ParsedFeed marked = parse(cases.get("markup in a title").getBytes(StandardCharsets.UTF_8), new RawHeld());
        assertThat(marked.warnings()).anySatisfy(w -> assertThat(w).contains("unescaped markup"));
        assertThat(marked.items().get(2).rawHash()).isNull();
        assertThat(marked.items().get(2).itemHash()).isNotNull();
        assertThat(marked.items().stream().filter(item -> item.rawHash() != null).count()).isEqualTo(11);
        assertThat(cutReadsAsWhole("markup in a title", cases.get("markup in a title"), i -> true)).isEqualTo(11);
    }

    @Test
    void theCorpusReadsAsReadingEveryItemWithItemsCut() throws Exception {
        int feeds = 0;
        int cut = 0;
        for (String name : KnownItemsParseTest.corpus()) {
            byte[] body = KnownItemsParseTest.document(name);
            try {
                parse(body, null);
            } catch (FeedParseException e) {
                continue;
            }
            feeds++;
            cut += cutReadsAsWhole(name + ", cut: every other", body, i -> i % 2 == 0);
            cut += cutReadsAsWhole(name + ", cut: all but the first", body, i -> i > 0);
            cut += cutReadsAsWhole(name + ", cut: all", body, i -> true);
        }
        assertThat(feeds).isGreaterThan(20);
        assertThat(cut).isGreaterThan(100);
    }

    /** The real feeds of {@code ../shared/corpora} (see {@link RealFeedCorpusTest}), where present. */
    @Test
    void realFeedsReadAsReadingEveryItemWithItemsCut() throws Exception {
        Path corpora = Path.of(System.getProperty("newswatch.home", "../..")).resolve("../shared/corpora").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpora), "no corpora at " + corpora + ": skipped");
        int feeds = 0;
        int cut = 0;
        for (Path file : files(corpora)) {
            byte[] body = Files.readAllBytes(file);
            try {
                parse(body, null);
            } catch (FeedParseException e) {
                continue;
            }
            feeds++;
            cut += cutReadsAsWhole(corpora.relativize(file) + ", cut: all but the first", body, i -> i > 0);
            cut += cutReadsAsWhole(corpora.relativize(file) + ", cut: every other", body, i -> i % 2 == 1);
        }
        System.out.printf("real feeds with items cut: %d documents read, %d items cut%n", feeds, cut);
        assertThat(feeds).isGreaterThan(100);
        assertThat(cut).isGreaterThan(500);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(".xml", ".rss", ".atom", ".rdf").anyMatch(ext -> p.toString().endsWith(ext)))
                    .sorted().toList();
        }
    }
}
