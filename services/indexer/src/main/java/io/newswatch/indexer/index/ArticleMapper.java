package io.newswatch.indexer.index;

import io.newswatch.contract.BadEventException;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.indexer.bulk.IndexOperation;
import io.newswatch.indexer.document.ArticleDocument;
import io.newswatch.indexer.document.DocumentJson;

import java.time.Clock;

/** {@code articles.enriched} records to article documents, {@code _id} = article id, version = revision. */
public final class ArticleMapper implements DocumentMapper {

    private final String alias;
    private final Clock clock;

    public ArticleMapper(String alias, Clock clock) {
        this.alias = alias;
        this.clock = clock;
    }

    @Override
    public Mapped map(String key, String value) {
        EnrichedArticle enriched = Json.decode(value, EnrichedArticle.class);
        if (enriched.type() != null && !EnrichedArticle.TYPE.equals(enriched.type())) {
            throw new BadEventException("an event of type '" + enriched.type() + "' where '"
                    + EnrichedArticle.TYPE + "' was expected");
        }
        ArticleDocument document = ArticleDocument.of(enriched, clock.instant());
        return new Mapped(IndexOperation.throughAlias(alias, enriched.id(), ArticleDocument.version(enriched),
                DocumentJson.writeBytes(document)), enriched.article().fetched());
    }
}
