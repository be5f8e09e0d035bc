package io.newswatch.poller.parse;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The feed as an XML tree, read with Rome's own secure parser settings and corrected where feeds in the field
 * differ from what Rome expects, before Rome maps it:
 * <ul>
 *   <li>an Atom {@code <feed>} without its namespace is read as Atom 1.0;</li>
 *   <li>base64 Atom text (a binary MIME type or Atom 0.3's {@code mode="base64"}) is decoded, whitespace around
 *   and inside it tolerated;</li>
 *   <li>markup inside an RSS title or description or an HTML-typed Atom element (elements rather than escaped
 *   text) is kept as HTML, not dropped;</li>
 *   <li>an {@code <rss>} without a {@code <channel>} is refused with a message saying so.</li>
 * </ul>
 * It also gives the item elements in Rome's order, so that what Rome does not read (every date element, media
 * titles) can be read from them.
 */
final class FeedDocument {

    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final Set<String> ATOM_TEXT = Set.of("title", "subtitle", "tagline", "summary", "content",
            "rights", "copyright", "info");
    private static final Set<String> RSS_TEXT = Set.of("title", "description");
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final XMLOutputter XHTML_MARKUP = new XMLOutputter(Format.getRawFormat().setOmitDeclaration(true)
            .setExpandEmptyElements(true));
    private static final XMLOutputter MARKUP = new XMLOutputter(Format.getRawFormat().setOmitDeclaration(true));

    private final Document document;
    /** The elements {@link #correct} changed and the elements they are in; null when none. */
    private Set<Element> corrected;

    private FeedDocument(Document document) {
        this.document = document;
    }

    /**
     * Rome's XML reader, with doctypes refused and no healer: the text is already repaired by {@link XmlRepair}.
     * Its SAX builder (Rome's, with Rome's secure features) is made once per thread and reused, as JDOM reuses its
     * parser: Rome makes one per document, and with it two Xerces parsers (one to try the features on), about a
     * third of the XML read of a 30-item feed. A builder is replaced after {@link #RENEW_AFTER} characters, since its
     * parser keeps a table of the names it has read (a feed making up new names at every poll would grow it).
     */
    private static final class Reader extends WireFeedInput {

        private static final long RENEW_AFTER = 16L << 20;
        private static final ThreadLocal<Reader> READER = new ThreadLocal<>();

        private final SAXBuilder builder;
        private long read;

        private Reader() {
            setXmlHealerOn(false);
            setAllowDoctypes(false);
            builder = createSAXBuilder();
        }

