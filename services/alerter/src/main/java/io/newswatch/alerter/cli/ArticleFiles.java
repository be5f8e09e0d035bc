package io.newswatch.alerter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the article given to {@code ./newswatch match}: an {@link EnrichedArticle} or {@link Article} as JSON (as on
 * the topics), an HTML page, or plain text whose first line is the title.
 */
final class ArticleFiles {

    private ArticleFiles() {
    }

    static ArticleDocument read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        String id = file.getFileName().toString();
        if (start.startsWith("{")) {
            JsonNode json = Json.mapper().readTree(text);
            if (json.has("article")) {
                return ArticleDocument.of(Json.decode(text, EnrichedArticle.class));
            }
            if (json.has("url")) {
                return ArticleDocument.of(Json.decode(text, Article.class));
            }
            throw new IOException(file + " is JSON but neither an enriched article nor an article");
        }
        String lower = start.substring(0, Math.min(start.length(), 512)).toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")
                || file.toString().toLowerCase(Locale.ROOT).matches(".*\\.x?html?$")) {
            return html(id, Jsoup.parse(text));
        }
        String[] parts = text.strip().split("\\R", 2);
        return ArticleDocument.ofText(id, parts[0], parts.length > 1 ? parts[1] : "");
    }

    /** The headline and the paragraphs of the article (or of the page when it has no article element). */
    private static ArticleDocument html(String id, Document page) {
        Element h1 = page.selectFirst("h1");
        Element ogTitle = page.selectFirst("meta[property=og:title]");
        String title = h1 != null ? h1.text() : ogTitle != null ? ogTitle.attr("content") : page.title();
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.body();
        }
        String body = root.select("p").stream().map(Element::text).filter(p -> !p.isBlank())
                .collect(Collectors.joining("\n\n"));
        if (body.isBlank()) {
            body = root.text();
        }
        return ArticleDocument.ofText(id, title, body);
    }
}
