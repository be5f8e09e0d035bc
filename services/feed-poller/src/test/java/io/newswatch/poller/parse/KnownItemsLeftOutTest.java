package io.newswatch.poller.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known items' elements are left out of Rome's build ({@link RomeBuild}): what a parse gives is what reading
 * every item gives, item by item (a known item the caller's, every other one read in full with its hash), on feeds
 * of each shape (RSS 2.0 with modules, CDATA and entities; Atom with a base, an author and XHTML; RSS 1.0), for any
 * set of known items; a changed or new item is read; and the hashes are those of session 17's reading (after a
 * build of every item), so that a ledger written by it stays known.
 */
class KnownItemsLeftOutTest {

    private static final URI BASE = URI.create("https://news.example/feeds/main.xml");
    private final FeedParser parser = new FeedParser();

    static String rss(int newest, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                + "xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>"
                + "<title>Harbour &amp; Coast</title><link>https://news.example/</link><description>Ports</description>"
                + "<atom:link rel=\"self\" href=\"https://news.example/feeds/main.xml\"/>"
                + "<lastBuildDate>Tue, 03 Mar 2020 1" + (newest % 10) + ":00:00 GMT</lastBuildDate>\n");
        for (int i = newest; i > newest - count; i--) {
            xml.append("  <item>\n    <title>Ferry line ").append(i).append(" adds sailings &#8211; again</title>\n")
                    .append("    <link>/news/story-").append(i).append(".html?utm_source=rss</link>\n")
                    .append(i % 3 == 0 ? "    <guid>https://news.example/news/story-" + i + ".html</guid>\n"
                            : "    <guid isPermaLink=\"false\">story-" + i + "</guid>\n")
                    .append("    <pubDate>Tue, 03 Mar 2020 0").append(i % 10).append(":").append(10 + i % 50)
                    .append(":00 +0100</pubDate>\n    <dc:creator>Port Desk</dc:creator>\n")
                    .append("    <category>Business</category><category><![CDATA[Sea & Ports]]></category>\n")
                    .append("    <description><![CDATA[<p>The harbour authority said traffic rose for the <b>")
                    .append(i).append("th</b> month.</p>]]></description>\n")
                    .append(i % 2 == 0 ? "    <content:encoded>&lt;p&gt;Officials expect the trend to hold.&lt;/p&gt;"
                            + "&lt;p&gt;Item " + i + ".&lt;/p&gt;</content:encoded>\n" : "")
                    .append("    <media:content url=\"https://news.example/img/").append(i)
                    .append(".jpg\"><media:title>Quay ").append(i).append("</media:title></media:content>\n")
                    .append("  </item>\n");
        }
        return xml.append("</channel></rss>").toString();
    }

    static String atom(int newest, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://news.example/dispatch/\">\n"
                + "<title type=\"html\">Danube &lt;em&gt;Dispatch&lt;/em&gt;</title><link href=\"./\"/>"
                + "<link rel=\"self\" href=\"atom.xml\"/><id>urn:uuid:dispatch</id>"
                + "<author><name> </name><email>desk@news.example</email></author>"
                + "<updated>2020-03-06T1" + (newest % 10) + ":00:00Z</updated>\n");
        for (int i = newest; i > newest - count; i--) {
            xml.append("<entry").append(i % 4 == 0 ? " xml:base=\"sub/\"" : "").append(">\n")
                    .append("  <title type=\"html\">Bridge tolls &lt;em&gt;").append(i).append("&lt;/em&gt;</title>\n")
                    .append("  <link rel=\"alternate\" href=\"bridge-").append(i).append("\"/>\n")
                    .append("  <id>tag:news.example,2020:bridge-").append(i).append("</id>\n")
                    .append("  <published>2020-03-06T0").append(i % 10).append(":30:00+02:00</published>\n")
                    .append("  <updated>2020-03-06T0").append(i % 10).append(":45:00+02:00</updated>\n")
                    .append(i % 3 == 0 ? "  <author><name>Ivo Horvat</name></author>\n" : "")
                    .append("  <category term=\"transport\" label=\"Transport &amp; Roads\"/>\n")
                    .append("  <summary>Drivers will no longer pay to cross the river (").append(i).append(").</summary>\n")
                    .append(i % 2 == 0
                            ? "  <content type=\"xhtml\"><div><p>The council voted to scrap tolls.</p><p>Item " + i
                            + "</p></div></content>\n"
                            : "  <content type=\"html\"><![CDATA[<p>The change starts in May.</p><p>" + i + "</p>]]></content>\n")
                    .append("</entry>\n");
        }
        return xml.append("</feed>").toString();
    }

    static String rdf(int newest, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel rdf:about=\"https://news.example/\">"
                + "<title>Parliament Watch</title><link>https://news.example/</link><description>Votes</description>"
                + "<items><rdf:Seq>");
        for (int i = newest; i > newest - count; i--) {
            xml.append("<rdf:li rdf:resource=\"https://news.example/votes/").append(i).append("\"/>");
        }
        xml.append("</rdf:Seq></items></channel>\n");
        for (int i = newest; i > newest - count; i--) {
            xml.append("<item rdf:about=\"https://news.example/votes/").append(i).append("\">\n")
                    .append("  <title>Budget vote ").append(i).append(" passes &lt;narrowly&gt;</title>\n")
                    .append("  <link>https://news.example/votes/").append(i).append("</link>\n")
                    .append("  <description>Forty-one votes in favour, thirty-nine against (").append(i)
                    .append(").</description>\n  <dc:date>2020-03-05T1").append(i % 10).append(":45:00+01:00</dc:date>\n")
                    .append("  <dc:creator>Mira Kova\u010d</dc:creator>\n  <dc:subject>Politics</dc:subject>\n</item>\n");
        }
        return xml.append("</rdf:RDF>").toString();
    }

    /** Sets of a 12-item feed's items taken as known, by index; shared with {@link KnownItemsCutTest}. */
    static Map<String, IntPredicate> knownSets() {
        Map<String, IntPredicate> sets = new LinkedHashMap<>();
        sets.put("none", i -> false);
        sets.put("all", i -> true);
        sets.put("all but the first 3 (a poll's new items)", i -> i >= 3);
        sets.put("every other", i -> i % 2 == 0);
        sets.put("all but the last", i -> i < 11);
        sets.put("the first only", i -> i == 0);
        return sets;
    }

    private static Map<String, String> feeds() {
        Map<String, String> feeds = new LinkedHashMap<>();
        feeds.put("RSS 2.0", rss(20, 12));
        feeds.put("Atom 1.0", atom(20, 12));
        feeds.put("RSS 1.0", rdf(20, 12));
        return feeds;
    }

    private ParsedFeed parse(String xml, KnownItems known) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE, () -> { }, known);
    }

    /** The item without its hash and known flag: what reading it gives. */
    private static ParsedItem read(ParsedItem item) {
        return new ParsedItem(item.guid(), item.link(), item.title(), item.summary(), item.content(), item.author(),
                item.categories(), item.published(), item.publishedFrom());
    }

    /**
     * Parses with the items at the held positions known (as a poller's ledger holds them after a first parse) and
     * checks every item against the parse that reads everything.
     */
    private void readsAsWhole(String name, String xml, IntPredicate heldAt) throws Exception {
        ParsedFeed plain = parse(xml, null);
        KnownItemsParseTest.Held first = new KnownItemsParseTest.Held("c");
        ParsedFeed hashed = parse(xml, first);
        KnownItemsParseTest.Held held = new KnownItemsParseTest.Held("c");
        for (int i = 0; i < hashed.items().size(); i++) {
            ParsedItem item = hashed.items().get(i);
            if (heldAt.test(i) && item.itemHash() != null) {
                held.items.put(item.itemHash(), ParsedItem.known(item.itemHash(), item.published()));
            }
        }
        ParsedFeed again = parse(xml, held);
        assertThat(again.warnings()).as(name).isEqualTo(plain.warnings());
        assertThat(again.title()).as(name).isEqualTo(plain.title());
        assertThat(again.link()).as(name).isEqualTo(plain.link());
        assertThat(again.format()).as(name).isEqualTo(plain.format());
        assertThat(again.items()).as(name).hasSameSizeAs(plain.items());
        for (int i = 0; i < plain.items().size(); i++) {
            ParsedItem item = again.items().get(i);
            String as = name + " item " + i;
            assertThat(item.known()).as(as).isEqualTo(held.items.containsKey(hashed.items().get(i).itemHash()));
            assertThat(item.itemHash()).as(as).isEqualTo(hashed.items().get(i).itemHash());
            assertThat(item.published()).as(as).isEqualTo(plain.items().get(i).published());
            if (!item.known()) {
                assertThat(read(item)).as(as).isEqualTo(plain.items().get(i));
            }
        }
    }

    @Test
    void anySetOfKnownItemsReadsAsReadingEveryItem() throws Exception {
        Map<String, IntPredicate> sets = knownSets();
        for (Map.Entry<String, String> feed : feeds().entrySet()) {
            assertThat(parse(feed.getValue(), null).items()).as(feed.getKey()).hasSize(12)
                    .allSatisfy(item -> assertThat(item.title()).isNotEmpty());
            for (Map.Entry<String, IntPredicate> set : sets.entrySet()) {
                readsAsWhole(feed.getKey() + ", known: " + set.getKey(), feed.getValue(), set.getValue());
            }
        }
    }

    @Test
    void theCorpusReadsAsReadingEveryItemWithAnySetOfKnownItems() throws Exception {
        int feeds = 0;
        for (String name : KnownItemsParseTest.corpus()) {
            String xml = new String(KnownItemsParseTest.document(name), StandardCharsets.UTF_8);
            try {
                parse(xml, null);
            } catch (FeedParseException e) {
                continue;
            }
            feeds++;
            readsAsWhole(name + ", known: every other", xml, i -> i % 2 == 0);
            readsAsWhole(name + ", known: all but the first", xml, i -> i > 0);
            readsAsWhole(name + ", known: all", xml, i -> true);
        }
        assertThat(feeds).isGreaterThan(20);
    }

    /** A poll after three new items: the 3 new ones read as a whole parse reads them, the 12 known not built by Rome. */
    @Test
    void aPollsNewItemsAreReadAndOnlyTheyAreBuiltByRome() throws Exception {
        for (String shape : List.of("rss", "atom", "rdf")) {
            String before = shape.equals("rss") ? rss(20, 12) : shape.equals("atom") ? atom(20, 12) : rdf(20, 12);
            String after = shape.equals("rss") ? rss(23, 15) : shape.equals("atom") ? atom(23, 15) : rdf(23, 15);
            KnownItemsParseTest.Held held = new KnownItemsParseTest.Held("c");
            held.hold(parse(before, held));
            assertThat(held.items).as(shape).hasSize(12);
            ParsedFeed plain = parse(after, null);
            ParsedFeed polled = parse(after, held);
            assertThat(polled.items()).as(shape).extracting(ParsedItem::known)
                    .containsExactlyElementsOf(IntStream.range(0, 15).mapToObj(i -> i >= 3).toList());
            for (int i = 0; i < 3; i++) {
                assertThat(read(polled.items().get(i))).as(shape + " new item " + i).isEqualTo(plain.items().get(i));
                assertThat(polled.items().get(i).itemHash()).isNotNull();
            }
            assertThat(polled.warnings()).isEqualTo(plain.warnings());
            assertThat(romeEntries(after, held)).as(shape + ": Rome's entries").isEqualTo(3);
            assertThat(romeEntries(after, new KnownItemsParseTest.Held("c"))).isEqualTo(15);
        }
    }

    /** Every kind of change of a known item's element makes it read again, as a whole parse reads it. */
    @Test
    void aKnownItemWhoseElementChangedIsReadAgain() throws Exception {
        Map<String, String[]> changes = new LinkedHashMap<>();
        changes.put("RSS title", new String[] {rss(20, 12), "Ferry line 15 adds", "Ferry line 15 now adds"});
        changes.put("RSS CDATA markup", new String[] {rss(20, 12), "<b>15th</b>", "<i>15th</i>"});
        changes.put("RSS entity", new String[] {rss(20, 12), "line 15 adds sailings &#8211;", "line 15 adds sailings &#8212;"});
        changes.put("RSS media title", new String[] {rss(20, 12), "Quay 15<", "Quay 15b<"});
        changes.put("RSS date", new String[] {rss(20, 12), "05:25:00 +0100", "05:26:00 +0100"});
        changes.put("Atom XHTML content", new String[] {atom(20, 12), "<p>Item 16</p>", "<p>Item 16!</p>"});
        changes.put("Atom link", new String[] {atom(20, 12), "href=\"bridge-15\"", "href=\"bridge-15b\""});
        changes.put("RDF subject", new String[] {rdf(20, 12), "(15).</description>\n  <dc:date>2020-03-05T15:45:00+01:00</dc:date>\n"
                + "  <dc:creator>Mira Kova\u010d</dc:creator>\n  <dc:subject>Politics",
                "(15).</description>\n  <dc:date>2020-03-05T15:45:00+01:00</dc:date>\n"
                        + "  <dc:creator>Mira Kova\u010d</dc:creator>\n  <dc:subject>Economy"});
        for (Map.Entry<String, String[]> change : changes.entrySet()) {
            String before = change.getValue()[0];
            assertThat(before).as(change.getKey()).contains(change.getValue()[1]);
            String after = before.replace(change.getValue()[1], change.getValue()[2]);
            KnownItemsParseTest.Held held = new KnownItemsParseTest.Held("c");
            held.hold(parse(before, held));
            ParsedFeed plain = parse(after, null);
            ParsedFeed polled = parse(after, held);
            List<Integer> read = new ArrayList<>();
            for (int i = 0; i < polled.items().size(); i++) {
                if (!polled.items().get(i).known()) {
                    read.add(i);
                    assertThat(read(polled.items().get(i))).as(change.getKey()).isEqualTo(plain.items().get(i));
                }
            }
            assertThat(read).as(change.getKey()).hasSize(1);
            assertThat(romeEntries(after, held)).as(change.getKey()).isEqualTo(1);
        }
    }

    /**
     * The hashes are those session 17's reading gave (hashed after a build of every item, with the built feed's
     * format, base and author), so that the items a ledger holds stay known: on every corpus feed and the feeds
     * above but for Atom XHTML text in Atom's namespace (see {@link ItemHash}). And the context predicted before the
     * build is the built feed's, so no such feed falls back to a second build.
     */
    @Test
    void theHashesAreThoseOfAReadingAfterTheWholeBuild() throws Exception {
        Map<String, String> documents = new LinkedHashMap<>(feeds());
        documents.put("Atom without XHTML", atom(21, 12).replace("type=\"xhtml\"", "type=\"html\""));
        for (String name : KnownItemsParseTest.corpus()) {
            documents.put(name, new String(KnownItemsParseTest.document(name), StandardCharsets.UTF_8));
        }
        int compared = 0;
        int differ = 0;
        for (Map.Entry<String, String> document : documents.entrySet()) {
            ParsedFeed parsed;
            try {
                parsed = parse(document.getValue(), new KnownItemsParseTest.Held("c"));
            } catch (FeedParseException e) {
                continue;
            }
            FeedDocument tree = tree(document.getValue());
            List<Element> elements = tree.items();
            FeedParser.HashContext predicted = FeedParser.HashContext.predicted(tree, BASE);
            SyndFeed feed = RomeBuild.feed(tree, elements, List.of());
            FeedParser.HashContext built = FeedParser.HashContext.of(feed, BASE);
            assertThat(predicted).as(document.getKey()).isEqualTo(built);
            if (feed.getEntries().size() != elements.size()) {
                continue;
            }
            ItemHash after = built.hashing(new KnownItemsParseTest.Held("c"), BASE, tree, elements);
            for (int i = 0; i < parsed.items().size(); i++) {
                if (parsed.items().get(i).itemHash() != null) {
                    compared++;
                    boolean same = after.item(elements.get(i)).equals(parsed.items().get(i).itemHash());
                    differ += same ? 0 : 1;
                    assertThat(same || document.getKey().equals("Atom 1.0") && i % 2 == 0)
                            .as(document.getKey() + " item " + i).isTrue();
                }
            }
        }
        assertThat(compared).isGreaterThan(60);
        assertThat(differ).as("Atom XHTML entries, hashed before Rome moved their <div> out of Atom's namespace")
                .isEqualTo(6);
    }

    /** Atom entries with XHTML content in Atom's namespace (which Rome's build changes) stay known poll after poll. */
    @Test
    void anAtomXhtmlEntryStaysKnown() throws Exception {
        String xml = atom(20, 12);
        KnownItemsParseTest.Held held = new KnownItemsParseTest.Held("c");
        held.hold(parse(xml, held));
        assertThat(held.items).hasSize(12);
        for (int poll = 0; poll < 2; poll++) {
            assertThat(parse(xml, held).items()).allSatisfy(item -> assertThat(item.known()).isTrue());
        }
    }

    private int romeEntries(String xml, KnownItems known) throws Exception {
        return parser.build(tree(xml), BASE, known).feed().getEntries().size();
    }

    private static FeedDocument tree(String xml) throws Exception {
        List<String> warnings = new ArrayList<>();
        String text = TextDecoding.decode(xml.getBytes(StandardCharsets.UTF_8), Optional.empty()).text();
        String repaired = XmlRepair.repair(text).xml();
        try {
            return FeedDocument.read(repaired, warnings);
        } catch (com.rometools.rome.io.FeedException e) {
            return FeedDocument.read(FeedParser.forgivingXml(FeedParser.Truncation.of(repaired).text()), warnings);
        }
    }
}
