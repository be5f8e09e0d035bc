package io.newswatch.poller.poll;

import io.newswatch.contract.Article;

import java.util.concurrent.CompletionStage;

/** Where articles go: the raw articles topic, keyed by article id. */
@FunctionalInterface
public interface ArticleSink {

    /** Completes when the article is durably stored (the broker acknowledged it). */
    CompletionStage<Void> publish(Article article);
}
