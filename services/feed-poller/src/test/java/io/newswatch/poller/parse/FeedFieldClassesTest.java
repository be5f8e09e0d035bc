package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per failure class of the feed half of issue 17, on feeds written for these tests: how field text is
 * typed, links, dates, encodings, Atom variants, fallbacks, and what a user is told about a broken feed.
 */
class FeedFieldClassesTest {

    private static final URI BASE = URI.create("https://wire.example/feeds/main.xml");
    private final FeedParser parser = new FeedParser();

    @Test
    void plainTextTitlesKeepTheirAngleBrackets() throws Exception {
        ParsedFeed atom = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Notes on the &lt;embargo&gt; rule</title>
                <id>urn:desk</id><updated>2024-05-02T10:00:00Z</updated>
                <entry><title type="text">Why the &lt;draft&gt; text of the accord leaked</title><id>urn:1</id>
                  <link href="https://wire.example/1"/><updated>2024-05-02T10:00:00Z</updated></entry>
                <entry><title>&lt;/briefing&gt;</title><id>urn:2</id>
                  <link href="https://wire.example/2"/><updated>2024-05-02T10:00:00Z</updated></entry>
                <entry><title type="html">Summit in &lt;b&gt;Skopje&lt;/b&gt; ends</title><id>urn:3</id>
                  <link href="https://wire.example/3"/><updated>2024-05-02T10:00:00Z</updated></entry>
                </feed>""");
        assertThat(atom.title()).isEqualTo("Notes on the <embargo> rule");
        assertThat(atom.items()).extracting(ParsedItem::title).containsExactly(
                "Why the <draft> text of the accord leaked", "</briefing>", "Summit in Skopje ends");

        ParsedFeed rss = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>Podgorica answers &lt;maybe&gt; to the plan</title><link>https://wire.example/4</link>
                  <description>Ministers say x &lt; y &amp;&amp; y &gt; z is not a policy</description></item>
                <item><title>&lt;/example&gt;</title><link>https://wire.example/5</link></item>
                <item><title>Talks in &lt;i&gt;Brussels&lt;/i&gt;</title><link>https://wire.example/6</link></item>
                </channel></rss>""");
        assertThat(rss.items()).extracting(ParsedItem::title).containsExactly(
                "Podgorica answers <maybe> to the plan", "</example>", "Talks in Brussels");
        assertThat(rss.items().getFirst().summary()).isEqualTo("Ministers say x < y && y > z is not a policy");

        ParsedFeed atom03 = parse("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
                <entry><title type="text/plain">Rules for the &lt;ballot&gt; box</title><id>urn:1</id>
                  <link rel="alternate" type="text/html" href="https://wire.example/1"/><issued>2024-05-02T10:00:00Z</issued></entry>
                </feed>""");
        assertThat(atom03.items().getFirst().title()).isEqualTo("Rules for the <ballot> box");
    }

    @Test
    void markupInsideAnRssTitleIsKeptAsText() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>Vote: <b>parliament</b> backs the bill</title><link>https://wire.example/1</link>
                  <description>The <em>second</em> reading passed.</description></item>
                </channel></rss>""");
        ParsedItem item = feed.items().getFirst();
        assertThat(item.title()).isEqualTo("Vote: parliament backs the bill");
        assertThat(item.summary()).isEqualTo("The second reading passed.");

