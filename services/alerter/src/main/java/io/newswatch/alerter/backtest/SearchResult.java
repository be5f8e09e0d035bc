package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /search}. The first page (no cursor) also carries the totals, the facets and the
 * histogram; later pages only hits and the next cursor.
 *
 * @param query       the query, null when every article was asked for
 * @param from        start of the period, when one was given
 * @param to          end of the period, when one was given
 * @param hits        matching articles, newest first, each with a highlighted snippet
 * @param next        the cursor of the next page ({@code after=}); null when there is none
 * @param total       how many articles match, exactly or as a range
 * @param checked     candidates the live matcher checked for this page
 * @param facets      per facet (topic, person, organization, location, source, language), the most frequent values
 * @param facetsExact true when facets and histogram count exactly the matching articles; false when they count
 *                    the candidates or a sample of them (see {@code note} and {@code sample})
 * @param histogram   matching articles over time (published), in buckets of one interval
 * @param note        why the counts are approximate, for a human; null when they are exact
 * @param sample      when there were too many candidates to count them all, the size of the random sample of them
 *                    that facets and histogram were estimated from (their counts are scaled up to all candidates);
 *                    null when every candidate was counted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(String query, Instant from, Instant to, List<Hit> hits, String next, Total total,
                           int checked, Map<String, List<Count>> facets, Boolean facetsExact, Histogram histogram,
                           String note, Long sample) {

    /**
     * One matching article.
     *
     * @param snippet up to three passages around the matches, HTML-escaped, matched words in {@code <em>}
     * @param storyOutlets outlets carrying the article's story when it was enriched
     */
    public record Hit(String id, String url, String title, String source, String language, Instant published,
                      String storyId, int storyOutlets, String snippet) {
    }

    /**
     * How many articles match.
     *
     * @param value   the count when exact, else the number of candidates (an upper bound)
     * @param exact   whether {@code value} is exact
     * @param atLeast a lower bound
     * @param atMost  an upper bound
     */
    public record Total(long value, boolean exact, long atLeast, long atMost) {
    }

    /** A facet value and how many articles have it. */
    public record Count(String value, long count) {
    }

    /**
     * Articles over time.
     *
     * @param interval the width of each bucket, as Elasticsearch names it ({@code 1h}, {@code 1d}, {@code 7d})
     * @param buckets  the buckets, oldest first, empty ones included between the first and the last
     */
    public record Histogram(String interval, List<Bucket> buckets) {
    }

    /** Articles published from {@code start} to the start of the next bucket. */
    public record Bucket(Instant start, long count) {
    }
}
