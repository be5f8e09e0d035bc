package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan of a feed's text for its items ({@link RawItems}): the elements {@code FeedDocument.items()} takes, and
 * no others (an {@code <item>} in CDATA, a comment, an instruction, escaped text, an attribute value, another element
 * or another channel is none), with any prefix; null (read the whole document) whenever the text is not what it
 * expects; linear time on hostile text; and hashes that hold what an item's reading depends on and nothing else.
 */
class RawItemsTest {

    private static List<String> texts(String xml) {
        RawItems items = RawItems.scan(xml);
        assertThat(items).as(xml).isNotNull();
        return java.util.stream.IntStream.range(0, items.count()).mapToObj(items::text).toList();
    }

    @Test
    void findsTheItemsOfEachShape() {
        assertThat(texts(KnownItemsLeftOutTest.rss(20, 12))).hasSize(12)
                .allSatisfy(item -> assertThat(item).startsWith("<item>").endsWith("</item>"));
        assertThat(RawItems.scan(KnownItemsLeftOutTest.rss(20, 12)).kind()).isEqualTo(RawItems.Kind.RSS);
        assertThat(texts(KnownItemsLeftOutTest.atom(20, 12))).hasSize(12)
                .allSatisfy(item -> assertThat(item).startsWith("<entry").endsWith("</entry>"));
        assertThat(RawItems.scan(KnownItemsLeftOutTest.atom(20, 12)).kind()).isEqualTo(RawItems.Kind.ATOM);
        // RSS 1.0: the items beside the channel, not the channel's rdf:li references
        assertThat(texts(KnownItemsLeftOutTest.rdf(20, 12))).hasSize(12)
                .allSatisfy(item -> assertThat(item).startsWith("<item rdf:about=").endsWith("</item>"));
        assertThat(RawItems.scan(KnownItemsLeftOutTest.rdf(20, 12)).kind()).isEqualTo(RawItems.Kind.RDF);
        // prefixes
        assertThat(texts("<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"><a:title>T</a:title>"
                + "<a:entry><a:id>1</a:id></a:entry><a:entry><a:id>2</a:id></a:entry></a:feed>"))
                .containsExactly("<a:entry><a:id>1</a:id></a:entry>", "<a:entry><a:id>2</a:id></a:entry>");
        assertThat(texts("<r:rss xmlns:r=\"urn:r\" version=\"2.0\"><r:channel><r:item>1</r:item></r:channel></r:rss>"))
                .containsExactly("<r:item>1</r:item>");
        // an empty item, end tags with space, attributes holding > and />
        assertThat(texts("<rss><channel><item/><item a=\"x>y\" b='/>'>2</item ><item\n>3</item\n></channel></rss>"))
                .containsExactly("<item/>", "<item a=\"x>y\" b='/>'>2</item >", "<item\n>3</item\n>");
    }

    @Test
    void findsNoItemWhereTheXmlReadFindsNone() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("CDATA", new String[] {"<rss><channel><description><![CDATA[<item>x</item> ]]></description>"
                + "<item><description><![CDATA[</item><item>]]></description></item></channel></rss>",
                "<item><description><![CDATA[</item><item>]]></description></item>"});
        cases.put("comment", new String[] {"<rss><channel><!-- <item>x</item> --><item><!-- </item> --></item>"
                + "</channel></rss>", "<item><!-- </item> --></item>"});
        cases.put("instruction", new String[] {"<rss><channel><?x <item>?><item><?y </item>?></item></channel></rss>",
                "<item><?y </item>?></item>"});
        cases.put("escaped", new String[] {"<rss><channel><title>&lt;item&gt;</title><item>&lt;/item&gt;</item>"
                + "</channel></rss>", "<item>&lt;/item&gt;</item>"});
        cases.put("nested", new String[] {"<rss><channel><item><x:list xmlns:x=\"urn:x\"><item>in</item></x:list>"
                + "</item></channel></rss>", "<item><x:list xmlns:x=\"urn:x\"><item>in</item></x:list></item>"});
        cases.put("second channel, root", new String[] {"<rss><channel><item>1</item></channel><item>r</item>"
                + "<channel><item>2</item></channel></rss>", "<item>1</item>"});
        cases.put("Atom: items are entries", new String[] {"<feed xmlns=\"http://www.w3.org/2005/Atom\"><item>i</item>"
                + "<entry>e</entry><x><entry>n</entry></x></feed>", "<entry>e</entry>"});
        cases.put("names ending alike", new String[] {"<rss><channel><newsitem>n</newsitem><x:item xmlns:x=\"u\">p"
                + "</x:item></channel></rss>", "<x:item xmlns:x=\"u\">p</x:item>"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            assertThat(texts(c.getValue()[0])).as(c.getKey()).containsExactly(c.getValue()[1]);
        }
    }

