package io.newswatch.alerter.match;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query that throws where Lucene runs it, as a query the compiler's checks missed would: on every article that
 * holds {@code word} (so that the presearcher picks it), or already when Lucene Monitor indexes it.
 */
public final class ExplodingQuery extends Query {

    /** Where it throws. */
    public enum When {
        MATCHING, INDEXING
    }

    private final String word;
    private final When when;
    private final java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();

    public ExplodingQuery(String word, When when) {
        this.word = word;
        this.when = when;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        throw new IllegalStateException("boom: this query cannot run");
    }

    @Override
    public void visit(QueryVisitor visitor) {
        // the matcher's own first look at the terms passes; the index's presearcher then fails on it
        if (when == When.INDEXING && visits.incrementAndGet() > 1) {
            throw new IllegalStateException("boom: this query cannot be indexed");
        }
        visitor.consumeTerms(this, new Term(ArticleFields.TEXT, word));
    }

    @Override
    public String toString(String field) {
        return "exploding(" + word + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExplodingQuery e && e.word.equals(word) && e.when == when;
    }

    @Override
    public int hashCode() {
        return word.hashCode() * 31 + when.hashCode();
    }
}
