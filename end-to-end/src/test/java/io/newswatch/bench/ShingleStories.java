package io.newswatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model of the enricher's story clustering (services/enricher {@code StoryClusterer} and {@code MinHasher}), for
 * testing the corpus without the enricher: word three-shingles (single words of four letters or more for texts under
 * 40 words, which then need 0.6), a 64-value MinHash signature by one-permutation hashing, locality-sensitive bands of
 * two values as candidates, and an article joins the candidate story whose first or last three articles' signatures
 * agree with its own in at least 30% of the values, else opens a story. Agency lines ("(Reporting by ...)") are left
 * out, as the enricher's boilerplate marking does. Its words are simpler than the enricher's tokens (no folding), so
 * the figures are close to the enricher's, not equal.
 */
final class ShingleStories {

    static final double THRESHOLD = 0.3;
    private static final double SHORT_THRESHOLD = 0.6;
    private static final int SIZE = 64;
    private static final int ROWS = 2;
    private static final int EMPTY = Integer.MAX_VALUE;

    private record Cluster(int id, List<int[]> kept) {
    }

    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<Long, Set<Integer>> bands = new HashMap<>();

    /** Assigns the article to a story; returns the story's number (0, 1, 2... in order of opening). */
    int assign(NewsArticle article) {
        List<String> words = words(article);
        int[] signature = signature(shingles(words));
        double needed = words.size() < 40 ? SHORT_THRESHOLD : THRESHOLD;
        Set<Integer> candidates = new LinkedHashSet<>();
        for (int b = 0; b < SIZE / ROWS; b++) {
            candidates.addAll(bands.getOrDefault(band(signature, b), Set.of()));
        }
        Cluster best = null;
        double bestSimilarity = needed;
        for (int id : candidates) {
            for (int[] other : clusters.get(id).kept()) {
                double similarity = similarity(signature, other);
                if (similarity > bestSimilarity || similarity == bestSimilarity && (best == null || id < best.id())) {
                    best = clusters.get(id);
                    bestSimilarity = similarity;
                }
            }
        }
        if (best == null) {
            best = new Cluster(clusters.size(), new ArrayList<>());
            clusters.add(best);
        }
        if (best.kept().size() >= 4) {
            best.kept().remove(1); // keep the first article's, drop the oldest of the rest (its bands stay: harmless)
        }
        best.kept().add(signature);
        for (int b = 0; b < SIZE / ROWS; b++) {
            bands.computeIfAbsent(band(signature, b), k -> new HashSet<>()).add(best.id());
        }
        return best.id();
    }

    int stories() {
        return clusters.size();
    }

    /** Exact Jaccard similarity of two shingle sets (what the signatures estimate). */
    static double jaccard(Set<Long> a, Set<Long> b) {
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int shared = 0;
        for (long x : small) {
            if (large.contains(x)) {
                shared++;
            }
        }
        int union = a.size() + b.size() - shared;
        return union == 0 ? 0 : shared / (double) union;
    }

    static Set<Long> shingles(NewsArticle article) {
        return shingles(words(article));
    }

    private static List<String> words(NewsArticle article) {
        List<String> words = new ArrayList<>();
        StringBuilder text = new StringBuilder(article.title());
        for (String paragraph : article.paragraphs()) {
            if (!paragraph.startsWith("(Reporting by")) {
                text.append('\n').append(paragraph);
            }
        }
        for (String word : text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static Set<Long> shingles(List<String> words) {
        Set<Long> shingles = new HashSet<>();
        if (words.size() < 40) {
            words.stream().filter(w -> w.length() >= 4).forEach(w -> shingles.add(mix(w.hashCode())));
            return shingles;
        }
        for (int i = 0; i + 3 <= words.size(); i++) {
            shingles.add(mix((mix(words.get(i).hashCode()) * 31 + words.get(i + 1).hashCode()) * 1_000_003L
                    + words.get(i + 2).hashCode()));
        }
        return shingles;
    }

    private static int[] signature(Set<Long> shingles) {
        int[] signature = new int[SIZE];
        Arrays.fill(signature, EMPTY);
        for (long shingle : shingles) {
            long h = mix(shingle);
            int bin = (int) (h >>> 58);
            int value = (int) (h & 0x7ffffffeL);
            signature[bin] = Math.min(signature[bin], value);
        }
        for (int i = 0; i < SIZE; i++) {
            for (int d = 1; d < SIZE && signature[i] == EMPTY; d++) {
                int from = signature[(i + d) % SIZE];
                if (from != EMPTY && from < EMPTY - SIZE) {
                    signature[i] = (int) ((from + (long) d * 0x3C6EF372L) & 0x7ffffffeL);
                }
            }
        }
        return signature;
    }

    private static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            equal += a[i] == b[i] ? 1 : 0;
        }
        return equal / (double) SIZE;
    }

    private static long band(int[] signature, int band) {
        long key = band;
        for (int r = 0; r < ROWS; r++) {
            key = key * 0x9E3779B97F4A7C15L + signature[band * ROWS + r];
        }
        return key;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
