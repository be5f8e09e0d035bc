package io.newswatch.poller.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x, 1.0 (RDF) and 2.0 and Atom 0.3 and 1.0 with Rome, leniently and safely. The bytes are decoded
 * with {@link TextDecoding} and repaired with {@link XmlRepair} (which also removes the document type declaration,
 * so no entity is ever defined: no XXE, no entity bomb); Rome's own parser refuses document types besides. A
 * document that is still not well-formed (unclosed tags, a truncated body, undeclared namespace prefixes) gets a
 * second chance through jsoup's forgiving XML parser. Every repair is reported as a warning.
 *
 * <p>Thread-safe: one instance serves all polls.
 */
public final class FeedParser {

    /** Items read from one document by default (the poller's {@code max-items-per-feed}). */
    public static final int MAX_ITEMS = 1000;

    private static final Pattern ROOT_NAME = Pattern.compile("<([A-Za-z_][\\w:.-]{0,100})");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    /** Namespaces that feeds use without declaring them, with their usual URIs. */
    private static final Map<String, String> KNOWN_NAMESPACES = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "media", "http://search.yahoo.com/mrss/",
            "atom", "http://www.w3.org/2005/Atom",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/",
            "georss", "http://www.georss.org/georss",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    private final int maxItems;
    private final boolean cutKnownItems;

    /**
     * @param maxItems      items read from one document, the first in document order (feeds list the newest first)
     * @param cutKnownItems whether the items a caller holds by the hash of their text ({@link KnownItems#knownRaw})
     *                      are cut out of the text before the XML read (else only left out of Rome's build)
     */
    public FeedParser(int maxItems, boolean cutKnownItems) {
        this.maxItems = maxItems;
        this.cutKnownItems = cutKnownItems;
    }

    public FeedParser(int maxItems) {
        this(maxItems, true);
    }

    public FeedParser() {
        this(MAX_ITEMS);
    }

    /**
     * @param body          the document as received
     * @param headerCharset the HTTP charset, when given
     * @param base          the URL the document came from: relative links resolve against it (null for a file)
     * @throws FeedParseException when the document is not a feed, with what it is instead when that is known
     */
    public ParsedFeed parse(byte[] body, Optional<String> headerCharset, URI base) throws FeedParseException {
        return parse(body, headerCharset, base, () -> { });
    }

    /**
     * Parses as {@link #parse(byte[], Optional, URI)} does, calling {@code checkpoint} between steps (after each
     * repair and parse, before each item) so that the caller can stop a parse that costs too much by throwing
     * from it.
     */
    public ParsedFeed parse(byte[] body, Optional<String> headerCharset, URI base, Runnable checkpoint)
            throws FeedParseException {
        return parse(body, headerCharset, base, checkpoint, null);
    }

