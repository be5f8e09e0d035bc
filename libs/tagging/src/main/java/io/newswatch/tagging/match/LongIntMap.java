package io.newswatch.tagging.match;


/**
 * An open-addressing map from long to int (no boxing), for the dictionaries' hot paths. Not thread-safe to build.
 * Each slot's key and value sit side by side in one array, so a hit reads one cache line, not two (the vocabulary's
 * table is megabytes: most look-ups of a text's words miss the cache).
 */
public final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;

    /** Slot {@code s}: key at {@code 2s}, value at {@code 2s + 1}. */
    private long[] slots;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = emptySlots(capacity);
        mask = capacity - 1;
    }

    private static long[] emptySlots(int capacity) {
        long[] slots = new long[capacity * 2];
        for (int s = 0; s < slots.length; s += 2) {
            slots[s] = EMPTY;
        }
        return slots;
    }

    /** The value of {@code key}, or {@code missing}. */
    public int get(long key, int missing) {
        int slot = mix(key) & mask;
        while (true) {
            long k = slots[2 * slot];
            if (k == key) {
                return (int) slots[2 * slot + 1];
            }
            if (k == EMPTY) {
                return missing;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The full 64-bit value of {@code key}, or {@code missing}: a value may pack more than an int. */
    public long getLong(long key, long missing) {
        int slot = mix(key) & mask;
        while (true) {
            long k = slots[2 * slot];
            if (k == key) {
                return slots[2 * slot + 1];
            }
            if (k == EMPTY) {
                return missing;
            }
            slot = (slot + 1) & mask;
        }
    }

    public void put(long key, int value) {
        putLong(key, value);
    }

    /** Maps {@code key} to a 64-bit value (read it with {@link #getLong}). */
    public void putLong(long key, long value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        if (size * 2 >= mask + 1) {
            rehash();
        }
        int slot = mix(key) & mask;
        while (slots[2 * slot] != EMPTY && slots[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (slots[2 * slot] == EMPTY) {
            size++;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
    }

    int size() {
        return size;
    }

    long bytes() {
        return 16L + slots.length * 8L;
    }

    private void rehash() {
        long[] old = slots;
        slots = emptySlots((mask + 1) * 2);
        mask = (mask + 1) * 2 - 1;
        size = 0;
        for (int s = 0; s < old.length; s += 2) {
            if (old[s] != EMPTY) {
                putLong(old[s], old[s + 1]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
