package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private static final URI BASE = URI.create("https://wire.example/feeds/main.xml");
    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss20() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Wire &amp; Desk</title><link>https://wire.example/</link><language>en-us</language>
                  <item>
                    <title>Talks resume in &lt;b&gt;Brussels&lt;/b&gt;</title>
                    <link>https://wire.example/talks</link>
                    <guid isPermaLink="false">wire-77</guid>
                    <pubDate>Mon, 02 Mar 2020 08:30:00 +0100</pubDate>
                    <dc:creator>Ana Marković</dc:creator>
                    <category>Diplomacy</category><category>EU</category><category>EU</category>
                    <description>&lt;p&gt;Negotiators meet again &lt;a href="/x"&gt;today&lt;/a&gt;.&lt;/p&gt;</description>
                    <content:encoded><![CDATA[<p>First paragraph.</p><p>Second <em>paragraph</em>.</p>]]></content:encoded>
                  </item>
                </channel></rss>
                """);
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Wire & Desk");
        assertThat(feed.language()).isEqualTo("en");
        assertThat(feed.warnings()).isEmpty();
        ParsedItem item = feed.items().getFirst();
        assertThat(item.guid()).isEqualTo("wire-77");
        assertThat(item.link()).isEqualTo("https://wire.example/talks");
        assertThat(item.title()).isEqualTo("Talks resume in Brussels");
        assertThat(item.summary()).isEqualTo("Negotiators meet again today.");
        assertThat(item.content()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(item.author()).isEqualTo("Ana Marković");
        assertThat(item.categories()).containsExactly("Diplomacy", "EU");
        assertThat(item.published()).isEqualTo(Instant.parse("2020-03-02T07:30:00Z"));
    }

    @Test
    void readsAtom10WithRelativeLinks() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sr">
                  <title type="html">Balkan &lt;i&gt;Desk&lt;/i&gt;</title>
                  <id>urn:uuid:desk</id><updated>2021-06-01T12:00:00Z</updated>
                  <entry>
                    <title>Нови мост у Новом Саду</title>
                    <id>tag:desk.example,2021:42</id>
                    <link rel="alternate" href="/vesti/most"/>
                    <updated>2021-06-01T11:00:00Z</updated>
                    <author><name>Petar Petrović</name></author>
                    <summary type="html">&lt;p&gt;Мост је отворен.&lt;/p&gt;</summary>
                  </entry>
                </feed>
                """);
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Balkan Desk");
        ParsedItem item = feed.items().getFirst();
        assertThat(item.guid()).isEqualTo("tag:desk.example,2021:42");
        assertThat(item.link()).isEqualTo("https://wire.example/vesti/most");
        assertThat(item.title()).isEqualTo("Нови мост у Новом Саду");
        assertThat(item.summary()).isEqualTo("Мост је отворен.");
        assertThat(item.author()).isEqualTo("Petar Petrović");
        assertThat(item.published()).isEqualTo(Instant.parse("2021-06-01T11:00:00Z"));
    }

    @Test
    void readsRdf() throws Exception {
        ParsedFeed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://wire.example/"><title>RDF Wire</title><link>https://wire.example/</link>
                    <description>d</description></channel>
                  <item rdf:about="https://wire.example/rdf/1"><title>One</title><link>https://wire.example/rdf/1</link>
                    <dc:date>2019-11-05T10:00:00+01:00</dc:date></item>
                </rdf:RDF>
                """);
        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.items().getFirst().guid()).isEqualTo("https://wire.example/rdf/1");
        assertThat(feed.items().getFirst().published()).isEqualTo(Instant.parse("2019-11-05T09:00:00Z"));
    }

    @Test
    void repairsHtmlEntitiesBareAmpersandsAndLeadingJunk() throws Exception {
        ParsedFeed feed = parse("""


                  <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Q&A desk</title><link>https://wire.example/</link>
                <description>d</description>
                <item><title>Caf&eacute; talks&nbsp;end &mdash; at last</title><link>https://wire.example/a?x=1&y=2</link></item>
                </channel></rss>""");
        assertThat(feed.title()).isEqualTo("Q&A desk");
        assertThat(feed.items().getFirst().title()).isEqualTo("Café talks end — at last");
        assertThat(feed.items().getFirst().link()).isEqualTo("https://wire.example/a?x=1&y=2");
        assertThat(feed.warnings()).anyMatch(w -> w.contains("unescaped &"));
    }

    @Test
    void readsUtf8DeclaredAsLatin1AndLatin1DeclaredAsUtf8() throws Exception {
        String feed = "<?xml version=\"1.0\" encoding=\"%s\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://wire.example/</link><description>d</description>"
                + "<item><title>Žena iz Niša, café</title><link>https://wire.example/1</link></item></channel></rss>";
        ParsedFeed utf8AsLatin1 = parser.parse(String.format(feed, "ISO-8859-1").getBytes(StandardCharsets.UTF_8),
                Optional.empty(), BASE);
        assertThat(utf8AsLatin1.items().getFirst().title()).isEqualTo("Žena iz Niša, café");
        assertThat(utf8AsLatin1.warnings()).anyMatch(w -> w.contains("read as UTF-8"));

        ParsedFeed latin1AsUtf8 = parser.parse(String.format(feed, "UTF-8").replace("Žena iz Niša, ", "")
                .getBytes(Charset.forName("windows-1252")), Optional.empty(), BASE);
        assertThat(latin1AsUtf8.items().getFirst().title()).isEqualTo("café");
        assertThat(latin1AsUtf8.warnings()).anyMatch(w -> w.contains("windows-1252"));
    }

    @Test
    void readsAByteOrderMarkAndWindows1251() throws Exception {
        byte[] text = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://wire.example/</link><description>d</description>"
                + "<item><title>Новости дня</title><link>https://wire.example/1</link></item></channel></rss>")
                .getBytes(Charset.forName("windows-1251"));
        assertThat(parser.parse(text, Optional.empty(), BASE).items().getFirst().title()).isEqualTo("Новости дня");

        byte[] bom = ("\uFEFF<rss version=\"2.0\"><channel><title>t</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>Ünïcode</title></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bom, Optional.empty(), BASE).items().getFirst().title()).isEqualTo("Ünïcode");
    }

    @Test
    void neverReadsExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>leak &xxe; here</title><link>https://wire.example/1</link></item></channel></rss>
                """.formatted(secret.toUri()));
        assertThat(feed.items().getFirst().title()).isEqualTo("leak &xxe; here").doesNotContain("TOP-SECRET");
        assertThat(feed.warnings()).anyMatch(w -> w.contains("document type declaration"));
    }

    @Test
    void neverExpandsAnEntityBomb() throws Exception {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]><rss version=\"2.0\"><channel><title>&lol9;</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>boom</title></item></channel></rss>");
        ParsedFeed feed = parse(bomb.toString());
        assertThat(feed.title()).isEqualTo("&lol9;");
    }

    @Test
    void recoversATruncatedFeed() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>complete</title><link>https://wire.example/1</link></item>
                <item><title>cut off</title><link>https://wire.exa""");
        assertThat(feed.items()).extracting(ParsedItem::title).containsExactly("complete");
        assertThat(feed.warnings()).anyMatch(w -> w.startsWith("the document ends in the middle"));
    }

    /**
     * A thread's XML reader is reused ({@code FeedDocument}): a document reads the same after documents that failed
     * in the middle of the XML read (unclosed, an undeclared prefix, an entity never defined, not XML), and in another
     * thread, whose reader is its own.
     */
    @Test
    void aDocumentReadsTheSameAfterDocumentsThatFailedAndInAnotherThread() throws Exception {
        String xml = """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
                <link>https://wire.example/</link><item><title>One &amp; two</title><link>/1</link>
                <dc:creator>Desk</dc:creator><pubDate>Mon, 02 Mar 2020 08:30:00 +0100</pubDate></item></channel></rss>""";
        ParsedFeed first = parse(xml);
        for (String broken : new String[] {"<rss version=\"2.0\"><channel><title>t</title><item><title>x",
                "<rss version=\"2.0\"><channel><x:y>1</x:y></channel></rss>", "<rss><channel>&nbsp;&foo;</channel></rss>",
                "not xml at all <"}) {
            try {
                parse(broken);
            } catch (FeedParseException expected) {
                // refused: what matters is the next document
            }
            assertThat(parse(xml)).isEqualTo(first);
        }
        java.util.concurrent.atomic.AtomicReference<ParsedFeed> other = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                other.set(parse(xml));
            } catch (FeedParseException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.join();
        assertThat(other.get()).isEqualTo(first);
        assertThat(first.items().getFirst().title()).isEqualTo("One & two");
    }

    @Test
    void bindsUndeclaredNamespacePrefixes() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>with media</title><link>https://wire.example/1</link><dc:creator>Desk</dc:creator>
                <media:content url="https://wire.example/1.jpg"/></item></channel></rss>""");
        assertThat(feed.items().getFirst().author()).isEqualTo("Desk");
    }

    @Test
    void keepsItemsWithoutGuidLinkOrDate() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>no link</title><description>text only</description><pubDate>yesterday-ish</pubDate></item>
                <item><guid>https://wire.example/permalink</guid><title>guid as link</title></item>
                </channel></rss>""");
        assertThat(feed.items().get(0).link()).isNull();
        assertThat(feed.items().get(0).guid()).isNull();
        assertThat(feed.items().get(0).published()).isNull();
        assertThat(feed.items().get(1).link()).isEqualTo("https://wire.example/permalink");
    }

    @Test
    void saysWhenItIsGivenAPageInsteadOfAFeed() {
        assertThatThrownBy(() -> parse("""
                <!doctype html><html><head><title>Wire</title>
                <link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>news</body></html>"""))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed but an HTML page; it links to a feed at https://wire.example/rss.xml");
        assertThatThrownBy(() -> parse("<opml version=\"2.0\"><body/></opml>"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("neither RSS nor Atom (root <opml>)");
        assertThatThrownBy(() -> parser.parse(new byte[0], Optional.empty(), BASE))
                .isInstanceOf(FeedParseException.class).hasMessage("the document is empty");
    }

    @Test
    void impossibleDatesAreDroppedNotMovedToTheNextMonth() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link>
                <item><title>feb 30</title><link>https://wire.example/1</link><pubDate>Sun, 30 Feb 2025 10:00:00 GMT</pubDate></item>
                <item><title>hour 25</title><link>https://wire.example/2</link><pubDate>Mon, 03 Mar 2025 25:00:00 GMT</pubDate></item>
                <item><title>fine</title><link>https://wire.example/3</link><pubDate>Fri, 28 Feb 2025 10:00:00 GMT</pubDate></item>
                </channel></rss>""");
        assertThat(feed.items()).extracting(ParsedItem::published)
                .containsExactly(null, null, Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(feed.warnings()).contains("2 item date(s) that do not exist (such as February 30) dropped");
        ParsedFeed atom = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2025-03-01T00:00:00Z</updated>
                <entry><title>apr 31</title><id>urn:1</id><link href="https://wire.example/1"/><updated>2025-04-31T08:00:00Z</updated></entry>
                </feed>""");
        assertThat(atom.items().getFirst().published()).isNull();
    }

    @Test
    void fieldsAreCutAtTheirLimits() throws Exception {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>t</title><link>https://wire.example/</link>"
                + "<item><title>" + "T".repeat(5_000) + "</title><guid>" + "g".repeat(5_000) + "</guid>"
                + "<link>https://wire.example/" + "a".repeat(5_000) + "</link><author>" + "A".repeat(5_000) + "</author>"
                + "<description>" + "d ".repeat(20_000) + "</description>"
                + "<category>c</category>".repeat(80) + "x".repeat(300).transform(c -> "<category>" + c + "</category>")
                + "</item></channel></rss>");
        ParsedItem item = feed.items().getFirst();
        assertThat(item.title()).hasSize(FieldLimits.TITLE);
        assertThat(item.guid()).hasSize(FieldLimits.GUID);
        assertThat(item.link()).as("a link longer than any server accepts is no link").isNull();
        assertThat(item.author()).hasSize(FieldLimits.AUTHOR);
        assertThat(item.summary()).hasSize(FieldLimits.SUMMARY);
        assertThat(item.categories()).containsExactly("c", "x".repeat(FieldLimits.CATEGORY));
    }

    @Test
    void authorFormsAreReadWithoutRegularExpressions() {
        assertThat(FeedParser.personName("desk@wire.example (Defence Desk)")).isEqualTo("Defence Desk");
        assertThat(FeedParser.personName("Defence Desk <desk@wire.example>")).isEqualTo("Defence Desk");
        assertThat(FeedParser.personName("Defence Desk (desk@wire.example)")).isEqualTo("Defence Desk");
        assertThat(FeedParser.personName("desk@wire.example")).isNull();
        assertThat(FeedParser.personName("Ana Marković")).isEqualTo("Ana Marković");
        assertThat(FeedParser.personName("Ana (Belgrade)")).isEqualTo("Ana (Belgrade)");
        assertThat(FeedParser.personName("(@".repeat(2_000))).isEqualTo("(@".repeat(2_000));
    }

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
    }
}