    /**
     * Parses as {@link #parse(byte[], Optional, URI, Runnable)} does, but each item whose element's {@link ItemHash}
     * {@code known} holds is not read: {@code known} gives its item ({@link ParsedItem#known}); the other items
     * carry their hash ({@link ParsedItem#itemHash()}). The known items' elements are left out of Rome's build
     * ({@link RomeBuild}), so Rome builds entries of the new or changed items only, and they are not read (texts,
     * links, dates, categories). Only when the document's items line up with Rome's entries (else every item is
     * read, without hashes). Each item whose text's hash ({@link RawItems}) {@code known} holds
     * ({@link KnownItems#knownRaw}) is cut out of the text before the XML read (unless this parser was made without
     * it), when the text's scan and the read of the rest agree with what the whole read gives (else the whole
     * document is read); the items read carry their text's hash too ({@link ParsedItem#rawHash()}).
     *
     * @param known the items the caller holds, or null to read every item
     */
    public ParsedFeed parse(byte[] body, Optional<String> headerCharset, URI base, Runnable checkpoint,
                            KnownItems known) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("the document is empty");
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(body, headerCharset);
        List<String> warnings = new ArrayList<>(decoded.warnings());
        checkpoint.run();
        XmlRepair.Repaired repaired = XmlRepair.repair(decoded.text());
        warnings.addAll(repaired.warnings());
        checkpoint.run();
        Raw raw = known != null && cutKnownItems ? Raw.of(repaired.xml(), base, known, maxItems) : null;
        checkpoint.run();
        Read read = raw != null && raw.cutAny() ? cutRead(raw, base, known, warnings) : null;
        if (read == null) {
            raw = raw == null ? null : raw.uncut();
            read = wholeRead(repaired.xml(), base, known, warnings);
        }
        FeedDocument document = read.document();
        Built built = read.built();
        SyndFeed feed = built.feed();
        URI feedBase = feedBase(feed, base);
        boolean rdf = "rss_1.0".equals(feed.getFeedType()) || "rss_0.9".equals(feed.getFeedType());
        ItemReader reader = new ItemReader(feedBase, rdf, feedAuthor(feed));
        List<ParsedItem> items = new ArrayList<>();
        List<SyndEntry> entries = built.entries();
        for (int i = 0; i < Math.min(entries.size(), maxItems); i++) {
            checkpoint.run();
            if (built.hashes() == null) {
                items.add(reader.item(entries.get(i), built.lineUp() ? built.elements().get(i) : null));
                continue;
            }
            if (built.held()[i] != null) {
                items.add(built.held()[i]);
                continue;
            }
            int noticed = reader.noticed();
            ParsedItem item = reader.item(entries.get(i), built.elements().get(i));
            items.add(reader.noticed() == noticed ? item.withItemHash(built.hashes()[i]) : item);
        }
        if (raw != null && read.strict() && built.hashes() != null && raw.items().linesUp(built.elements(), raw.cut())
                && raw.items().kind().fits(feed.getFeedType())) {
            items = raw.merge(items, built.elements(), document);
        }
        reader.addWarnings(warnings);
        if (entries.size() > maxItems) {
            warnings.add("the feed lists " + entries.size() + " items: only its first " + maxItems
                    + " were read (newswatch.poller.max-items-per-feed)");
        }
        String link = feed.getLink() == null || feed.getLink().length() > FieldLimits.LINK ? null
                : Urls.resolve(base, feed.getLink()).orElse(null);
        String titleType = FeedDocument.atomType(document.document().getRootElement(), "title");
        String title = reader.repaired(text(feed.getTitleEx() != null ? feed.getTitleEx().getValue() : feed.getTitle(),
                titleType != null ? titleType : feed.getTitleEx() != null ? feed.getTitleEx().getType() : null,
                FieldLimits.TITLE));
        reader.addWarnings(warnings);
        return new ParsedFeed(feed.getFeedType(), title, link, Languages.code(feed.getLanguage()), items,
                List.copyOf(new LinkedHashSet<>(warnings)), raw == null ? 0 : raw.cutCount());
    }

    /**
     * A document's tree and Rome's feed of it.
     *
     * @param strict whether the tree is the XML read of the repaired text itself (not of jsoup's repair of it)
     */
    private record Read(FeedDocument document, Built built, boolean strict) {
    }

    /** The document read whole: as it is, else after jsoup's repair (or cut at its last complete item). */
    private Read wholeRead(String xml, URI base, KnownItems known, List<String> warnings) throws FeedParseException {
        try {
            try {
                FeedDocument document = FeedDocument.read(xml, warnings);
                return new Read(document, build(document, base, known), true);
            } catch (FeedException first) {
                rejectHtml(xml, base);
                try {
                    Truncation truncation = Truncation.of(xml);
                    FeedDocument document = FeedDocument.read(forgivingXml(truncation.text()), warnings);
                    Built built = build(document, base, known);
                    warnings.add(truncation.cut()
                            ? "the document ends in the middle (" + rootCause(first) + "); the complete items before the cut are kept"
                            : "not well-formed XML (" + rootCause(first) + "); read after repair, items may be missing");
                    return new Read(document, built, false);
                } catch (FeedException | IllegalArgumentException second) {
                    throw new FeedParseException("not a readable feed: " + rootCause(first), first);
                }
            } catch (IllegalArgumentException notAFeed) {
                rejectHtml(xml, base);
                throw new FeedParseException("not a feed: the document is XML but neither RSS nor Atom (root <"
                        + rootName(xml) + ">)");
            }
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // Rome fails on some shapes it does not expect with a null pointer or an index out of bounds: what a
            // user needs is what is wrong with the document, never which Java object was missing
            throw new FeedParseException("not a readable feed: its " + rootName(xml)
                    + " document lacks an element RSS or Atom requires", e);
        }
    }

    /**
     * The document read with the items the caller holds by their text cut out of it, or null when that read does
     * not give what the whole read would (it fails, its items do not line up with the items found in the text or
     * with Rome's entries, Rome's format is not the shape the items were found for): the whole document is read.
     * The warnings are the whole read's: the items cut out were read without one, and their elements were not
     * corrected by the XML read (see {@link Raw#merge}).
     */
    private Read cutRead(Raw raw, URI base, KnownItems known, List<String> warnings) {
        List<String> cutWarnings = new ArrayList<>(warnings);
        try {
            FeedDocument document = FeedDocument.read(raw.items().without(raw.cut()), cutWarnings);
            if (!raw.items().linesUp(document.items(), raw.cut())) {
                return null;
            }
            Built built = build(document, base, known);
            if (built.hashes() == null || !raw.items().kind().fits(built.feed().getFeedType())) {
                return null;
            }
            warnings.clear();
            warnings.addAll(cutWarnings);
            return new Read(document, built, true);
        } catch (FeedException | FeedParseException | RuntimeException e) {
            return null; // the whole read decides what is wrong with the document
        }
    }

    /**
     * The items found in the document's text ({@link RawItems}), their hashes and which of them the caller holds.
     *
     * @param cut  per item found, whether the caller holds it by its text's hash (it is cut out before the XML read)
     * @param held the caller's item for each item cut
     */
    private record Raw(RawItems items, String[] hashes, boolean[] cut, ParsedItem[] held) {

        /** The items found in the text, or null when the text is not scanned (see {@link RawItems#scan}). */
        static Raw of(String xml, URI base, KnownItems known, int maxItems) {
            RawItems items = RawItems.scan(xml);
            if (items == null || items.count() > maxItems) {
                return null;
            }
            String[] hashes = items.hashes(known.context(), String.valueOf(base), maxItems);
            boolean[] cut = new boolean[hashes.length];
            ParsedItem[] held = new ParsedItem[hashes.length];
            for (int i = 0; i < hashes.length; i++) {
                ParsedItem item = hashes[i] == null ? null : known.knownRaw(hashes[i]);
                if (item != null && item.itemHash() != null) {
                    held[i] = item.withRawHash(hashes[i]);
                    cut[i] = true;
                }
            }
            return new Raw(items, hashes, cut, held);
        }

        boolean cutAny() {
            return cutCount() > 0;
        }

        int cutCount() {
            int count = 0;
            for (boolean c : cut) {
                count += c ? 1 : 0;
            }
            return count;
        }

        /** The same items with none cut (the document read whole). */
        Raw uncut() {
            return new Raw(items, hashes, new boolean[cut.length], new ParsedItem[held.length]);
        }

        /**
         * The document's items: the caller's for those cut, the read ones (one per element, in order) for the
         * others, each with its text's hash when it has an {@link ItemHash} and the XML read did not correct its
         * element (a correction is counted in a warning of the whole document).
         */
        List<ParsedItem> merge(List<ParsedItem> read, List<Element> elements, FeedDocument document) {
            List<ParsedItem> items = new ArrayList<>(hashes.length);
            int next = 0;
            for (int i = 0; i < hashes.length; i++) {
                if (cut[i]) {
                    items.add(held[i]);
                    continue;
                }
                ParsedItem item = read.get(next);
                Element element = elements.get(next++);
                items.add(item.itemHash() != null && hashes[i] != null && !document.corrected(element)
                        ? item.withRawHash(hashes[i]) : item);
            }
            return items;
        }
    }

    /**
     * Rome's feed of a document and its items as the parse reads them.
     *
     * @param entries  Rome's entries; when {@code hashes} is set, one per item element in document order, null for an
     *                 item left out of Rome's build (a known one)
     * @param elements the document's item elements
     * @param lineUp   whether {@code entries} line up with {@code elements}
     * @param hashes   each item's {@link ItemHash} (up to the items read), or null when items are read without hashes
     * @param held     the caller's item for each known item, else null; null when {@code hashes} is
     */
    record Built(SyndFeed feed, List<SyndEntry> entries, List<Element> elements, boolean lineUp,
                         String[] hashes, ParsedItem[] held) {

        /** Rome's feed of every item: the items are read with their hashes (when given {@code known}) or without. */
        static Built whole(SyndFeed feed, List<Element> elements, URI base, FeedDocument document, KnownItems known,
                           int read) {
            List<SyndEntry> entries = feed.getEntries();
            boolean lineUp = elements.size() == entries.size();
            if (known == null || !lineUp) {
                return new Built(feed, entries, elements, lineUp, null, null);
            }
            ItemHash hashing = HashContext.of(feed, base).hashing(known, base, document, elements);
            String[] hashes = new String[Math.min(read, elements.size())];
            ParsedItem[] held = new ParsedItem[hashes.length];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = hashing.item(elements.get(i));
                held[i] = known.known(hashes[i]);
            }
            return new Built(feed, entries, elements, true, hashes, held);
        }
    }

    /**
     * What an item's hash holds from outside its element that Rome's build gives (see {@link ItemHash#of}): the
     * format, the base the items' links resolve against, the feed's own author.
     */
    record HashContext(String format, String feedBase, String author) {

        static HashContext of(SyndFeed feed, URI base) {
            return new HashContext(feed.getFeedType(), String.valueOf(FeedParser.feedBase(feed, base)), feedAuthor(feed));
        }

        /**
         * The context as Rome's build of the document will give it, read from the document before the build (by
         * Rome's own choice of parser for the format; an Atom 1.0 root's {@code xml:base}; an Atom root's first
         * author with a name or e-mail), or null when no Rome parser takes the document. The parse compares it
         * with the built feed's ({@link #of}) and falls back to a whole build when they differ.
         */
        static HashContext predicted(FeedDocument document, URI base) {
            Element root = document.document().getRootElement();
            String format = RomeBuild.format(document.document());
            if (format == null) {
                return null;
            }
            boolean atom10 = format.equals("atom_1.0");
            boolean atom03 = format.equals("atom_0.3");
            URI feedBase = atom10 ? withBase(base, root.getAttributeValue("base", Namespace.XML_NAMESPACE))
                    : base;
            String author = null;
            if (atom10 || atom03) {
                Namespace ns = atom10 ? FeedDocument.ATOM : Namespace.getNamespace(FeedDocument.ATOM_03);
                List<Element> persons = root.getChildren("author", ns);
                for (Element person : atom10 ? persons : persons.stream().limit(1).toList()) {
                    String name = person.getChildText("name", ns);
                    String named = name != null && !name.isBlank() ? name : person.getChildText("email", ns);
                    if (named != null && !named.isBlank()) {
                        author = named;
                        break;
                    }
                }
            }
            return new HashContext(format, String.valueOf(feedBase), author);
        }

        ItemHash hashing(KnownItems known, URI base, FeedDocument document, List<Element> elements) {
            return ItemHash.of(known.context(), String.valueOf(base), format, feedBase, author,
                    document.document().getRootElement(), elements);
        }
    }

    /**
     * Rome's feed of the document. Given {@code known}, each item (up to the items read) is hashed first with the
     * context the build will give ({@link HashContext#predicted}), and the known items' elements are left out of
     * Rome's build; when the built feed's context differs from the prediction or its entries do not line up with the
     * items built, Rome builds every item and the items are hashed after it, as without the prediction.
     */
    Built build(FeedDocument document, URI base, KnownItems known) throws FeedException {
        List<Element> elements = document.items();
        HashContext predicted = known == null ? null : HashContext.predicted(document, base);
        if (predicted == null) {
            return Built.whole(RomeBuild.feed(document, elements, List.of()), elements, base, document, known,
                    maxItems);
        }
        ItemHash hashing = predicted.hashing(known, base, document, elements);
        String[] hashes = new String[Math.min(maxItems, elements.size())];
        ParsedItem[] held = new ParsedItem[hashes.length];
        List<Element> toBuild = new ArrayList<>(elements.size());
        List<Element> leftOut = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (i < hashes.length) {
                hashes[i] = hashing.item(elements.get(i));
                held[i] = known.known(hashes[i]);
            }
            (i < hashes.length && held[i] != null ? leftOut : toBuild).add(elements.get(i));
        }
        SyndFeed feed;
        try {
            feed = RomeBuild.feed(document, toBuild, leftOut);
        } catch (FeedException | RuntimeException e) {
            if (leftOut.isEmpty()) {
                throw e;
            }
            // the build of the whole document decides what is wrong with it
            return Built.whole(RomeBuild.feed(document, elements, List.of()), elements, base, document, known,
                    maxItems);
        }
        if (!HashContext.of(feed, base).equals(predicted) || feed.getEntries().size() != toBuild.size()) {
            return Built.whole(leftOut.isEmpty() ? feed : RomeBuild.feed(document, elements, List.of()), elements,
                    base, document, known, maxItems);
        }
        List<SyndEntry> entries = new ArrayList<>(elements.size());
        int next = 0;
        for (int i = 0; i < elements.size(); i++) {
            entries.add(i < held.length && held[i] != null ? null : feed.getEntries().get(next++));
        }
        return new Built(feed, entries, elements, true, hashes, held);
    }

    /** The base the items' links resolve against: the document's address, with an Atom feed's {@code xml:base}. */
    private static URI feedBase(SyndFeed feed, URI base) {
        return feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atom
                ? withBase(base, atom.getXmlBase()) : base;
    }

    /** The feed's own author (Atom), which its entries without one inherit (RFC 4287, 4.2.1). */
    private static String feedAuthor(SyndFeed feed) {
        if (feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atom) {
            for (SyndPerson person : atom.getAuthors()) {
                String name = person.getName() != null && !person.getName().isBlank() ? person.getName() : person.getEmail();
                if (name != null && !name.isBlank()) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Reads the items of one parse, and counts what it repaired or dropped for the warnings. */
    private static final class ItemReader {

        private final URI feedBase;
        private final boolean rdf;
        private final String feedAuthor;
        private final Mojibake.Repairs repairs = new Mojibake.Repairs();
        private final Map<String, Integer> unreadableDates = new TreeMap<>();
        private int impossibleDates;

        ItemReader(URI feedBase, boolean rdf, String feedAuthor) {
            this.feedBase = feedBase;
            this.rdf = rdf;
            this.feedAuthor = feedAuthor;
        }

        String repaired(String text) {
            return Mojibake.repair(text, repairs);
        }

        /** How many things the items read so far noticed (repairs, unreadable or impossible dates). */
        int noticed() {
            int count = repairs.windows1252 + repairs.doubleEncoded + impossibleDates;
            for (int unreadable : unreadableDates.values()) {
                count += unreadable;
            }
            return count;
        }

        /**
         * @param element the item's XML element, when the document's items line up with Rome's entries
         */
        ParsedItem item(SyndEntry entry, Element element) {
            String guid = guid(entry, rdf);
            String link = link(entry, guid, element);
            URI base = entry.getWireEntry() instanceof Entry atom ? withBase(feedBase, atom.getXmlBase()) : feedBase;
            String resolved = link == null ? null : Urls.resolve(base, link).orElse(null);
            DCModule dc = entry.getModule(DCModule.URI) instanceof DCModule module ? module : null;
            SyndContent titleEx = entry.getTitleEx();
            String titleType = element == null ? null : FeedDocument.atomType(element, "title");
            String title = text(titleEx != null ? titleEx.getValue() : entry.getTitle(),
                    titleType != null ? titleType : titleEx != null ? titleEx.getType() : null, FieldLimits.TITLE);
            if (title.isEmpty() && dc != null) {
                title = text(dc.getTitle(), null, FieldLimits.TITLE);
            }
            if (title.isEmpty() && element != null) {
                title = text(media(element, "title"), null, FieldLimits.TITLE);
            }
            SyndContent description = entry.getDescription();
            String summary = description == null ? ""
                    : paragraphLine(description.getValue(), descriptionType(entry, element, description));
            if (summary.isEmpty()) {
                summary = paragraphLine(dc != null && dc.getDescription() != null ? dc.getDescription()
                        : foreign(entry, ITUNES, "summary").map(Element::getTextTrim).orElse(null), null);
            }
            if (summary.isEmpty() && element != null) {
                summary = paragraphLine(media(element, "description"), null);
            }
            StringBuilder content = new StringBuilder();
            for (SyndContent part : entry.getContents()) {
                String text = part.getValue() == null || content.length() >= FieldLimits.CONTENT ? ""
                        : FeedText.paragraphs(FieldLimits.cap(part.getValue(), FieldLimits.CONTENT),
                        contentKind(part.getType()));
                if (!text.isEmpty()) {
                    content.append(content.isEmpty() ? "" : "\n\n").append(text);
                }
            }
            if (content.isEmpty() && element != null && !(entry.getWireEntry() instanceof Entry)) {
                String full = FeedDocument.fullContent(element);
                if (full != null) {
                    content.append(FeedText.paragraphs(FieldLimits.cap(full, FieldLimits.CONTENT), FeedText.Kind.HTML));
                }
            }
            ItemDates.Choice date = date(entry, element);
            String author = author(entry);
            if (author == null && feedAuthor != null && entry.getWireEntry() instanceof Entry) {
                author = personName(FieldLimits.cap(HtmlText.collapse(FieldLimits.cap(feedAuthor, FieldLimits.RAW)),
                        FieldLimits.AUTHOR));
            }
            return new ParsedItem(guid, resolved, repaired(title), repaired(summary),
                    repaired(FieldLimits.cap(content.toString(), FieldLimits.CONTENT)), repaired(author),
                    categories(entry).stream().map(this::repaired).toList(), date.date(), date.source());
        }

        /** Atom's summary by its type; RSS's description is HTML (escaped or not), as RSS 2.0 says. */
        private static String descriptionType(SyndEntry entry, Element element, SyndContent description) {
            if (!(entry.getWireEntry() instanceof Entry)) {
                return "html";
            }
            String declared = element == null ? null : FeedDocument.atomType(element, "summary");
            return declared != null ? declared : description.getType();
        }

        /** The description as one paragraph of text, capped. */
        private String paragraphLine(String value, String type) {
            return value == null ? "" : FieldLimits.cap(HtmlText.collapse(
                    FeedText.paragraphs(FieldLimits.cap(value, FieldLimits.CONTENT), FeedText.kind(type))),
                    FieldLimits.SUMMARY);
        }

        private ItemDates.Choice date(SyndEntry entry, Element element) {
            if (element == null) {
                // the document's items do not line up with Rome's entries: Rome's own reading
                Date date = entry.getWireEntry() instanceof Entry atom && atom.getPublished() != null
                        ? atom.getPublished()
                        : entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
                return new ItemDates.Choice(date == null ? null : date.toInstant(), null, List.of(), List.of());
            }
            ItemDates.Choice choice = ItemDates.of(element);
            choice.unreadable().forEach(label -> unreadableDates.merge(label, 1, Integer::sum));
            impossibleDates += choice.impossible().isEmpty() ? 0 : 1;
            return choice;
        }

        void addWarnings(List<String> warnings) {
            if (impossibleDates > 0) {
                warnings.add(impossibleDates + " item date(s) that do not exist (such as February 30) dropped");
                impossibleDates = 0;
            }
            unreadableDates.forEach((label, count) -> warnings.add(count + " unreadable " + label
                    + " date(s) dropped; the item's next valid date by precedence used where it has one"));
            unreadableDates.clear();
            if (repairs.windows1252 > 0) {
                warnings.add(repairs.windows1252 + " C1 control character(s) read as the windows-1252 characters they stand for");
                repairs.windows1252 = 0;
            }
            if (repairs.doubleEncoded > 0) {
                warnings.add(repairs.doubleEncoded + " double-encoded UTF-8 character(s) (such as â€” for —) repaired");
                repairs.doubleEncoded = 0;
            }
        }
    }

    /** media:title or media:description of the item, of a media:content or a media:group in it. */
    private static String media(Element item, String name) {
        String direct = FeedDocument.childText(item, name, MEDIA);
        if (direct != null && !direct.isBlank()) {
            return direct;
        }
        for (Element child : item.getChildren()) {
            if (FeedDocument.matches(child.getNamespaceURI(), MEDIA)
                    && (child.getName().equals("content") || child.getName().equals("group"))) {
                String nested = media(child, name);
                if (nested != null && !nested.isBlank()) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Content without a type is HTML (RSS content:encoded, Atom content as Rome gives it): it is a page's body. */
    private static FeedText.Kind contentKind(String type) {
        return type == null ? FeedText.Kind.HTML : FeedText.kind(type);
    }

    /** One line of text of a field of this type: the value cut to {@link FieldLimits#RAW} first, the text to {@code max}. */
    private static String text(String value, String type, int max) {
        return FieldLimits.cap(FeedText.line(FieldLimits.cap(value, FieldLimits.RAW), FeedText.kind(type)), max);
    }

    /** The publisher's identifier: RSS guid, RSS 1.0 rdf:about, Atom id (not Rome's uri, which falls back to the link). */
    private static String guid(SyndEntry entry, boolean rdf) {
        Object wire = entry.getWireEntry();
        String guid = null;
        if (wire instanceof Item item) {
            Guid rssGuid = item.getGuid();
            guid = rssGuid != null ? rssGuid.getValue() : rdf ? item.getUri() : null;
        } else if (wire instanceof Entry atom) {
            guid = atom.getId();
        }
        return guid == null || guid.isBlank() ? null : FieldLimits.cap(guid.strip(), FieldLimits.GUID);
    }

    private static String link(SyndEntry entry, String guid, Element element) {
        String link = rawLink(entry, guid, element);
        return link == null || link.length() > FieldLimits.LINK ? null : link;
    }

    private static String rawLink(SyndEntry entry, String guid, Element element) {
        if (element != null && !(entry.getWireEntry() instanceof Entry)) {
            // RSS: the item's own <link>, else an embedded atom:link to the item's page; Rome's link is not used
            // alone because it falls back to other elements
            String own = FeedDocument.childText(element, "link", element.getNamespaceURI());
            if (own != null && !own.isBlank()) {
                return own.strip();
            }
            for (Element child : element.getChildren("link", FeedDocument.ATOM)) {
                String rel = child.getAttributeValue("rel", "alternate").strip();
                String href = child.getAttributeValue("href");
                if (href != null && !href.isBlank() && rel.equals("alternate")) {
                    return href.strip();
                }
            }
        } else if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
                return link.getHref().strip();
            }
        }
        Object wire = entry.getWireEntry();
        boolean permaLink = wire instanceof Item item && item.getGuid() != null && item.getGuid().isPermaLink();
        if (guid != null && (permaLink || wire instanceof Entry) && (guid.startsWith("http://") || guid.startsWith("https://"))) {
            return guid;
        }
        return null;
    }

    /** The author: RSS author or Dublin Core creator (Rome), Atom author, an embedded atom:author, itunes:author. */
    private static String author(SyndEntry entry) {
        String author = entry.getAuthor();
        if ((author == null || author.isBlank()) && !entry.getAuthors().isEmpty()) {
            SyndPerson person = entry.getAuthors().get(0);
            author = person.getName() != null ? person.getName() : person.getEmail();
        }
        if (author == null || author.isBlank()) {
            author = foreign(entry, ATOM, "author").map(a -> a.getChildTextTrim("name", a.getNamespace()))
                    .or(() -> foreign(entry, ITUNES, "author").map(Element::getTextTrim))
                    .or(() -> foreign(entry, DC, "author").map(Element::getTextTrim))
                    .orElse(null);
        }
        if (author == null || author.isBlank()) {
            return null;
        }
        return personName(FieldLimits.cap(HtmlText.line(FieldLimits.cap(author, FieldLimits.RAW)), FieldLimits.AUTHOR));
    }

    /**
     * The name in the forms RSS puts an author in: {@code desk@wire.example (Defence Desk)},
     * {@code Defence Desk <desk@wire.example>} or {@code Defence Desk (desk@wire.example)}; null for an e-mail address
     * alone. A scan from the ends rather than a regular expression: every step is linear in the text.
     */
    static String personName(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        char last = value.charAt(value.length() - 1);
        int open = last == ')' ? value.lastIndexOf('(') : last == '>' ? value.lastIndexOf('<') : -1;
        if (open >= 0) {
            String inside = value.substring(open + 1, value.length() - 1).strip();
            String before = value.substring(0, open).strip();
            if (isEmail(inside) && !before.isEmpty()) {
                return before;
            }
            if (last == ')' && isEmail(before) && !inside.isEmpty()) {
                return inside;
            }
        }
        return isEmail(value) ? null : value;
    }

    /** One word with an {@code @} inside it. */
    private static boolean isEmail(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first element of the item's foreign markup with this name in a namespace (compared loosely). */
    private static Optional<Element> foreign(SyndEntry entry, String namespace, String name) {
        return entry.getForeignMarkup().stream()
                .filter(e -> e.getName().equals(name) && e.getNamespaceURI().strip().equalsIgnoreCase(namespace))
                .findFirst();
    }

    /**
     * Categories: the item's own (Atom's label rather than its term), Dublin Core subjects, embedded atom:category
     * terms and itunes:keywords.
     */
    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.getWireEntry() instanceof Entry atom) {
            for (com.rometools.rome.feed.atom.Category category : atom.getCategories()) {
                names.add(category(category.getLabel() != null ? category.getLabel() : category.getTerm()));
            }
        } else {
            for (SyndCategory category : entry.getCategories()) {
                names.add(category(category.getName()));
            }
        }
        for (Element element : entry.getForeignMarkup()) {
            String namespace = element.getNamespaceURI().strip();
            if (namespace.equals(ATOM) && element.getName().equals("category")) {
                names.add(category(element.getAttributeValue("term")));
            } else if (namespace.equalsIgnoreCase(ITUNES) && element.getName().equals("keywords")) {
                for (String keyword : FieldLimits.cap(element.getTextTrim(), FieldLimits.RAW).split(",")) {
                    names.add(category(keyword));
                }
            }
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                names.add(category(subject.getValue()));
            }
        }
        names.remove("");
        return names.stream().limit(FieldLimits.CATEGORIES).toList();
    }

    private static String category(String markup) {
        return text(markup, null, FieldLimits.CATEGORY);
    }

    /** A base URI with an {@code xml:base} applied. */
    private static URI withBase(URI base, String xmlBase) {
        if (xmlBase == null || xmlBase.isBlank() || xmlBase.length() > FieldLimits.LINK) {
            return base;
        }
        return Urls.resolve(base, xmlBase).flatMap(Urls::parse).orElse(base);
    }

    /** A document cut off before its end (a dropped connection, a full disk): what is left of it up to its last complete item. */
    record Truncation(String text, boolean cut) {

        private static final List<String> ROOT_ENDS = List.of("</rss>", "</feed>", "</rdf:RDF>", "</RDF>");

        static Truncation of(String xml) {
            String stripped = xml.stripTrailing();
            if (ROOT_ENDS.stream().anyMatch(stripped::endsWith)) {
                return new Truncation(xml, false);
            }
            int item = Math.max(xml.lastIndexOf("</item>"), xml.lastIndexOf("</entry>"));
            if (item < 0) {
                return new Truncation(xml, true);
            }
            int end = xml.indexOf('>', item) + 1;
            return new Truncation(xml.substring(0, end), true);
        }
    }

    /**
     * Well-formed XML from whatever jsoup's XML parser makes of the text: tags closed, stray characters escaped, and
     * namespace prefixes that are used but not declared bound on the root element.
     */
    static String forgivingXml(String xml) {
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        document.childNodes().stream().filter(DocumentType.class::isInstance).toList().forEach(org.jsoup.nodes.Node::remove);
        org.jsoup.nodes.Element root = document.children().first();
        if (root == null) {
            return xml;
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (org.jsoup.nodes.Element element : document.getAllElements()) {
            addPrefix(prefixes, element.tagName());
            element.attributes().forEach(attribute -> {
                if (!attribute.getKey().startsWith("xmlns")) {
                    addPrefix(prefixes, attribute.getKey());
                }
            });
        }
        for (String prefix : prefixes) {
            if (!prefix.equals("xml") && !declared(root, prefix)) {
                root.attr("xmlns:" + prefix, KNOWN_NAMESPACES.getOrDefault(prefix, "urn:undeclared:" + prefix));
            }
        }
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false)
                .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml).charset("UTF-8");
        return root.outerHtml();
    }

    private static void addPrefix(Set<String> prefixes, String name) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            prefixes.add(name.substring(0, colon));
        }
    }

    private static boolean declared(org.jsoup.nodes.Element root, String prefix) {
        for (org.jsoup.nodes.Element element : root.getAllElements()) {
            if (element.hasAttr("xmlns:" + prefix)) {
                return true;
            }
        }
        return false;
    }

    /** An HTML page instead of a feed is a common mistake: say so, and point at the feed the page links to. */
    private static void rejectHtml(String text, URI base) throws FeedParseException {
        String root = rootName(text).toLowerCase(Locale.ROOT);
        if (!root.equals("html")) {
            return;
        }
        Document page = Jsoup.parse(text, base == null ? "" : base.toString());
        org.jsoup.nodes.Element alternate = page.selectFirst(Css.of("link[rel=alternate][type~=(?i)application/(rss|atom)\\+xml][href]"));
        throw new FeedParseException("not a feed but an HTML page" + (alternate == null ? ""
                : "; it links to a feed at " + alternate.absUrl("href")));
    }

    private static String rootName(String xml) {
        Matcher matcher = ROOT_NAME.matcher(xml);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
