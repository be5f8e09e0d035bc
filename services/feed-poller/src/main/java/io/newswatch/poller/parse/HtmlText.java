package io.newswatch.poller.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Plain text from HTML: one line for titles, paragraphs separated by blank lines for bodies. */
public final class HtmlText {

    /** Elements that end a paragraph. */
    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer", "aside",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "figure",
            "figcaption", "table", "tr", "td", "th", "hr", "address", "details", "summary", "form", "nav");

    /** Longer cells are paragraphs. */
    private static final int DATA_CELL_CHARS = 200;

    private HtmlText() {
    }

    /**
     * One line of text: markup removed, entities decoded, whitespace collapsed. Text without markup is only
     * decoded and collapsed.
     */
    public static String line(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        return collapse(Jsoup.parseBodyFragment(html).body().text());
    }

    /** Paragraphs of an HTML fragment, separated by blank lines. */
    public static String paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return String.join("\n\n", paragraphList(Jsoup.parseBodyFragment(html).body()));
    }

    /**
     * A paragraph and how much of it is link text.
     *
     * @param text        the paragraph, whitespace collapsed
     * @param linkedChars characters of it inside links
     * @param tableRow    whether it is a row of a data table (cells without blocks in them, one line per row)
     */
    public record Block(String text, int linkedChars, boolean tableRow) {

        /** Share of the paragraph that is link text, 0 to 1. */
        public double linkDensity() {
            return text.isEmpty() ? 0 : Math.min(1.0, (double) linkedChars / text.length());
        }
    }

    /** The paragraphs under an element: block elements and double line breaks end one. */
    public static List<String> paragraphList(Element root) {
        return blocks(root).stream().map(Block::text).toList();
    }

    /**
     * The paragraphs under an element with their link text: block elements and double line breaks end one; a
     * table row whose cells hold no blocks is one paragraph, its cells separated by spaces.
     */
    public static List<Block> blocks(Element root) {
        List<Block> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] linked = new int[1];
        int[] linkDepth = new int[1];
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                    if (linkDepth[0] > 0) {
                        linked[0] += collapsedLength(text.getWholeText());
                    }
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("a")) {
                        linkDepth[0]++;
                    }
                    if (tag.equals("br")) {
                        Node previous = element.previousSibling();
                        while (previous instanceof TextNode blank && blank.isBlank()) {
                            previous = previous.previousSibling();
                        }
                        if (previous instanceof Element p && p.normalName().equals("br")) {
                            flush(paragraphs, current, linked);
                        } else {
                            current.append('\n');
                        }
                    } else if (dataCell(element)) {
                        current.append(' ');
                    } else if (BLOCKS.contains(tag)) {
                        flush(paragraphs, current, linked);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.normalName().equals("a")) {
                    linkDepth[0]--;
                }
                if (node instanceof Element element && dataCell(element)) {
                    current.append(' ');
                } else if (node instanceof Element element && element.normalName().equals("tr")) {
                    flushRow(paragraphs, current, linked);
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush(paragraphs, current, linked);
                }
            }
        }, root);
        flush(paragraphs, current, linked);
        return paragraphs;
    }

    private static void flush(List<Block> paragraphs, StringBuilder current, int[] linked) {
        add(paragraphs, current, linked, false);
    }

    private static void flushRow(List<Block> paragraphs, StringBuilder current, int[] linked) {
        add(paragraphs, current, linked, true);
    }

    private static void add(List<Block> paragraphs, StringBuilder current, int[] linked, boolean row) {
        String text = collapse(current.toString());
        if (!text.isEmpty()) {
            paragraphs.add(new Block(text, linked[0], row));
        }
        current.setLength(0);
        linked[0] = 0;
    }

    /**
     * A short table cell with only inline content, part of its row's line; a cell with blocks or line breaks in
     * it is a layout table's column, a paragraph of its own.
     */
    private static boolean dataCell(Element element) {
        String tag = element.normalName();
        if (!tag.equals("td") && !tag.equals("th")) {
            return false;
        }
        for (Element child : element.getAllElements()) {
            if (child != element && (BLOCKS.contains(child.normalName()) || child.normalName().equals("br"))) {
                return false;
            }
        }
        return element.text().length() < DATA_CELL_CHARS;
    }

    /**
     * Whitespace runs (no-break spaces included) to one space, trimmed. Text that is so already (most of what
     * jsoup's {@code Element.text()} returns) is returned as it is, and text between the runs is copied a run at a
     * time.
     */
    public static String collapse(String text) {
        int length = text.length();
        int i = 0;
        // the first character to change: leading whitespace, a whitespace other than one space, two in a row
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (space(c) && (c != ' ' || i == 0 || i + 1 == length || space(text.charAt(i + 1)))) {
                break;
            }
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        out.append(text, 0, i);
        while (i < length) {
            int start = i;
            while (i < length && space(text.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            if (i > start && !out.isEmpty()) {
                out.append(' ');
            }
            start = i;
            while (i < length && !space(text.charAt(i))) {
                i++;
            }
            out.append(text, start, i);
        }
        return out.toString();
    }

    /** {@code collapse(text).length()}, without building the string. */
    static int collapsedLength(String text) {
        int length = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            if (space(text.charAt(i))) {
                space = length > 0;
            } else {
                length += space ? 2 : 1;
                space = false;
            }
        }
        return length;
    }

    /** The whitespace {@link #collapse} folds: Java's, and the no-break and zero-width spaces. */
    private static boolean space(char c) {
        if (c > ' ' && c < '\u007F') {
            return false; // printable ASCII other than the space: none of these (Character.isWhitespace included)
        }
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B';
    }
}
