package io.newswatch.poller.parse;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CSS queries parsed once. jsoup parses a query string again at every {@code select(String)}: in the bench's
 * profile that parsing was 6 to 24% of the poller's CPU, most of it a {@code select("a")} per candidate block of
 * every page. jsoup's evaluators are thread-safe and meant to be reused. Only constant queries come here, so the
 * cache stays as small as the code's list of queries.
 */
final class Css {

    private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

    private Css() {
    }

    /** The parsed query. */
    static Evaluator of(String query) {
        Evaluator evaluator = PARSED.get(query);
        return evaluator != null ? evaluator : PARSED.computeIfAbsent(query, QueryParser::parse);
    }
}
