package io.newswatch.alerter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.tagging.ArticleFile;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.StoryAssigner;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Reads an article given to {@code ./newswatch match} as the live alerter would see it. An {@link EnrichedArticle}
 * (JSON, as on the enriched topic) is taken as it is; anything else is first enriched with the enricher's own code
 * and knowledge base ({@code libs/tagging}), exactly as the pipeline would enrich it: an {@link Article} (JSON, as
 * on the raw topic), an HTML page, or plain text whose first line is the title ({@link ArticleFile}).
 */
final class ArticleFiles {

    private final Supplier<Enricher> enricher;
    private final String language;

    /**
     * @param enricher built on first use (compiling the knowledge base takes a moment, and an enriched article
     *                 needs none)
     * @param language the language of text and HTML files, or null to have it detected
     */
    ArticleFiles(Supplier<Enricher> enricher, String language) {
        this.enricher = enricher;
        this.language = language;
    }

    /** The article in {@code content}, named {@code name}, enriched. */
    EnrichedArticle read(String name, String content) throws IOException {
        String start = content.stripLeading();
        if (start.startsWith("{")) {
            JsonNode json = Json.mapper().readTree(content);
            if (json.has("article")) {
                return Json.decode(content, EnrichedArticle.class);
            }
            if (json.has("url")) {
                return enrich(Json.decode(content, Article.class));
            }
            throw new IOException("it is JSON but neither an enriched article nor an article");
        }
        return enrich(ArticleFile.toArticle(name, content, language, Instant.now()));
    }

    /** {@code read} as the matcher's document. */
    ArticleDocument document(String name, String content) throws IOException {
        return ArticleDocument.of(read(name, content));
    }

    private EnrichedArticle enrich(Article article) {
        return enricher.get().enrich(article, StoryAssigner.SINGLE);
    }
}