        ParsedFeed atom = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2024-05-02T10:00:00Z</updated>
                <entry><title>one</title><id>urn:1</id><link href="https://wire.example/1"/><updated>2024-05-02T10:00:00Z</updated>
                  <content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Border <em>reopens</em> at dawn</div></content>
                </entry></feed>""");
        assertThat(atom.items().getFirst().content()).as("HTML-typed Atom content written as elements")
                .isEqualTo("Border reopens at dawn");
    }

    @Test
    void anItemWhoseOnlyLinkIsAnAtomLinkGetsThatLinkAndNoOther() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
                <link>https://wire.example/</link><description>d</description>
                <atom:link href="https://wire.example/feeds/main.xml" rel="self"/>
                <item><title>alternate</title><atom:link href="https://wire.example/story/9"/></item>
                <item><title>only related</title><atom:link rel="related" href="https://other.example/x"/></item>
                <item><title>nothing</title><guid isPermaLink="false">wire-42</guid></item>
                </channel></rss>""");
        assertThat(feed.items()).extracting(ParsedItem::link)
                .containsExactly("https://wire.example/story/9", null, null);
    }

    @Test
    void theBestValidDateWinsByAFixedPrecedenceAndTheDroppedOneIsNamed() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
                <channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title>garbage dc:date</title><link>https://wire.example/1</link>
                  <dc:date>last Tuesday, roughly</dc:date><pubDate>Tue, 07 May 2024 09:15:00 GMT</pubDate></item>
                <item><title>issued</title><link>https://wire.example/2</link><dcterms:issued>2024-05-06T08:00:00Z</dcterms:issued></item>
                <item><title>created</title><link>https://wire.example/3</link><dcterms:created>2024-05-05T08:00:00Z</dcterms:created></item>
                <item><title>modified</title><link>https://wire.example/4</link><dcterms:modified>2024-05-04T08:00:00Z</dcterms:modified></item>
                <item><title>published before modified</title><link>https://wire.example/5</link>
                  <dcterms:modified>2024-05-09T08:00:00Z</dcterms:modified><pubDate>Fri, 03 May 2024 08:00:00 GMT</pubDate></item>
                <item><title>impossible pubDate, valid dc:date</title><link>https://wire.example/6</link>
                  <pubDate>Sun, 31 Apr 2024 10:00:00 GMT</pubDate><dc:date>2024-04-30T10:00:00Z</dc:date></item>
                </channel></rss>""");
        assertThat(feed.items()).extracting(ParsedItem::published).containsExactly(
                Instant.parse("2024-05-07T09:15:00Z"), Instant.parse("2024-05-06T08:00:00Z"),
                Instant.parse("2024-05-05T08:00:00Z"), Instant.parse("2024-05-04T08:00:00Z"),
                Instant.parse("2024-05-03T08:00:00Z"), Instant.parse("2024-04-30T10:00:00Z"));
        assertThat(feed.warnings()).anyMatch(w -> w.contains("unreadable dc:date"))
                .anyMatch(w -> w.contains("do not exist"));
    }

    @Test
    void windows1252CharactersInAnIso88591FeedAreRepaired() throws Exception {
        byte[] raw = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://wire.example/</link><description>d</description>"
                + "<item><title>We don\u2019t know \u201Cyet\u201D</title><link>https://wire.example/1</link>"
                + "<description>cost \u20AC5 &#150; or &#146;more&#146;</description></item></channel></rss>")
                .getBytes(Charset.forName("windows-1252"));
        ParsedFeed feed = parser.parse(raw, Optional.empty(), BASE);
        assertThat(feed.items().getFirst().title()).isEqualTo("We don\u2019t know \u201Cyet\u201D");
        assertThat(feed.items().getFirst().summary()).isEqualTo("cost \u20AC5 \u2013 or \u2019more\u2019");
        assertThat(feed.warnings()).anyMatch(w -> w.contains("windows-1252"));

        ParsedFeed c1InUtf8 = parse("<rss version=\"2.0\"><channel><title>t</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>don\u0092t</title><link>https://wire.example/1</link></item>"
                + "</channel></rss>");
        assertThat(c1InUtf8.items().getFirst().title()).isEqualTo("don\u2019t");
    }

    @Test
    void doubleEncodedUtf8IsRepairedWithAWarning() throws Exception {
        String doubled = asSingleBytes("Đukanović — Montenegro’s vote, Niš".getBytes(StandardCharsets.UTF_8));
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>t</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>" + doubled + "</title><link>https://wire.example/1</link>"
                + "<description>&#226;&#128;&#166; and caf&#195;&#169;</description></item></channel></rss>");
        assertThat(feed.items().getFirst().title()).isEqualTo("Đukanović — Montenegro’s vote, Niš");
        assertThat(feed.items().getFirst().summary()).isEqualTo("… and café");
        assertThat(feed.warnings()).anyMatch(w -> w.contains("double-encoded UTF-8"));

        ParsedFeed clean = parse("<rss version=\"2.0\"><channel><title>t</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>Ärger über Öl, ½ Preis, Ø 3 cm</title>"
                + "<link>https://wire.example/1</link></item></channel></rss>");
        assertThat(clean.items().getFirst().title()).as("real Latin-1 letters are not touched")
                .isEqualTo("Ärger über Öl, ½ Preis, Ø 3 cm");
        assertThat(clean.warnings()).noneMatch(w -> w.contains("double-encoded"));
    }

    @Test
    void atomWithoutItsNamespaceIsReadAsAtom() throws Exception {
        ParsedFeed feed = parse("""
                <feed><title>Desk</title><id>urn:desk</id><updated>2024-05-02T10:00:00Z</updated>
                <entry><title>Bare entry</title><id>urn:1</id><link href="https://wire.example/1"/>
                  <published>2024-05-01T10:00:00Z</published><summary>text</summary></entry></feed>""");
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Desk");
        ParsedItem item = feed.items().getFirst();
        assertThat(item.title()).isEqualTo("Bare entry");
        assertThat(item.link()).isEqualTo("https://wire.example/1");
        assertThat(item.published()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(feed.warnings()).anyMatch(w -> w.contains("without the Atom namespace"));
    }

    @Test
    void base64AtomTextIsDecodedWhateverTheWhitespaceAroundIt() throws Exception {
        String title = Base64.getEncoder().encodeToString("Ohrid <agreement> at 20".getBytes(StandardCharsets.UTF_8));
        String body = Base64.getMimeEncoder(20, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                "<p>The parties met in Ohrid.</p><p>Talks go on.</p>".getBytes(StandardCharsets.UTF_8));
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2024-05-02T10:00:00Z</updated>
                <entry><id>urn:1</id><link href="https://wire.example/1"/><updated>2024-05-02T10:00:00Z</updated>
                  <title type="application/octet-stream">
                     %s
                  </title>
                  <content type="application/octet-stream">
                %s
                  </content></entry></feed>""".formatted(title, body));
        ParsedItem item = feed.items().getFirst();
        assertThat(item.title()).isEqualTo("Ohrid <agreement> at 20");
        assertThat(item.content()).isEqualTo("<p>The parties met in Ohrid.</p><p>Talks go on.</p>");

        ParsedFeed atom03 = parse("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
                <entry><title>one</title><link rel="alternate" type="text/html" href="https://wire.example/1"/>
                  <id>urn:1</id><issued>2024-05-02T10:00:00Z</issued><modified>2024-05-02T10:00:00Z</modified>
                  <content type="text/html" mode="base64">
                    %s
                  </content></entry></feed>""".formatted(Base64.getEncoder().encodeToString(
                "<p>Decoded <b>HTML</b></p>".getBytes(StandardCharsets.UTF_8))));
        assertThat(atom03.items().getFirst().content()).isEqualTo("Decoded HTML");

        ParsedFeed plain03 = parse("""
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
                <entry><title>two</title><link rel="alternate" type="text/html" href="https://wire.example/2"/>
                  <id>urn:2</id><issued>2024-05-02T10:00:00Z</issued>
                  <summary mode="base64">%s</summary></entry></feed>""".formatted(Base64.getEncoder().encodeToString(
                "Plain <text> stays".getBytes(StandardCharsets.UTF_8))));
        assertThat(plain03.items().getFirst().summary()).as("Atom 0.3 text is text/plain by default")
                .isEqualTo("Plain <text> stays");
    }

    @Test
    void mediaTitleAndDescriptionFillInWhenTheItemHasNone() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <link>https://wire.example/</link><description>d</description>
                <item><link>https://wire.example/v/1</link>
                  <media:content url="https://cdn.wire.example/1.mp4"><media:title>Harbour at dawn</media:title>
                  <media:description>Fishing boats return to Kotor.</media:description></media:content></item>
                <item><link>https://wire.example/v/2</link><media:title>Bridge opening</media:title>
                  <media:description type="html">Crowds on the &lt;b&gt;new&lt;/b&gt; bridge.</media:description></item>
                <item><title>Own title</title><description>Own text</description><link>https://wire.example/v/3</link>
                  <media:title>Not used</media:title><media:description>Not used</media:description></item>
                </channel></rss>""");
        assertThat(feed.items()).extracting(ParsedItem::title)
                .containsExactly("Harbour at dawn", "Bridge opening", "Own title");
        assertThat(feed.items()).extracting(ParsedItem::summary)
                .containsExactly("Fishing boats return to Kotor.", "Crowds on the new bridge.", "Own text");
    }

    @Test
    void anAtomEntryWithoutAnAuthorInheritsTheFeeds() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2024-05-02T10:00:00Z</updated>
                <author><name>Balkan Desk</name></author>
                <entry><title>one</title><id>urn:1</id><link href="https://wire.example/1"/><updated>2024-05-02T10:00:00Z</updated></entry>
                <entry><title>two</title><id>urn:2</id><link href="https://wire.example/2"/><updated>2024-05-02T10:00:00Z</updated>
                  <author><name>Jelena Perić</name></author></entry></feed>""");
        assertThat(feed.items()).extracting(ParsedItem::author).containsExactly("Balkan Desk", "Jelena Perić");
    }

    @Test
    void rssWithoutAChannelIsRefusedWithAMessageAboutTheFeed() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><item><title>stray</title></item></rss>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("without a <channel>")
                .hasMessageNotContaining("null").hasMessageNotContaining("Exception");
    }

    /** Bytes read as a browser reads windows-1252: its characters where it defines one, Latin-1's elsewhere. */
    private static String asSingleBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            String windows = new String(new byte[] {b}, Charset.forName("windows-1252"));
            text.append(windows.equals("\uFFFD") ? (char) (b & 0xff) : windows.charAt(0));
        }
        return text.toString();
    }

    @Test
    void fullTextInAnRssBodyOrFullitemElementIsTheItemsContent() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><title>t</title>
                <link>https://wire.example/</link><description>d</description>
                <item><title>one</title><link>https://wire.example/1</link>
                  <xhtml:body><xhtml:p>The harbour in Bar <xhtml:em>reopened</xhtml:em> on Monday.</xhtml:p>
                  <xhtml:script>document.write('tracking')</xhtml:script><xhtml:p>Ferries sail again.</xhtml:p>
                  </xhtml:body></item>
                <item><title>two</title><link>https://wire.example/2</link>
                  <body xmlns="http://www.w3.org/1999/xhtml">Talks resume<iframe src="https://ads.example/"/> in Tirana</body></item>
                <item><title>three</title><link>https://wire.example/3</link>
                  <body>Budget vote &lt;b&gt;delayed&lt;/b&gt;&lt;style&gt;p{color:red}&lt;/style&gt; again</body></item>
                <item><title>four</title><link>https://wire.example/4</link>
                  <fullitem>&lt;p&gt;Snow closes the &lt;a href="/roads"&gt;mountain pass&lt;/a&gt;.&lt;/p&gt;</fullitem></item>
                <item><title>five</title><link>https://wire.example/5</link>
                  <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Encoded wins&lt;/p&gt;</content:encoded>
                  <fullitem>&lt;p&gt;Fullitem loses&lt;/p&gt;</fullitem></item>
                </channel></rss>""");
        assertThat(feed.items()).extracting(ParsedItem::content).containsExactly(
                "The harbour in Bar reopened on Monday.\n\nFerries sail again.",
                "Talks resume in Tirana",
                "Budget vote delayed again",
                "Snow closes the mountain pass.",
                "Encoded wins");
        assertThat(feed.items()).extracting(ParsedItem::summary).containsOnly("");
    }

    @Test
    void aFeedInADraftAtomNamespaceIsReadAsAtom() throws Exception {
        ParsedFeed draft = parse("""
                <feed xmlns="http://drafts.example/syndication-draft#"><title>Desk notes</title><id>urn:desk</id>
                <entry><title>Bridge tender reopened</title><id>urn:1</id><link href="https://wire.example/1"/>
                  <updated>2024-05-02T10:00:00Z</updated></entry></feed>""");
        assertThat(draft.title()).isEqualTo("Desk notes");
        assertThat(draft.items()).extracting(ParsedItem::title).containsExactly("Bridge tender reopened");
        assertThat(draft.items().getFirst().link()).isEqualTo("https://wire.example/1");
        assertThat(draft.warnings()).contains("a <feed> in the namespace http://drafts.example/syndication-draft#, "
                + "not Atom's; read as Atom 1.0");

        ParsedFeed draft03 = parse("""
                <feed version="0.3" xmlns="http://drafts.example/echo"><title>Echo desk</title>
                <entry><title>Quay repairs</title><id>urn:2</id>
                  <link rel="alternate" type="text/html" href="https://wire.example/2"/>
                  <issued>2024-05-02T10:00:00Z</issued></entry></feed>""");
        assertThat(draft03.title()).isEqualTo("Echo desk");
        assertThat(draft03.items()).extracting(ParsedItem::title).containsExactly("Quay repairs");
        assertThat(draft03.items().getFirst().published()).isEqualTo(Instant.parse("2024-05-02T10:00:00Z"));
    }

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
    }
}
