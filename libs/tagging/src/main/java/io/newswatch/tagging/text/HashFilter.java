package io.newswatch.tagging.text;

/**
 * Which 64-bit word hashes ({@link Tokenizer#hash}) may be in a set: a Bloom filter asked before a probe of a larger
 * table, so that most words not in the set cost one load of a small array. "No" is certain, "maybe" is not (the
 * caller's table decides). Two bits per hash, both in one {@code long} (a blocked Bloom filter): one load per
 * question, with fewer false "maybe"s than one bit per hash.
 *
 * <p>The bits are taken from the top of the hash times an odd constant. FNV-1a's own top bits hardly depend on a
 * word's last letter (its last step multiplies by 2^40 + 435), and the filters took their bits from them: "moskva",
 * "moskvy" and "moskvu" had one bit, so every case form of a known word passed the filter and probed the table.
 *
 * <p>A filter is a plain {@code long[]} of a power-of-two length that its owner holds in a field (static methods,
 * no object of its own: the cue lists ask theirs thousands of times per text, and a second object to reach was a
 * measurable part of each question). Not thread-safe to build; read-only afterwards, and then safe to share. A
 * hand-written filter rather than Guava's {@code BloomFilter}: that one hashes objects through a funnel, these
 * questions come with their hash.
 */
public final class HashFilter {

    private static final long SPREAD = 0xC2B2AE3D27D4EB4FL;
    /** Bits per hash that {@link #forCount} sizes a filter at: about 2% false "maybe"s when full. */
    private static final int BITS_PER_HASH = 16;
    private static final int MIN_LOG2_BITS = 10;
    private static final int MAX_LOG2_BITS = 30;

    private HashFilter() {
    }

    /** An empty filter of 2^{@code log2Bits} bits, 10 to 30. */
    public static long[] ofBits(int log2Bits) {
        if (log2Bits < MIN_LOG2_BITS || log2Bits > MAX_LOG2_BITS) {
            throw new IllegalArgumentException("log2Bits " + log2Bits + " not in " + MIN_LOG2_BITS + ".."
                    + MAX_LOG2_BITS);
        }
        return new long[1 << (log2Bits - 6)];
    }

    /** An empty filter sized for {@code count} hashes (at least 1,024 bits). */
    public static long[] forCount(int count) {
        long bits = Math.max(1L << MIN_LOG2_BITS, (long) count * BITS_PER_HASH);
        int log2 = 64 - Long.numberOfLeadingZeros(bits - 1);
        return ofBits(Math.min(log2, MAX_LOG2_BITS));
    }

    /** Adds a hash to {@code filter}. */
    public static void add(long[] filter, long hash) {
        long spread = hash * SPREAD;
        int shift = shift(filter);
        filter[(int) (spread >>> shift)] |= bits(spread, shift);
    }

    /** False when {@code hash} was never added to {@code filter}; true when it was, and for a few others. */
    public static boolean mayContain(long[] filter, long hash) {
        long spread = hash * SPREAD;
        int shift = shift(filter);
        long bits = bits(spread, shift);
        return (filter[(int) (spread >>> shift)] & bits) == bits;
    }

    /** The shift that leaves a spread hash's top bits as its block's index (the length is a power of two). */
    private static int shift(long[] filter) {
        return Long.numberOfLeadingZeros(filter.length) + 1;
    }

    /** The hash's two bits in its block, from the 12 bits below the block's index (a shift uses its low 6 bits). */
    private static long bits(long spread, int shift) {
        return 1L << (spread >>> (shift - 6)) | 1L << (spread >>> (shift - 12));
    }

    /** Approximate heap held by {@code filter}, in bytes. */
    public static long bytes(long[] filter) {
        return 16L + filter.length * 8L;
    }
}
