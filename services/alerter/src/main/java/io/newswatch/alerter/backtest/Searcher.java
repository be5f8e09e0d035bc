package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A search of the article history with the rule language: what a rule with this query would match, newest first,
 * page by page, with facets and a histogram over time. Like a backtest, Elasticsearch proposes candidates
 * ({@link CandidateQuery#over}) and the live matcher's analysis decides ({@link Verifier}), so every hit is one a
 * rule would have alerted on.
 *
 * <p>A search is for reading, so it checks candidates only until it has a page of hits (or has checked
 * {@code maxChecked} candidates); the backtest is the tool that counts everything. The first request of the first
 * page also counts the candidates and those the subset translation ({@link CandidateQuery#under}) finds; facets and
 * the histogram are then aggregated by Elasticsearch in a second request, which runs while the hits are checked
 * when its answer cannot depend on them. They are exact when the candidates are exactly the matches: when every
 * candidate was checked (then they are aggregated over the matched articles if some candidates did not match) or
 * when the subset translation finds as many articles as the superset. Otherwise the result says they are
 * approximate and how far off they can be. Over more than {@code 2 × sampleSize} candidates they are estimated from
 * a random sample of about {@code sampleSize} of them (Elasticsearch's {@code random_sampler}), so that a broad
 * search costs the same over a hundred thousand articles as over ten million; the result says so.
 */
public final class Searcher {

    /** The facets of a search: the name an analyst sees, and the indexed keyword field. */
    public static final Map<String, String> FACETS = facets();
    /** Candidates the facets and the histogram are estimated from when there are many. */
    public static final int SAMPLE_SIZE = 5_000;
    private static final int FACET_SIZE = 10;
    private static final int HISTOGRAM_BUCKETS = 40;
    private static final int LEAD = 300;
    private static final int NEXT_PAGE = 200;
    /** The name of the subset translation in a hits request: a hit it finds almost surely matches. */
    private static final String LIKELY = "likely";
    /** The sample is the same for every request, so that facets do not change when a page is loaded again. */
    private static final int SAMPLE_SEED = 20_261_205;
    private static final Executor AGGREGATIONS = task -> Thread.ofVirtual().name("search-aggregations").start(task);

    private final ArticleHistory.Search search;
    private final String index;
    private final int maxChecked;
    private final int sampleSize;

    /**
     * @param index      the articles alias
     * @param maxChecked candidates checked with the matcher at most per request
     */
    public Searcher(ArticleHistory.Search search, String index, int maxChecked) {
        this(search, index, maxChecked, SAMPLE_SIZE);
    }

    /** @param sampleSize candidates the facets and the histogram are estimated from when there are many */
    public Searcher(ArticleHistory.Search search, String index, int maxChecked, int sampleSize) {
        this.search = search;
        this.index = index;
        this.maxChecked = maxChecked;
        this.sampleSize = sampleSize;
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("topic", "topic");
        facets.put("person", "person");
        facets.put("organization", "organization");
        facets.put("location", "location");
        facets.put("source", "source.name");
        facets.put("language", "language");
        return java.util.Collections.unmodifiableMap(facets);
    }

    /**
     * One page of a search.
     *
     * @param text  the query as typed, or null for every article
     * @param query the compiled query, or null for every article
     * @param from  start of the period (published), inclusive; null: no start
     * @param to    end of the period, exclusive; null: no end
     * @param size  hits wanted
     * @param after the cursor of the previous page ({@link SearchResult#next()}), or null for the first page; the
     *              first page alone carries totals, facets and the histogram
     */
    public SearchResult search(String text, Query query, Instant from, Instant to, int size, String after)
            throws IOException {
        boolean everything = query == null;
        ObjectNode candidates = CandidateQuery.over(everything ? new MatchAllDocsQuery() : query);
        ObjectNode likely = everything ? null : CandidateQuery.under(query);
        boolean first = after == null;
        JsonNode cursor = first ? null : decode(after);
        Bounds bounds = first ? bounds(from, to) : null;

        List<SearchResult.Hit> hits = new ArrayList<>();
        List<String> matchedIds = new ArrayList<>();
        long total = -1;
        long certain = -1;
        CompletableFuture<Counted> early = null;
        int checked = 0;
        JsonNode lastChecked = null;
        boolean exhausted = false;
        int pageSize = size + Math.max(2, size / 10);
        try (Verifier verifier = everything ? null : new Verifier(query)) {
            while (hits.size() < size && checked < maxChecked) {
                boolean counting = first && total < 0;
                pageSize = Math.min(pageSize, maxChecked - checked);
                ObjectNode body = body(candidates, likely, from, to, pageSize, cursor);
                if (counting) {
                    body.put("track_total_hits", true);
                    if (likely != null) {
                        body.putObject("aggs").putObject("certain").set("filter", likely);
                    }
                }
                JsonNode answer = search.post("/" + index + "/_search", Json.encode(body));
                if (counting) {
                    total = answer.path("hits").path("total").path("value").asLong();
                    certain = everything ? total : answer.path("aggregations").path("certain").path("doc_count")
                            .asLong();
                    // Facets that cannot depend on the checks are aggregated meanwhile.
                    if (total > 0 && (certain == total || total > maxChecked)) {
                        long candidateCount = total;
                        early = CompletableFuture.supplyAsync(() -> aggregate(candidates, from, to, bounds,
                                candidateCount), AGGREGATIONS);
                    }
                }
                JsonNode page = answer.path("hits").path("hits");
                int consumed = 0;
                for (JsonNode hit : page) {
                    if (hits.size() == size || checked == maxChecked) {
                        break;
                    }
                    consumed++;
                    checked++;
                    lastChecked = hit.path("sort");
                    EnrichedArticle article = ArticleHistory.article(hit.path("_source"));
                    String snippet = verifier == null ? lead(article) : verifier.check(ArticleDocument.of(article),
                            named(hit, LIKELY));
                    if (snippet != null) {
                        matchedIds.add(article.id());
                        hits.add(hit(article, snippet));
                    }
                }
                if (consumed == page.size() && page.size() < pageSize) {
                    exhausted = true;
                    break;
                }
                cursor = lastChecked;
                pageSize = Math.min(NEXT_PAGE, pageSize * 2);
            }
        }
        String next = exhausted || lastChecked == null ? null : encode(lastChecked);
        if (!first) {
            return new SearchResult(text, from, to, hits, next, null, checked, null, null, null, null, null);
        }
        return firstPage(text, from, to, hits, next, matchedIds, checked, total, certain, exhausted, bounds,
                candidates, early);
    }

    /** True when the hit was found by the request's query of that name. */
    private static boolean named(JsonNode hit, String name) {
        for (JsonNode matched : hit.path("matched_queries")) {
            if (matched.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private SearchResult firstPage(String text, Instant from, Instant to, List<SearchResult.Hit> hits, String next,
                                   List<String> matchedIds, int checked, long candidates, long certain,
                                   boolean exhausted, Bounds bounds, ObjectNode candidateQuery,
                                   CompletableFuture<Counted> early) throws IOException {
        SearchResult.Total total;
        Counted counted;
        String note = null;
        if (certain == candidates || exhausted && matchedIds.size() == candidates) {
            // the candidates are exactly the matches
            total = new SearchResult.Total(candidates, true, candidates, candidates);
            counted = early != null ? join(early) : aggregate(candidateQuery, from, to, bounds, candidates);
        } else if (exhausted) {
            total = new SearchResult.Total(matchedIds.size(), true, matchedIds.size(), matchedIds.size());
            counted = recount(matchedIds, bounds);
        } else {
            total = new SearchResult.Total(candidates, false, certain, candidates);
            counted = early != null ? join(early) : aggregate(candidateQuery, from, to, bounds, candidates);
            String counting = counted.sample() == null ? "count" : String.format(Locale.ROOT,
                    "are estimated from a random sample of %,d of", counted.sample());
            note = String.format(Locale.ROOT, "Facets and the histogram %s the %,d candidate articles, of which at "
                    + "least %,d match the query; of the %,d checked so far, %,d do.", counting, candidates, certain,
                    checked, matchedIds.size());
        }
        if (note == null && counted.sample() != null) {
            note = String.format(Locale.ROOT, "Facets and the histogram are estimated from a random sample of %,d of "
                    + "the %,d matching articles.", counted.sample(), candidates);
        }
        JsonNode aggregations = counted.aggregations();
        Map<String, List<SearchResult.Count>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            // a count estimated from a sample can come out above the candidates it stands for
            facets.put(name, counts(aggregations == null ? null : aggregations.path(name), candidates));
        }
        return new SearchResult(text, from, to, hits, next, total, checked, facets,
                total.exact() && counted.sample() == null, histogram(aggregations, bounds), note, counted.sample());
    }

    /**
     * Facets and histogram, or null aggregations when there is nothing to count.
     *
     * @param sample how many articles a random sample held when they were estimated from one; null when every
     *               article was counted
     */
    private record Counted(JsonNode aggregations, Long sample) {

        static final Counted NOTHING = new Counted(null, null);
    }

    /**
     * Facets and histogram over the candidates: every one of them, or a random sample of about
     * {@link #sampleSize} when there are more than twice as many.
     */
    private Counted aggregate(ObjectNode candidates, Instant from, Instant to, Bounds bounds, long count) {
        if (count == 0) {
            return Counted.NOTHING;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", false);
        body.set("query", filtered(candidates, from, to));
        boolean sampled = count > 2L * sampleSize;
        if (sampled) {
            ObjectNode sample = body.putObject("aggs").putObject("sample");
            sample.putObject("random_sampler").put("probability", (double) sampleSize / count)
                    .put("seed", SAMPLE_SEED);
            sample.set("aggs", aggregations(bounds));
        } else {
            body.set("aggs", aggregations(bounds));
        }
        try {
            JsonNode aggregations = search.post("/" + index + "/_search", Json.encode(body)).path("aggregations");
            return sampled ? new Counted(aggregations.path("sample"), aggregations.path("sample").path("doc_count")
                    .asLong()) : new Counted(aggregations, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Counted join(CompletableFuture<Counted> counting) throws IOException {
        try {
            return counting.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The facets and the histogram again, over exactly the articles that matched. */
    private Counted recount(List<String> ids, Bounds bounds) throws IOException {
        if (ids.isEmpty()) {
            return Counted.NOTHING;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        body.set("aggs", aggregations(bounds));
        return new Counted(search.post("/" + index + "/_search", Json.encode(body)).path("aggregations"), null);
    }

    /**
     * The period the histogram covers: the one asked for, its open ends closed by the oldest and newest article of
     * the index (looked up at most once a minute), so that a search over any time shows when its hits were
     * published among everything newswatch holds. Null when the index is empty.
     */
    private Bounds bounds(Instant from, Instant to) throws IOException {
        if (from != null && to != null) {
            return Bounds.of(from, to);
        }
        Bounds index = indexBounds();
        if (index == null) {
            return from == null ? null : Bounds.of(from, to == null ? from : to);
        }
        Instant start = from != null ? from : index.first();
        Instant end = to != null ? to : index.last();
        return end.isAfter(start) ? Bounds.of(start, end) : Bounds.of(start, start.plusSeconds(3600));
    }

    private Bounds indexBounds() throws IOException {
        Cached cached = indexBounds;
        if (cached != null && System.nanoTime() - cached.at() < BOUNDS_LIFETIME_NANOS) {
            return cached.bounds();
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("first").putObject("min").put("field", "published");
        aggs.putObject("last").putObject("max").put("field", "published");
        JsonNode answer = search.post("/" + index + "/_search", Json.encode(body)).path("aggregations");
        Bounds bounds = answer.path("first").path("value").isNumber() && answer.path("last").path("value").isNumber()
                ? Bounds.of(Instant.ofEpochMilli(answer.path("first").path("value").asLong()),
                Instant.ofEpochMilli(answer.path("last").path("value").asLong())) : null;
        indexBounds = new Cached(bounds, System.nanoTime());
        return bounds;
    }

    private static final long BOUNDS_LIFETIME_NANOS = 60_000_000_000L;
    private volatile Cached indexBounds;

    private record Cached(Bounds bounds, long at) {
    }

    /** A period and the histogram interval that draws it in at most {@value #HISTOGRAM_BUCKETS} buckets. */
    record Bounds(Instant first, Instant last, Interval interval) {

        static Bounds of(Instant first, Instant last) {
            return new Bounds(first, last, Interval.covering(first, last, HISTOGRAM_BUCKETS));
        }
    }

    private static ObjectNode body(ObjectNode candidates, ObjectNode likely, Instant from, Instant to, int size,
                                   JsonNode after) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", size);
        body.put("track_total_hits", false);
        ObjectNode query = filtered(candidates, from, to);
        if (likely != null) {
            // Scores are not needed (the sort is by time), so this clause only names the hits it finds.
            query.with("bool").withArray("should").addObject().putObject("bool").put("_name", LIKELY)
                    .withArray("filter").add(likely);
        }
        body.set("query", query);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("published").put("order", "desc").put("missing", "_last");
        sort.addObject().putObject("id").put("order", "asc");
        ArrayNode includes = body.putObject("_source").putArray("includes");
        ArticleHistory.FIELDS.forEach(includes::add);
        if (after != null) {
            body.set("search_after", after);
        }
        return body;
    }

    /** The candidates published in the period. */
    private static ObjectNode filtered(ObjectNode candidates, Instant from, Instant to) {
        ObjectNode query = Json.mapper().createObjectNode();
        ArrayNode filter = query.putObject("bool").putArray("filter");
        filter.add(candidates);
        if (from != null || to != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("published");
            if (from != null) {
                range.put("gte", from.toString());
            }
            if (to != null) {
                range.put("lt", to.toString());
            }
        }
        return query;
    }

    /** Facets, and the histogram over the bounds. */
    private static ObjectNode aggregations(Bounds bounds) {
        ObjectNode aggs = Json.mapper().createObjectNode();
        FACETS.forEach((name, field) -> aggs.putObject(name).putObject("terms").put("field", field)
                .put("size", FACET_SIZE));
        if (bounds != null) {
            aggs.set("histogram", histogram(bounds));
        }
        return aggs;
    }

    /**
     * The histogram: a {@code date_histogram} whose interval gives at most {@value #HISTOGRAM_BUCKETS} buckets over
     * the period (the minimal Elasticsearch has no {@code auto_date_histogram}), empty buckets included.
     */
    static ObjectNode histogram(Bounds bounds) {
        Instant first = bounds.first();
        Instant last = bounds.last();
        Interval interval = bounds.interval();
        ObjectNode histogram = Json.mapper().createObjectNode();
        ObjectNode settings = histogram.putObject("date_histogram");
        settings.put("field", "published");
        settings.put(interval.calendar() ? "calendar_interval" : "fixed_interval", interval.name());
        settings.put("min_doc_count", 0);
        settings.putObject("extended_bounds").put("min", first.toEpochMilli()).put("max", last.toEpochMilli());
        return histogram;
    }

    /** A histogram interval as Elasticsearch names it, and its length. */
    record Interval(String name, java.time.Duration length, boolean calendar) {

        private static final List<Interval> ALL = List.of(
                new Interval("1m", java.time.Duration.ofMinutes(1), false),
                new Interval("5m", java.time.Duration.ofMinutes(5), false),
                new Interval("15m", java.time.Duration.ofMinutes(15), false),
                new Interval("30m", java.time.Duration.ofMinutes(30), false),
                new Interval("1h", java.time.Duration.ofHours(1), false),
                new Interval("3h", java.time.Duration.ofHours(3), false),
                new Interval("6h", java.time.Duration.ofHours(6), false),
                new Interval("12h", java.time.Duration.ofHours(12), false),
                new Interval("1d", java.time.Duration.ofDays(1), false),
                new Interval("7d", java.time.Duration.ofDays(7), false),
                new Interval("1M", java.time.Duration.ofDays(31), true),
                new Interval("1y", java.time.Duration.ofDays(366), true));

        /** The shortest interval that covers [first, last] in at most {@code buckets} buckets. */
        static Interval covering(Instant first, Instant last, int buckets) {
            java.time.Duration span = java.time.Duration.between(first, last);
            for (Interval interval : ALL) {
                if (span.dividedBy(interval.length()) < buckets) {
                    return interval;
                }
            }
            return ALL.getLast();
        }
    }

    private static List<SearchResult.Count> counts(JsonNode aggregation, long atMost) {
        List<SearchResult.Count> counts = new ArrayList<>();
        if (aggregation != null) {
            for (JsonNode bucket : aggregation.path("buckets")) {
                counts.add(new SearchResult.Count(bucket.path("key").asText(),
                        Math.min(atMost, bucket.path("doc_count").asLong())));
            }
        }
        return counts;
    }

    private static SearchResult.Histogram histogram(JsonNode aggregations, Bounds bounds) {
        if (aggregations == null || bounds == null) {
            return new SearchResult.Histogram(null, List.of());
        }
        JsonNode histogram = aggregations.path("histogram");
        List<SearchResult.Bucket> buckets = new ArrayList<>();
        for (JsonNode bucket : histogram.path("buckets")) {
            buckets.add(new SearchResult.Bucket(Instant.ofEpochMilli(bucket.path("key").asLong()),
                    bucket.path("doc_count").asLong()));
        }
        return new SearchResult.Histogram(bounds.interval().name(), buckets);
    }

    private static SearchResult.Hit hit(EnrichedArticle article, String snippet) {
        return new SearchResult.Hit(article.id(), article.article().url(), article.article().title(),
                article.article().source() == null ? null : article.article().source().name(),
                article.article().language(), article.article().published(),
                article.story() == null ? null : article.story().id(),
                article.story() == null ? 1 : article.story().outlets(), snippet);
    }

    /** The start of the summary (or the body), at most 300 characters, HTML-escaped. */
    static String lead(EnrichedArticle article) {
        String summary = article.article().summary();
        String text = (summary == null || summary.isBlank() ? String.valueOf(article.article().body()) : summary)
                .strip().replaceAll("\\s+", " ");
        if (text.length() > LEAD) {
            int cut = text.lastIndexOf(' ', LEAD);
            text = text.substring(0, cut > LEAD / 2 ? cut : LEAD) + "…";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String encode(JsonNode sort) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.encode(sort).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values a cursor stands for; a cursor that is not one of ours is refused. */
    static JsonNode decode(String cursor) {
        try {
            JsonNode sort = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
            if (sort == null || !sort.isArray() || sort.size() != 2 || !sort.get(1).isTextual()) {
                throw new IllegalArgumentException("not a search cursor");
            }
            return sort;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + cursor + "' is not a cursor of this search", e);
        }
    }
}
