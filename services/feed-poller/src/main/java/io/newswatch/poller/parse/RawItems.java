package io.newswatch.poller.parse;

import org.jdom2.Element;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A feed's items as its text writes them, found without reading the text as XML: where each RSS 2.0 item, Atom
 * entry and RSS 1.0 item starts and ends in the text the XML reader is given (after {@link TextDecoding} and
 * {@link XmlRepair}), and a hash of each ({@link #hashes}), so that the items a caller already holds can be cut out
 * of the text before the XML read ({@link #without}).
 *
 * <p>One forward scan, linear in the text whatever it holds: text runs, CDATA sections, comments and processing
 * instructions are skipped by searching for their end (never searched again), each tag's characters are looked at
 * once, and no regular expression is used. It takes what {@code FeedDocument.items()} takes: a root {@code rss}'s
 * first {@code channel}'s {@code item} children, a root {@code feed}'s {@code entry} children, a root {@code RDF}'s
 * {@code item} children, by local name with any prefix. Whenever the text is not what it expects (another root, a
 * document type or other declaration, a tag it cannot read, an end tag that does not close the open element, text
 * outside the root, an unclosed CDATA section, comment, instruction, quote or element), {@link #scan} gives null and
 * the whole document is read. What it finds is checked against the XML read ({@link #linesUp}, {@link Kind#fits}).
 *
 * <p>An item's hash holds its text and the text its reading depends on outside it, which is what an element's tree
 * depends on (the namespaces and attributes of the elements it is in: the root's and RSS channels' start tags) and
 * what {@link ItemHash} holds besides: the caller's context, the document's address, and an Atom feed's own elements
 * but its times ({@code updated}, {@code modified}); Rome's choice of format and the feed's base follow from the
 * root's start tag. Two items with the same hash are therefore read into the same element, the same
 * {@link ItemHash} and the same item. SHA-256, 128 bits, as the item ledger's other keys.
 */
final class RawItems {

    /** The version of this hash: raise it with any change of what it holds (and with {@link ItemHash#VERSION}). */
    static final int VERSION = 1;

    /** The three shapes of feed whose items are found. */
    enum Kind {
        RSS, ATOM, RDF;

        /** Whether Rome's format of the document is this shape's, as the item elements found assume. */
        boolean fits(String format) {
            if (format == null) {
                return false;
            }
            boolean rdf = format.equals("rss_1.0") || format.equals("rss_0.9");
            return switch (this) {
                case RSS -> format.startsWith("rss_") && !rdf;
                case RDF -> rdf;
                case ATOM -> format.startsWith("atom_");
            };
        }
    }

    private static final int ITEM = 1;
    private static final int ITEMS_PARENT = 2;
    private static final int CONTEXT = 3;

    private final String xml;
    private final Kind kind;
    /** Per item: start, end (exclusive) of its element; start and end of its qualified name. */
    private final int[] items;
    private final int count;
    /** Start and end of each piece of text the items' reading depends on, in document order. */
    private final int[] context;
    private final int contextCount;

    private RawItems(String xml, Kind kind, int[] items, int count, int[] context, int contextCount) {
        this.xml = xml;
        this.kind = kind;
        this.items = items;
        this.count = count;
        this.context = context;
        this.contextCount = contextCount;
    }

    Kind kind() {
        return kind;
    }

    /** The number of items found. */
    int count() {
        return count;
    }

    /** The text of item {@code i}'s element (tests). */
    String text(int i) {
        return xml.substring(items[4 * i], items[4 * i + 1]);
    }

    /**
     * The items of the text the XML reader is given, or null when the text is not a feed of a shape it knows or is
     * not what it expects (see above): the whole document is then read.
     */
    static RawItems scan(String xml) {
        int n = xml.length();
        Kind kind = null;
        // the open elements: for each, where its tag starts, its name, its role
        int[] open = new int[4 * 16];
        int depth = 0;
        boolean rootDone = false;
        boolean itemsParentSeen = false;
        int[] items = new int[4 * 32];
        int count = 0;
        int[] context = new int[16];
        int contextCount = 0;
        int i = 0;
        while (true) {
            int lt = xml.indexOf('<', i);
            if (depth == 0 && !blank(xml, i, lt < 0 ? n : lt)) {
                return null; // text outside the root
            }
            if (lt < 0) {
                break;
            }
            char next = lt + 1 < n ? xml.charAt(lt + 1) : 0;
            if (next == '/' && depth > 0) {
                // an end tag: the open element's name, then space or the tag's end
                int top = 4 * (depth - 1);
                int openLength = open[top + 2] - open[top + 1];
                int gt = skipSpace(xml, lt + 2 + openLength);
                if (!xml.regionMatches(lt + 2, xml, open[top + 1], openLength) || gt >= n || xml.charAt(gt) != '>') {
                    return null; // not the open element's end tag
                }
                depth--;
                int role = open[top + 3];
                if (role == ITEM) {
                    items = add(items, count++, open[top], gt + 1, open[top + 1], open[top + 2]);
                } else if (role == CONTEXT) {
                    context = add(context, contextCount++, open[top], gt + 1);
                }
                rootDone = depth == 0;
                i = gt + 1;
                continue;
            }
            if (next == '!' && xml.startsWith("<![CDATA[", lt)) {
                int end = xml.indexOf("]]>", lt + 9);
                if (end < 0 || depth == 0) {
                    return null;
                }
                i = end + 3;
                continue;
            }
            if (next == '!' && xml.startsWith("<!--", lt)) {
                int end = xml.indexOf("-->", lt + 4);
                if (end < 0) {
                    return null;
                }
                i = end + 3;
                continue;
            }
            if (next == '?') {
                int end = xml.indexOf("?>", lt + 2);
                if (end < 0) {
                    return null;
                }
                i = end + 2;
                continue;
            }
            if (next == '/' || next == '!') {
                return null; // an end tag outside the root, or a declaration: the XML reader decides
            }
            int nameStart = lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < n && !endsName(xml.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart || nameEnd >= n) {
                return null; // no name, or the end of the text
            }
            int gt = tagEnd(xml, nameEnd);
            if (gt < 0 || rootDone) {
                return null; // an unreadable tag, or a second root
            }
            boolean empty = xml.charAt(gt - 1) == '/';
            int role = 0;
            if (depth == 0) {
                kind = kindOf(xml, nameStart, nameEnd);
                if (kind == null || empty) {
                    return null;
                }
                context = add(context, contextCount++, lt, gt + 1);
            } else if (depth == 1) {
                boolean channel = isLocal(xml, nameStart, nameEnd, "channel");
                if (kind == Kind.ATOM) {
                    role = isLocal(xml, nameStart, nameEnd, "entry") ? ITEM
                            : isLocal(xml, nameStart, nameEnd, "updated") || isLocal(xml, nameStart, nameEnd, "modified")
                            ? 0 : CONTEXT;
                } else if (channel) {
                    // every channel's start tag, as ItemHash holds every channel's namespaces and attributes
                    context = add(context, contextCount++, lt, gt + 1);
                    role = kind == Kind.RSS && !itemsParentSeen ? ITEMS_PARENT : 0;
                    itemsParentSeen |= role == ITEMS_PARENT;
                } else if (kind == Kind.RDF && isLocal(xml, nameStart, nameEnd, "item")) {
                    role = ITEM;
                }
            } else if (depth == 2 && open[4 + 3] == ITEMS_PARENT && isLocal(xml, nameStart, nameEnd, "item")) {
                role = ITEM;
            }
            if (empty) {
                if (role == ITEM) {
                    items = add(items, count++, lt, gt + 1, nameStart, nameEnd);
                } else if (role == CONTEXT) {
                    context = add(context, contextCount++, lt, gt + 1);
                }
            } else {
                open = add(open, depth++, lt, nameStart, nameEnd, role);
            }
            i = gt + 1;
        }
        return depth == 0 && rootDone ? new RawItems(xml, kind, items, count, context, contextCount) : null;
    }

    /**
     * Each item's hash (see above), up to {@code max} items; null for an item whose text holds a lone surrogate
     * (which UTF-8 cannot tell from {@code ?}): it is read.
     *
     * @param caller the caller's context ({@link KnownItems#context()})
     * @param base   the document's address, or null
     */
    String[] hashes(String caller, String base, int max) {
        String[] hashes = new String[Math.min(max, count)];
        byte[] all = xml.getBytes(StandardCharsets.UTF_8);
        // ASCII text: one byte per character, and no lone surrogate (which UTF-8 writes as one '?')
        boolean ascii = all.length == xml.length()
                && new String(all, StandardCharsets.ISO_8859_1).equals(xml);
        MessageDigest head = sha256();
        update(head, ("raw " + VERSION + " " + ItemHash.VERSION + " " + kind).getBytes(StandardCharsets.UTF_8));
        update(head, caller == null ? new byte[] {'!'} : caller.getBytes(StandardCharsets.UTF_8));
        update(head, base == null ? new byte[] {'!'} : base.getBytes(StandardCharsets.UTF_8));
        for (int c = 0; c < contextCount; c++) {
            byte[] piece = bytes(all, ascii, context[2 * c], context[2 * c + 1]);
            if (piece == null) {
                return hashes; // a lone surrogate in what every item depends on: none is hashed
            }
            update(head, piece);
        }
        for (int i = 0; i < hashes.length; i++) {
            int start = items[4 * i];
            int end = items[4 * i + 1];
            MessageDigest item = copy(head);
            if (ascii) {
                item.update(all, start, end - start);
            } else {
                byte[] text = bytes(all, false, start, end);
                if (text == null) {
                    continue;
                }
                item.update(text);
            }
            hashes[i] = HexFormat.of().formatHex(item.digest(), 0, 16);
        }
        return hashes;
    }

    /** The text with the items marked in {@code cut} (by index, up to its length) left out. */
    String without(boolean[] cut) {
        StringBuilder text = new StringBuilder(xml.length());
        int from = 0;
        for (int i = 0; i < cut.length; i++) {
            if (cut[i]) {
                text.append(xml, from, items[4 * i]);
                from = items[4 * i + 1];
            }
        }
        return text.append(xml, from, xml.length()).toString();
    }

    /**
     * Whether the item elements an XML read of {@link #without}{@code (cut)} gave are the items found and not cut, in
     * order, each with the qualified name its text starts with.
     */
    boolean linesUp(List<Element> elements, boolean[] cut) {
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (i < cut.length && cut[i]) {
                continue;
            }
            if (next >= elements.size()) {
                return false;
            }
            String name = elements.get(next++).getQualifiedName();
            int start = items[4 * i + 2];
            int length = items[4 * i + 3] - start;
            if (name.length() != length || !xml.regionMatches(start, name, 0, length)) {
                return false;
            }
        }
        return next == elements.size();
    }

    private static Kind kindOf(String xml, int nameStart, int nameEnd) {
        return isLocal(xml, nameStart, nameEnd, "rss") ? Kind.RSS : isLocal(xml, nameStart, nameEnd, "feed") ? Kind.ATOM
                : isLocal(xml, nameStart, nameEnd, "RDF") ? Kind.RDF : null;
    }

    /** Whether the qualified name at [start, end) has this local name (with a prefix or without). */
    private static boolean isLocal(String xml, int start, int end, String local) {
        int from = end - local.length();
        return from >= start && xml.regionMatches(from, local, 0, local.length())
                && (from == start || (xml.charAt(from - 1) == ':' && xml.indexOf(':', start) == from - 1));
    }

    /** Characters that end a tag's name (whitespace and control characters, the tag's end, what cannot be in a name). */
    private static boolean endsName(char c) {
        return c <= ' ' || c == '>' || c == '/' || c == '<' || c == '"' || c == '\'' || c == '=';
    }

    private static int skipSpace(String xml, int from) {
        int i = from;
        while (i < xml.length() && (xml.charAt(i) == ' ' || xml.charAt(i) == '\t' || xml.charAt(i) == '\n'
                || xml.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /**
     * The index of the {@code >} ending a start tag whose name ends at {@code from}, its attribute values read
     * quote to quote; -1 when a {@code <} comes first (in a value or not), a {@code /} is not right before the
     * {@code >}, or the text ends.
     */
    private static int tagEnd(String xml, int from) {
        int n = xml.length();
        for (int i = from; i < n; i++) {
            char c = xml.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '<') {
                return -1;
            }
            if (c == '/') {
                return i + 1 < n && xml.charAt(i + 1) == '>' ? i + 1 : -1;
            }
            if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < n && xml.charAt(close) != c) {
                    if (xml.charAt(close) == '<') {
                        return -1;
                    }
                    close++;
                }
                if (close >= n) {
                    return -1;
                }
                i = close;
            }
        }
        return -1;
    }

    private static boolean blank(String xml, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = xml.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The UTF-8 of [start, end), or null when it holds a lone surrogate; from the whole text's UTF-8 when that is
     * ASCII (one byte per character).
     */
    private byte[] bytes(byte[] all, boolean ascii, int start, int end) {
        if (ascii) {
            return Arrays.copyOfRange(all, start, end);
        }
        for (int i = start; i < end; i++) {
            char c = xml.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(xml.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return null;
            }
        }
        return xml.substring(start, end).getBytes(StandardCharsets.UTF_8);
    }

    /** A field of the hash: its length first, so that no two sequences of fields give the same bytes. */
    private static void update(MessageDigest digest, byte[] field) {
        digest.update((field.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(field);
    }

    private static int[] add(int[] array, int index, int... values) {
        int[] into = array.length < (index + 1) * values.length ? Arrays.copyOf(array, array.length * 2) : array;
        System.arraycopy(values, 0, into, index * values.length, values.length);
        return into;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
