package io.newswatch.poller.parse;

import org.jdom2.Attribute;
import org.jdom2.CDATA;
import org.jdom2.Comment;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.EntityRef;
import org.jdom2.Namespace;
import org.jdom2.ProcessingInstruction;
import org.jdom2.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A hash of one item's element, as the XML tree holds it (names and namespace URIs, attributes, text and CDATA,
 * comments and instructions, in document order), together with everything else its reading depends on: the
 * document's address, its format, the feed's base and author as {@link FeedParser} reads them, the root's (and
 * RSS's channel's) attributes and namespaces, an Atom feed's own elements but its time ({@code updated},
 * {@code modified}: Rome resolves an entry's links against the feed's {@code self} link and {@code xml:base}), the
 * reading's version and the caller's {@link KnownItems#context()}. Not the other items, nor an RSS channel's
 * elements (Rome reads an RSS item from its element alone; {@code lastBuildDate} changes at every new item), so
 * that an item keeps its hash while the feed around it changes. Two elements with the same hash read into the
 * same {@link ParsedItem}. 128 bits of SHA-256, as the item ledger's other keys.
 *
 * <p>{@link FeedParser} hashes the elements before Rome's build (to leave the known ones out of it), with the
 * format, base and author Rome's build will give, and falls back to hashing after a build of every item when the
 * built feed says otherwise. The tree is the same before and after the build but in one place: Rome moves the
 * Atom-namespaced children of an Atom XHTML (or XML) text element out of the namespace while it reads them, which
 * is also what makes the two read alike; so both hashes of such an element are safe, and an item recorded with the
 * one is read again (not published again) where a poll computes the other.
 *
 * <p>{@link #VERSION} is to be raised whenever what {@link FeedParser} reads from an item changes, so that items
 * recorded by an older reading are read again (and published again as a new revision when their text changed).
 */
final class ItemHash {

    /** The version of the item reading: raise it with every change of what an item is read into. */
    static final int VERSION = 1;

    private final String context;

    private ItemHash(String context) {
        this.context = context;
    }

    /** An Atom feed's elements that change with its items, not read into them. */
    private static final Set<String> FEED_TIMES = Set.of("updated", "modified");

    /**
     * The hashing of a document's items: what they depend on outside their elements hashed once.
     *
     * @param caller   the caller's context ({@link KnownItems#context()})
     * @param base     the document's address, or null
     * @param format   Rome's name of the document's format
     * @param feedBase the base the items' links resolve against, as the parser reads it
     * @param author   the feed's own author, which its Atom entries inherit, or null
     * @param items    the document's item elements
     */
    static ItemHash of(String caller, String base, String format, String feedBase, String author, Element root,
                       List<Element> items) {
        Set<Element> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        skipped.addAll(items);
        StringBuilder text = new StringBuilder(1024).append(VERSION).append('V');
        field(text, caller);
        field(text, base);
        field(text, format);
        field(text, feedBase);
        field(text, author);
        shallow(text, root);
        boolean atom = format != null && format.startsWith("atom");
        for (Element child : root.getChildren()) {
            if (skipped.contains(child)) {
                continue;
            }
            if (atom && !FEED_TIMES.contains(child.getName())) {
                append(text, child);
            } else if (!atom && child.getName().equals("channel")) {
                shallow(text, child);
            }
        }
        return new ItemHash(sha256(text));
    }

    /** An element's name, namespaces and attributes, without its content. */
    private static void shallow(StringBuilder text, Element element) {
        field(field(text.append('S'), element.getNamespaceURI()), element.getName());
        for (Namespace namespace : element.getAdditionalNamespaces()) {
            field(field(text.append('N'), namespace.getPrefix()), namespace.getURI());
        }
        if (element.hasAttributes()) {
            for (Attribute attribute : element.getAttributes()) {
                field(field(field(text.append('A'), attribute.getNamespaceURI()), attribute.getName()),
                        attribute.getValue());
            }
        }
    }

    /** The hash of one of the document's items. */
    String item(Element element) {
        StringBuilder text = new StringBuilder(2048).append(context);
        append(text, element);
        return sha256(text);
    }

    private static void append(StringBuilder text, Element element) {
        shallow(text.append('E'), element);
        for (Content content : element.getContent()) {
            switch (content) {
                case Element child -> append(text, child);
                case CDATA cdata -> field(text.append('C'), cdata.getText());
                case Text plain -> field(text.append('T'), plain.getText());
                case Comment comment -> field(text.append('M'), comment.getText());
                case ProcessingInstruction pi -> field(field(text.append('P'), pi.getTarget()), pi.getData());
                case EntityRef ref -> field(text.append('R'), ref.getName());
                default -> field(field(text.append('?'), content.getClass().getName()), content.getValue());
            }
        }
        text.append('e');
    }

    /** A string, its length first: no two sequences of fields give the same text. */
    private static StringBuilder field(StringBuilder text, String value) {
        String v = value == null ? "" : value;
        return text.append(v.length()).append(value == null ? '!' : ':').append(v);
    }

    private static String sha256(CharSequence text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
