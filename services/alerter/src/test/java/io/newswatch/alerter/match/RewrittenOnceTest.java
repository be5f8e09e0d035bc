package io.newswatch.alerter.match;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.newswatch.alerter.match.RarestPassPresearcherTest.HANDWRITTEN;
import static io.newswatch.alerter.match.RarestPassPresearcherTest.assertSameCandidatesAndMatches;
import static io.newswatch.alerter.match.RarestPassPresearcherTest.articles;
import static io.newswatch.alerter.match.RarestPassPresearcherTest.compile;
import static io.newswatch.alerter.match.RarestPassPresearcherTest.document;
import static io.newswatch.alerter.match.RarestPassPresearcherTest.monitor;
import static io.newswatch.alerter.match.RarestPassPresearcherTest.rarestFirst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries stored rewritten and run from their weights ({@link RewrittenOnce}) give the candidates and matches of
 * Lucene's own decomposition, per-article rewrite and search ({@link QueryMatch#SIMPLE_MATCHER}): the benchmark's
 * generated rules and hand-written ones of every kind the rule language has, over generated articles.
 */
class RewrittenOnceTest {

    /** Kinds the generated rules lack: fuzzy (rewritten per article), boosts, exclusions of a disjunction, ids. */
    private static final List<String> MORE_KINDS = List.of("Vucic~1 AND Montenegro", "Montenegro^3 OR Serbia^0.5",
            "(Montenegro OR Serbia OR Kosovo) AND NOT football", "entity:person/sergey-lavrov OR Лавров",
            "\"Lavrov\" AND title:\"prime minister\"~2", "title:mont* OR body:/serb[a-z]+/ OR organization:\"NATO\"",
            "location:Montenegro AND NOT (topic:sport OR football)", "+Montenegro -Serbia Kosovo",
            "body:Vu?ic OR Podgorica*");

    @Test
    void theSameCandidatesAndMatchesAsLucenesRewriteAndSearchPerArticle() throws IOException {
        Map<String, Query> queries = queries();
        TermWeightor rarestFirst = rarestFirst(queries);
        try (Monitor lucene = monitor(new RarestPassPresearcher(RuleMatcher.PASSES, rarestFirst), queries,
                new RuleMatcher.OneSegment().setQueryDecomposer(new QueryDecomposer()));
             Monitor once = monitor(new RarestPassPresearcher(RuleMatcher.PASSES, rarestFirst), queries,
                     new RuleMatcher.OneSegment())) {
            assertSameCandidatesAndMatches(lucene, QueryMatch.SIMPLE_MATCHER, once, RewrittenOnce.MATCHER);
        }
    }

    @Test
    void almostEveryQueryIsStoredRewrittenAndFuzzyOnesAreNot() {
        List<Query> decomposed = new ArrayList<>();
        queries().values().forEach(query -> decomposed.addAll(new RewrittenOnce.Decomposer().decompose(query)));
        long rewritten = decomposed.stream().filter(RewrittenOnce.Rewritten.class::isInstance).count();
        assertThat(rewritten).isGreaterThan(decomposed.size() * 99L / 100);
        assertThat(new RewrittenOnce.Decomposer().decompose(compile("Vucic~1 AND Montenegro")))
                .noneMatch(RewrittenOnce.Rewritten.class::isInstance);
    }

    /** What the stored form claims: the rewrite on an article's index is the one made without an index. */
    @Test
    void theStoredRewriteIsWhatEachArticlesIndexRewritesTo() throws IOException {
        List<RewrittenOnce.Rewritten> stored = new ArrayList<>();
        for (Query query : queries().values()) {
            for (Query part : new RewrittenOnce.Decomposer().decompose(query)) {
                if (part instanceof RewrittenOnce.Rewritten rewritten) {
                    stored.add(rewritten);
                }
            }
        }
        for (ArticleDocument article : articles().subList(0, 20)) {
            IndexSearcher searcher = MemoryIndex.fromDocument(document(article), ArticleAnalyzer.INSTANCE)
                    .createSearcher();
            for (RewrittenOnce.Rewritten query : stored) {
                assertThat(searcher.rewrite(query.query)).as(query.query.toString()).isEqualTo(query.rewritten);
            }
        }
    }

    private static Map<String, Query> queries() {
        Map<String, Query> queries = new LinkedHashMap<>(RarestPassPresearcherTest.rules());
        for (int i = 0; i < MORE_KINDS.size(); i++) {
            queries.put("kind-" + i, RuleMatcher.nonScoring(compile(MORE_KINDS.get(i))));
        }
        assertThat(queries).hasSizeGreaterThan(RarestPassPresearcherTest.RULES + HANDWRITTEN.size());
        return queries;
    }
}
