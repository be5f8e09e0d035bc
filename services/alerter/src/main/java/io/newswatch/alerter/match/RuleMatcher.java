package io.newswatch.alerter.match;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored queries of all enabled rules, matched against one article at a time by Lucene Monitor. Its
 * presearcher indexes each query by its most selective terms, so that an article is only checked against the
 * rules whose terms it contains, however many rules there are. Thread-safe: matching goes on while rules change.
 *
 * <p>Tuned for many rules over a shared vocabulary of names (see the benchmark in the README):
 * <ul>
 *   <li>Multi-pass presearcher: a query is a candidate only when the article holds its three best terms (all of
 *       them for a short phrase), not just one: "Aleksandar Vucic" is not tried on every article naming some
 *       Aleksandar. Lucene's candidates, found by searching the rarest pass only ({@link RarestPassPresearcher}).</li>
 *   <li>The best terms are the rarest among the rules (a term many rules share, like a topic id or a common first
 *       name, is a poor filter), counted as rules are added.</li>
 *   <li>Queries are stored in their non-scoring form, rewritten once ({@link RewrittenOnce}): not rewritten again
 *       for every article and candidate, and each candidate run from its weight, without a search per candidate.</li>
 *   <li>An article is indexed only in the fields some rule uses.</li>
 *   <li>The query index is one segment ({@link OneSegment}): the presearcher looks up every term of the article in
 *       each segment. Its candidates' ids are decoded once per segment ({@link DecodedIdsCodec}).</li>
 * </ul>
 */
public final class RuleMatcher implements Closeable {

    /** Presearcher passes: how many of a query's terms an article must hold to be checked against it. */
    static final int PASSES = 3;

    static {
        // Every search here is a one-off (a new article, a new candidate set): a query cache only costs hashing.
        IndexSearcher.setDefaultQueryCache(null);
    }

    /** Queries indexed per commit at most (a start, a rules file): bounds what a bulk load holds at once. */
    static final int REGISTER_CHUNK = 5_000;
    private final int registerChunk;
    private final Monitor monitor;
    private final OneSegment configuration = new OneSegment();
    private final Map<Term, Integer> ruleFrequencies = new ConcurrentHashMap<>();
    private final Map<String, Set<Term>> termsOf = new HashMap<>();
    private final Map<String, Set<String>> fieldsOf = new HashMap<>();
    private final Map<String, Integer> fieldUse = new ConcurrentHashMap<>();
    /** Queries registered; Monitor's own count scans the whole query index, too slow for a metric. */
    private volatile int count;

    public RuleMatcher() {
        this(REGISTER_CHUNK);
    }

    /** @param registerChunk queries indexed per commit at most (tests use small chunks) */
    RuleMatcher(int registerChunk) {
        this(registerChunk, rarestFirst -> new RarestPassPresearcher(PASSES, rarestFirst));
    }

