package io.newswatch.alerter.backtest;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.ArticleFields;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.QueryCompiler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search's candidates are decided as the live matcher decides, analysing each article once when its highlight
 * already proves the match, and never trusting Elasticsearch's "likely" alone.
 */
class VerifierTest {

    private static final ArticleDocument MONTENEGRO = ArticleDocument.of(article().title("Podgorica votes")
            .body("Montenegro's parliament backed the budget. Serbia abstained.").person("Milo Đukanović").build());
    private static final ArticleDocument FOOTBALL = ArticleDocument.of(article().title("Cup final")
            .body("Montenegro beat Serbia at football.").build());

    @Test
    void aLikelyCandidateWhoseHighlightProvesTheMatchNeedsNoMatcher() throws InvalidQueryException {
        try (Verifier verifier = new Verifier(QueryCompiler.compile("Montenegro AND person:Djukanovic"))) {
            assertThat(verifier.check(MONTENEGRO, true)).contains("<em>Montenegro");
            assertThat(verifier.matcherChecks()).isZero();
        }
    }

    @Test
    void aLikelyCandidateThatDoesNotMatchIsLeftOut() throws InvalidQueryException {
        // as if the subset translation were wrong: the highlight finds nothing, the matcher decides
        try (Verifier verifier = new Verifier(QueryCompiler.compile("Montenegro NOT football"))) {
            assertThat(verifier.check(FOOTBALL, true)).isNull();
            assertThat(verifier.matcherChecks()).isEqualTo(1);
            assertThat(verifier.check(MONTENEGRO, true)).contains("<em>Montenegro");
            assertThat(verifier.matcherChecks()).isEqualTo(1);
        }
    }

    @Test
    void aMatchWithoutWordsToShowIsDecidedByTheMatcher() {
        // everything but football (the rule language wants a positive part; Lucene does not): a match without
        // positions, so nothing to highlight, and the highlight proves nothing
        Query everythingButFootball = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(ArticleFields.TEXT, "football")), BooleanClause.Occur.MUST_NOT).build();
        try (Verifier verifier = new Verifier(everythingButFootball)) {
            assertThat(verifier.check(MONTENEGRO, true)).startsWith("Podgorica votes");
            assertThat(verifier.check(FOOTBALL, true)).isNull();
            assertThat(verifier.matcherChecks()).isEqualTo(2);
        }
    }

    @Test
    void anUnlikelyCandidateGoesToTheMatcherFirstAndIsHighlightedOnlyWhenItMatches()
            throws InvalidQueryException {
        try (Verifier verifier = new Verifier(QueryCompiler.compile("Serbia AND budget"))) {
            assertThat(verifier.check(FOOTBALL, false)).isNull();
            assertThat(verifier.check(MONTENEGRO, false)).contains("<em>Serbia</em>").contains("<em>budget</em>");
            assertThat(verifier.matcherChecks()).isEqualTo(2);
        }
    }
}
