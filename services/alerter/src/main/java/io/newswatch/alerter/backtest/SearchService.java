package io.newswatch.alerter.backtest;

import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.search.Query;
import org.elasticsearch.client.RestClient;

import java.time.Instant;

/** Searches for the REST API: checks the request, runs {@link Searcher} against the articles alias. */
@ApplicationScoped
public class SearchService {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /**
     * Candidates checked per request: a search answers within a page's time budget (a few hundred milliseconds);
     * counting every match of a broad query is the backtest's job.
     */
    static final int MAX_CHECKED = 1000;

    private final Searcher searcher;

    SearchService(RestClient client, ElasticsearchConfig elasticsearch, AlerterConfig config) {
        this.searcher = new Searcher(BacktestService.http(client, elasticsearch, config),
                elasticsearch.indices().articles(), MAX_CHECKED);
    }

    /**
     * One page of a search.
     *
     * @param text  the query; blank for every article
     * @param from  ISO-8601 instant or blank
     * @param to    ISO-8601 instant or blank
     * @param size  hits per page, or null for the default
     * @param after the previous page's cursor, or blank
     */
    public SearchResult search(String text, String from, String to, Integer size, String after) {
        String query = text == null || text.isBlank() ? null : text.strip();
        Query compiled = query == null ? null : BacktestService.compile(query);
        Instant start = BacktestService.instant("from", from, null);
        Instant end = BacktestService.instant("to", to, null);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("from", "from must be before to");
        }
        int hits = size == null ? DEFAULT_SIZE : size;
        if (hits < 1 || hits > MAX_SIZE) {
            throw ApiException.badRequest("size", "size is between 1 and " + MAX_SIZE);
        }
        String cursor = after == null || after.isBlank() ? null : after.strip();
        if (cursor != null) {
            try {
                Searcher.decode(cursor);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("after", e.getMessage());
            }
        }
        return BacktestService.elasticsearch("search",
                () -> searcher.search(query, compiled, start, end, hits, cursor));
    }
}
