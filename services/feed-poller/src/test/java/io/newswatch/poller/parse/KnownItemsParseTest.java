package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parse given {@link KnownItems} reads only the items whose element's {@link ItemHash} it does not hold, and a
 * skipped item is one whose reading would give the same item: every change of what is read changes the hash.
 */
class KnownItemsParseTest {

    private static final URI BASE = URI.create("https://news.example/feeds/main.xml");
    private final FeedParser parser = new FeedParser();

    /** Holds the hashes given to it, as a poller's ledger holds them. */
    static final class Held implements KnownItems {
        final String context;
        final Map<String, ParsedItem> items = new HashMap<>();
        int asked;

        Held(String context) {
            this.context = context;
        }

        @Override
        public String context() {
            return context;
        }

        @Override
        public ParsedItem known(String itemHash) {
            asked++;
            return items.get(itemHash);
        }

        void hold(ParsedFeed feed) {
            feed.items().stream().filter(item -> item.itemHash() != null)
                    .forEach(item -> items.put(item.itemHash(), ParsedItem.known(item.itemHash(), item.published())));
        }
    }

    static String rss(String channelLink, String... items) {
        return "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>T</title><link>"
                + channelLink + "</link>" + String.join("", items) + "</channel></rss>";
    }

    static final String ITEM = "<item><title>Ferry &amp; port</title><link>/a/1</link><guid isPermaLink=\"false\">g-1</guid>"
            + "<pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate><description><![CDATA[<p>The ferry <b>left</b>.</p>]]>"
            + "</description><category>Ports</category><dc:creator>Desk</dc:creator></item>";
    static final String OTHER = "<item><title>Other</title><link>/a/2</link><guid>g-2</guid><description>Two.</description></item>";

