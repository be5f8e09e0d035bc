package io.newswatch.alerter.match;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rule queries rewritten once, when they are stored, instead of once per article and candidate. Lucene rewrites a
 * query before it runs it ({@link IndexSearcher#rewrite}), and {@code BooleanQuery.rewrite} builds new queries
 * every time (16% of matching at 100k rules: docs/perf/README.md), although for the queries rules are made of the
 * result does not depend on the index searched. {@link Decomposer} stores each of Monitor's decomposed queries as a
 * {@link Rewritten} when its rewrite cannot depend on the index, and {@link #MATCHER} runs each candidate on the
 * article's index from its weight, without the search's set-up per query.
 */
final class RewrittenOnce {

    /**
     * Rewrites queries whose rewrite does not read the index: any index gives the same result, this empty one too.
     * Shared by every decomposer and registering thread: the index is empty and never written after this line, a
     * rewrite only reads it, and an {@link IndexSearcher} is safe for concurrent use (Lucene's own contract).
     */
    private static final IndexSearcher NO_INDEX = new MemoryIndex().createSearcher();

    private RewrittenOnce() {
    }

    /**
     * Monitor's decomposition (a disjunction's branches become queries of their own), then each query that
     * {@link #rewritesAlikeOnAnyIndex rewrites alike on any index} rewritten: the same candidates (the presearcher
     * indexes the decomposed query, as before) and the same matches (the same query runs).
     */
    static final class Decomposer extends QueryDecomposer {

        private final QueryDecomposer lucene = new QueryDecomposer();

        @Override
        public Set<Query> decompose(Query query) {
            return lucene.decompose(query).stream().map(RewrittenOnce::rewritten).collect(Collectors.toSet());
        }
    }

    static Query rewritten(Query query) {
        if (!rewritesAlikeOnAnyIndex(query)) {
            return query;
        }
        try {
            return new Rewritten(query, NO_INDEX.rewrite(query));
        } catch (IOException | RuntimeException e) {
            return query; // rewritten per article, as Lucene does: it fails there, reported per article
        }
    }

    /**
     * Whether {@link IndexSearcher#rewrite} gives this query the same form whatever index it runs on: the query
     * classes the rule language compiles to, whose rewrite only restructures (none looks at the index's terms, as
     * a fuzzy query's top terms do); multi-term queries only with a constant-score rewrite (their terms are
     * enumerated by the weight, per index). Exact classes: a subclass may rewrite otherwise.
     */
    static boolean rewritesAlikeOnAnyIndex(Query query) {
        Class<?> type = query.getClass();
        if (type == BooleanQuery.class) {
            for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
                if (!rewritesAlikeOnAnyIndex(clause.query())) {
                    return false;
                }
            }
            return true;
        }
        if (type == BoostQuery.class) {
            return rewritesAlikeOnAnyIndex(((BoostQuery) query).getQuery());
        }
        if (type == ConstantScoreQuery.class) {
            return rewritesAlikeOnAnyIndex(((ConstantScoreQuery) query).getQuery());
        }
        if (type == WildcardQuery.class || type == PrefixQuery.class || type == RegexpQuery.class
                || type == AutomatonQuery.class) {
            MultiTermQuery.RewriteMethod method = ((MultiTermQuery) query).getRewriteMethod();
            return method == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                    || method == MultiTermQuery.CONSTANT_SCORE_REWRITE;
        }
        return type == TermQuery.class || type == PhraseQuery.class || type == MultiPhraseQuery.class
                || type == SynonymQuery.class || type == MatchAllDocsQuery.class || type == MatchNoDocsQuery.class;
    }

    /**
     * A decomposed rule query and its rewritten form. It is its own rewrite; its weight is the rewritten form's.
     * To the presearcher (which visits it) and to Monitor's bookkeeping (equality) it is the query as decomposed.
     */
    static final class Rewritten extends Query {

        final Query query;
        final Query rewritten;

        Rewritten(Query query, Query rewritten) {
            this.query = query;
            this.rewritten = rewritten;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            return searcher.createWeight(rewritten, scoreMode, boost);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            query.visit(visitor);
        }

        @Override
        public String toString(String field) {
            return query.toString(field);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && query.equals(((Rewritten) other).query);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + query.hashCode();
        }
    }

    /**
     * Runs each candidate on the article's index: its weight's scorer, document by document, as a search with a
     * collector would (Monitor's {@link QueryMatch#SIMPLE_MATCHER}), without the search's collector manager and
     * bulk scorer; a {@link Rewritten} query without a rewrite.
     */
    static final MatcherFactory<QueryMatch> MATCHER = searcher -> new CandidateMatcher<>(searcher) {

        @Override
        public void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
            Query runnable = query instanceof Rewritten stored ? stored.rewritten : searcher.rewrite(query);
            Weight weight = searcher.createWeight(runnable, ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                ScorerSupplier supplier = weight.scorerSupplier(leaf);
                if (supplier == null) {
                    continue;
                }
                Scorer scorer = supplier.get(Long.MAX_VALUE);
                TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
                DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if ((live == null || live.get(doc)) && (twoPhase == null || twoPhase.matches())) {
                        addMatch(new QueryMatch(queryId), leaf.docBase + doc);
                    }
                }
            }
        }

        @Override
        public QueryMatch resolve(QueryMatch first, QueryMatch second) {
            return first;
        }
    };
}
