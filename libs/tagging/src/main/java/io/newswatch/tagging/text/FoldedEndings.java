package io.newswatch.tagging.text;

import java.util.Arrays;

/**
 * A small fixed set of folded word endings asked about tokens: "does token i end with one of these?" answered from
 * the token's folded characters, trying only the endings that share its last letters (a rule with forty endings,
 * asked of every capitalised word, tried them all one by one). Immutable and thread-safe.
 */
public final class FoldedEndings {

    private static final int BUCKETS = 1024;

    /** Letters of the word's end that pick its bucket: as many as the shortest ending has, at most three. */
    private final int keyLength;
    private final char[][][] buckets = new char[BUCKETS][][];

    private FoldedEndings(String[] endings) {
        int shortest = Integer.MAX_VALUE;
        for (String ending : endings) {
            shortest = Math.min(shortest, ending.length());
        }
        if (shortest < 1) {
            throw new IllegalArgumentException("an empty ending");
        }
        keyLength = Math.min(3, shortest);
        for (String ending : endings) {
            char[] chars = ending.toCharArray();
            int key = key(chars, chars.length);
            char[][] bucket = buckets[key] == null ? new char[1][] : Arrays.copyOf(buckets[key], buckets[key].length + 1);
            bucket[bucket.length - 1] = chars;
            buckets[key] = bucket;
        }
    }

    /** The set of these folded endings (lower case, as {@link Tokenizer} folds them). */
    public static FoldedEndings of(String... endings) {
        return new FoldedEndings(endings);
    }

    private int key(char[] chars, int end) {
        int key = 0;
        for (int k = end - keyLength; k < end; k++) {
            key = key * 31 + chars[k];
        }
        return key & (BUCKETS - 1);
    }

    /** True when token {@code i}'s folded form is one of the endings after at least {@code minStem} other letters. */
    public boolean endsToken(Tokens t, int i, int minStem) {
        int length = t.foldLength(i);
        if (length < keyLength + minStem) {
            return false;
        }
        char[] chars = t.foldedChars();
        int end = t.foldStart(i) + length;
        char[][] bucket = buckets[key(chars, end)];
        if (bucket == null) {
            return false;
        }
        for (char[] ending : bucket) {
            if (length >= ending.length + minStem
                    && Arrays.equals(ending, 0, ending.length, chars, end - ending.length, end)) {
                return true;
            }
        }
        return false;
    }
}
