package io.newswatch.tagging.text;

import java.util.Arrays;

/**
 * A small fixed set of folded word beginnings (stems) asked about tokens: "does token i start with one of these, and
 * have at most {@code maxEnding} letters after it?" (a case or number ending), answered from the token's folded
 * characters, trying only the stems that share its first two letters: a rule asked of every lower-case word of a
 * text no longer makes each a string to try a dozen {@code startsWith} on it. Immutable and thread-safe; the
 * counterpart of {@link FoldedEndings}.
 */
public final class FoldedStems {

    private static final int BUCKETS = 1024;

    private final int maxEnding;
    private final int shortest;
    private final char[][][] buckets = new char[BUCKETS][][];

    private FoldedStems(int maxEnding, String[] stems) {
        if (maxEnding < 0) {
            throw new IllegalArgumentException("a negative ending length");
        }
        this.maxEnding = maxEnding;
        int shortest = Integer.MAX_VALUE;
        for (String stem : stems) {
            if (stem.length() < 2) {
                throw new IllegalArgumentException("a stem of fewer than two letters: " + stem);
            }
            shortest = Math.min(shortest, stem.length());
            char[] chars = stem.toCharArray();
            int key = key(chars, 0);
            char[][] bucket = buckets[key] == null ? new char[1][] : Arrays.copyOf(buckets[key], buckets[key].length + 1);
            bucket[bucket.length - 1] = chars;
            buckets[key] = bucket;
        }
        this.shortest = shortest;
    }

    /** The set of these folded stems (lower case, as {@link Tokenizer} folds them, two letters or more). */
    public static FoldedStems of(int maxEnding, String... stems) {
        return new FoldedStems(maxEnding, stems);
    }

    private static int key(char[] chars, int from) {
        return (chars[from] * 31 + chars[from + 1]) & (BUCKETS - 1);
    }

    /** True when token {@code i}'s folded form is one of the stems followed by at most {@code maxEnding} letters. */
    public boolean startsToken(Tokens t, int i) {
        int length = t.foldLength(i);
        if (length < shortest) {
            return false;
        }
        char[] chars = t.foldedChars();
        int from = t.foldStart(i);
        char[][] bucket = buckets[key(chars, from)];
        if (bucket == null) {
            return false;
        }
        for (char[] stem : bucket) {
            if (length >= stem.length && length <= stem.length + maxEnding
                    && Arrays.equals(stem, 0, stem.length, chars, from, from + stem.length)) {
                return true;
            }
        }
        return false;
    }
}
