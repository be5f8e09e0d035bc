package io.newswatch.alerter.match;

import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stored queries of all enabled rules, matched against one article at a time by Lucene Monitor: its presearcher
 * indexes each query by its most selective term, so that an article is only checked against the few rules whose
 * terms it contains, however many rules there are. Thread-safe: matching goes on while rules change.
 */
public final class RuleMatcher implements Closeable {

    private final Monitor monitor;

    public RuleMatcher() {
        try {
            this.monitor = new Monitor(ArticleAnalyzer.INSTANCE, new TermFilteredPresearcher());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory query index", e);
        }
    }

    /** Adds or replaces queries, by rule id. Bulk loads should come in one call: each call commits the index. */
    public void put(Map<String, Query> queries) {
        if (queries.isEmpty()) {
            return;
        }
        List<MonitorQuery> monitorQueries = queries.entrySet().stream()
                .map(e -> new MonitorQuery(e.getKey(), e.getValue()))
                .toList();
        try {
            monitor.register(monitorQueries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + queries.size() + " rule queries", e);
        }
    }

    /** Adds or replaces one query. */
    public void put(String ruleId, Query query) {
        put(Map.of(ruleId, query));
    }

    /** Removes queries; unknown ids are ignored. */
    public void remove(Collection<String> ruleIds) {
        if (ruleIds.isEmpty()) {
            return;
        }
        try {
            monitor.deleteById(List.copyOf(ruleIds));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove rule queries " + ruleIds, e);
        }
    }

    /** Ids of the rules whose queries match the article. */
    public Set<String> match(ArticleDocument article) {
        try {
            MatchingQueries<QueryMatch> matches = monitor.match(article.toLucene(), QueryMatch.SIMPLE_MATCHER);
            if (!matches.getErrors().isEmpty()) {
                throw new MatchException(article.id(), matches.getErrors());
            }
            return matches.getMatches().stream().map(QueryMatch::getQueryId).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.id() + " failed", e);
        }
    }

    /** How many rule queries are indexed. */
    public int size() {
        try {
            return monitor.getQueryCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Some rule queries failed on an article (never expected: every query was checked when it was stored). */
    public static final class MatchException extends RuntimeException {
        MatchException(String articleId, Map<String, Exception> errors) {
            super("rules " + errors.keySet() + " failed on article " + articleId + ": "
                    + errors.values().iterator().next());
        }
    }
}