    private ParsedFeed parse(String xml, URI base, KnownItems known) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), base, () -> { }, known);
    }

    private String hashOf(String xml, URI base, String context) throws FeedParseException {
        return parse(xml, base, new Held(context)).items().getFirst().itemHash();
    }

    @Test
    void everyChangeOfWhatIsReadChangesTheHash() throws Exception {
        String original = hashOf(rss("https://news.example/", ITEM, OTHER), BASE, "c");
        assertThat(original).matches("[0-9a-f]{32}");
        assertThat(hashOf(rss("https://news.example/", ITEM, OTHER), BASE, "c")).isEqualTo(original);
        // another item added or changed beside it: the item's hash stays (known items stay known as a feed grows)
        assertThat(hashOf(rss("https://news.example/", ITEM, OTHER.replace("Two", "Three"), OTHER.replace("g-2", "g-3")),
                BASE, "c")).isEqualTo(original);
        Map<String, String> changed = new LinkedHashMap<>();
        changed.put("title", ITEM.replace("Ferry &amp; port", "Ferry &amp; ports"));
        changed.put("link", ITEM.replace("/a/1", "/a/1b"));
        changed.put("guid", ITEM.replace("g-1", "g-1b"));
        changed.put("attribute", ITEM.replace("isPermaLink=\"false\"", "isPermaLink=\"true\""));
        changed.put("date", ITEM.replace("10:00:00", "10:00:01"));
        changed.put("description", ITEM.replace("<b>left</b>", "<b>left</b>!"));
        changed.put("markup in CDATA", ITEM.replace("<b>left</b>", "<i>left</i>"));
        changed.put("CDATA as text", ITEM.replace("<![CDATA[<p>The ferry <b>left</b>.</p>]]>", "The ferry left."));
        changed.put("category", ITEM.replace("Ports", "Port"));
        changed.put("a category added", ITEM.replace("</item>", "<category>Sea</category></item>"));
        changed.put("author", ITEM.replace("Desk", "Desk2"));
        changed.put("element order", ITEM.replace("<category>Ports</category><dc:creator>Desk</dc:creator>",
                "<dc:creator>Desk</dc:creator><category>Ports</category>"));
        changed.put("whitespace", ITEM.replace("<title>", " <title>"));
        for (Map.Entry<String, String> change : changed.entrySet()) {
            assertThat(hashOf(rss("https://news.example/", change.getValue(), OTHER), BASE, "c"))
                    .as(change.getKey()).isNotEqualTo(original);
        }
        // an RSS channel's elements are not read into its items (its lastBuildDate changes with every new item)
        assertThat(hashOf(rss("https://news.example/other", ITEM, OTHER).replace("<title>T</title>",
                "<title>T</title><lastBuildDate>Tue, 03 Mar 2020 11:00:00 GMT</lastBuildDate>"), BASE, "c"))
                .isEqualTo(original);
        assertThat(hashOf(rss("https://news.example/", ITEM, OTHER).replace("<rss version=\"2.0\"",
                "<rss version=\"0.92\""), BASE, "c")).as("format").isNotEqualTo(original);
        assertThat(hashOf(rss("https://news.example/", ITEM, OTHER), URI.create("https://news.example/feeds/b.xml"), "c"))
                .as("the document's address").isNotEqualTo(original);
        assertThat(hashOf(rss("https://news.example/", ITEM, OTHER), BASE, "d")).as("the caller's context")
                .isNotEqualTo(original);
    }

    static String atom(String head, String entry) {
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>" + head + "<updated>2020-03-03T10:00:00Z</updated>"
                + entry + "<entry><title>Other</title><id>e-2</id><link href=\"/a/2\"/><updated>2020-03-03T09:00:00Z</updated></entry></feed>";
    }

    static final String ENTRY = "<entry><title>Ferry</title><id>e-1</id><link href=\"a/1\"/>"
            + "<updated>2020-03-03T10:00:00Z</updated><summary>The ferry left.</summary></entry>";

    @Test
    void anAtomEntrysHashHoldsWhatItsLinksResolveAgainst() throws Exception {
        String self = "<link rel=\"self\" href=\"https://news.example/feeds/x/atom.xml\"/>";
        String original = hashOf(atom(self, ENTRY), BASE, "c");
        assertThat(hashOf(atom(self, ENTRY).replace("<updated>2020-03-03T10:00:00Z</updated><entry>",
                "<updated>2020-03-03T11:00:00Z</updated><entry>"), BASE, "c")).as("the feed's time").isEqualTo(original);
        assertThat(hashOf(atom(self.replace("/x/", "/y/"), ENTRY), BASE, "c")).as("self link").isNotEqualTo(original);
        assertThat(hashOf(atom(self + "<author><name>Desk</name></author>", ENTRY), BASE, "c")).as("feed author")
                .isNotEqualTo(original);
        assertThat(hashOf(atom(self, ENTRY).replace("<feed ", "<feed xml:base=\"https://news.example/z/\" "), BASE, "c"))
                .as("xml:base").isNotEqualTo(original);
    }

    @Test
    void aKnownItemIsNotReadAndTheOthersAre() throws Exception {
        String first = rss("https://news.example/", ITEM, OTHER);
        Held held = new Held("c");
        ParsedFeed read = parse(first, BASE, held);
        assertThat(read.items()).extracting(ParsedItem::known).containsExactly(false, false);
        held.hold(read);
        held.items.remove(read.items().get(1).itemHash());
        ParsedFeed again = parse(first, BASE, held);
        assertThat(again.items().getFirst().known()).isTrue();
        assertThat(again.items().getFirst().itemHash()).isEqualTo(read.items().getFirst().itemHash());
        assertThat(again.items().getFirst().published()).isEqualTo(read.items().getFirst().published());
        assertThat(again.items().getFirst().title()).isEmpty();
        assertThat(again.items().get(1)).isEqualTo(read.items().get(1));
        assertThat(again.warnings()).isEqualTo(read.warnings());
    }

    /**
     * Every corpus feed: the items read with {@link KnownItems} are those read without (their hash aside), and a
     * second parse holding every hash gives the same warnings (an item whose reading warns carries no hash, so it is
     * read again) and the same dates, with no item read.
     */
    @Test
    void theCorpusReadsTheSameWithAndWithoutKnownItems() throws Exception {
        int feeds = 0;
        int skipped = 0;
        for (String name : corpus()) {
            byte[] body = document(name);
            ParsedFeed plain;
            try {
                plain = parser.parse(body, Optional.empty(), BASE);
            } catch (FeedParseException e) {
                continue;
            }
            feeds++;
            Held held = new Held("c");
            ParsedFeed hashed = parser.parse(body, Optional.empty(), BASE, () -> { }, held);
            assertThat(hashed.warnings()).as(name).isEqualTo(plain.warnings());
            assertThat(hashed.items()).as(name).hasSameSizeAs(plain.items());
            for (int i = 0; i < plain.items().size(); i++) {
                ParsedItem item = hashed.items().get(i);
                assertThat(new ParsedItem(item.guid(), item.link(), item.title(), item.summary(), item.content(),
                        item.author(), item.categories(), item.published(), item.publishedFrom()))
                        .as(name + " item " + i).isEqualTo(plain.items().get(i));
            }
            held.hold(hashed);
            ParsedFeed known = parser.parse(body, Optional.empty(), BASE, () -> { }, held);
            assertThat(known.warnings()).as(name).isEqualTo(plain.warnings());
            for (int i = 0; i < plain.items().size(); i++) {
                ParsedItem item = known.items().get(i);
                assertThat(item.known()).as(name + " item " + i).isEqualTo(hashed.items().get(i).itemHash() != null);
                assertThat(item.published()).isEqualTo(plain.items().get(i).published());
                skipped += item.known() ? 1 : 0;
            }
        }
        assertThat(feeds).isGreaterThan(20);
        assertThat(skipped).isGreaterThan(40);
    }

    static List<String> corpus() throws IOException {
        try (InputStream in = KnownItemsParseTest.class.getResourceAsStream("/corpus/")) {
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.endsWith(".xml")) {
                    names.add(line.strip());
                }
            }
            return names;
        }
    }

    static byte[] document(String name) throws IOException {
        try (InputStream in = KnownItemsParseTest.class.getResourceAsStream("/corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${base}", "https://news.example")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
