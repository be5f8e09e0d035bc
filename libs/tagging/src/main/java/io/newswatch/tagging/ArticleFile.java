package io.newswatch.tagging;

import io.newswatch.contract.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An article given to the offline tools ({@code ./newswatch tag}, {@code ./newswatch match}) as a file: plain text
 * whose first non-empty line is the title, or an HTML page reduced to its headline and paragraphs. Both tools read
 * files here, so that they see the same title and text.
 */
public final class ArticleFile {

    private ArticleFile() {
    }

    /**
     * The text to tag: the file itself, or for HTML its headline and paragraphs separated by blank lines.
     *
     * @param content the file's content
     */
    public static String text(String content) {
        return looksLikeHtml(content) ? htmlToText(content) : content;
    }

    /**
     * The file as the raw article the poller would publish, so that it can be enriched as the live pipeline
     * enriches: title and body from {@link #text}, no summary, no source.
     *
     * @param name     the file's name (its id and {@code file:} URL)
     * @param content  the file's content
     * @param language ISO 639-1 code, or null to have it detected
     * @param now      its fetch and publication time
     */
    public static Article toArticle(String name, String content, String language, Instant now) {
        String text = text(content);
        int titleEnd = titleEnd(text);
        String title = text.substring(0, titleEnd).strip();
        String body = text.substring(titleEnd).strip();
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, name, now, "file:" + name, title, "", body, null,
                language, now, true, now, List.of(), null, null, 1);
    }

    /** True when the content is markup rather than text. */
    public static boolean looksLikeHtml(String content) {
        String head = content.stripLeading();
        head = head.substring(0, Math.min(head.length(), 2000)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.startsWith("<") && (head.contains("<p>") || head.contains("<p ") || head.contains("<div"));
    }

    /** The title (first heading or {@code <title>}) and the paragraphs, separated by blank lines. */
    public static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, nav, header, footer, aside, form, noscript, figure figcaption").remove();
        Element h1 = doc.selectFirst("h1");
        String title = h1 != null ? h1.text() : doc.title();
        StringBuilder text = new StringBuilder(title);
        for (Element block : doc.select("p, h2, h3, li, blockquote")) {
            String line = block.text();
            if (!line.isBlank() && (h1 == null || block != h1)) {
                text.append("\n\n").append(line);
            }
        }
        return text.toString();
    }

    /** End of the first non-empty line: where the title ends. */
    public static int titleEnd(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }
}
