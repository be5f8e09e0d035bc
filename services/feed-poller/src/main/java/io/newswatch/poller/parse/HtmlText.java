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

    /** The paragraphs under an element: block elements and double line breaks end one. */
    public static List<String> paragraphList(Element root) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        Node previous = element.previousSibling();
                        while (previous instanceof TextNode blank && blank.isBlank()) {
                            previous = previous.previousSibling();
                        }
                        if (previous instanceof Element p && p.normalName().equals("br")) {
                            flush(paragraphs, current);
                        } else {
                            current.append('\n');
                        }
                    } else if (BLOCKS.contains(tag)) {
                        flush(paragraphs, current);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush(paragraphs, current);
                }
            }
        }, root);
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        String text = collapse(current.toString());
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        current.setLength(0);
    }

    /** Whitespace runs (no-break spaces included) to one space, trimmed. */
    public static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B') {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
