package io.newswatch.tagging.text;

import java.util.Arrays;
import java.util.Collection;

/**
 * A small fixed set of folded words asked about tokens: "is token i one of these?" answered from the token's hash
 * (a bit, then a probe) and its folded characters, without making the token a string. Finders that scan every
 * token of a text for a few cue words use it instead of {@code Set.contains(tokens.folded(i))}, which made a
 * string of every word and hashed it again (a profile of the service put that at 6% of tagging). Immutable and
 * thread-safe.
 */
public final class FoldedWords {

    private final long[] hashes;
    private final char[][] spellings;
    private final int mask;
    /**
     * One bit per hash bucket that holds a word, at least {@value #MIN_FILTER_BITS} buckets and
     * {@value #FILTER_BITS_PER_WORD} per word: most tokens are rejected here. (With one long of 64 buckets, lists of a
     * hundred cue words had nearly every bit set and every token went on to probe; with 1,024 for every list, the
     * given names' thousands of words set nearly all of them, and every word of a text asked probed their table.)
     */
    private final long[] filter;
    /** 64 minus the filter's log2 size: a spread hash shifted by it is a bucket. */
    private final int filterShift;
    private static final int MIN_FILTER_BITS = 1024;
    private static final int FILTER_BITS_PER_WORD = 16;
    /**
     * An odd constant the hash is multiplied by before its top bits pick the bucket: FNV-1a's own top bits hardly
     * depend on a word's last letter ("petra", "petro" and "petru" had one bucket).
     */
    private static final long SPREAD = 0xC2B2AE3D27D4EB4FL;

    private FoldedWords(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(8, words.size() * 4) - 1) << 1;
        hashes = new long[capacity];
        spellings = new char[capacity][];
        mask = capacity - 1;
        int bits = Math.max(MIN_FILTER_BITS, Integer.highestOneBit(Math.max(1, words.size() * FILTER_BITS_PER_WORD) - 1) << 1);
        filter = new long[bits / 64];
        filterShift = 64 - Integer.numberOfTrailingZeros(bits);
        for (String word : words) {
            char[] chars = word.toCharArray();
            long hash = Tokenizer.hash(chars, 0, chars.length);
            int bit = bit(hash);
            filter[bit >>> 6] |= 1L << bit;
            int slot = slot(hash);
            while (spellings[slot] != null && !Arrays.equals(spellings[slot], chars)) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = hash;
            spellings[slot] = chars;
        }
    }

    private int bit(long hash) {
        return (int) ((hash * SPREAD) >>> filterShift);
    }

    /** The set of these folded words (lower case, as {@link Tokenizer} folds them). */
    public static FoldedWords of(Collection<String> words) {
        return new FoldedWords(words);
    }

    /** True when token {@code i}'s folded form is one of the words. */
    public boolean contains(Tokens tokens, int i) {
        long hash = tokens.hash(i);
        int bit = bit(hash);
        if ((filter[bit >>> 6] & 1L << bit) == 0) {
            return false;
        }
        for (int slot = slot(hash); spellings[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                char[] word = spellings[slot];
                if (tokens.equalsFolded(i, word, 0, word.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code length} folded chars of {@code chars} from {@code offset} spell one of the words. */
    public boolean contains(char[] chars, int offset, int length) {
        long hash = Tokenizer.hash(chars, offset, length);
        int bit = bit(hash);
        if ((filter[bit >>> 6] & 1L << bit) == 0) {
            return false;
        }
        for (int slot = slot(hash); spellings[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && Arrays.equals(spellings[slot], 0, spellings[slot].length, chars, offset,
                    offset + length)) {
                return true;
            }
        }
        return false;
    }

    private int slot(long hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
