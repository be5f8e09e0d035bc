package io.newswatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.stack.StackSetup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How articles fall into stories: as the corpus wrote them ({@link #add}, by {@link NewsArticle#story()}), and as the
 * enricher clustered them ({@link #indexed}, from the run's articles index). Analysts' alerts and the alerter's state
 * are per story, so a corpus of few huge stories measures something real news does not do.
 */
final class StoryTally {

    /** Stories and their sizes. */
    record Summary(long articles, int stories, int median, int p90, int max) {

        static Summary of(Collection<Integer> sizes) {
            List<Integer> sorted = new ArrayList<>(sizes);
            sorted.sort(Integer::compare);
            long articles = sorted.stream().mapToLong(Integer::longValue).sum();
            return sorted.isEmpty() ? new Summary(0, 0, 0, 0, 0) : new Summary(articles, sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1),
                    sorted.getLast());
        }

        @Override
        public String toString() {
            return String.format("%,d stories for %,d articles (median %d, 90th percentile %d, largest %d articles)",
                    stories, articles, median, p90, max);
        }
    }

    /** Buckets asked of Elasticsearch at most; under its default {@code search.max_buckets} (65,536). */
    private static final int MAX_STORIES = 60_000;

    private final Map<Long, Integer> sizes = new HashMap<>();

    /** Counts one published article. */
    synchronized void add(NewsArticle article) {
        sizes.merge(article.story(), 1, Integer::sum);
    }

    synchronized Summary summary() {
        return Summary.of(sizes.values());
    }

    /**
     * The stories of the articles indexed in the run (one {@code terms} aggregation on {@code story.id}), or null
     * when Elasticsearch does not answer.
     */
    static Summary indexed(StackSetup elasticsearch, String alias) {
        String query = "{\"size\":0,\"aggs\":{\"stories\":{\"terms\":{\"field\":\"story.id\",\"size\":" + MAX_STORIES
                + "}}}}";
        try {
            var response = elasticsearch.send("POST", "/" + alias + "/_search", query);
            if (response.status() != 200) {
                return null;
            }
            List<Integer> sizes = new ArrayList<>();
            for (JsonNode bucket : Json.mapper().readTree(response.body()).path("aggregations").path("stories")
                    .path("buckets")) {
                sizes.add(bucket.path("doc_count").asInt());
            }
            return Summary.of(sizes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
