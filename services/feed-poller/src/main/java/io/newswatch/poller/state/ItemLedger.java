package io.newswatch.poller.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of one feed that were already published, so that an item is never published twice with the same
 * content, and one whose content changed is published again as a new revision. Bounded: the items that left the
 * feed longest ago are forgotten first; an item still in the feed is never forgotten.
 *
 * <p>Kept in {@code newswatch.feeds.state} as one record per item under {@link #entryKey(String, SeenItem)}, so
 * that a poll writes only what it changed (new and changed items, items that left the feed, items forgotten) and
 * not the whole ledger: an item's {@link SeenItem#seen()} is null while it is in the feed and is set once, when a
 * poll no longer finds it there. Older versions wrote the whole ledger as one {@link Snapshot} under
 * {@link #legacyKey(String)}; such a snapshot is read, written again item by item at the feed's next poll, and
 * deleted once those writes are acknowledged. Not thread-safe: one poll owns it at a time.
 */
public final class ItemLedger {

    /** The whole ledger in one record, as versions before the per-item records wrote it (read only). */
    public record Snapshot(int schemaVersion, String type, String feedId, Instant timestamp, List<SeenItem> items) {

        public static final String TYPE = "feed-items";

        public Snapshot {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * One item of a feed's ledger: the value of {@code newswatch.feeds.state} under
     * {@link ItemLedger#entryKey(String, SeenItem)}.
     *
     * @param timestamp when the poll that wrote it ended: an older record does not replace a newer one
     */
    public record Entry(int schemaVersion, String type, String feedId, Instant timestamp, SeenItem item) {

        public static final int SCHEMA_VERSION = 1;
        public static final String TYPE = "feed-item";
    }

    /**
     * What a poll changed in a ledger: records to write, in order.
     *
     * @param feedId     the feed
     * @param writes     per key, the entry to write, or null for a tombstone (an item forgotten or replaced)
     * @param dropLegacy the feed still had a whole-ledger {@link Snapshot}: every item is among the writes, and the
     *                   snapshot is to be deleted once they are acknowledged
     */
    public record Changes(String feedId, Map<String, Entry> writes, boolean dropLegacy) {

        public Changes {
            writes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(writes));
        }

        public boolean isEmpty() {
            return writes.isEmpty() && !dropLegacy;
        }
    }

    private static final String LEGACY_SUFFIX = "/items";
    private static final String ENTRY_INFIX = "/item/";

    private final Map<String, SeenItem> entries = new LinkedHashMap<>();
    private final Map<String, SeenItem> byGuid = new HashMap<>();
    private final Map<String, SeenItem> byLink = new HashMap<>();
    private final Map<String, SeenItem> byItemHash = new HashMap<>();
    private final Map<String, SeenItem> byRawHash = new HashMap<>();
    /** Keys changed since the ledger was loaded, with their new item or null when removed. */
    private final Map<String, SeenItem> changed = new LinkedHashMap<>();
    /** Keys of the items found in the feed by the poll under way. */
    private final Set<String> inFeed = new HashSet<>();
    private boolean legacy;

    /** The state topic key of a feed's whole-ledger snapshot, as older versions wrote it. */
    public static String legacyKey(String feedId) {
        return feedId + LEGACY_SUFFIX;
    }

    /**
     * The state topic key of one item of a feed's ledger: by its guid, or by its link and title when it has none.
     * Feed ids hold no {@code /}, so keys of different feeds and kinds never meet.
     */
    public static String entryKey(String feedId, SeenItem item) {
        return feedId + ENTRY_INFIX + (item.guidKey() != null ? "g" + item.guidKey() : "l" + item.linkKey());
    }

    /** The feed id of a ledger key (an item's or a legacy snapshot's), or null when the key is a feed state's. */
    public static String feedIdOf(String key) {
        int entry = key.indexOf(ENTRY_INFIX);
        if (entry > 0) {
            return key.substring(0, entry);
        }
        return key.endsWith(LEGACY_SUFFIX) ? key.substring(0, key.length() - LEGACY_SUFFIX.length()) : null;
    }

    /** True for the key of one ledger item, false for a legacy snapshot's or a feed state's. */
    public static boolean isEntryKey(String key) {
        return key.indexOf(ENTRY_INFIX) > 0;
    }

    /** An empty ledger (a feed never polled). */
    public ItemLedger() {
    }

    /** The legacy snapshot alone (tests, older data). */
    public static ItemLedger of(Snapshot snapshot) {
        return of(snapshot, List.of());
    }

    /**
     * A feed's ledger as the state topic holds it: a legacy snapshot (or null) overlaid by the per-item records
     * (a record replaces the snapshot's item with the same guid or link).
     */
    public static ItemLedger of(Snapshot snapshot, Collection<SeenItem> items) {
        ItemLedger ledger = new ItemLedger();
        if (snapshot != null) {
            snapshot.items().forEach(ledger::put);
            ledger.legacy = true;
        }
        items.forEach(ledger::put);
        if (ledger.legacy) {
            ledger.entries.forEach(ledger.changed::put);
        }
        return ledger;
    }

    public SeenItem byGuid(String guidKey) {
        return guidKey == null ? null : byGuid.get(guidKey);
    }

    public SeenItem byLink(String linkKey) {
        return byLink.get(linkKey);
    }

    /** The item recorded with this element hash ({@link SeenItem#itemHash()}), or null. */
    public SeenItem byItemHash(String itemHash) {
        return itemHash == null ? null : byItemHash.get(itemHash);
    }

    /** The item recorded with this hash of its element's text ({@link SeenItem#itemRawHash()}), or null. */
    public SeenItem byRawHash(String rawHash) {
        return rawHash == null ? null : byRawHash.get(rawHash);
    }

    /**
     * Notes that a known item is in the feed at this poll, read (or known by its element) with these hashes: an item
     * recorded without an element hash (before element hashes, or read with a warning then) gets both, one recorded
     * with this element hash but without a text hash (before text hashes) gets the text hash, so that the next polls
     * can skip reading it. An item holding another hash keeps it (its element changes without changing what is read
     * from it, such as a comment count: replacing the hash at each poll would write the ledger at each poll).
     */
    public void found(SeenItem item, String itemHash, Instant itemPublished, String rawHash) {
        SeenItem held = entries.get(key(item));
        SeenItem hashed = null;
        if (held != null && held.itemHash() == null && itemHash != null) {
            hashed = held.withItemHash(itemHash, itemPublished, rawHash);
        } else if (held != null && itemHash != null && itemHash.equals(held.itemHash()) && held.itemRawHash() == null
                && rawHash != null) {
            hashed = held.withItemHash(held.itemHash(), held.itemPublished(), rawHash);
        }
        if (hashed != null) {
            put(hashed);
            changed.put(key(hashed), hashed);
        }
        found(item);
    }

    /**
     * Records an item of the feed as it is now (published, or found to be a duplicate): in the feed, replacing
     * the items with the same guid or the same link.
     */
    public void record(SeenItem item) {
        SeenItem present = item.seen() == null ? item : item.seenAt(null);
        String key = key(present);
        put(present);
        inFeed.add(key);
        changed.put(key, present);
    }

    /** Notes that a known item is in the feed at this poll; changes nothing when it already was. */
    public void found(SeenItem item) {
        String key = key(item);
        SeenItem held = entries.get(key);
        if (held == null) {
            return;
        }
        if (held.seen() != null) {
            SeenItem present = held.seenAt(null);
            put(present);
            changed.put(key, present);
        }
        inFeed.add(key);
    }

    /**
     * Ends a poll that read the feed's items: every item that was in the feed and was not found this time is
     * marked as gone since {@code now}; then the items gone longest ago are forgotten, down to {@code max}.
     * Items still in the feed are never forgotten, however many: forgetting one would publish it again.
     */
    public void settle(Instant now, int max) {
        for (Map.Entry<String, SeenItem> entry : List.copyOf(entries.entrySet())) {
            if (entry.getValue().seen() == null && !inFeed.contains(entry.getKey())) {
                SeenItem gone = entry.getValue().seenAt(now);
                put(gone);
                changed.put(entry.getKey(), gone);
            }
        }
        inFeed.clear();
        if (entries.size() <= max) {
            return;
        }
        List<Map.Entry<String, SeenItem>> gone = new ArrayList<>(entries.entrySet().stream()
                .filter(entry -> entry.getValue().seen() != null).toList());
        gone.sort(Comparator.comparing(entry -> entry.getValue().seen()));
        int excess = Math.min(entries.size() - max, gone.size());
        for (Map.Entry<String, SeenItem> entry : List.copyOf(gone.subList(0, excess))) {
            remove(entry.getKey(), entry.getValue());
        }
    }

    public List<SeenItem> items() {
        return List.copyOf(entries.values());
    }

    public int size() {
        return entries.size();
    }

    /** What changed since the ledger was loaded (records to write), as of {@code now}. */
    public Changes changes(String feedId, Instant now) {
        Map<String, Entry> writes = new LinkedHashMap<>();
        changed.forEach((key, item) -> writes.put(feedId + key,
                item == null ? null : new Entry(Entry.SCHEMA_VERSION, Entry.TYPE, feedId, now, item)));
        return new Changes(feedId, writes, legacy);
    }

    /** Adds an item, replacing those with its guid or its link (so that every guid and every link is held once). */
    private void put(SeenItem item) {
        SeenItem sameGuid = item.guidKey() != null ? byGuid.get(item.guidKey()) : null;
        SeenItem sameLink = byLink.get(item.linkKey());
        String key = key(item);
        for (SeenItem old : new SeenItem[] {sameGuid, sameLink}) {
            if (old != null && entries.get(key(old)) == old) {
                remove(key(old), old);
            }
        }
        entries.put(key, item);
        if (item.guidKey() != null) {
            byGuid.put(item.guidKey(), item);
        }
        byLink.put(item.linkKey(), item);
        if (item.itemHash() != null) {
            byItemHash.put(item.itemHash(), item);
        }
        if (item.itemRawHash() != null) {
            byRawHash.put(item.itemRawHash(), item);
        }
    }

    private void remove(String key, SeenItem item) {
        entries.remove(key);
        if (item.guidKey() != null) {
            byGuid.remove(item.guidKey(), item);
        }
        byLink.remove(item.linkKey(), item);
        if (item.itemHash() != null) {
            byItemHash.remove(item.itemHash(), item);
        }
        if (item.itemRawHash() != null) {
            byRawHash.remove(item.itemRawHash(), item);
        }
        inFeed.remove(key);
        changed.put(key, null);
    }

    /** The key of an item within its feed (the part after the feed id). */
    private static String key(SeenItem item) {
        return entryKey("", item);
    }

    @Override
    public String toString() {
        return "ItemLedger" + entries.keySet() + (legacy ? " (legacy)" : "") + " changed " + changed.keySet();
    }
}
