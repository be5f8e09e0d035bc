package io.newswatch.alerter.match;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.LongBitSet;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Monitor's multi-pass presearcher with the same candidates, found more cheaply. Like
 * {@link MultipassTermFilteredPresearcher}, each query is indexed under its terms of {@code passes} routes through
 * its query tree (the first route the rarest terms), and a query is a candidate for an article when the article
 * holds a term of every route. Lucene's version searches each route as a disjunction of one {@code TermInSetQuery}
 * per field and intersects the routes: every posting of every article term in every route is read (the later routes
 * hold the common terms: topics, first names), then three large doc-id sets are intersected, about half of matching
 * (docs/perf/README.md, sessions 11 and 12). Here only the first route is searched, as one {@code TermInSetQuery}
 * over one field of {@code field \0 term} keys; the later routes are kept as doc values and checked per candidate
 * of the first: does the query's route hold a key the article has?
 *
 * <p>The query index also keeps every term under its plain field name, as Monitor's own presearcher does: Monitor's
 * term filter lets only those of the article's terms that some query holds reach {@link #getQueryBuilder}, and
 * queries it cannot index by term ({@code ANYTOKEN}) are found there.
 */
final class RarestPassPresearcher extends TermFilteredPresearcher {

    /** The first route's keys, indexed. */
    static final String FIRST_ROUTE = "__route_0";
    private final int passes;
    /** The later routes' keys, doc values (index 0 unused). */
    private final String[] laterRoutes;

    RarestPassPresearcher(int passes, TermWeightor weightor) {
        super(weightor, List.of(), Set.of());
        if (passes < 1) {
            throw new IllegalArgumentException("passes " + passes);
        }
        this.passes = passes;
        this.laterRoutes = new String[passes];
        for (int pass = 1; pass < passes; pass++) {
            laterRoutes[pass] = "__route_" + pass;
        }
    }

    /** As {@link MultipassTermFilteredPresearcher}: one route per pass, each advanced from the previous one. */
    @Override
    protected Document buildQueryDocument(QueryTree querytree) {
        Document doc = new Document();
        for (int pass = 0; pass < passes; pass++) {
            for (Map.Entry<String, BytesRefHash> entry : collectTerms(querytree).entrySet()) {
                String field = entry.getKey();
                BytesRefHash terms = entry.getValue();
                BytesRef term = new BytesRef();
                for (int i = 0; i < terms.size(); i++) {
                    terms.get(i, term);
                    doc.add(new StringField(field, BytesRef.deepCopyOf(term), Field.Store.NO));
                    BytesRef key = key(field, term);
                    doc.add(pass == 0 ? new StringField(FIRST_ROUTE, key, Field.Store.NO)
                            : new SortedSetDocValuesField(laterRoutes[pass], key));
                }
            }
            querytree.advancePhase(0);
        }
        return doc;
    }

    /** {@code field \0 term}: unambiguous, field names hold no NUL. */
    static BytesRef key(String field, BytesRef term) {
        BytesRef name = new BytesRef(field);
        byte[] key = new byte[name.length + 1 + term.length];
        System.arraycopy(name.bytes, name.offset, key, 0, name.length);
        System.arraycopy(term.bytes, term.offset, key, name.length + 1, term.length);
        return new BytesRef(key);
    }

