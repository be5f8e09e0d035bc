package io.newswatch.enricher.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The clusterer's band index: band key (a hash of a signature's band) to the slot numbers of the open stories with a
 * signature in that band, each slot once, in the order they were added. An open-addressing table of primitive keys
 * whose value is the slot itself when the band has one story (nearly all of them: about 128 bands per story, shared
 * now and then) or the index of a small list when it has more. A {@code HashMap<Long, Band>} held a node, a boxed
 * key, a band object and its array for every one of millions of entries at tens of thousands of open stories: most
 * of the enricher's heap, and work for every GC cycle; here they are three arrays. Not thread-safe (the clusterer's
 * lock guards it).
 */
final class BandIndex {

    /** An unused table entry. A band key equal to it is stored as {@link #EMPTY_STANDIN} (one key in 2^64). */
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long EMPTY_STANDIN = Long.MIN_VALUE + 1;

    private long[] keys;
    /** Per entry: the slot (>= 0), or {@code -1 - i} for the list {@code lists.get(i)}. */
    private int[] values;
    private int size;
    private int mask;
    private final List<int[]> lists = new ArrayList<>();
    /** Per list, how many slots it holds. */
    private int[] listSizes = new int[16];
    private final List<Integer> freeLists = new ArrayList<>();

    BandIndex() {
        keys = new long[1024];
        Arrays.fill(keys, EMPTY);
        values = new int[1024];
        mask = 1023;
    }

    private static long stored(long key) {
        return key == EMPTY ? EMPTY_STANDIN : key;
    }

    private int find(long key) {
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1 - i;
            }
        }
    }

    /** How many slots the band holds (0 when none). */
    int count(long band) {
        int at = find(stored(band));
        if (at < 0) {
            return 0;
        }
        int v = values[at];
        return v >= 0 ? 1 : listSizes[-1 - v];
    }

    /**
     * The band's slots, in the order added: {@code into[0]} when it holds one, else a list whose first
     * {@link #count} entries are its slots (read them before the index changes).
     */
    int[] slots(long band, int[] into) {
        int at = find(stored(band));
        if (at < 0) {
            return into;
        }
        int v = values[at];
        if (v >= 0) {
            into[0] = v;
            return into;
        }
        return lists.get(-1 - v);
    }

    /** Adds a slot to a band (nothing when it is there already). */
    void add(long band, int slot) {
        long key = stored(band);
        int at = find(key);
        if (at < 0) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                at = find(key);
            }
            at = -1 - at;
            keys[at] = key;
            values[at] = slot;
            size++;
            return;
        }
        int v = values[at];
        if (v >= 0) {
            if (v != slot) {
                values[at] = -1 - newList(v, slot);
            }
            return;
        }
        int list = -1 - v;
        int[] slots = lists.get(list);
        int n = listSizes[list];
        for (int i = 0; i < n; i++) {
            if (slots[i] == slot) {
                return;
            }
        }
        if (n == slots.length) {
            slots = Arrays.copyOf(slots, n * 2);
            lists.set(list, slots);
        }
        slots[n] = slot;
        listSizes[list] = n + 1;
    }

    /** Removes a slot from a band; a band left with none is removed. */
    void remove(long band, int slot) {
        int at = find(stored(band));
        if (at < 0) {
            return;
        }
        int v = values[at];
        if (v >= 0) {
            if (v == slot) {
                delete(at);
            }
            return;
        }
        int list = -1 - v;
        int[] slots = lists.get(list);
        int n = listSizes[list];
        for (int i = 0; i < n; i++) {
            if (slots[i] == slot) {
                System.arraycopy(slots, i + 1, slots, i, n - i - 1);
                n--;
                listSizes[list] = n;
                break;
            }
        }
        if (n == 1) { // one left: held inline again
            values[at] = slots[0];
            lists.set(list, null);
            freeLists.add(list);
        }
    }

    /** Bands held. */
    int size() {
        return size;
    }

    private int newList(int first, int second) {
        int list;
        if (!freeLists.isEmpty()) {
            list = freeLists.remove(freeLists.size() - 1);
            lists.set(list, new int[] {first, second});
        } else {
            list = lists.size();
            lists.add(new int[] {first, second});
            if (list == listSizes.length) {
                listSizes = Arrays.copyOf(listSizes, list * 2);
            }
        }
        listSizes[list] = 2;
        return list;
    }

    /** Empties entry {@code at}, moving later entries of its probe run back so that every key stays reachable. */
    private void delete(int at) {
        int hole = at;
        for (int i = (at + 1) & mask; keys[i] != EMPTY; i = (i + 1) & mask) {
            int home = mix(keys[i]) & mask;
            // the entry at i may move to the hole when its home is not within (hole, i] (cyclically)
            if (hole <= i ? home <= hole || home > i : home <= hole && home > i) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int at = -1 - find(oldKeys[i]);
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
