package io.newswatch.enricher.story;

import io.newswatch.enricher.text.Tokens;

import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's word shingles: the fraction of equal positions in two signatures estimates the
 * Jaccard similarity of the two shingle sets. Shingles are three consecutive words (folded, boilerplate skipped);
 * texts too short for that (a headline and a sentence) use single words. Deterministic: the same text always gets
 * the same signature, in every process, so signatures can be stored and compared after a restart.
 */
public final class MinHasher {

    /** Signature length. */
    public static final int SIZE = 64;
    /** Texts with fewer words than this are shingled by single words. */
    static final int SHORT_TEXT_WORDS = 40;

    private static final long[] A = new long[SIZE];
    private static final long[] B = new long[SIZE];

    static {
        SplittableRandom random = new SplittableRandom(0x6e657773L); // fixed: signatures must be stable across runs
        for (int i = 0; i < SIZE; i++) {
            A[i] = random.nextLong() | 1L;
            B[i] = random.nextLong();
        }
    }

    private MinHasher() {
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
        int width = count >= SHORT_TEXT_WORDS ? 3 : 1;
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (int i = 0; i + width <= count; i++) {
            long shingle = words[i];
            for (int k = 1; k < width; k++) {
                shingle = shingle * 0x9E3779B97F4A7C15L + words[i + k];
            }
            shingle ^= shingle >>> 29;
            for (int h = 0; h < SIZE; h++) {
                int value = (int) ((A[h] * shingle + B[h]) >>> 33);
                if (value < signature[h]) {
                    signature[h] = value;
                }
            }
        }
        return signature;
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