    @Override
    protected DocumentQueryBuilder getQueryBuilder() {
        return new DocumentQueryBuilder() {
            private final BytesRefHash keys = new BytesRefHash();

            @Override
            public void addTerm(String field, BytesRef term) {
                keys.add(key(field, term));
            }

            @Override
            public Query build() {
                int[] sorted = keys.sort();
                BytesRef[] terms = new BytesRef[keys.size()];
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = keys.get(sorted[i], new BytesRef());
                }
                return new RoutesQuery(new TermInSetQuery(FIRST_ROUTE, Arrays.asList(terms)), terms,
                        RarestPassPresearcher.this);
            }
        };
    }

    /** The later routes' keys of one query index segment, each key's id its ordinal in the route's doc values. */
    private record RouteKeys(IndexReader.CacheKey segment, BytesRefHash[] routes) {
    }

    /** The keys of the segment matching searched last: one segment, replaced by each commit. */
    private volatile RouteKeys routeKeys;

    /**
     * The later routes' keys of the segment, read once per segment: looking each article key up in the doc values'
     * own terms dictionary (compressed blocks) cost more than the rest of the search.
     */
    private BytesRefHash[] routeKeys(LeafReader segment) throws IOException {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        IndexReader.CacheKey key = core == null ? null : core.getKey();
        RouteKeys known = routeKeys;
        if (known != null && key != null && known.segment() == key) {
            return known.routes();
        }
        BytesRefHash[] routes = new BytesRefHash[passes];
        for (int pass = 1; pass < passes; pass++) {
            routes[pass] = new BytesRefHash();
            TermsEnum values = DocValues.getSortedSet(segment, laterRoutes[pass]).termsEnum();
            for (BytesRef value = values.next(); value != null; value = values.next()) {
                routes[pass].add(value); // in ordinal order: the id is the ordinal
            }
        }
        routeKeys = new RouteKeys(key, routes);
        return routes;
    }

    /**
     * The queries whose first route holds one of the article's keys ({@code first}) and whose every later route
     * holds one too (checked per candidate on the routes' doc values).
     */
    private static final class RoutesQuery extends Query {

        private final Query first;
        /** The article's keys, sorted. */
        private final BytesRef[] keys;
        private final RarestPassPresearcher presearcher;
        private final String[] laterRoutes;

        RoutesQuery(Query first, BytesRef[] keys, RarestPassPresearcher presearcher) {
            this.first = first;
            this.keys = keys;
            this.presearcher = presearcher;
            this.laterRoutes = presearcher.laterRoutes;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            Weight firstWeight = searcher.createWeight(searcher.rewrite(first), ScoreMode.COMPLETE_NO_SCORES, 1f);
            return new ConstantScoreWeight(this, boost) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                    ScorerSupplier firstRoute = firstWeight.scorerSupplier(context);
                    if (firstRoute == null) {
                        return null;
                    }
                    int later = laterRoutes.length - 1;
                    BytesRefHash[] routeKeys = presearcher.routeKeys(context.reader());
                    SortedSetDocValues[] routes = new SortedSetDocValues[later];
                    LongBitSet[] held = new LongBitSet[later];
                    for (int r = 0; r < later; r++) {
                        routes[r] = DocValues.getSortedSet(context.reader(), laterRoutes[r + 1]);
                        held[r] = held(routeKeys[r + 1]);
                        if (held[r] == null) {
                            return null;
                        }
                    }
                    float score = score();
                    return new ScorerSupplier() {
                        @Override
                        public Scorer get(long leadCost) throws IOException {
                            DocIdSetIterator candidates = firstRoute.get(leadCost).iterator();
                            return new ConstantScoreScorer(score, scoreMode, new TwoPhaseIterator(candidates) {
                                @Override
                                public boolean matches() throws IOException {
                                    int doc = candidates.docID();
                                    for (int r = 0; r < later; r++) {
                                        if (!holds(routes[r], held[r], doc)) {
                                            return false;
                                        }
                                    }
                                    return true;
                                }

                                @Override
                                public float matchCost() {
                                    return 10 * later;
                                }
                            });
                        }

                        @Override
                        public long cost() {
                            return firstRoute.cost();
                        }
                    };
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        /** The ordinals of the route's keys the article holds; null when it holds none. */
        private LongBitSet held(BytesRefHash routeKeys) {
            if (routeKeys.size() == 0) {
                return null;
            }
            LongBitSet held = new LongBitSet(routeKeys.size());
            boolean any = false;
            for (BytesRef key : keys) {
                int ordinal = routeKeys.find(key);
                if (ordinal >= 0) {
                    held.set(ordinal);
                    any = true;
                }
            }
            return any ? held : null;
        }

        private static boolean holds(SortedSetDocValues route, LongBitSet held, int doc) throws IOException {
            if (!route.advanceExact(doc)) {
                return false;
            }
            for (int i = route.docValueCount(); i > 0; i--) {
                if (held.get(route.nextOrd())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            first.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
        }

        @Override
        public String toString(String field) {
            return "routes(" + first.toString(field) + ", " + (laterRoutes.length - 1) + " checked)";
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && first.equals(((RoutesQuery) other).first)
                    && Arrays.equals(laterRoutes, ((RoutesQuery) other).laterRoutes);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + first.hashCode();
        }
    }
}
