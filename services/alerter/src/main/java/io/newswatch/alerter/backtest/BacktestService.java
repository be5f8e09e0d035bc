package io.newswatch.alerter.backtest;

import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Backtests for the REST API: checks the request, runs {@link Backtester} against the articles alias. */
@ApplicationScoped
public class BacktestService {

    private static final int DEFAULT_SIZE = 10;
    private static final int MAX_SIZE = 100;
    private static final int DEFAULT_DAYS = 30;

    private final Backtester backtester;
    private final Clock clock;

    BacktestService(RestClient client, ElasticsearchConfig elasticsearch, AlerterConfig config, Clock clock) {
        this.clock = clock;
        ArticleHistory history = new ArticleHistory(http(client, elasticsearch, config),
                elasticsearch.indices().articles());
        this.backtester = new Backtester(history, config.backtest().maxCandidates());
    }

    /** Searches of the article history, with the backtest's timeouts (searches use it too). */
    static ArticleHistory.Search http(RestClient client, ElasticsearchConfig elasticsearch, AlerterConfig config) {
        RequestOptions options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout((int) Math.min(elasticsearch.connectTimeout().toMillis(), 5_000))
                .setSocketTimeout((int) config.backtest().timeout().toMillis()).build()).build();
        return (path, body) -> {
            Request request = new Request("POST", path);
            request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
            request.setOptions(options);
            try (var content = client.performRequest(request).getEntity().getContent()) {
                return Json.mapper().readTree(content);
            }
        };
    }

    /** Backtests a stored rule, or an edited version of it against the stored one. */
    public BacktestResponse backtest(Rule rule, Query current, BacktestRequest request) {
        BacktestRequest body = request == null ? new BacktestRequest(null, null, null, null, null, null) : request;
        Instant to = instant("to", body.to(), clock.instant());
        Instant from = from(body, to);
        int size = size(body);
        return elasticsearch(() -> {
            if (body.query() == null || body.query().isBlank() || body.query().strip().equals(rule.query())) {
                return BacktestResponse.of(rule.id(), from, to,
                        backtester.run(rule.query(), current, rule.scope(), from, to, size));
            }
            Query edited = compile(body.query());
            return BacktestResponse.of(rule.id(), from, to, backtester.compare(rule.query(), current,
                    body.query().strip(), edited, rule.scope(), from, to, size));
        });
    }

    /** Backtests a query that is not saved as a rule. */
    public BacktestResponse backtest(BacktestRequest request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("query", "a backtest without a rule needs a query", 0);
        }
        Query query = compile(request.query());
        Instant to = instant("to", request.to(), clock.instant());
        Instant from = from(request, to);
        Rule.Scope scope = "article".equalsIgnoreCase(request.scope()) ? Rule.Scope.ARTICLE : Rule.Scope.STORY;
        return elasticsearch(() -> BacktestResponse.of(null, from, to,
                backtester.run(request.query().strip(), query, scope, from, to, size(request))));
    }

    static Query compile(String text) {
        try {
            return QueryCompiler.compile(text);
        } catch (InvalidQueryException e) {
            throw ApiException.badRequest("query", e.getMessage(), e.position());
        }
    }

    private Instant from(BacktestRequest request, Instant to) {
        int days = request.days() == null ? DEFAULT_DAYS : request.days();
        if (days < 1 || days > 3650) {
            throw ApiException.badRequest("days", "days is between 1 and 3650");
        }
        Instant from = instant("from", request.from(), to.minus(Duration.ofDays(days)));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "from must be before to");
        }
        return from;
    }

    private static int size(BacktestRequest request) {
        int size = request.size() == null ? DEFAULT_SIZE : request.size();
        if (size < 0 || size > MAX_SIZE) {
            throw ApiException.badRequest("size", "size is between 0 and " + MAX_SIZE);
        }
        return size;
    }

    static Instant instant(String field, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not an ISO-8601 instant (2026-11-01T00:00:00Z)");
        }
    }

    /** A search that Elasticsearch could not answer. */
    interface Search<T> {
        T run() throws IOException;
    }

    private static <T> T elasticsearch(Search<T> search) {
        return elasticsearch("backtest", search);
    }

    /** Runs a search of the history; Elasticsearch's failures become 404, 502 or 503 answers about {@code what}. */
    static <T> T elasticsearch(String what, Search<T> search) {
        try {
            return search.run();
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            throw new ApiException(status == 404 ? 404 : 502, "Elasticsearch refused the " + what + " (HTTP "
                    + status + "): " + firstLine(e.getMessage()), null, null);
        } catch (IOException e) {
            throw new ApiException(503, "Elasticsearch is unavailable for " + what + "s: " + e.getMessage(), null,
                    null);
        } catch (RuleMatcher.MatchException e) {
            // the compiler's checks should keep this away; if not, the query's fault, said as such
            throw new ApiException(400, e.getMessage(), "query", null);
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
