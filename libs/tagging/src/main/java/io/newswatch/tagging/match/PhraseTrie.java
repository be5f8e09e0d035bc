package io.newswatch.tagging.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trie over word ids: each phrase of a dictionary is a path of word ids, and its end node carries the phrase's
 * payloads (ints the owner interprets). Matching walks from each word as far as the text allows, so a longest match
 * costs one hash probe per word it spans. Built once, then read-only.
 */
public final class PhraseTrie {

    /** The root; {@link #child(int, int)} from it starts a phrase. */
    public static final int ROOT = 0;
    /** Returned by {@link #child(int, int)} when the path ends. */
    public static final int NONE = -1;

    private final LongIntMap edges = new LongIntMap(1 << 14);
    /**
     * The root's children by word id (ids are dense), {@link #NONE} where no phrase starts: every word of a text is
     * tried as a phrase start and most start none, so this array read replaces a hash probe per word.
     */
    private int[] rootChildren = new int[0];
    private final List<int[]> payloads = new ArrayList<>();
    private int nodes = 1;

    /** Adds a phrase (its word ids) with a payload. */
    public void add(int[] words, int payload) {
        int node = ROOT;
        for (int word : words) {
            int next = child(node, word);
            if (next == NONE) {
                next = nodes++;
                if (node == ROOT) {
                    if (word >= rootChildren.length) {
                        int length = rootChildren.length;
                        rootChildren = Arrays.copyOf(rootChildren, Math.max(word + 1, length * 2));
                        Arrays.fill(rootChildren, length, rootChildren.length, NONE);
                    }
                    rootChildren[word] = next;
                } else {
                    edges.put(key(node, word), next);
                }
            }
            node = next;
        }
        while (payloads.size() <= node) {
            payloads.add(null);
        }
        int[] existing = payloads.get(node);
        if (existing == null) {
            payloads.set(node, new int[] {payload});
        } else if (Arrays.stream(existing).noneMatch(p -> p == payload)) {
            int[] grown = Arrays.copyOf(existing, existing.length + 1);
            grown[existing.length] = payload;
            payloads.set(node, grown);
        }
    }

    /** The node reached from {@code node} by {@code word}, or {@link #NONE}. */
    public int child(int node, int word) {
        if (word < 0) {
            return NONE;
        }
        if (node == ROOT) {
            return word < rootChildren.length ? rootChildren[word] : NONE;
        }
        return edges.get(key(node, word), NONE);
    }

    /** Payloads of phrases ending at {@code node}, or null. */
    public int[] payloads(int node) {
        return node < payloads.size() ? payloads.get(node) : null;
    }

    /** Number of nodes. */
    public int size() {
        return nodes;
    }

    /** Approximate heap held, in bytes. */
    public long bytes() {
        long total = edges.bytes() + 16L + rootChildren.length * 4L + payloads.size() * 8L;
        for (int[] p : payloads) {
            if (p != null) {
                total += 16 + 4L * p.length;
            }
        }
        return total;
    }

    private static long key(int node, int word) {
        return ((long) node << 32) | (word & 0xffffffffL);
    }
}
