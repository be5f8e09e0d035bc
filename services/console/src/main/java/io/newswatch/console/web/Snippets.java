package io.newswatch.console.web;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Snippets come from the alerter as HTML: escaped text with the matched words in {@code <em>}. Before a page shows
 * one raw, everything but text and {@code <em>} is removed (jsoup's cleaner), so a snippet can never carry markup or
 * script into the console, whoever wrote it to the alerts topic.
 */
public final class Snippets {

    private static final Safelist ONLY_EMPHASIS = Safelist.none().addTags("em");

    private Snippets() {
    }

    /**
     * A snippet without the headline it starts with: an article's lead (a snippet without matches, as for a search
     * with no query) repeats the title the page shows anyway.
     */
    public static String withoutTitle(String cleanHtml, String title) {
        if (title == null || title.isBlank() || cleanHtml.contains("<em>")) {
            return cleanHtml;
        }
        String text = Jsoup.parse(cleanHtml).text();
        if (!text.startsWith(title.strip())) {
            return cleanHtml;
        }
        return EntityMarkup.escape(text.substring(title.strip().length()).strip());
    }

    /** Safe HTML: text and {@code <em>}. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ONLY_EMPHASIS,
                new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
    }
}
