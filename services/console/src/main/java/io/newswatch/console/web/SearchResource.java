package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.service.AlerterClient;
import io.newswatch.console.service.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /search?q=...}: the article history searched with the rule language. The alerter runs the search (the
 * same semantics as its rules, so a search is a rule preview) and returns verified hits with highlights, facets and
 * a histogram; this page draws them. A facet value narrows the query ({@code AND person:"..."}), a bar of the
 * histogram narrows the period, "save as rule" opens the rule form with the query.
 */
@Path("/search")
public class SearchResource {

    static final int PAGE = 20;
    /** The periods offered, and how far back each reaches; "" is any time. */
    static final Map<String, Duration> PERIODS = periods();
    private static final Map<String, String> FACET_LABELS = Map.of("topic", "Topics", "person", "People",
            "organization", "Organizations", "location", "Places", "source", "Sources", "language", "Languages");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);

        static native TemplateInstance search$results(SearchView view);
    }

    /**
     * The page.
     *
     * @param query      the query as typed
     * @param period     the period chosen ("", "24h", "7d", "30d", "1y", or "custom" for a histogram bar)
     * @param periods    the choices
     * @param from       the start of a custom period (ISO-8601), or ""
     * @param to         its end, or ""
     * @param hits       the hits
     * @param total      "1,204 articles", "about 3,400 articles"
     * @param note       why counts are approximate, or null
     * @param facets     the facets
     * @param bars       the histogram
     * @param firstDay   label under the histogram's first bar
     * @param lastDay    label under its last bar
     * @param more       the address of the next page, or null
     * @param error      what is wrong with the query or the search, or null
     * @param errorAt    the query up to the problem, for a caret, or null
     * @param saveAsRule the address of the rule form with this query, or null
     * @param page       which page of hits this is (1 for the first)
     * @param sample     "a sample of 5,012 articles" when facets and histogram are estimated from a random sample of
     *                   the matches (their counts are then estimates), or null when they count every one
     */
    public record SearchView(String query, String period, List<Choice> periods, String from, String to,
                             List<HitView> hits, String total, String note, List<FacetView> facets, List<BarView> bars,
                             String firstDay, String lastDay, String more, String error, String errorAt,
                             String saveAsRule, int page, String sample) {

        /** The width of the histogram's drawing: ten units per bar. */
        public int barsWidth() {
            return Math.max(10, bars.size() * 10);
        }
    }

    /** A period to choose. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** One hit. */
    public record HitView(String id, String title, String url, String source, String language, String published,
                          int outlets, String snippet) {
    }

    /** A facet with its values. */
    public record FacetView(String name, String label, List<FacetValue> values) {
    }

    /**
     * A facet value: clicking it narrows the search.
     *
     * @param count how many articles have it: "1,204", or "≈1,200" when estimated from a sample
     */
    public record FacetValue(String value, String count, String href) {
    }

    /** A bar of the histogram. */
    public record BarView(int x, int y, int percent, long count, String label, String href) {
    }

    private final AlerterClient alerter;
    private final ConsoleConfig config;
    private final Clock clock;

    SearchResource(AlerterClient alerter, ConsoleConfig config, Clock clock) {
        this.alerter = alerter;
        this.config = config;
        this.clock = clock;
    }

    private static Map<String, Duration> periods() {
        Map<String, Duration> periods = new LinkedHashMap<>();
        periods.put("", null);
        periods.put("24h", Duration.ofHours(24));
        periods.put("7d", Duration.ofDays(7));
        periods.put("30d", Duration.ofDays(30));
        periods.put("1y", Duration.ofDays(365));
        return periods;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("period") String period,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("after") String after, @QueryParam("page") Integer page,
                                   @HeaderParam("HX-Request") String htmx) {
        String query = q == null ? "" : q.strip();
        String chosen = period == null ? "" : period.strip();
        String start = iso(from);
        String end = iso(to);
        if (start.isEmpty() && end.isEmpty() && PERIODS.get(chosen) != null) {
            start = clock.instant().minus(PERIODS.get(chosen)).toString();
        } else if (!start.isEmpty() || !end.isEmpty()) {
            chosen = "custom";
        } else {
            chosen = "";
        }
        int number = page == null || page < 1 ? 1 : page;
        SearchView view = run(query, chosen, start, end, after, number);
        boolean partial = htmx != null && after != null && !after.isBlank();
        return partial ? Templates.search$results(view) : Templates.search(view);
    }

    private SearchView run(String query, String period, String from, String to, String after, int page) {
        List<Choice> periods = new ArrayList<>();
        PERIODS.keySet().forEach(value -> periods.add(new Choice(value, label(value), value.equals(period))));
        if (period.equals("custom")) {
            periods.add(new Choice("custom", Times.day(instant(from), config.timeZone()) + " to "
                    + Times.day(instant(to), config.timeZone()), true));
        }
        String saveAsRule = query.isEmpty() ? null : "/rules/new?query=" + encode(query);
        JsonNode result;
        try {
            result = alerter.search(query, from, to, PAGE, after);
        } catch (ServiceException e) {
            String errorAt = "query".equals(e.field()) && e.position() != null
                    ? query.substring(0, Math.min(e.position(), query.length())) : null;
            return new SearchView(query, period, periods, from, to, List.of(), null, null, List.of(), List.of(), null,
                    null, null, e.getMessage(), errorAt, null, page, null);
        }
        List<HitView> hits = new ArrayList<>();
        for (JsonNode hit : result.path("hits")) {
            Instant published = instant(hit.path("published").asText(null));
            String title = hit.path("title").asText("(untitled)");
            hits.add(new HitView(hit.path("id").asText(), title, Redaction.url(hit.path("url").asText("")),
                    hit.path("source").asText(""), hit.path("language").asText(""),
                    Times.format(published, config.timeZone()), hit.path("storyOutlets").asInt(1),
                    Snippets.withoutTitle(Snippets.clean(hit.path("snippet").asText("")), title)));
        }
        String next = result.path("next").asText(null);
        String more = next == null ? null : "/search?" + parameters(query, period, from, to) + "&after=" + encode(next)
                + "&page=" + (page + 1);
        JsonNode total = result.path("total");
        long value = total.path("value").asLong();
        String totalText = total.isMissingNode() ? null : total.path("exact").asBoolean(true)
                ? String.format("%,d %s", value, value == 1 ? "article" : "articles")
                : String.format("between %,d and %,d articles", total.path("atLeast").asLong(),
                total.path("atMost").asLong(value));
        boolean estimated = result.path("sample").isNumber();
        String sample = estimated ? String.format("a sample of %,d articles", result.path("sample").asLong()) : null;
        List<FacetView> facets = new ArrayList<>();
        result.path("facets").fields().forEachRemaining(facet -> {
            List<FacetValue> values = new ArrayList<>();
            for (JsonNode entry : facet.getValue()) {
                String text = entry.path("value").asText();
                values.add(new FacetValue(text, count(entry.path("count").asLong(), estimated), "/search?"
                        + parameters(Queries.narrow(query, facet.getKey(), text), period, from, to)));
            }
            if (!values.isEmpty()) {
                facets.add(new FacetView(facet.getKey(), FACET_LABELS.getOrDefault(facet.getKey(), facet.getKey()),
                        values));
            }
        });
        List<Histogram.Bucket> buckets = new ArrayList<>();
        result.path("histogram").path("buckets").forEach(bucket -> buckets.add(new Histogram.Bucket(
                instant(bucket.path("start").asText(null)), bucket.path("count").asLong())));
        buckets.removeIf(bucket -> bucket.start() == null);
        List<BarView> bars = new ArrayList<>();
        for (Histogram.Bar bar : Histogram.bars(buckets, result.path("histogram").path("interval").asText(null))) {
            bars.add(new BarView(bars.size() * 10, 100 - bar.percent(), bar.percent(), bar.count(),
                    count(bar.count(), estimated) + " from "
                    + Times.format(bar.from(), config.timeZone()) + " to " + Times.format(bar.to(), config.timeZone()),
                    "/search?" + parameters(query, "", bar.from().toString(), bar.to().toString())));
        }
        // hour-wide bars are labelled with their time, wider ones with their day
        boolean hours = buckets.size() > 1 && buckets.get(1).start().minusSeconds(86_400).isBefore(buckets.get(0).start());
        String firstDay = buckets.isEmpty() ? null : hours ? Times.format(buckets.getFirst().start(), config.timeZone())
                : Times.day(buckets.getFirst().start(), config.timeZone());
        String lastDay = buckets.isEmpty() ? null : hours ? Times.format(buckets.getLast().start(), config.timeZone())
                : Times.day(buckets.getLast().start(), config.timeZone());
        return new SearchView(query, period, periods, from, to, hits, totalText, result.path("note").asText(null),
                facets, bars, firstDay, lastDay, more, null, null, saveAsRule, page, sample);
    }

    /**
     * A count as the page shows it: exact ("1,204"), or an estimate from a sample, rounded to two significant
     * digits ("≈1,200"), since the sample cannot tell more.
     */
    static String count(long count, boolean estimated) {
        if (!estimated) {
            return String.format("%,d", count);
        }
        long unit = count < 100 ? 1 : (long) Math.pow(10, (long) Math.log10(count) - 1);
        return "≈" + String.format("%,d", Math.round((double) count / unit) * unit);
    }

    private static String label(String period) {
        return switch (period) {
            case "24h" -> "last 24 hours";
            case "7d" -> "last 7 days";
            case "30d" -> "last 30 days";
            case "1y" -> "last year";
            default -> "any time";
        };
    }

    private static String parameters(String query, String period, String from, String to) {
        StringBuilder parameters = new StringBuilder("q=").append(encode(query));
        if (!from.isEmpty() || !to.isEmpty()) {
            if (!from.isEmpty()) {
                parameters.append("&from=").append(encode(from));
            }
            if (!to.isEmpty()) {
                parameters.append("&to=").append(encode(to));
            }
        } else if (!period.isEmpty() && !period.equals("custom")) {
            parameters.append("&period=").append(encode(period));
        }
        return parameters.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An ISO-8601 instant from a parameter, or "" when absent or not one. */
    private static String iso(String value) {
        Instant instant = instant(value);
        return instant == null ? "" : instant.toString();
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
