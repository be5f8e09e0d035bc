package io.newswatch.enricher.story;

import io.newswatch.tagging.text.Tokens;

import java.util.Arrays;

/**
 * MinHash signatures of a text's word shingles, by one-permutation hashing with densification (Li, Owen and Zhang
 * 2012; Shrivastava and Li 2014): each shingle is hashed once, the hash's top bits pick one of {@value #SIZE} bins
 * and each bin keeps its minimum; empty bins borrow from the next full one. The fraction of equal positions in two
 * signatures estimates the Jaccard similarity of the two shingle sets, at 1/64 of the cost of 64 hash functions.
 *
 * <p>Shingles are three consecutive words (folded, boilerplate skipped); texts too short for that (a headline and a
 * sentence) use their single words of four letters or more, and need a higher similarity to join a story.
 * Deterministic: the same text always gets the same signature, in every process, so signatures can be stored and
 * compared after a restart.
 */
public final class MinHasher {

    /** Signature length (bins). */
    public static final int SIZE = 64;
    /** Texts with fewer words than this are shingled by single words. */
    static final int SHORT_TEXT_WORDS = 40;

    private static final int EMPTY = Integer.MAX_VALUE;
    private static final int BIN_BITS = 6; // 2^6 = SIZE

    private MinHasher() {
    }

    /** Words shorter than this are left out of a short text's shingles (function words: "the", "to", "and"). */
    static final int SHORT_TEXT_MIN_WORD = 4;

    /** True when a text is shingled by single words (too short for 3-shingles). */
    public static boolean isShort(Tokens tokens) {
        int count = 0;
        for (int i = 0; i < tokens.size() && count < SHORT_TEXT_WORDS; i++) {
            if (!tokens.has(i, Tokens.BOILERPLATE)) {
                count++;
            }
        }
        return count < SHORT_TEXT_WORDS;
    }

    /** The signature of a text; null when it has no words. */
    public static int[] signature(Tokens tokens) {
        int n = tokens.size();
        long[] words = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!tokens.has(i, Tokens.BOILERPLATE)) {
                words[count++] = tokens.hash(i);
            }
        }
        if (count == 0) {
            return null;
        }
        int width = 3;
        if (count < SHORT_TEXT_WORDS) {
            width = 1;
            count = 0;
            for (int i = 0; i < n; i++) {
                if (!tokens.has(i, Tokens.BOILERPLATE) && tokens.foldLength(i) >= SHORT_TEXT_MIN_WORD) {
                    words[count++] = tokens.hash(i);
                }
            }
            if (count == 0) {
                return null;
            }
        }
        int[] signature = new int[SIZE];
        Arrays.fill(signature, EMPTY);
        for (int i = 0; i + width <= count; i++) {
            long shingle = words[i];
            for (int k = 1; k < width; k++) {
                shingle = shingle * 0x9E3779B97F4A7C15L + words[i + k];
            }
            long h = mix(shingle);
            int bin = (int) (h >>> (64 - BIN_BITS));
            int value = (int) (h & 0x7ffffffeL); // never EMPTY
            if (value < signature[bin]) {
                signature[bin] = value;
            }
        }
        densify(signature);
        return signature;
    }

    /** Empty bins take the value of the next full bin to the right (circularly), marked by the distance. */
    private static void densify(int[] signature) {
        for (int i = 0; i < SIZE; i++) {
            if (signature[i] != EMPTY) {
                continue;
            }
            for (int d = 1; d < SIZE; d++) {
                int from = signature[(i + d) % SIZE];
                if (from != EMPTY && from < EMPTY - SIZE) {
                    signature[i] = (int) ((from + (long) d * 0x3C6EF372L) & 0x7ffffffeL);
                    break;
                }
            }
        }
    }

    /** A 64-bit finaliser (SplitMix64), so that bins and values are independent. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * How many values two signatures share, or -1 as soon as fewer than {@code needed} can be shared: most of a
     * story's candidates are unrelated articles (a few values in common), told apart without reading every value.
     */
    static int sharedAtLeast(int[] a, int[] b, int needed) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            } else if (equal + SIZE - 1 - i < needed) {
                return -1;
            }
        }
        return equal;
    }

    /** Estimated Jaccard similarity of two signatures. */
    public static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }
}