        static Document read(String xml) throws FeedException {
            Reader reader = READER.get();
            if (reader == null || reader.read > RENEW_AFTER) {
                reader = new Reader();
                READER.set(reader);
            }
            reader.read += xml.length();
            try {
                return reader.builder.build(new StringReader(xml));
            } catch (JDOMException | IOException e) {
                throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @throws FeedException      when the text is not well-formed XML
     * @throws FeedParseException when it is XML but cannot be a feed (an RSS document without a channel)
     */
    static FeedDocument read(String xml, List<String> warnings) throws FeedException, FeedParseException {
        Document document = Reader.read(xml);
        FeedDocument feed = new FeedDocument(document);
        feed.correct(warnings);
        return feed;
    }

    Document document() {
        return document;
    }

    private void correct(List<String> warnings) throws FeedParseException {
        Element root = document.getRootElement();
        String name = root.getName().toLowerCase(Locale.ROOT);
        if (name.equals("rss") && root.getChildren().stream().noneMatch(c -> c.getName().equalsIgnoreCase("channel"))) {
            throw new FeedParseException("an <rss> document without a <channel> element: there is no feed in it");
        }
        if (root.getName().equals("feed") && root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
            intoAtom(root, Namespace.NO_NAMESPACE, ATOM);
            warnings.add("an Atom <feed> without the Atom namespace; read as Atom 1.0");
        } else if (root.getName().equals("feed") && !root.getNamespaceURI().equals(ATOM.getURI())
                && !root.getNamespaceURI().equals(ATOM_03)) {
            // the drafts before Atom had names and namespaces of their own (Echo, Necho, Pie...)
            String unknown = root.getNamespaceURI();
            boolean v03 = "0.3".equals(root.getAttributeValue("version"));
            intoAtom(root, root.getNamespace(), v03 ? Namespace.getNamespace(ATOM_03) : ATOM);
            warnings.add("a <feed> in the namespace " + FieldLimits.cap(unknown, 100) + ", not Atom's; read as Atom "
                    + (v03 ? "0.3" : "1.0"));
        }
        int base64 = 0;
        int markup = 0;
        for (Element element : descendants(root)) {
            String ns = element.getNamespaceURI();
            if ((ns.equals(ATOM.getURI()) || ns.equals(ATOM_03)) && ATOM_TEXT.contains(element.getName())) {
                if (decodeBase64(element)) {
                    base64++;
                    noteCorrected(element);
                }
                if (ns.equals(ATOM_03) && element.getAttribute("mode") == null && element.getChildren().isEmpty()) {
                    // Atom 0.3's default mode is xml, which Rome serializes: plain text would come out escaped
                    element.setAttribute("mode", "escaped");
                }
                if (ns.equals(ATOM.getURI()) && "html".equals(element.getAttributeValue("type"))
                        && !element.getChildren().isEmpty()) {
                    // HTML written as elements rather than escaped: Rome would read only the text between them
                    element.setContent(new Text(MARKUP.outputString(element.getContent())));
                    markup++;
                    noteCorrected(element);
                }
            } else if (ns.isEmpty() && RSS_TEXT.contains(element.getName()) && !element.getChildren().isEmpty()
                    && !name.equals("feed")) {
                element.setContent(new Text(MARKUP.outputString(element.getContent())));
                markup++;
                noteCorrected(element);
            }
        }
        if (base64 > 0) {
            warnings.add(base64 + " base64-encoded Atom text element(s) decoded");
        }
        if (markup > 0) {
            warnings.add(markup + " title(s), description(s) or content with unescaped markup read as HTML");
        }
    }

    private void noteCorrected(Element element) {
        if (corrected == null) {
            corrected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        }
        for (Element e = element; e != null && corrected.add(e); e = e.getParentElement()) {
            // the element and every element it is in
        }
    }

    /**
     * Whether the read corrected the element or an element in it (each such correction is counted in a warning of
     * the whole document: an item cut out of the text before the read would change the count).
     */
    boolean corrected(Element element) {
        return corrected != null && corrected.contains(element);
    }

    /**
     * The full text of an RSS item written in an element of its own rather than {@code content:encoded}: an XHTML
     * {@code body} (in the XHTML namespace or none; its markup, or its text when it holds escaped HTML), else a
     * {@code fullitem} (escaped HTML); null when the item has neither.
     */
    static String fullContent(Element item) {
        String fullItem = null;
        for (Element child : item.getChildren()) {
            String ns = child.getNamespaceURI();
            if (child.getName().equals("body") && (ns.isEmpty() || ns.equals(XHTML))) {
                return child.getChildren().isEmpty() ? child.getText() : xhtmlAsHtml(child);
            }
            if (fullItem == null && child.getName().equals("fullitem") && ns.isEmpty()) {
                fullItem = child.getText();
            }
        }
        return fullItem;
    }

    /**
     * The content of an XHTML element as HTML an HTML parser reads as the author meant: no namespace prefixes
     * ({@code xhtml:p} is no paragraph to it) and no self-closed elements ({@code <iframe/>} would swallow the rest).
     */
    private static String xhtmlAsHtml(Element element) {
        Element copy = element.clone();
        for (Element descendant : descendants(copy)) {
            descendant.setNamespace(Namespace.NO_NAMESPACE);
            List.copyOf(descendant.getAdditionalNamespaces()).forEach(descendant::removeNamespaceDeclaration);
        }
        return XHTML_MARKUP.outputString(copy.getContent());
    }

    /** Every element in the namespace {@code from} under (and including) the root moves into Atom's. */
    private static void intoAtom(Element root, Namespace from, Namespace atom) {
        for (Element element : descendants(root)) {
            if (element.getNamespaceURI().equals(from.getURI())) {
                element.setNamespace(atom);
            }
        }
    }

    /**
     * Decodes the element's text in place when it is base64 (mode="base64", or a MIME type that is neither text nor
     * XML). The decoded text is typed as plain text, except under Atom 0.3's {@code text/html}.
     */
    private static boolean decodeBase64(Element element) {
        String type = element.getAttributeValue("type", "").strip().toLowerCase(Locale.ROOT);
        String mode = element.getAttributeValue("mode", "").strip().toLowerCase(Locale.ROOT);
        boolean binaryType = type.contains("/") && !type.startsWith("text/") && !type.endsWith("+xml")
                && !type.endsWith("/xml") && !type.equals("application/xhtml+xml");
        if (!mode.equals("base64") && !binaryType) {
            return false;
        }
        if (!element.getChildren().isEmpty()) {
            return false;
        }
        StringBuilder compact = new StringBuilder();
        String text = element.getText();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                compact.append(text.charAt(i));
            }
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(compact.toString());
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            element.setText(decoded);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false; // not text in base64: Rome's reading stands
        }
        element.removeAttribute("mode");
        Attribute typeAttribute = element.getAttribute("type");
        boolean html = type.equals("text/html") || type.equals("html");
        if (!html) {
            if (typeAttribute != null) {
                typeAttribute.setValue("text");
            }
        }
        if (element.getNamespaceURI().equals(ATOM_03)) {
            element.setAttribute("mode", "escaped"); // Atom 0.3's default mode (xml) would escape the decoded text
        }
        return true;
    }

