package io.newswatch.tagging.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of every {@link FoldedWords} list in one table, each word with a bitmask of the lists that hold it (one
 * bit per list, the first {@value #MAX_LISTS} lists made). A text's tokens are looked up here once, at the first
 * question about them ({@link Tokens#cueMarks}), so that "is token i in list X" is a bit test afterwards instead of one
 * look-up per list and token (the finders ask a dozen lists of every token; a profile put those look-ups at 7% of
 * tagging). Lists register as they are made (class initialisation); a list made after a text was marked makes the
 * table new, and the text is marked again at its next question, so an answer never misses a list. Thread-safe.
 */
final class CueMarks {

    /** Lists beyond this many answer from their own table ({@link FoldedWords} falls back to its probe). */
    static final int MAX_LISTS = 64;

    private static final List<char[][]> LISTS = new ArrayList<>();
    /** The table of the lists registered so far; null when a list came after it was built. */
    private static volatile Table table;

    private CueMarks() {
    }

    /** Registers a list's (distinct) folded words; returns its bit, or -1 when {@value #MAX_LISTS} lists are taken. */
    static synchronized int register(char[][] words) {
        if (LISTS.size() == MAX_LISTS) {
            return -1;
        }
        LISTS.add(words);
        table = null;
        return LISTS.size() - 1;
    }

    /** The table of every list registered so far. */
    static Table table() {
        Table current = table;
        return current != null ? current : build();
    }

    private static synchronized Table build() {
        if (table == null) {
            table = new Table(LISTS);
        }
        return table;
    }

    /**
     * Open addressing by the folded word's hash ({@link Tokenizer#hash}), at most half full: a slot's hash and list
     * bits side by side in one array (one cache line per probe; no bits means an empty slot), its spelling apart,
     * read only when the hash matches.
     */
    static final class Table {
        /** Slot {@code s}: the hash at {@code 2s}, the list bits at {@code 2s + 1}. */
        private final long[] slots;
        private final char[][] spellings;
        private final int mask;

        private Table(List<char[][]> lists) {
            int words = 0;
            for (char[][] list : lists) {
                words += list.length;
            }
            int capacity = Integer.highestOneBit(Math.max(8, words * 2) - 1) << 1;
            slots = new long[capacity * 2];
            spellings = new char[capacity][];
            mask = capacity - 1;
            for (int bit = 0; bit < lists.size(); bit++) {
                for (char[] word : lists.get(bit)) {
                    long hash = Tokenizer.hash(word, 0, word.length);
                    int slot = slot(hash);
                    while (spellings[slot] != null && !Arrays.equals(spellings[slot], word)) {
                        slot = (slot + 1) & mask;
                    }
                    slots[2 * slot] = hash;
                    slots[2 * slot + 1] |= 1L << bit;
                    spellings[slot] = word;
                }
            }
        }

        private int slot(long hash) {
            long h = hash * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        /** The list bits of every token of {@code tokens}, by token. */
        long[] marks(Tokens tokens) {
            int size = tokens.size();
            long[] marks = new long[size];
            for (int i = 0; i < size; i++) {
                long hash = tokens.hash(i);
                for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
                    long bits = slots[2 * slot + 1];
                    if (bits == 0) {
                        break;
                    }
                    if (slots[2 * slot] == hash) {
                        char[] word = spellings[slot];
                        if (tokens.equalsFolded(i, word, 0, word.length)) {
                            marks[i] = bits;
                            break;
                        }
                    }
                }
            }
            return marks;
        }
    }
}
