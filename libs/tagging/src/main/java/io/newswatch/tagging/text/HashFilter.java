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
 * <p>Not thread-safe to build; read-only afterwards, and then safe to share. A hand-written filter rather than
 * Guava's {@code BloomFilter}: that one hashes objects through a funnel, these questions come with their hash.
 */
public final class HashFilter {

    private static final long SPREAD = 0xC2B2AE3D27D4EB4FL;
    /** Bits per hash that {@link #forCount} sizes a filter at: about 2% false "maybe"s when full. */
    private static final int BITS_PER_HASH = 16;
    private static final int MIN_LOG2_BITS = 10;
    private static final int MAX_LOG2_BITS = 30;

    private final long[] blocks;
    /** Shift that leaves a spread hash's top bits as its block's index. */
    private final int shift;

    /** An empty filter of 2^{@code log2Bits} bits, 10 to 30. */
    public HashFilter(int log2Bits) {
        if (log2Bits < MIN_LOG2_BITS || log2Bits > MAX_LOG2_BITS) {
            throw new IllegalArgumentException("log2Bits " + log2Bits + " not in " + MIN_LOG2_BITS + ".."
                    + MAX_LOG2_BITS);
        }
        blocks = new long[1 << (log2Bits - 6)];
        shift = 64 - (log2Bits - 6);
    }

    /** An empty filter sized for {@code count} hashes (at least 1,024 bits). */
    public static HashFilter forCount(int count) {
        long bits = Math.max(1L << MIN_LOG2_BITS, (long) count * BITS_PER_HASH);
        int log2 = 64 - Long.numberOfLeadingZeros(bits - 1);
        return new HashFilter(Math.min(log2, MAX_LOG2_BITS));
    }

    /** Adds a hash. */
    public void add(long hash) {
        long spread = hash * SPREAD;
        blocks[(int) (spread >>> shift)] |= bits(spread);
    }

    /** False when {@code hash} was never added; true when it was, and for a few others. */
    public boolean mayContain(long hash) {
        long spread = hash * SPREAD;
        long bits = bits(spread);
        return (blocks[(int) (spread >>> shift)] & bits) == bits;
    }

    /** The hash's two bits in its block, from the 12 bits below the block's index (a shift uses its low 6 bits). */
    private long bits(long spread) {
        return 1L << (spread >>> (shift - 6)) | 1L << (spread >>> (shift - 12));
    }

    /** Size in bits. */
    public int size() {
        return blocks.length * 64;
    }

    /** Approximate heap held, in bytes. */
    public long bytes() {
        return 16L + blocks.length * 8L;
    }
}
