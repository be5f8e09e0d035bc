package io.newswatch.poller.feed;

import io.newswatch.contract.Feed;
import io.newswatch.contract.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every registered feed, as the compacted topic {@code newswatch.feeds} holds them, with the partition each one
 * lives in (the partition decides which poller instance polls it). Fed by the topic's reader and by this
 * instance's own registrations; a registration older than the one held is ignored.
 */
public final class FeedRegistry {

    /** A registered feed and its partition of the feeds topic. */
    public record Entry(Feed feed, int partition) {
    }

    private final Map<String, Entry> feeds = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Applies one record of the feeds topic.
     *
     * @throws io.newswatch.contract.BadEventException when the value is not a feed
     */
    public void apply(String id, String value, int partition) {
        if (value == null) {
            remove(id);
            return;
        }
        Feed feed = Json.decode(value, Feed.class);
        if (!feed.id().equals(id)) {
            throw new io.newswatch.contract.BadEventException("feed id " + feed.id() + " under the key " + id);
        }
        put(feed, partition);
    }

    public void put(Feed feed, int partition) {
        Entry fresh = new Entry(feed, partition);
        Entry kept = feeds.merge(feed.id(), fresh, (old, candidate) ->
                candidate.feed().timestamp() != null && old.feed().timestamp() != null
                        && candidate.feed().timestamp().isBefore(old.feed().timestamp()) ? old : candidate);
        if (kept == fresh) {
            listeners.forEach(listener -> listener.accept(feed.id()));
        }
    }

    public void remove(String id) {
        if (feeds.remove(id) != null) {
            listeners.forEach(listener -> listener.accept(id));
        }
    }

    public Optional<Entry> get(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    /** All feeds, by name. */
    public List<Entry> all() {
        return feeds.values().stream()
                .sorted(Comparator.comparing((Entry e) -> e.feed().name() == null ? e.feed().url() : e.feed().name(),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(e -> e.feed().id()))
                .toList();
    }

    public int size() {
        return feeds.size();
    }

    /** Called with a feed id whenever that feed is added, changed or removed. */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }
}
