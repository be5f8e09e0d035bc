package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search's small decisions: the histogram's interval for a period, the lead shown for "everything", and when
 * facets are estimated from a sample. Elasticsearch's side is played by canned answers here; {@code BacktestIT}
 * runs the same searches on a real one.
 */
class SearcherTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void theHistogramIntervalIsTheShortestThatDrawsThePeriodInFortyBars() {
        assertThat(interval(Duration.ofMinutes(3))).isEqualTo("1m");
        assertThat(interval(Duration.ofMinutes(50))).isEqualTo("5m");
        assertThat(interval(Duration.ofHours(30))).isEqualTo("1h");
        assertThat(interval(Duration.ofDays(7))).isEqualTo("6h");
        assertThat(interval(Duration.ofDays(30))).isEqualTo("1d");
        assertThat(interval(Duration.ofDays(365))).isEqualTo("1M");
        assertThat(interval(Duration.ofDays(365 * 50))).isEqualTo("1y");
    }

    @Test
    void theHistogramCoversThePeriodWithEmptyBuckets() {
        Searcher.Bounds bounds = Searcher.Bounds.of(START, START.plus(Duration.ofDays(30)));
        var histogram = Searcher.histogram(bounds).path("date_histogram");
        assertThat(histogram.path("fixed_interval").asText()).isEqualTo("1d");
        assertThat(histogram.path("min_doc_count").asInt()).isZero();
        assertThat(histogram.at("/extended_bounds/min").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(Searcher.histogram(Searcher.Bounds.of(START, START.plus(Duration.ofDays(900))))
                .at("/date_histogram/calendar_interval").asText()).isEqualTo("1M");
    }

    @Test
    void theLeadIsTheSummaryCutAtAWordAndEscaped() {
        assertThat(Searcher.lead(article().summary("Talks  in <Brussels> & \"Podgorica\"").body("Body").build()))
                .isEqualTo("Talks in &lt;Brussels&gt; &amp; &quot;Podgorica&quot;");
        assertThat(Searcher.lead(article().summary(" ").body("From the body.").build())).isEqualTo("From the body.");
        String lead = Searcher.lead(article().summary("word ".repeat(100)).build());
        assertThat(lead).endsWith("word…").hasSizeLessThanOrEqualTo(301);
    }

    @Test
    void overManyCandidatesFacetsAndTheHistogramAreEstimatedFromASampleAndSaySo() throws Exception {
        FakeElasticsearch elasticsearch = new FakeElasticsearch(50_000, 50_000, 5_012);
        SearchResult result = new Searcher(elasticsearch, "articles", 1000, 5_000)
                .search("Montenegro", QueryCompiler.compile("Montenegro"), null, null, 2, null);

        assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactly("a1", "a2");
        assertThat(result.total().exact()).isTrue();
        assertThat(result.total().value()).isEqualTo(50_000);
        assertThat(result.sample()).isEqualTo(5_012);
        assertThat(result.facetsExact()).isFalse();
        assertThat(result.note()).contains("estimated from a random sample of 5,012 of the 50,000");
        assertThat(result.facets().get("location")).containsExactly(new SearchResult.Count("Montenegro", 41_000));
        JsonNode sampler = elasticsearch.aggregationRequest().at("/aggs/sample/random_sampler");
        assertThat(sampler.path("probability").asDouble()).isEqualTo(0.1);
        assertThat(elasticsearch.aggregationRequest().at("/aggs/sample/aggs/location/terms/field").asText())
                .isEqualTo("location");
    }

    @Test
    void overFewCandidatesFacetsAndTheHistogramCountEveryOne() throws Exception {
        FakeElasticsearch elasticsearch = new FakeElasticsearch(9_000, 9_000, 0);
        SearchResult result = new Searcher(elasticsearch, "articles", 1000, 5_000)
                .search("Montenegro", QueryCompiler.compile("Montenegro"), null, null, 2, null);

        assertThat(result.sample()).isNull();
        assertThat(result.facetsExact()).isTrue();
        assertThat(result.note()).isNull();
        assertThat(elasticsearch.aggregationRequest().path("aggs").has("sample")).isFalse();
        assertThat(elasticsearch.aggregationRequest().at("/aggs/location/terms/field").asText()).isEqualTo("location");
    }

    @Test
    void aSampleOfCandidatesThatAreNotAllMatchesSaysBoth() throws Exception {
        FakeElasticsearch elasticsearch = new FakeElasticsearch(50_000, 49_000, 5_012);
        SearchResult result = new Searcher(elasticsearch, "articles", 1000, 5_000)
                .search("Montenegro", QueryCompiler.compile("Montenegro"), null, null, 2, null);

        assertThat(result.total().exact()).isFalse();
        assertThat(result.total().atLeast()).isEqualTo(49_000);
        assertThat(result.note()).startsWith("Facets and the histogram are estimated from a random sample of 5,012 "
                + "of the 50,000 candidate articles, of which at least 49,000 match the query");
    }

    /**
     * Elasticsearch as a search sees it: the first request (hits, with the count) finds {@code candidates}, of which
     * the subset translation finds {@code likely}, and returns three articles on Montenegro, all "likely"; an
     * aggregation request returns one location, as a sample of {@code sampled} articles when it asked for one.
     */
    private static final class FakeElasticsearch implements ArticleHistory.Search {

        private final long candidates;
        private final long likely;
        private final long sampled;
        private volatile JsonNode aggregationRequest;

        FakeElasticsearch(long candidates, long likely, long sampled) {
            this.candidates = candidates;
            this.likely = likely;
            this.sampled = sampled;
        }

        JsonNode aggregationRequest() {
            return aggregationRequest;
        }

        @Override
        public JsonNode post(String path, String body) throws IOException {
            JsonNode request = Json.mapper().readTree(body);
            ObjectNode answer = Json.mapper().createObjectNode();
            if (request.path("aggs").has("first")) { // the index's oldest and newest article
                answer.putObject("aggregations").putObject("first").put("value", START.toEpochMilli());
                answer.with("aggregations").putObject("last").put("value", START.plusSeconds(86_400).toEpochMilli());
                return answer;
            }
            if (request.path("size").asInt() == 0) {
                aggregationRequest = request;
                ObjectNode aggregations = answer.putObject("aggregations");
                ObjectNode counted = request.path("aggs").has("sample")
                        ? aggregations.putObject("sample").put("doc_count", sampled) : aggregations;
                counted.putObject("location").putArray("buckets").addObject().put("key", "Montenegro")
                        .put("doc_count", 41_000);
                return answer;
            }
            ObjectNode hits = answer.putObject("hits");
            hits.putObject("total").put("value", candidates);
            answer.putObject("aggregations").putObject("certain").put("doc_count", likely);
            ArrayNode page = hits.putArray("hits");
            for (int i = 1; i <= 3; i++) {
                ObjectNode hit = page.addObject();
                hit.putArray("sort").add(1_000 - i).add("a" + i);
                hit.putArray("matched_queries").add("likely");
                hit.putObject("_source").put("id", "a" + i).put("url", "https://wire.example/" + i)
                        .put("title", "Vote in Montenegro").put("body", "Montenegro's parliament voted.")
                        .put("published", START.plusSeconds(i).toString());
            }
            return answer;
        }
    }

    private static String interval(Duration period) {
        return Searcher.Interval.covering(START, START.plus(period), 40).name();
    }
}
