package io.newswatch.poller.state;

import io.newswatch.contract.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every feed's state and ledger as last written to {@code newswatch.feeds.state}, with an index of every article
 * id any feed has published: an article that two feeds carry is published once. Fed by the topic's reader and by
 * this instance's own writes (applied at once, so that status is current before the topic echoes them back); a
 * record older than what is held is ignored. A ledger is held as its items' records (and, from older versions,
 * a whole-ledger snapshot): applying one item costs the same however long the ledger is.
 *
 * <p>The topic's echo of this instance's own write is not decoded again when it is the exact JSON this instance
 * wrote last under that key and nothing else was applied to that key since: the store holds that value already
 * (applying it again would replace it with an equal copy).
 */
public final class StateStore {

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Map<String, ItemLedger.Snapshot> snapshots = new HashMap<>();
    /** Per feed, its ledger's item records by key. */
    private final Map<String, Map<String, ItemLedger.Entry>> entries = new HashMap<>();
    /** Every ledger entry by article id: usually one, more when several feeds carry the same article. */
    private final Map<String, List<SeenItem>> published = new HashMap<>();
    /** Per key, the JSON this instance wrote last and the topic has not echoed yet (see the class comment). */
    private final Map<String, String> unechoed = new HashMap<>();
    private long echoesSkipped;

    /** Applies one record of the state topic. */
    public void apply(String key, String value) {
        if (value != null && ownEcho(key, value)) {
            return;
        }
        String ledgerOf = ItemLedger.feedIdOf(key);
        if (ledgerOf == null) {
            putState(key, value == null ? null : Json.decode(value, FeedState.class));
        } else if (ItemLedger.isEntryKey(key)) {
            putEntry(ledgerOf, key, value == null ? null : Json.decode(value, ItemLedger.Entry.class));
        } else {
            putLedger(ledgerOf, value == null ? null : Json.decode(value, ItemLedger.Snapshot.class));
        }
    }

    private synchronized boolean ownEcho(String key, String value) {
        if (value.equals(unechoed.get(key))) {
            unechoed.remove(key);
            echoesSkipped++;
            return true;
        }
        return false;
    }

    /** Echoes of this instance's own writes not decoded again, since the start. */
    public synchronized long echoesSkipped() {
        return echoesSkipped;
    }

    /**
     * Applies a poll's new state of a feed and returns the JSON to write, remembered so that the topic's echo of
     * it is not decoded again.
     */
    public synchronized String writeState(String feedId, FeedState state) {
        putState(feedId, state);
        String json = Json.encode(state);
        unechoed.put(feedId, json);
        return json;
    }

    /**
     * The JSON of a ledger item's value as held now, to be written ({@code null}: a tombstone), remembered so that
     * the topic's echo of it is not decoded again.
     */
    public synchronized String writeEntry(String feedId, String key) {
        ItemLedger.Entry entry = entry(feedId, key);
        if (entry == null) {
            unechoed.remove(key);
            return null;
        }
        String json = Json.encode(entry);
        unechoed.put(key, json);
        return json;
    }

    /** Applies what a poll of this instance changed, before it is written (see the class comment). */
    public synchronized void apply(ItemLedger.Changes changes) {
        changes.writes().forEach((key, entry) -> putEntry(changes.feedId(), key, entry));
    }

    public Optional<FeedState> state(String feedId) {
        return Optional.ofNullable(states.get(feedId));
    }

    /** A feed's ledger, to be changed by a poll (a copy: what it changes reaches the store through its changes). */
    public synchronized ItemLedger ledger(String feedId) {
        Map<String, ItemLedger.Entry> items = entries.getOrDefault(feedId, Map.of());
        return ItemLedger.of(snapshots.get(feedId), items.values().stream().map(ItemLedger.Entry::item).toList());
    }

    /** The keys of a feed's item records (to delete them with the feed). */
    public synchronized List<String> entryKeys(String feedId) {
        return List.copyOf(entries.getOrDefault(feedId, Map.of()).keySet());
    }

    /** The value held under a ledger item's key, or null. */
    public synchronized ItemLedger.Entry entry(String feedId, String key) {
        return entries.getOrDefault(feedId, Map.of()).get(key);
    }

    /** The latest revision any feed published under this article id. */
    public synchronized Optional<SeenItem> published(String articleId) {
        return published.getOrDefault(articleId, List.of()).stream().max(Comparator.comparingInt(SeenItem::revision));
    }

    public synchronized void putState(String feedId, FeedState state) {
        unechoed.remove(feedId);
        if (state == null) {
            states.remove(feedId);
            return;
        }
        states.merge(feedId, state, (old, fresh) -> fresh.timestamp().isBefore(old.timestamp()) ? old : fresh);
    }

    /** A whole-ledger snapshot as older versions wrote it; null deletes it. */
    public synchronized void putLedger(String feedId, ItemLedger.Snapshot snapshot) {
        unechoed.remove(ItemLedger.legacyKey(feedId));
        ItemLedger.Snapshot old = snapshots.get(feedId);
        if (snapshot != null && old != null && snapshot.timestamp().isBefore(old.timestamp())) {
            return;
        }
        if (old != null) {
            old.items().forEach(this::unindex);
        }
        if (snapshot == null) {
            snapshots.remove(feedId);
            return;
        }
        snapshots.put(feedId, snapshot);
        snapshot.items().forEach(this::index);
    }

    /** One item record of a feed's ledger; null deletes it. */
    public synchronized void putEntry(String feedId, String key, ItemLedger.Entry entry) {
        unechoed.remove(key);
        Map<String, ItemLedger.Entry> items = entries.computeIfAbsent(feedId, id -> new LinkedHashMap<>());
        ItemLedger.Entry old = items.get(key);
        if (entry != null && old != null && entry.timestamp().isBefore(old.timestamp())) {
            return;
        }
        if (old != null) {
            unindex(old.item());
        }
        if (entry == null) {
            items.remove(key);
            if (items.isEmpty()) {
                entries.remove(feedId);
            }
            return;
        }
        items.put(key, entry);
        index(entry.item());
    }

    private void index(SeenItem item) {
        published.merge(item.id(), List.of(item), (held, fresh) -> {
            List<SeenItem> all = new ArrayList<>(held);
            all.addAll(fresh);
            return List.copyOf(all);
        });
    }

    private void unindex(SeenItem item) {
        published.computeIfPresent(item.id(), (id, holders) -> {
            List<SeenItem> rest = holders.stream().filter(held -> held != item).toList();
            return rest.isEmpty() ? null : rest;
        });
    }

    /** Forgets a deleted feed. */
    public synchronized void remove(String feedId) {
        putState(feedId, null);
        putLedger(feedId, null);
        for (String key : entryKeys(feedId)) {
            putEntry(feedId, key, null);
        }
    }

    public int feeds() {
        return states.size();
    }

    public synchronized int publishedArticles() {
        return published.size();
    }
}
