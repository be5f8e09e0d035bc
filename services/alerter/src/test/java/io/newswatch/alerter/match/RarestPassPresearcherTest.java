package io.newswatch.alerter.match;

import io.newswatch.alerter.bench.NewsCorpus;
import org.apache.lucene.document.Document;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RarestPassPresearcher} selects exactly the candidates of Lucene's {@link MultipassTermFilteredPresearcher}
 * (the same passes and term weights), so matching gives the same rules: thousands of generated rules of every kind
 * the benchmark uses, hundreds of generated articles, and queries no term can index. Over the alerter's query index
 * ({@link RuleMatcher.OneSegment}: one segment, ids decoded by {@link DecodedIdsCodec}) against Lucene's defaults.
 */
class RarestPassPresearcherTest {

    static final long SEED = 20261120L;
    static final int RULES = 3_000;
    static final int ARTICLES = 200;

    /** Queries with no term to index by, or only negated ones: every article is their candidate. */
    static final List<String> HANDWRITTEN = List.of("Montenegro AND NOT Serbia", "*:* AND NOT Serbia",
            "title:Mont*", "body:/mont[a-z]+/", "\"prime minister\"~3", "person:Vucic OR topic:politics",
            "Montenegro");

    @Test
    void theSameCandidatesAndMatchesAsLucenesMultipassPresearcher() throws IOException {
        Map<String, Query> queries = rules();
        TermWeightor rarestFirst = rarestFirst(queries);
        try (Monitor lucene = monitor(new MultipassTermFilteredPresearcher(RuleMatcher.PASSES, 0, rarestFirst,
                List.of(), Set.of()), queries);
             Monitor rarest = monitor(new RarestPassPresearcher(RuleMatcher.PASSES, rarestFirst), queries,
                     new RuleMatcher.OneSegment())) {
            assertSameCandidatesAndMatches(lucene, QueryMatch.SIMPLE_MATCHER, rarest, QueryMatch.SIMPLE_MATCHER);
        }
    }

    @Test
    void ruleMatcherMatchesTheSameRulesWithEitherPresearcherThroughEditsAndRemovals() {
        Map<String, Query> queries = rules();
        List<ArticleDocument> articles = articles();
        Function<TermWeightor, Presearcher> lucenes = weightor -> new MultipassTermFilteredPresearcher(
                RuleMatcher.PASSES, 0, weightor, List.of(), Set.of());
        try (RuleMatcher lucene = new RuleMatcher(1_000, lucenes); RuleMatcher rarest = new RuleMatcher()) {
            assertThat(lucene.put(queries)).isEqualTo(rarest.put(queries)).isEmpty();
            long matches = assertSameMatches(lucene, rarest, articles);
            assertThat(matches).isGreaterThan(ARTICLES / 2);

            // a tenth of the rules removed and a tenth changed: the term weights change with them
            List<String> ids = new ArrayList<>(queries.keySet());
            List<String> removed = ids.subList(0, RULES / 10);
            lucene.remove(removed);
            rarest.remove(removed);
            Map<String, Query> changed = new LinkedHashMap<>();
            NewsCorpus edits = new NewsCorpus(SEED + 1);
            for (String id : ids.subList(RULES / 10, RULES / 5)) {
                changed.put(id, compile(edits.rule()));
            }
            assertThat(lucene.put(changed)).isEqualTo(rarest.put(changed)).isEmpty();
            assertThat(assertSameMatches(lucene, rarest, articles)).isNotEqualTo(matches);
        }
    }

    /**
     * Matches the generated articles with both monitors: the same candidates ({@code getQueriesRun}), matches and
     * errors for each; and the comparison means something: many candidates, many matches, candidates that do not
     * match.
     */
    static void assertSameCandidatesAndMatches(Monitor expected, MatcherFactory<QueryMatch> expectedMatcher,
                                               Monitor actual, MatcherFactory<QueryMatch> actualMatcher)
            throws IOException {
        long candidates = 0;
        long matches = 0;
        for (ArticleDocument article : articles()) {
            Document document = document(article);
            MatchingQueries<QueryMatch> wanted = expected.match(document, expectedMatcher);
            MatchingQueries<QueryMatch> got = actual.match(document, actualMatcher);
            assertThat(ids(got)).as(article.id()).isEqualTo(ids(wanted));
            assertThat(got.getQueriesRun()).isEqualTo(wanted.getQueriesRun());
            assertThat(got.getErrors()).isEqualTo(wanted.getErrors());
            candidates += wanted.getQueriesRun();
            matches += wanted.getMatchCount();
        }
        assertThat(matches).isGreaterThan(ARTICLES / 2);
        assertThat(candidates).isGreaterThan(matches);
    }

    private static long assertSameMatches(RuleMatcher expected, RuleMatcher actual, List<ArticleDocument> articles) {
        long matches = 0;
        for (ArticleDocument article : articles) {
            Set<String> rules = expected.match(article);
            assertThat(new TreeSet<>(actual.match(article))).as(article.id()).isEqualTo(new TreeSet<>(rules));
            matches += rules.size();
        }
        return matches;
    }

    static Map<String, Query> rules() {
        NewsCorpus corpus = new NewsCorpus(SEED + RULES);
        Map<String, Query> queries = new LinkedHashMap<>();
        for (int i = 0; i < RULES; i++) {
            queries.put("rule-" + i, RuleMatcher.nonScoring(compile(corpus.rule())));
        }
        for (int i = 0; i < HANDWRITTEN.size(); i++) {
            queries.put("handwritten-" + i, RuleMatcher.nonScoring(compile(HANDWRITTEN.get(i))));
        }
        return queries;
    }

    /** The matcher's term weights over these queries (rarest first). */
    static TermWeightor rarestFirst(Map<String, Query> queries) {
        Map<Term, Integer> frequencies = new HashMap<>();
        queries.values().forEach(query -> terms(query).forEach(term -> frequencies.merge(term, 1, Integer::sum)));
        return term -> 1.0 / (1 + frequencies.getOrDefault(term, 0)) + term.bytes().length * 1e-6;
    }

    static Query compile(String query) {
        try {
            return QueryCompiler.compile(query);
        } catch (InvalidQueryException e) {
            throw new IllegalArgumentException(query, e);
        }
    }

    static List<ArticleDocument> articles() {
        NewsCorpus corpus = new NewsCorpus(SEED);
        List<ArticleDocument> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(ArticleDocument.of(corpus.article(i)));
        }
        return articles;
    }

    static Document document(ArticleDocument article) {
        Document document = new Document();
        article.toLucene().forEach(document::add);
        return document;
    }

    private static Monitor monitor(Presearcher presearcher, Map<String, Query> queries) throws IOException {
        return monitor(presearcher, queries, new MonitorConfiguration());
    }

    static Monitor monitor(Presearcher presearcher, Map<String, Query> queries,
                                   MonitorConfiguration configuration) throws IOException {
        Monitor monitor = new Monitor(ArticleAnalyzer.INSTANCE, presearcher, configuration);
        List<MonitorQuery> all = new ArrayList<>();
        queries.forEach((id, query) -> all.add(new MonitorQuery(id, query)));
        monitor.register(all);
        return monitor;
    }

    static Set<String> ids(MatchingQueries<QueryMatch> matches) {
        return matches.getMatches().stream().map(QueryMatch::getQueryId).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<Term> terms(Query query) {
        Set<Term> terms = new java.util.HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... leafTerms) {
                terms.addAll(List.of(leafTerms));
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return terms;
    }
}
