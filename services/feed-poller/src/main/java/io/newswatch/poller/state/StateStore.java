package io.newswatch.poller.state;

import io.newswatch.contract.Json;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every feed's state and ledger as last written to {@code newswatch.feeds.state}, with an index of every article
 * id any feed has published: an article that two feeds carry is published once. Fed by the topic's reader and by
 * this instance's own writes (applied at once, so that status is current before the topic echoes them back); a
 * record older than what is held is ignored.
 */
public final class StateStore {

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Map<String, ItemLedger.Snapshot> ledgers = new ConcurrentHashMap<>();
    /** Every ledger entry by article id: usually one, more when several feeds carry the same article. */
    private final Map<String, List<SeenItem>> published = new HashMap<>();

    /** Applies one record of the state topic. */
    public void apply(String key, String value) {
        String ledgerOf = ItemLedger.feedIdOf(key);
        if (ledgerOf != null) {
            putLedger(ledgerOf, value == null ? null : Json.decode(value, ItemLedger.Snapshot.class));
        } else {
            putState(key, value == null ? null : Json.decode(value, FeedState.class));
        }
    }

    public Optional<FeedState> state(String feedId) {
        return Optional.ofNullable(states.get(feedId));
    }

    public Optional<ItemLedger.Snapshot> ledger(String feedId) {
        return Optional.ofNullable(ledgers.get(feedId));
    }

    /** The latest revision any feed published under this article id. */
    public synchronized Optional<SeenItem> published(String articleId) {
        return published.getOrDefault(articleId, List.of()).stream().max(Comparator.comparingInt(SeenItem::revision));
    }

    public void putState(String feedId, FeedState state) {
        if (state == null) {
            states.remove(feedId);
            return;
        }
        states.merge(feedId, state, (old, fresh) -> fresh.timestamp().isBefore(old.timestamp()) ? old : fresh);
    }

    public synchronized void putLedger(String feedId, ItemLedger.Snapshot snapshot) {
        ItemLedger.Snapshot old = ledgers.get(feedId);
        if (snapshot != null && old != null && snapshot.timestamp().isBefore(old.timestamp())) {
            return;
        }
        if (old != null) {
            for (SeenItem item : old.items()) {
                published.computeIfPresent(item.id(), (id, holders) -> {
                    List<SeenItem> rest = holders.stream().filter(held -> held != item).toList();
                    return rest.isEmpty() ? null : rest;
                });
            }
        }
        if (snapshot == null) {
            ledgers.remove(feedId);
            return;
        }
        ledgers.put(feedId, snapshot);
        for (SeenItem item : snapshot.items()) {
            published.merge(item.id(), List.of(item), (held, fresh) -> {
                List<SeenItem> all = new java.util.ArrayList<>(held);
                all.addAll(fresh);
                return List.copyOf(all);
            });
        }
    }

    /** Forgets a deleted feed. */
    public void remove(String feedId) {
        putState(feedId, null);
        putLedger(feedId, null);
    }

    public int feeds() {
        return states.size();
    }

    public synchronized int publishedArticles() {
        return published.size();
    }
}
