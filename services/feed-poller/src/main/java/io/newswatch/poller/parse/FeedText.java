package io.newswatch.poller.parse;

import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text of a feed field by its type: only HTML-typed text is parsed as HTML, so a plain-text title such as
 * {@code History of the <blink> tag} keeps its angle brackets. Atom says which type a field is; RSS does not, and
 * its fields are read as HTML only when they look like it: a tag of a known HTML element or an entity reference
 * (as the reference feed readers guess).
 */
final class FeedText {

    /** How a field's text is to be read. */
    enum Kind {
        /** Plain text: kept as written, whitespace collapsed. */
        TEXT,
        /** HTML (or XHTML): markup removed, entities decoded. */
        HTML,
        /** Untyped (RSS): HTML when it looks like HTML. */
        GUESS
    }

    /** HTML elements whose tags make untyped text HTML; unknown or obsolete names (blink, example) do not. */
    private static final Set<String> HTML_ELEMENTS = Set.of("a", "abbr", "b", "big", "blockquote", "br", "center",
            "cite", "code", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3",
            "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "li", "mark", "ol", "p", "picture", "pre", "q", "s",
            "script", "small", "source", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody", "td",
            "th", "thead", "time", "tr", "tt", "u", "ul", "video", "audio", "section", "article", "header", "footer",
            "nav", "aside", "main", "embed", "object", "param", "map", "area");
    private static final int LONGEST_NAME = 32;

    private FeedText() {
    }

    /** The kind a field's declared type means: Atom's {@code text}, {@code html}, {@code xhtml} or a MIME type. */
    static Kind kind(String type) {
        if (type == null || type.isBlank()) {
            return Kind.GUESS;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("html") || t.equals("xhtml") || t.equals("text/html") || t.equals("application/xhtml+xml")
                || t.equals("escaped") ? Kind.HTML : Kind.TEXT;
    }

    /** One line of text. */
    static String line(String value, Kind kind) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return isHtml(value, kind) ? HtmlText.line(value) : HtmlText.collapse(value);
    }

    /** Paragraphs separated by blank lines. */
    static String paragraphs(String value, Kind kind) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (isHtml(value, kind)) {
            return HtmlText.paragraphs(value);
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int blankLines = 0;
        for (String line : value.split("\n", -1)) {
            if (line.isBlank()) {
                blankLines++;
                continue;
            }
            if (blankLines > 0 && !current.isEmpty()) {
                addParagraph(paragraphs, current);
            }
            blankLines = 0;
            current.append(line).append(' ');
        }
        addParagraph(paragraphs, current);
        return String.join("\n\n", paragraphs);
    }

    private static void addParagraph(List<String> paragraphs, StringBuilder current) {
        String text = HtmlText.collapse(current.toString());
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        current.setLength(0);
    }

    private static boolean isHtml(String value, Kind kind) {
        return kind == Kind.HTML || (kind == Kind.GUESS && looksLikeHtml(value));
    }

    /** A tag of a known HTML element, or an entity or character reference. One forward scan. */
    static boolean looksLikeHtml(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' && knownTagAt(text, i)) {
                return true;
            }
            if (c == '&' && referenceAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean knownTagAt(String text, int lt) {
        int i = lt + 1;
        if (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < text.length() && i - start <= LONGEST_NAME && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        if (i == start || i >= text.length()) {
            return false;
        }
        char after = text.charAt(i);
        return (after == '>' || after == '/' || Character.isWhitespace(after))
                && HTML_ELEMENTS.contains(text.substring(start, i).toLowerCase(Locale.ROOT));
    }

    private static boolean referenceAt(String text, int amp) {
        int i = amp + 1;
        int limit = Math.min(text.length(), amp + 2 + LONGEST_NAME);
        if (i < limit && text.charAt(i) == '#') {
            i++;
            boolean hex = i < limit && (text.charAt(i) == 'x' || text.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digits = i;
            while (i < limit && (hex ? Character.digit(text.charAt(i), 16) >= 0 : Character.isDigit(text.charAt(i)))) {
                i++;
            }
            return i > digits && i < limit && text.charAt(i) == ';';
        }
        int start = i;
        while (i < limit && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i < limit && text.charAt(i) == ';' && Entities.isNamedEntity(text.substring(start, i));
    }
}
