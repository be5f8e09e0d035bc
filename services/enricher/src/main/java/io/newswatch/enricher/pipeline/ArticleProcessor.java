package io.newswatch.enricher.pipeline;

import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;

/**
 * Enriches one decoded article for the Kafka handler: checks it, runs the {@link Enricher}, assigns its story,
 * counts. An article the enricher cannot handle (it throws) is a bad record: the same input would fail again.
 */
@ApplicationScoped
public class ArticleProcessor {

    private final Enricher enricher;
    private final StoryAssigner stories;
    private final EnricherMetrics metrics;

    public ArticleProcessor(Enricher enricher, StoryAssigner stories, EnricherMetrics metrics) {
        this.enricher = enricher;
        this.stories = stories;
        this.metrics = metrics;
    }

    /**
     * The enriched article and what must be durable before its input may be committed (the story update).
     *
     * @param article the enriched article
     * @param durable completes when side outputs are acknowledged
     */
    public record Result(EnrichedArticle article, CompletableFuture<Void> durable) {
    }

    public Result process(Article article) {
        if (article.schemaVersion() > Article.SCHEMA_VERSION) {
            throw new BadEventException("article schema version " + article.schemaVersion()
                    + " is newer than this enricher understands (" + Article.SCHEMA_VERSION + ")");
        }
        long started = System.nanoTime();
        EnrichedArticle enriched;
        try {
            enriched = enricher.enrich(article, stories);
        } catch (RuntimeException e) {
            Log.errorf(e, "Enrichment failed for article %s (%s)", article.id(), article.url());
            throw new BadEventException("enrichment failed: " + e, e);
        }
        metrics.enriched(enriched, System.nanoTime() - started);
        Log.debugf("Enriched article %s: %d entities, %d topics, story %s", article.id(), enriched.entities().size(),
                enriched.topics().size(), enriched.story().id());
        return new Result(enriched, stories.flushed(enriched.story().id()));
    }

    public void deadLettered() {
        metrics.deadLettered();
    }

    public void produceFailed(String articleId, Throwable failure) {
        metrics.produceFailed();
        Log.errorf(failure, "Kafka did not accept enriched article %s; its input stays uncommitted and will be "
                + "processed again after a restart", articleId);
    }
}
