package io.newswatch.tagging;

import io.newswatch.contract.Article;
import io.newswatch.contract.Story;

import java.util.concurrent.CompletableFuture;

/** Decides which story an article belongs to, and updates the story. */
public interface StoryAssigner {

    /**
     * The story of an article, with the article counted in it.
     *
     * @param article  the article (its language filled in)
     * @param tagging  what the enricher found in it
     */
    Story assign(Article article, Tagging tagging);

    /**
     * Stores the stories changed since the last flush (each once, in its latest version).
     *
     * @return completes when they are stored durably (immediately when nothing is stored); fails if one could not be
     */
    default CompletableFuture<Void> flush() {
        return CompletableFuture.completedFuture(null);
    }

    /** Every article is its own story: for the offline tag tool, which sees one article at a time. */
    StoryAssigner SINGLE = (article, tagging) -> new Story(article.id(), article.id(), article.fetched(), 1, 1,
            article.language() == null ? 0 : 1);
}
