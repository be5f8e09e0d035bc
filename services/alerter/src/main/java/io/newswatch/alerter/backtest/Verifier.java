package io.newswatch.alerter.backtest;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.MatchExplanation;
import io.newswatch.alerter.match.RuleMatcher;
import org.apache.lucene.search.Query;

/**
 * Decides whether a candidate of a search matches its query, and highlights it, analysing the article once when it
 * can. The highlight comes from {@link MatchExplainer}, which runs the query over the article with the matcher's
 * analysis through Lucene's Matches API: Matches exist only for a document the whole query matches, so an
 * explanation that found words, entities or topics proves the match by itself. Only when it found none (the
 * candidate may not match, or the query matched without positions, as a pure negation does) does the live matcher
 * decide. Candidates that Elasticsearch's subset translation ({@link CandidateQuery#under}) already finds are
 * explained first, since they nearly always match; the others go to the matcher first, and are explained only when
 * they match. The matcher (a Lucene Monitor) is built on the first candidate that needs it.
 */
final class Verifier implements AutoCloseable {

    private static final String RULE = "search";

    private final Query query;
    private RuleMatcher matcher;
    private int matcherChecks;

    /** @param query the compiled query */
    Verifier(Query query) {
        this.query = query;
    }

    /**
     * The highlighted snippet of a candidate that matches, or null when it does not.
     *
     * @param likely true when the subset translation finds the candidate (so it almost surely matches)
     */
    String check(ArticleDocument document, boolean likely) {
        if (likely) {
            MatchExplanation explanation = MatchExplainer.explain(query, document);
            return proves(explanation) || matches(document) ? explanation.snippet() : null;
        }
        return matches(document) ? MatchExplainer.explain(query, document).snippet() : null;
    }

    /** How many candidates the live matcher had to check (the others were proved by their explanation). */
    int matcherChecks() {
        return matcherChecks;
    }

    private static boolean proves(MatchExplanation explanation) {
        return !explanation.terms().isEmpty() || !explanation.entities().isEmpty()
                || !explanation.topics().isEmpty();
    }

    private boolean matches(ArticleDocument document) {
        if (matcher == null) {
            matcher = new RuleMatcher();
            matcher.put(RULE, query);
        }
        matcherChecks++;
        return matcher.match(document).contains(RULE);
    }

    @Override
    public void close() {
        if (matcher != null) {
            matcher.close();
        }
    }
}
