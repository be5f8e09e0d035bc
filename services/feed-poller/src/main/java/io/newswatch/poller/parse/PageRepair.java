package io.newswatch.poller.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/** Repairs of parsed pages that browsers make in effect and that the extraction needs made explicitly. */
final class PageRepair {

    /** A real title is a line; a longer one has swallowed markup up to some later {@code </title>}. */
    private static final int LONGEST_TITLE = 400;

    private PageRepair() {
    }

    /**
     * An unclosed {@code <title>} takes everything up to the next {@code </title>} (an SVG icon's, often) as its
     * text, so the page's body loses the article. The title is cut at its first tag and the rest parsed again
     * into the start of the body.
     */
    static void closeTitle(Document document) {
        Element title = document.selectFirst(Css.of("title"));
        if (title == null) {
            return;
        }
        String text = title.wholeText();
        int tag = text.indexOf('<');
        if (text.length() <= LONGEST_TITLE || tag < 0) {
            return;
        }
        title.text(text.substring(0, tag).strip());
        String rest = text.substring(tag).replaceFirst("(?is)^.*?<body[^>]*>", "");
        document.body().prepend(rest);
    }

    /**
     * Text written straight into a container beside its paragraphs ({@code <div><p>Lead</p>Text<br><br>More</div>})
     * is wrapped into paragraphs of its own, split at double line breaks, so that it is scored and kept like the
     * paragraphs next to it.
     */
    static void wrapBareText(Element body) {
        List<Element> mixed = new ArrayList<>();
        for (Element element : body.select(Css.of("div, section, article, main, td, form, center"))) {
            if (hasBlockChild(element) && bareTextLength(element) >= 50) {
                mixed.add(element);
            }
        }
        for (Element element : mixed) {
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(element.childNodes())) {
                boolean block = child instanceof Element e && HtmlText.BLOCKS.contains(e.normalName());
                boolean paragraphBreak = child instanceof Element e && e.normalName().equals("br")
                        && previousBr(e);
                if (block || paragraphBreak) {
                    wrap(run);
                } else {
                    run.add(child);
                }
            }
            wrap(run);
        }
    }

    private static boolean previousBr(Element br) {
        Node previous = br.previousSibling();
        while (previous instanceof TextNode text && text.isBlank()) {
            previous = previous.previousSibling();
        }
        return previous instanceof Element e && e.normalName().equals("br");
    }

    private static void wrap(List<Node> run) {
        boolean text = run.stream().anyMatch(node -> node instanceof TextNode t ? !t.isBlank()
                : node instanceof Element e && !e.normalName().equals("br") && !e.text().isBlank());
        if (text) {
            Element paragraph = new Element("p");
            run.getFirst().before(paragraph);
            for (Node node : run) {
                paragraph.appendChild(node);
            }
        }
        run.clear();
    }

    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (HtmlText.BLOCKS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static int bareTextLength(Element element) {
        int length = 0;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                length += text.text().strip().length();
            }
        }
        return length;
    }
}