    @Test
    void givesNothingWhenUnsure() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("another root", "<html><body><item>1</item></body></html>");
        cases.put("a document type", "<!DOCTYPE rss><rss><channel><item>1</item></channel></rss>");
        cases.put("a declaration inside", "<rss><channel><!ENTITY x 'y'><item>1</item></channel></rss>");
        cases.put("an end tag of another element", "<rss><channel><item><b>1</i></item></channel></rss>");
        cases.put("an end tag with more", "<rss><channel><item>1</item x></channel></rss>");
        cases.put("unclosed item", "<rss><channel><item>1</channel></rss>");
        cases.put("unclosed root", "<rss><channel><item>1</item></channel>");
        cases.put("text after the root", "<rss><channel><item>1</item></channel></rss>x");
        cases.put("text before the root", "x<rss><channel><item>1</item></channel></rss>");
        cases.put("a second root", "<rss><channel></channel></rss><rss/>");
        cases.put("an empty root", "<rss/>");
        cases.put("unclosed CDATA", "<rss><channel><item><![CDATA[1</item></channel></rss>");
        cases.put("CDATA outside the root", "<![CDATA[x]]><rss><channel></channel></rss>");
        cases.put("unclosed comment", "<rss><channel><item><!-- 1</item></channel></rss>");
        cases.put("unclosed instruction", "<rss><channel><item><? 1</item></channel></rss>");
        cases.put("unclosed quote", "<rss><channel><item a=\"1></item></channel></rss>");
        cases.put("< in a value", "<rss><channel><item a=\"<\">1</item></channel></rss>");
        cases.put("< in a tag", "<rss><channel><item <b>1</item></channel></rss>");
        cases.put("a tag without a name", "<rss><channel>< item>1</item></channel></rss>");
        cases.put("a / inside a tag", "<rss><channel><item / a>1</item></channel></rss>");
        cases.put("an empty text", "");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(RawItems.scan(c.getValue())).as(c.getKey()).isNull();
        }
    }

    /** 200,000 characters shaped against a scan that looks back or again: each well under a second of CPU. */
    @Test
    void linearOnHostileText() {
        int n = 200_000;
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("deep nesting", "<rss><channel>" + "<item>".repeat(n / 6) + "</item>".repeat(n / 7) + "</channel></rss>");
        cases.put("deep and closed", "<rss><channel><item>" + "<a>".repeat(n / 3) + "</a>".repeat(n / 3)
                + "</item></channel></rss>");
        cases.put("many items", "<rss><channel>" + "<item/>".repeat(n / 7) + "</channel></rss>");
        cases.put("open CDATA", "<rss><channel><item>" + "<![CDATA[".repeat(n / 9));
        cases.put("open comments", "<rss><channel><item>" + "<!--".repeat(n / 4));
        cases.put("open quotes", "<rss><channel><item a=\"" + "'\"".repeat(n / 2));
        cases.put("attributes", "<rss><channel><item " + "a=\"b\" ".repeat(n / 6) + ">x</item></channel></rss>");
        cases.put("less-thans", "<rss><channel>" + "<".repeat(n));
        cases.put("long names", "<rss><channel><" + "i".repeat(n) + ">" + "</" + "i".repeat(n - 1) + "x>");
        cases.put("colons", "<rss><channel><" + ":".repeat(n) + "item>1</" + ":".repeat(n) + "item></channel></rss>");
        cases.put("text", "<rss><channel><item>" + "a > b ".repeat(n / 6) + "</item></channel></rss>");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawItems.scan(c.getValue()); // warm
            long start = threads.getCurrentThreadCpuTime();
            RawItems items = RawItems.scan(c.getValue());
            if (items != null) {
                items.hashes("c", "b", 1000);
            }
            assertThat((threads.getCurrentThreadCpuTime() - start) / 1e9).as(c.getKey()).isLessThan(0.5);
        }
    }

    @Test
    void anItemsHashHoldsWhatItsReadingDependsOnAndNothingElse() {
        String rss = KnownItemsLeftOutTest.rss(20, 3);
        String hash = RawItems.scan(rss).hashes("c", "https://news.example/a.xml", 10)[1];
        assertThat(hash).matches("[0-9a-f]{32}");
        Map<String, String[]> changes = new LinkedHashMap<>();
        changes.put("the item's text", new String[] {rss.replace("line 19", "line 19b"), "c", "https://news.example/a.xml"});
        changes.put("the root's start tag", new String[] {rss.replace("version=\"2.0\"", "version=\"2.0\" xml:lang=\"de\""),
                "c", "https://news.example/a.xml"});
        changes.put("the channel's start tag", new String[] {rss.replace("<channel>", "<channel xmlns:x=\"urn:x\">"),
                "c", "https://news.example/a.xml"});
        changes.put("the caller's context", new String[] {rss, "d", "https://news.example/a.xml"});
        changes.put("the address", new String[] {rss, "c", "https://news.example/b.xml"});
        for (Map.Entry<String, String[]> change : changes.entrySet()) {
            String[] c = change.getValue();
            assertThat(RawItems.scan(c[0]).hashes(c[1], c[2], 10)[1]).as(change.getKey()).isNotEqualTo(hash);
        }
        Map<String, String> same = new LinkedHashMap<>();
        same.put("another item", rss.replace("line 20", "line 20b"));
        same.put("a new item", KnownItemsLeftOutTest.rss(21, 4));
        same.put("the channel's elements", rss.replace("<title>Harbour &amp; Coast</title>", "<title>Coast</title>"));
        for (Map.Entry<String, String> change : same.entrySet()) {
            RawItems items = RawItems.scan(change.getValue());
            int at = change.getKey().equals("a new item") ? 2 : 1;
            assertThat(items.hashes("c", "https://news.example/a.xml", 10)[at]).as(change.getKey()).isEqualTo(hash);
        }
        // Atom: the feed's own elements (its author, self link, base) but its times
        String atom = KnownItemsLeftOutTest.atom(20, 3);
        String atomHash = RawItems.scan(atom).hashes("c", null, 10)[1];
        assertThat(RawItems.scan(atom.replace("<email>desk@", "<email>news@")).hashes("c", null, 10)[1])
                .isNotEqualTo(atomHash);
        assertThat(RawItems.scan(atom.replace("href=\"atom.xml\"", "href=\"atom2.xml\"")).hashes("c", null, 10)[1])
                .isNotEqualTo(atomHash);
        assertThat(RawItems.scan(atom.replace("<updated>2020-03-06T10:00:00Z</updated>",
                "<updated>2020-03-06T11:00:00Z</updated>")).hashes("c", null, 10)[1]).isEqualTo(atomHash);
        // a lone surrogate (which UTF-8 writes as ?) gives no hash; a pair does
        String pair = rss.replace("line 19", "line \uD83D\uDEA2 19");
        assertThat(RawItems.scan(pair).hashes("c", null, 10)[1]).isNotNull();
        String lone = rss.replace("line 19", "line \uD83D 19");
        assertThat(RawItems.scan(lone).hashes("c", null, 10)[1]).isNull();
        assertThat(RawItems.scan(lone).hashes("c", null, 10)[0]).isNotNull()
                .isEqualTo(RawItems.scan(rss.replace("line 19", "line ? 19")).hashes("c", null, 10)[0]);
        assertThat(RawItems.scan(rss.replace("line 19", "line ? 19")).hashes("c", null, 10)[1]).isNotNull();
    }
}
