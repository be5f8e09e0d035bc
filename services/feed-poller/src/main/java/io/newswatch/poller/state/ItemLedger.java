package io.newswatch.poller.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one feed that were already published, so that an item is never published twice with the same
 * content, and one whose content changed is published again as a new revision. Kept in
 * {@code newswatch.feeds.state} under {@link #key(String)}; bounded: the items last seen longest ago are forgotten
 * first. Not thread-safe: one poll owns it at a time.
 */
public final class ItemLedger {

    /** The ledger as written to Kafka. */
    public record Snapshot(int schemaVersion, String type, String feedId, Instant timestamp, List<SeenItem> items) {

        public static final String TYPE = "feed-items";

        public Snapshot {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    private static final String SUFFIX = "/items";

    private final Map<String, SeenItem> byGuid = new HashMap<>();
    private final Map<String, SeenItem> byLink = new HashMap<>();
    private final List<SeenItem> items = new ArrayList<>();

    /** The state topic key of a feed's ledger. */
    public static String key(String feedId) {
        return feedId + SUFFIX;
    }

    /** The feed id of a ledger key, or null when the key is a feed state's. */
    public static String feedIdOf(String key) {
        return key.endsWith(SUFFIX) ? key.substring(0, key.length() - SUFFIX.length()) : null;
    }

    public static ItemLedger of(Snapshot snapshot) {
        ItemLedger ledger = new ItemLedger();
        if (snapshot != null) {
            snapshot.items().forEach(ledger::record);
        }
        return ledger;
    }

    public SeenItem byGuid(String guidKey) {
        return guidKey == null ? null : byGuid.get(guidKey);
    }

    public SeenItem byLink(String linkKey) {
        return byLink.get(linkKey);
    }

    /** Adds an item, replacing the one with the same guid or link. */
    public void record(SeenItem item) {
        SeenItem old = item.guidKey() != null ? byGuid.get(item.guidKey()) : null;
        if (old == null) {
            old = byLink.get(item.linkKey());
        }
        if (old != null) {
            remove(old);
        }
        items.add(item);
        if (item.guidKey() != null) {
            byGuid.put(item.guidKey(), item);
        }
        byLink.put(item.linkKey(), item);
    }

    private void remove(SeenItem item) {
        items.remove(item);
        if (item.guidKey() != null) {
            byGuid.remove(item.guidKey(), item);
        }
        byLink.remove(item.linkKey(), item);
    }

    /**
     * Forgets items that are no longer in the feed, those last seen longest ago first, down to {@code max}. Items
     * seen at {@code current} (the poll that just ran: they are in the feed now) are never forgotten, however many:
     * forgetting one would publish it again at the next poll.
     */
    public void prune(int max, Instant current) {
        if (items.size() <= max) {
            return;
        }
        List<SeenItem> gone = new ArrayList<>(items.stream().filter(item -> item.seen().isBefore(current)).toList());
        gone.sort(Comparator.comparing(SeenItem::seen));
        int excess = Math.min(items.size() - max, gone.size());
        gone.subList(0, excess).forEach(this::remove);
    }

    public List<SeenItem> items() {
        return List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public Snapshot snapshot(String feedId, Instant now) {
        return new Snapshot(1, Snapshot.TYPE, feedId, now, items);
    }
}