    /**
     * The item elements in the order Rome reads them: Atom's entries, RSS 2.0's channel items, RSS 1.0's items
     * beside the channel.
     */
    List<Element> items() {
        Element root = document.getRootElement();
        String name = root.getName();
        List<Element> items = new ArrayList<>();
        if (name.equals("feed")) {
            root.getChildren().stream().filter(e -> e.getName().equals("entry")).forEach(items::add);
        } else if (name.equals("rss")) {
            root.getChildren().stream().filter(e -> e.getName().equals("channel")).findFirst()
                    .ifPresent(channel -> channel.getChildren().stream().filter(e -> e.getName().equals("item"))
                            .forEach(items::add));
        } else {
            root.getChildren().stream().filter(e -> e.getName().equals("item")).forEach(items::add);
        }
        return items;
    }

    /** The element and all elements under it, in document order; iterative, so depth cannot overflow the stack. */
    static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        List<Element> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Element element = stack.removeLast();
            all.add(element);
            List<Element> children = element.getChildren();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
        return all;
    }

    /**
     * The declared type of an Atom text element of {@code parent} ({@code html}, {@code text/html}...), with Atom's
     * defaults ({@code text}, Atom 0.3's {@code text/plain}); null when the parent is not an Atom element or has no
     * such child.
     */
    static String atomType(Element parent, String name) {
        String ns = parent.getNamespaceURI();
        if (!ns.equals(ATOM.getURI()) && !ns.equals(ATOM_03)) {
            return null;
        }
        Element child = parent.getChild(name, parent.getNamespace());
        if (child == null) {
            return null;
        }
        return child.getAttributeValue("type", ns.equals(ATOM_03) ? "text/plain" : "text");
    }

    /** Text of the first child element with this local name in one of these namespace URIs, or null. */
    static String childText(Element parent, String name, String... namespaces) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name) && matches(child.getNamespaceURI(), namespaces)) {
                return child.getText();
            }
        }
        return null;
    }

    static boolean matches(String namespace, String... namespaces) {
        String ns = namespace.strip();
        for (String candidate : namespaces) {
            if (candidate.equalsIgnoreCase(ns)) {
                return true;
            }
        }
        return false;
    }
}