    /**
     * @param presearcher the presearcher, given the term weights (rarest first); tests compare
     *                    {@link RarestPassPresearcher} with Lucene's {@link MultipassTermFilteredPresearcher}
     */
    RuleMatcher(int registerChunk, Function<TermWeightor, Presearcher> presearcher) {
        this.registerChunk = registerChunk;
        TermWeightor rarestFirst = term -> 1.0 / (1 + ruleFrequencies.getOrDefault(term, 0))
                + term.bytes().length * 1e-6;
        try {
            this.monitor = new Monitor(ArticleAnalyzer.INSTANCE, presearcher.apply(rarestFirst), configuration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory query index", e);
        }
    }

    /**
     * Adds or replaces queries, by rule id. Bulk loads should come in one call: the index is committed once per
     * {@link #REGISTER_CHUNK} queries.
     *
     * @return the queries that could not be indexed, with why (they are left out; every other one is indexed)
     */
    public synchronized Map<String, Exception> put(Map<String, Query> queries) {
        if (queries.isEmpty()) {
            return Map.of();
        }
        Map<String, Exception> failed = new LinkedHashMap<>();
        Map<String, Query> prepared = new LinkedHashMap<>();
        queries.forEach((id, query) -> {
            forget(id);
            try {
                prepared.put(id, prepare(id, query));
            } catch (RuntimeException | StackOverflowError e) {
                forget(id);
                failed.put(id, e instanceof Exception ex ? ex : new IllegalStateException(QueryProbe.describe(e)));
            }
        });
        try {
            for (Map<String, Query> chunk : chunks(prepared, registerChunk)) {
                registerChunk(chunk, failed);
            }
        } finally {
            count = termsOf.size();
        }
        if (!failed.isEmpty()) {
            try {
                monitor.deleteById(List.copyOf(failed.keySet()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove rule queries " + failed.keySet(), e);
            }
        }
        return failed;
    }

    /** Notes the query's terms and fields; returns the form to store. */
    private Query prepare(String id, Query query) {
        Query stored = nonScoring(query);
        Set<Term> terms = new HashSet<>();
        Set<String> fields = new HashSet<>();
        stored.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... leafTerms) {
                for (Term term : leafTerms) {
                    terms.add(term);
                    fields.add(term.field());
                }
            }

            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        terms.forEach(term -> ruleFrequencies.merge(term, 1, Integer::sum));
        fields.forEach(field -> fieldUse.merge(field, 1, Integer::sum));
        termsOf.put(id, terms);
        fieldsOf.put(id, fields);
        return stored;
    }

    /**
     * Indexes one chunk in one commit. One query the index cannot take must not keep the others out: the chunk is
     * then indexed one query at a time.
     */
    private void registerChunk(Map<String, Query> chunk, Map<String, Exception> failed) {
        try {
            register(chunk);
        } catch (RuntimeException | StackOverflowError bulk) {
            chunk.forEach((id, query) -> {
                try {
                    register(Map.of(id, query));
                } catch (RuntimeException | StackOverflowError e) {
                    forget(id);
                    failed.put(id, e instanceof Exception ex ? ex
                            : new IllegalStateException(QueryProbe.describe(e)));
                }
            });
        }
    }

    /**
     * The queries in chunks of {@code size} ({@link #REGISTER_CHUNK} but in tests): Monitor builds the index documents of everything it is
     * given before it commits, so a start with 100,000 rules would hold all of them at once on top of the rules.
     */
    static List<Map<String, Query>> chunks(Map<String, Query> queries, int size) {
        List<Map<String, Query>> chunks = new ArrayList<>();
        Map<String, Query> chunk = new LinkedHashMap<>();
        for (Map.Entry<String, Query> query : queries.entrySet()) {
            chunk.put(query.getKey(), query.getValue());
            if (chunk.size() == size) {
                chunks.add(chunk);
                chunk = new LinkedHashMap<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private void register(Map<String, Query> queries) {
        List<MonitorQuery> monitorQueries = new ArrayList<>();
        queries.forEach((id, query) -> monitorQueries.add(new MonitorQuery(id, query)));
        try {
            monitor.register(monitorQueries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + queries.size() + " rule queries", e);
        }
    }

    /** Adds or replaces one query; throws when it cannot be indexed. */
    public void put(String ruleId, Query query) {
        Exception failed = put(Map.of(ruleId, query)).get(ruleId);
        if (failed != null) {
            throw new IllegalArgumentException("cannot index the query: " + QueryProbe.describe(failed), failed);
        }
    }

    /** Removes queries; unknown ids are ignored. */
    public synchronized void remove(Collection<String> ruleIds) {
        if (ruleIds.isEmpty()) {
            return;
        }
        ruleIds.forEach(this::forget);
        try {
            monitor.deleteById(List.copyOf(ruleIds));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove rule queries " + ruleIds, e);
        } finally {
            count = termsOf.size();
        }
    }

    private void forget(String id) {
        Set<Term> terms = termsOf.remove(id);
        if (terms != null) {
            terms.forEach(term -> ruleFrequencies.computeIfPresent(term, (t, n) -> n > 1 ? n - 1 : null));
        }
        Set<String> fields = fieldsOf.remove(id);
        if (fields != null) {
            fields.forEach(field -> fieldUse.computeIfPresent(field, (f, n) -> n > 1 ? n - 1 : null));
        }
    }

    /** Ids of the rules whose queries match the article; throws when a query fails on it. */
    public Set<String> match(ArticleDocument article) {
        return match(article, (id, error) -> {
            throw new MatchException(article.id(), id, error);
        });
    }

    /**
     * Ids of the rules whose queries match the article. A query that throws on the article (which the checks of
     * {@link QueryCompiler} should have prevented) is reported to {@code failed} and left out; the others still
     * match.
     */
    public Set<String> match(ArticleDocument article, BiConsumer<String, Exception> failed) {
        return match(article, failed, false).ruleIds();
    }

    /**
     * As {@link #match(ArticleDocument, BiConsumer)}, with an explainer of the matches that reuses the in-memory
     * index Monitor built of the article to match it (the same analysis, with offsets), instead of analysing the
     * article again to explain its alerts.
     */
    public Matches matchExplainable(ArticleDocument article, BiConsumer<String, Exception> failed) {
        return match(article, failed, true);
    }

    /** The rules an article matched, and the explainer of those matches ({@link #matchExplainable}). */
    public record Matches(Set<String> ruleIds, MatchExplainer.Explainer explainer) {
    }

    private Matches match(ArticleDocument article, BiConsumer<String, Exception> failed, boolean explainable) {
        // the fields some rule uses, whether the article has a value in them or not
        Set<String> fields = new HashSet<>();
        for (String field : ArticleFields.INDEXED) {
            if (fieldUse.containsKey(field)) {
                fields.add(field);
            }
        }
        Document document = new Document();
        article.toLucene().forEach(field -> {
            if (fields.contains(field.name())) {
                document.add(field);
            }
        });
        LeafReader[] index = new LeafReader[1];
        MatcherFactory<QueryMatch> keepingTheIndex = searcher -> {
            if (explainable) {
                // Monitor closes the article's index when match returns: a reference of our own keeps it open.
                // It is a MemoryIndex, heap only, so it needs no closing: the garbage collector frees it.
                index[0] = (LeafReader) searcher.getIndexReader();
                index[0].incRef();
            }
            return RewrittenOnce.MATCHER.createMatcher(searcher);
        };
        MatchingQueries<QueryMatch> matches;
        try {
            matches = monitor.match(document, keepingTheIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id() + " failed", e);
        }
        matches.getErrors().forEach(failed);
        Set<String> ids = matches.getMatches().stream().map(QueryMatch::getQueryId)
                .collect(Collectors.toUnmodifiableSet());
        return new Matches(ids, !explainable ? null
                : ids.isEmpty() ? MatchExplainer.of(article) : MatchExplainer.of(article, index[0], fields));
    }

    /** Segments of the query index, as the next search would see them (for tests). */
    int segments() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(configuration.writer)) {
            return reader.leaves().size();
        }
    }

    /** How many rule queries are indexed. */
    public int size() {
        return count;
    }

    /**
     * The query as matching needs it: without scores (MUST as FILTER, boosts dropped), the form Lucene would
     * otherwise rewrite it to for every article.
     */
    static Query nonScoring(Query query) {
        if (query instanceof BoostQuery boost) {
            return nonScoring(boost.getQuery());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        for (BooleanClause clause : bool.clauses()) {
            BooleanClause.Occur occur = clause.occur() == BooleanClause.Occur.MUST ? BooleanClause.Occur.FILTER
                    : clause.occur();
            builder.add(nonScoring(clause.query()), occur);
        }
        return builder.build();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query index kept in one segment. Every article's presearch looks up each of its terms in every segment
     * (a third of the alerter's CPU in steady state: docs/perf/README.md), so Monitor's default of up to four
     * segments per tier (two after a start with 10k rules, registered in chunks) costs that many times the
     * look-ups. Here every commit merges all segments into one, and the merge runs inside the commit (serial scheduler),
     * before Monitor refreshes its searcher: matching only ever sees one segment. A rule change costs a merge of
     * the whole query index (it is small: one document per query and pass), while matching goes on with the
     * searcher it had.
     *
     * <p>Each file of the index is read from one buffer, not Monitor's default of many small ones: the presearcher
     * opens a terms enum and a postings enum per term of the article, each a slice of a file, and a slice of a
     * file kept in many buffers copies the list of its buffers.
     *
     * <p>Each candidate's ids are read by ordinal from an array, not from compressed blocks ({@link DecodedIdsCodec}).
     * Each decomposed query is stored rewritten, when its rewrite does not depend on the index
     * ({@link RewrittenOnce.Decomposer}).
     */
    static final class OneSegment extends MonitorConfiguration {

        private static final DecodedIdsCodec CODEC = new DecodedIdsCodec();
        private volatile IndexWriter writer;

        OneSegment() {
            setQueryDecomposer(new RewrittenOnce.Decomposer());
        }

        @Override
        public IndexWriter buildIndexWriter() throws IOException {
            writer = new IndexWriter(new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER), getIndexWriterConfig());
            return writer;
        }

        @Override
        protected IndexWriterConfig getIndexWriterConfig() {
            return new IndexWriterConfig(new KeywordAnalyzer()).setCodec(CODEC).setMergePolicy(new MergeAll())
                    .setMergeScheduler(new SerialMergeScheduler())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        }
    }

    /** Merges every segment into one whenever there are two or more. */
    static final class MergeAll extends MergePolicy {

        @Override
        public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
            return all(infos, context);
        }

        @Override
        public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegments,
                                                   Map<SegmentCommitInfo, Boolean> toMerge, MergeContext context) {
            return all(infos, context);
        }

        @Override
        public MergeSpecification findForcedDeletesMerges(SegmentInfos infos, MergeContext context) {
            return all(infos, context);
        }

        private static MergeSpecification all(SegmentInfos infos, MergeContext context) {
            List<SegmentCommitInfo> segments = new ArrayList<>();
            for (SegmentCommitInfo segment : infos) {
                if (!context.getMergingSegments().contains(segment)) {
                    segments.add(segment);
                }
            }
            if (segments.size() < 2) {
                return null;
            }
            MergeSpecification merge = new MergeSpecification();
            merge.add(new OneMerge(segments));
            return merge;
        }
    }

    /** A rule query failed on an article (not expected: every query was checked when it was compiled). */
    public static final class MatchException extends RuntimeException {
        MatchException(String articleId, String ruleId, Exception error) {
            super("the query of " + ruleId + " failed on article " + articleId + ": " + QueryProbe.describe(error),
                    error);
        }
    }
}
