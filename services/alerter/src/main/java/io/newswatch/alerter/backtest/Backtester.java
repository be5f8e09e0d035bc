package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Rule;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a rule's query over the article history: Elasticsearch finds the candidates ({@link CandidateQuery}), the
 * live matcher decides, so a backtest counts exactly what live matching would have matched. Up to
 * {@code maxCandidates} candidates are checked; beyond that the result says it is incomplete.
 */
public final class Backtester {

    private final ArticleHistory history;
    private final int maxCandidates;

    public Backtester(ArticleHistory history, int maxCandidates) {
        this.history = history;
        this.maxCandidates = maxCandidates;
    }

    /** One article the query matches. */
    public record Hit(String id, String url, String title, String source, Instant published, String storyId,
                      String snippet) {
    }

    /**
     * What a query matched in the period.
     *
     * @param query      the query
     * @param matched    articles it matches (among those checked)
     * @param alerts     alerts it would have raised: one per story, or per article for rules scoped so
     * @param candidates articles Elasticsearch proposed
     * @param checked    candidates checked with the live matcher
     * @param complete   true when every candidate was checked, so the counts are exact
     * @param hits       the newest matches, with snippets
     */
    public record Result(String query, int matched, int alerts, long candidates, int checked, boolean complete,
                         List<Hit> hits) {
    }

    /**
     * An edited query against the current one over the same period.
     *
     * @param gained articles the edit would add (newest first, up to the hit limit)
     * @param lost   articles the edit would lose
     */
    public record Comparison(Result current, Result edited, int both, int gainedCount, int lostCount,
                             List<Hit> gained, List<Hit> lost) {
    }

    /** The outcome of one run, with every matched article, for comparisons. */
    private record Run(Result result, Map<String, EnrichedArticle> matched) {
    }

    /** Runs one query. */
    public Result run(String text, Query query, Rule.Scope scope, Instant from, Instant to, int size)
            throws IOException {
        return execute(text, query, scope, from, to, size).result();
    }

    /** Runs the current and an edited query and says what the edit gains and loses. */
    public Comparison compare(String currentText, Query current, String editedText, Query edited, Rule.Scope scope,
                              Instant from, Instant to, int size) throws IOException {
        Run before = execute(currentText, current, scope, from, to, size);
        Run after = execute(editedText, edited, scope, from, to, size);
        Set<String> both = new LinkedHashSet<>(before.matched().keySet());
        both.retainAll(after.matched().keySet());
        List<EnrichedArticle> gained = after.matched().values().stream()
                .filter(a -> !before.matched().containsKey(a.id())).toList();
        List<EnrichedArticle> lost = before.matched().values().stream()
                .filter(a -> !after.matched().containsKey(a.id())).toList();
        return new Comparison(before.result(), after.result(), both.size(), gained.size(), lost.size(),
                hits(gained, edited, size), hits(lost, current, size));
    }

    private Run execute(String text, Query query, Rule.Scope scope, Instant from, Instant to, int size)
            throws IOException {
        Map<String, EnrichedArticle> matched = new LinkedHashMap<>();
        long candidates = 0;
        int checked = 0;
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put("backtest", query);
            JsonNode after = null;
            while (checked < maxCandidates) {
                ArticleHistory.Page page = history.page(CandidateQuery.over(query), from, to, after);
                candidates = page.total();
                for (EnrichedArticle article : page.articles()) {
                    if (checked == maxCandidates) {
                        break;
                    }
                    checked++;
                    if (matcher.match(ArticleDocument.of(article)).contains("backtest")) {
                        matched.put(article.id(), article);
                    }
                }
                if (page.articles().isEmpty() || page.after() == null || checked >= candidates) {
                    break;
                }
                after = page.after();
            }
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (EnrichedArticle article : matched.values()) {
            subjects.add(scope == Rule.Scope.ARTICLE || article.story() == null ? article.id()
                    : article.story().id());
        }
        Result result = new Result(text, matched.size(), subjects.size(), candidates, checked,
                checked >= candidates, hits(List.copyOf(matched.values()), query, size));
        return new Run(result, matched);
    }

    private static List<Hit> hits(List<EnrichedArticle> articles, Query query, int size) {
        List<Hit> hits = new ArrayList<>();
        for (EnrichedArticle article : articles.subList(0, Math.min(size, articles.size()))) {
            String snippet = MatchExplainer.explain(query, ArticleDocument.of(article)).snippet();
            hits.add(new Hit(article.id(), article.article().url(), article.article().title(),
                    article.article().source() == null ? null : article.article().source().name(),
                    article.article().published(), article.story() == null ? null : article.story().id(), snippet));
        }
        return hits;
    }
}
