package io.newswatch.enricher.story;

import io.newswatch.contract.Article;
import io.newswatch.contract.Story;
import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Tagging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Near-duplicate story clustering: copies and light rewrites of one report share a story. Each article's MinHash
 * signature is cut into {@value #BANDS} bands of {@value #ROWS} values (locality-sensitive hashing); stories sharing
 * a band are candidates, and the article joins the candidate most similar to it (estimated Jaccard at least the
 * threshold), else starts a story of its own. Stories close a window after their last article.
 *
 * <p>Every change is handed to a listener (the Kafka store), and {@link #apply(StoryState)} rebuilds the state
 * from what the listener stored, so a restart loses nothing. Thread-safe (one lock; assignment is microseconds).
 */
public final class StoryClusterer implements StoryAssigner {

    static final int ROWS = 2;
    static final int BANDS = MinHasher.SIZE / ROWS;
    static final int MAX_LISTED = 200;
    static final int MAX_ARTICLE_IDS = 64;
    /** Short texts share words by chance more easily: they join a story only when this similar at least. */
    static final double SHORT_TEXT_THRESHOLD = 0.6;
    static final int MAX_SIGNATURES = 4;

    private final Clock clock;
    private final double threshold;
    private final Duration window;
    private final Consumer<StoryState> listener;
    private final Map<String, StoryState> stories = new HashMap<>();
    private final Map<Long, Set<String>> bands = new HashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private Instant lastEviction = Instant.EPOCH;

    /**
     * @param threshold estimated Jaccard similarity at which an article joins a story
     * @param window    a story takes new articles for this long after its last one
     * @param listener  receives every new version of a story, and tombstones as {@code StoryState} with no
     *                  articles when a story closes
     */
    public StoryClusterer(Clock clock, double threshold, Duration window, Consumer<StoryState> listener) {
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
        this.listener = listener;
    }

    @Override
    public synchronized Story assign(Article article, Tagging tagging) {
        evictExpired();
        String known = storyOfArticle.get(article.id());
        if (known != null && stories.containsKey(known)) {
            return stories.get(known).toStory(); // a replay or a revision: same story, not counted again
        }
        int[] signature = MinHasher.signature(tagging.tokens());
        double needed = MinHasher.isShort(tagging.tokens()) ? Math.max(threshold, SHORT_TEXT_THRESHOLD) : threshold;
        StoryState best = signature == null ? null : mostSimilar(signature, needed);
        Instant seen = article.fetched() != null ? article.fetched() : clock.instant();
        StoryState next = best == null ? open(article, signature, seen) : join(best, article, signature, seen);
        put(next);
        listener.accept(next);
        return next.toStory();
    }

    private StoryState mostSimilar(int[] signature, double threshold) {
        // candidates in the order their bands name them, each once (not gathered into a set first: a profile put
        // that copying at a fifth of the assignment)
        Set<String> seen = null;
        StoryState best = null;
        double bestSimilarity = threshold;
        for (int b = 0; b < BANDS; b++) {
            Set<String> inBand = bands.get(bandKey(signature, b));
            if (inBand == null) {
                continue;
            }
            if (seen == null) {
                seen = new HashSet<>();
            }
            for (String id : inBand) {
                if (!seen.add(id)) {
                    continue;
                }
                StoryState story = stories.get(id);
                for (int[] other : story.signatures()) {
                    double similarity = MinHasher.similarity(signature, other);
                    boolean better = similarity > bestSimilarity || similarity == bestSimilarity
                            && (best == null || story.firstSeen().isBefore(best.firstSeen()));
                    if (better) {
                        best = story;
                        bestSimilarity = similarity;
                    }
                }
            }
        }
        return best;
    }

    private StoryState open(Article article, int[] signature, Instant seen) {
        return new StoryState(article.id(), article.id(), seen, seen, 1, outlet(article), language(article),
                List.of(article.id()), signature == null ? List.of() : List.of(signature), clock.instant());
    }

    private StoryState join(StoryState story, Article article, int[] signature, Instant seen) {
        List<String> outlets = addCapped(story.outlets(), outlet(article), MAX_LISTED);
        List<String> languages = addCapped(story.languages(), language(article), MAX_LISTED);
        List<String> ids = addCapped(story.articleIds(), List.of(article.id()), MAX_ARTICLE_IDS);
        List<int[]> signatures = new ArrayList<>(story.signatures());
        if (signatures.size() >= MAX_SIGNATURES) {
            signatures.remove(1); // keep the first article's, drop the oldest of the rest
        }
        signatures.add(signature);
        Instant last = seen.isAfter(story.lastSeen()) ? seen : story.lastSeen();
        return new StoryState(story.id(), story.firstArticleId(), story.firstSeen(), last, story.articles() + 1,
                outlets, languages, ids, signatures, clock.instant());
    }

    private static List<String> outlet(Article article) {
        return article.source() != null && article.source().domain() != null ? List.of(article.source().domain()) : List.of();
    }

    private static List<String> language(Article article) {
        return article.language() != null ? List.of(article.language()) : List.of();
    }

    private static List<String> addCapped(List<String> list, List<String> more, int cap) {
        if (list.containsAll(more)) {
            return list;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(list);
        all.addAll(more);
        List<String> result = new ArrayList<>(all);
        return result.size() > cap ? result.subList(result.size() - cap, result.size()) : result;
    }

    /** Applies a stored version of a story (a restart's rebuild, or another instance's update); older ones are ignored. */
    public synchronized void apply(StoryState state) {
        StoryState current = stories.get(state.id());
        boolean newer = current == null || state.updated().isAfter(current.updated())
                || state.updated().equals(current.updated()) && state.articles() > current.articles();
        if (!newer) {
            return;
        }
        put(state);
    }

    /** Forgets a story (a tombstone in the store). */
    public synchronized void remove(String storyId) {
        StoryState old = stories.remove(storyId);
        if (old != null) {
            unindex(old);
        }
    }

    /** Stores a new version of a story, updating the indexes by what changed only. */
    private void put(StoryState state) {
        StoryState old = stories.put(state.id(), state);
        List<int[]> oldSignatures = old == null ? List.of() : old.signatures();
        List<String> oldIds = old == null ? List.of() : old.articleIds();
        for (int[] signature : oldSignatures) {
            if (!containsSignature(state.signatures(), signature)) {
                unindexSignature(state.id(), signature);
            }
        }
        for (int[] signature : state.signatures()) {
            if (!containsSignature(oldSignatures, signature)) {
                for (int b = 0; b < BANDS; b++) {
                    bands.computeIfAbsent(bandKey(signature, b), k -> new LinkedHashSet<>()).add(state.id());
                }
            }
        }
        Set<String> ids = new java.util.HashSet<>(state.articleIds());
        oldIds.stream().filter(id -> !ids.contains(id)).forEach(id -> storyOfArticle.remove(id, state.id()));
        state.articleIds().forEach(id -> storyOfArticle.put(id, state.id()));
    }

    private static boolean containsSignature(List<int[]> signatures, int[] signature) {
        for (int[] s : signatures) {
            if (s == signature || java.util.Arrays.equals(s, signature)) {
                return true;
            }
        }
        return false;
    }

    private void unindex(StoryState state) {
        state.signatures().forEach(signature -> unindexSignature(state.id(), signature));
        state.articleIds().forEach(id -> storyOfArticle.remove(id, state.id()));
    }

    private void unindexSignature(String storyId, int[] signature) {
        for (int b = 0; b < BANDS; b++) {
            long key = bandKey(signature, b);
            Set<String> inBand = bands.get(key);
            if (inBand != null) {
                inBand.remove(storyId);
                if (inBand.isEmpty()) {
                    bands.remove(key);
                }
            }
        }
    }

    /** Closes stories whose last article is older than the window (at most once a minute). */
    private void evictExpired() {
        Instant now = clock.instant();
        if (Duration.between(lastEviction, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastEviction = now;
        Instant cutoff = now.minus(window);
        List<StoryState> expired = stories.values().stream().filter(s -> s.lastSeen().isBefore(cutoff)).toList();
        for (StoryState story : expired) {
            remove(story.id());
            listener.accept(closed(story));
        }
    }

    /** The marker the listener receives for a closed story: no articles. */
    static StoryState closed(StoryState story) {
        return new StoryState(story.id(), story.firstArticleId(), story.firstSeen(), story.lastSeen(), 0, List.of(),
                List.of(), List.of(), List.of(), story.updated());
    }

    /** Open stories. */
    public synchronized int size() {
        return stories.size();
    }

    private static long bandKey(int[] signature, int band) {
        long key = band;
        for (int r = 0; r < ROWS; r++) {
            key = key * 0x9E3779B97F4A7C15L + signature[band * ROWS + r];
        }
        return key;
    }
}
