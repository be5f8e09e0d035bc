package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the alert state topic and the alerts topic say has happened, folded into the state the alerter decides from:
 * what each rule raised on each open story ({@link StoryAlerts}: a replay raises nothing twice), which
 * notifications are settled, and the latest alerts for {@code GET /alerts}. Records of one alert id are in one
 * partition, so they arrive in the order they were written.
 *
 * <p>Folding an alert costs the same however many alerts its story has: the stored state is a few counters, and the
 * ids of the alerts are kept in memory only, in one map (id to its pair) that is added to, never copied. Rounds are
 * counted from those ids: a pair has {@code n + 1} rounds once the id of round {@code n} ({@link StoryAlerts#roundId})
 * is among its own, whatever order the alerts were read in, and however often.
 *
 * <p>Memory holds what is live, not every alert ever: the state of each rule on each open story (forgotten once the
 * story closes, {@link #closeStories()}), full alerts only while a channel is unsettled, and the most recent ones.
 *
 * <p>An article of a story costs the same however many rules have alerted on the story: its time is noted once for
 * the story, each rule's state takes it when read or stored, and the story's pairs are walked only when one of them
 * may have run a refresh ahead of its stored state ({@link #seen}).
 * Thread-safe.
 */
public final class AlertHistory implements AlertState {

    /** A delivery that will not change any more: delivered or failed (not retrying, not being sent). */
    public static boolean isSettled(Alert.Delivery delivery) {
        return delivery != null && ("delivered".equals(delivery.status()) || "failed".equals(delivery.status()));
    }

    /** What applying a record changed. */
    public enum Change {
        /** The first record of this alert id: it was just raised. */
        RAISED,
        /** A delivery status of an alert already known. */
        DELIVERY,
        /** The same alert raised again (by another instance, or a replay); nothing changes. */
        DUPLICATE
    }

    /**
     * An alert as the history holds it.
     *
     * @param alert     the alert as raised, with the latest status of each channel
     * @param partition its partition of the alerts topic
     */
    public record Entry(Alert alert, int partition) {

        /** Channels of the alert without a settled delivery. */
        public List<String> unsettledChannels() {
            Map<String, Alert.Delivery> byChannel = new HashMap<>();
            alert.deliveries().forEach(d -> byChannel.put(d.channel(), d));
            return alert.channels().stream().filter(c -> !isSettled(byChannel.get(c))).toList();
        }
    }

    /** A rule's state on an open story: as folded here, as last read from or written to the state topic. */
    private static final class Live {
        /** The story's open pairs and its latest article. */
        final OpenStory story;
        /**
         * The state as folded here, without the story's latest article when that moved since {@link #seenVersion}:
         * read through {@link #state()}.
         */
        private StoryAlerts folded;
        /** The {@link OpenStory#version} whose latest article {@link #folded} has (or that it opened at). */
        private long seenVersion;
        StoryAlerts stored;
        /** The last record read from the state topic was of schema 1: written again at the first look. */
        boolean legacy;
        /** Forgotten (its story closed): its ids in {@link #liveAlerts} no longer count, and go at the next close. */
        boolean forgotten;
        /** Alerts of the story whose first record was read from the alerts topic. */
        final Set<String> read = new HashSet<>();
        /** {@link StoryAlerts#nextRoundId()} of the state, for {@link #nextRoundOf} rounds. */
        private String nextRound;
        private int nextRoundOf = -1;

        /** A pair that opens now: articles of the story seen before are not its own. */
        Live(OpenStory story, StoryAlerts state) {
            this.story = story;
            this.seenVersion = story.version;
            fold(state);
        }

        /** The state, with every article of the story seen since the pair opened. */
        StoryAlerts state() {
            if (seenVersion != story.version) {
                folded = folded.seen(story.latest);
                seenVersion = story.version;
            }
            return folded;
        }

        /** Replaces the state by one folded from {@link #state()} (later times, higher counts). */
        void fold(StoryAlerts state) {
            folded = state;
            story.ownLatest = StoryAlerts.later(story.ownLatest, state.lastArticle());
        }

        /** When the stored state's latest article was fetched: null when none is stored (or it has no time). */
        Instant storedArticle() {
            return stored == null ? null : stored.lastArticle();
        }

        /** Notes that {@link #stored} changed (it only moves later). */
        void storedChanged() {
            Instant time = storedArticle();
            if (time == null) {
                story.unstored.add(this);
            } else {
                story.unstored.remove(this);
                story.storedFloor = story.storedFloor == null || time.isBefore(story.storedFloor) ? time
                        : story.storedFloor;
            }
        }

        /**
         * Counts the rounds whose ids were folded into this pair, from the state's count on (one id hashed when
         * none is new).
         */
        void countRounds(Map<String, Live> liveAlerts) {
            while (true) {
                StoryAlerts state = state();
                if (nextRoundOf != state.rounds()) {
                    nextRound = state.nextRoundId();
                    nextRoundOf = state.rounds();
                }
                if (liveAlerts.get(nextRound) != this) {
                    return;
                }
                fold(state.nextRound());
            }
        }
    }

    /**
     * The open pairs of one story, and when its latest article seen here was fetched. An article notes its time here
     * once; each pair takes it when it is read or stored ({@link Live#state()}), so an article costs the same however
     * many rules have alerted on its story (session 19; walking every pair per article was the alerter's largest cost
     * with long stories, session 18). The pairs are walked only when one may be due to be stored again.
     */
    private static final class OpenStory {
        /** The story's pairs, by rule. */
        final Map<String, Live> pairs = new HashMap<>();
        /** When the latest article of the story seen here was fetched; null before the first. */
        Instant latest;
        /** Moves on each time {@link #latest} does. */
        long version;
        /**
         * Pairs opened since {@link #latest} last moved: an earlier article seen meanwhile is theirs at once (the
         * pairs opened before have {@link #latest}, which is later).
         */
        final List<Live> openedSince = new ArrayList<>();
        /** Pairs with no article time stored (not stored yet): the next article stores them. */
        final Set<Live> unstored = new HashSet<>();
        /** No pair's stored article time is earlier (a lower bound; null: none stored). */
        Instant storedFloor;
        /** No pair's state folded here has a later article time, the story's articles aside (null: none has one). */
        Instant ownLatest;
    }

    /** A horizon that never closes a story (tests, tools that read a short history). */
    public static final Function<String, Duration> NEVER_CLOSED = ruleId -> Duration.ofDays(365_000);

    private final int recentLimit;
    private final Clock clock;
    private final Function<String, Duration> horizon;
    /** Open stories by {@link StoryAlerts#key}: all the alerter remembers of them. */
    private final Map<String, Live> live = new HashMap<>();
    /**
     * Every alert id folded here (from either topic or raised here; memory only) to its rule's state on its story:
     * for {@link #isRaised} and for counting a pair's rounds. The ids of a forgotten pair stay until the next
     * {@link #closeStories()}, and count as absent meanwhile.
     */
    private final Map<String, Live> liveAlerts = new HashMap<>();
    /** The same pairs by story, then rule, with each story's latest article. */
    private final Map<String, OpenStory> byStory = new HashMap<>();
    /** Keys of closed stories whose tombstone is still to write. */
    private final Set<String> toTombstone = new HashSet<>();
    private final Map<String, Entry> unsettled = new HashMap<>();
    private final LinkedHashMap<String, Entry> recent;
    /** Pairs walked by articles of their stories since start (tests: an article walks none but now and then). */
    private long pairsWalked;

    /** @param recentLimit how many of the latest alerts to keep whole; stories never close */
    public AlertHistory(int recentLimit) {
        this(recentLimit, Clock.systemUTC(), NEVER_CLOSED);
    }

    /**
     * @param recentLimit how many of the latest alerts to keep whole
     * @param horizon     per rule, how long after its last article a story is closed for the rule (the story
     *                    window, or the rule's realert when longer): its state is forgotten then
     */
    public AlertHistory(int recentLimit, Clock clock, Function<String, Duration> horizon) {
        this.recentLimit = recentLimit;
        this.clock = clock;
        this.horizon = horizon;
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AlertHistory.Entry> eldest) {
                return size() > AlertHistory.this.recentLimit;
            }
        };
    }

    /**
     * Folds one record of the alerts topic in. A record of a story closed before it is ignored (its state was
     * forgotten on purpose: the alerts topic may still hold alerts of stories long closed).
     */
    public synchronized Change apply(Alert record, int partition) {
        String ruleId = record.ruleId();
        String storyId = StoryAlerts.storyOf(record);
        String key = StoryAlerts.key(ruleId, storyId);
        Live story = live.get(key);
        if (story == null && closed(StoryAlerts.none(ruleId, storyId).with(record))) {
            return Change.DUPLICATE;
        }
        boolean first = story == null || !story.read.contains(record.id());
        Entry current = first ? null : find(record.id());
        Alert merged;
        if (first) {
            story = fold(key, ruleId, storyId, record);
            story.read.add(record.id());
            merged = record;
        } else if (record.deliveries().isEmpty()) {
            return Change.DUPLICATE;
        } else {
            merged = current == null ? record : withDeliveries(current.alert(), record.deliveries());
        }
        Entry entry = new Entry(merged, partition);
        if (entry.unsettledChannels().isEmpty()) {
            unsettled.remove(record.id());
        } else {
            unsettled.put(record.id(), entry);
        }
        if (first || recent.containsKey(record.id())) {
            recent.put(record.id(), entry);
        }
        return first ? Change.RAISED : Change.DELIVERY;
    }

    /**
     * Folds in an alert this instance has just raised, before the alerts topic has it back.
     *
     * @param refresh how far the pair's times may run ahead of the stored ones before they are stored again
     * @return the rule's new state on the story when it is to be written to the state topic ({@link #stored} once
     *         written): when it decides something new (a round, a level, more outlets: never for a per-article
     *         alert that changes none of these) or its times have run ahead
     */
    public synchronized Optional<StoryAlerts> raised(Alert alert, Duration refresh) {
        String storyId = StoryAlerts.storyOf(alert);
        Live pair = fold(StoryAlerts.key(alert.ruleId(), storyId), alert.ruleId(), storyId, alert);
        StoryAlerts state = pair.state();
        return state.storeOver(pair.stored, refresh) ? Optional.of(state) : Optional.empty();
    }

    /** Applies one record of the state topic: a rule's state on a story, or (null) its tombstone. */
    public synchronized void applyStored(String key, StoryAlerts record) {
        if (record == null) {
            forget(key);
            toTombstone.remove(key);
            return;
        }
        // schema 1 carried lists of ids as well (ignored when read): its counters mean what they mean in schema 2
        StoryAlerts stored = record.schemaVersion() == StoryAlerts.SCHEMA_VERSION ? record
                : StoryAlerts.none(record.ruleId(), record.storyId()).merge(record);
        Live pair = live.get(key);
        if (pair == null) {
            if (closed(stored)) {
                toTombstone.add(key); // closed while no alerter ran, or its tombstone was lost
                return;
            }
            pair = open(key, stored.ruleId(), stored.storyId(), stored);
        } else {
            pair.fold(pair.state().merge(stored));
        }
        pair.stored = pair.stored == null ? stored : pair.stored.merge(stored);
        pair.storedChanged();
        pair.legacy = record.schemaVersion() < StoryAlerts.SCHEMA_VERSION;
        pair.countRounds(liveAlerts);
    }

    /**
     * Notes an article of the story, fetched at {@code fetched}, for every rule that alerted on the story: its time
     * is noted once for the story, and each pair takes it when it is read or stored.
     *
     * @param refresh how far the latest article may run ahead of the stored one before it is stored again
     * @return the states to write to the state topic (few: once per {@code refresh} of a running story)
     */
    public synchronized List<StoryAlerts> seen(String storyId, Instant fetched, Duration refresh) {
        OpenStory story = byStory.get(storyId);
        if (story == null || fetched == null) {
            return List.of();
        }
        if (story.latest == null || fetched.isAfter(story.latest)) {
            story.latest = fetched;
            story.version++;
            story.openedSince.clear();
        } else {
            // an earlier article than the latest (read out of order): new only to the pairs opened since the latest
            for (Live pair : story.openedSince) {
                if (!pair.forgotten) {
                    pair.fold(pair.state().seen(fetched));
                }
            }
        }
        Instant ahead = StoryAlerts.later(story.latest, story.ownLatest);
        if (story.storedFloor != null && ahead.isAfter(story.storedFloor.plus(refresh))) {
            return storeRunAhead(story, refresh);
        }
        if (story.unstored.isEmpty()) {
            return List.of();
        }
        List<StoryAlerts> toStore = new ArrayList<>(story.unstored.size());
        for (Live pair : List.copyOf(story.unstored)) {
            pair.stored = pair.state();
            pair.storedChanged();
            toStore.add(pair.stored);
        }
        return toStore;
    }

    /**
     * Walks the story's pairs (when one may have run a refresh ahead of its stored state): the states not stored
     * yet, or whose latest article is more than {@code refresh} after the stored one, are to be stored.
     */
    private List<StoryAlerts> storeRunAhead(OpenStory story, Duration refresh) {
        pairsWalked += story.pairs.size();
        List<StoryAlerts> toStore = new ArrayList<>();
        Instant floor = null;
        Instant own = null;
        for (Live pair : story.pairs.values()) {
            StoryAlerts state = pair.state();
            Instant stored = pair.storedArticle();
            if (stored == null || state.lastArticle().isAfter(stored.plus(refresh))) {
                pair.stored = state;
                toStore.add(state);
                stored = state.lastArticle();
            }
            floor = floor == null || stored.isBefore(floor) ? stored : floor;
            own = StoryAlerts.later(own, state.lastArticle());
        }
        story.unstored.clear();
        story.storedFloor = floor;
        story.ownLatest = own;
        return toStore;
    }

    /**
     * States that know more than the state topic (alerts read from the alerts topic whose state record was never
     * written: the alerter stopped between the two), and states last stored in schema 1, for the caller to write
     * ({@link #stored} once written).
     *
     * @param refresh how far a state's times may run ahead of the stored ones without being written
     */
    public synchronized List<StoryAlerts> unstored(Duration refresh) {
        List<StoryAlerts> toStore = new ArrayList<>();
        for (Live pair : live.values()) {
            StoryAlerts state = pair.state();
            if (pair.legacy || state.storeOver(pair.stored, refresh)) {
                toStore.add(state);
            }
        }
        return toStore;
    }

    /** Notes that the state topic has this state. */
    public synchronized void stored(StoryAlerts state) {
        Live pair = live.get(state.key());
        if (pair != null) {
            pair.stored = pair.stored == null ? state : pair.stored.merge(state);
            pair.storedChanged();
            pair.legacy = false;
        }
    }

    /** A closed story whose tombstone could not be written: {@link #closeStories()} returns it again. */
    public synchronized void tombstoneLater(String key) {
        toTombstone.add(key);
    }

    /**
     * Forgets the stories closed by now (for each rule: its horizon after the story's last article).
     *
     * @return their keys, to tombstone in the state topic
     */
    public synchronized List<String> closeStories() {
        List<String> closed = new ArrayList<>(toTombstone);
        toTombstone.clear();
        for (Map.Entry<String, Live> pair : live.entrySet()) {
            if (closed(pair.getValue().state())) {
                closed.add(pair.getKey());
            }
        }
        closed.forEach(this::forget);
        liveAlerts.values().removeIf(pair -> pair.forgotten);
        return closed;
    }

    private boolean closed(StoryAlerts state) {
        return state.closedAt(clock.instant(), horizon.apply(state.ruleId()));
    }

    private Live fold(String key, String ruleId, String storyId, Alert alert) {
        Live pair = live.get(key);
        if (pair == null) {
            pair = open(key, ruleId, storyId, StoryAlerts.none(ruleId, storyId));
        }
        if (liveAlerts.get(alert.id()) != pair) {
            // new here, or (a per-article alert) read again with its article in another story: folding it into
            // this pair too is harmless, StoryAlerts#with takes maxima
            liveAlerts.put(alert.id(), pair);
            pair.fold(pair.state().with(alert));
            pair.countRounds(liveAlerts);
        }
        return pair;
    }

    private void forget(String key) {
        Live pair = live.remove(key);
        if (pair == null) {
            return;
        }
        pair.forgotten = true;
        OpenStory story = pair.story;
        story.pairs.remove(pair.state().ruleId(), pair);
        story.unstored.remove(pair);
        if (story.pairs.isEmpty()) {
            byStory.remove(pair.state().storyId(), story);
        }
    }

    /** A new pair (nothing stored yet), in its story. */
    private Live open(String key, String ruleId, String storyId, StoryAlerts state) {
        OpenStory story = byStory.computeIfAbsent(storyId, id -> new OpenStory());
        Live pair = new Live(story, state);
        live.put(key, pair);
        story.pairs.put(ruleId, pair);
        story.openedSince.add(pair);
        pair.storedChanged();
        return pair;
    }

    @Override
    public boolean isRaised(String alertId) {
        return contains(alertId);
    }

    @Override
    public synchronized Optional<StoryAlerts> onStory(String ruleId, String storyId) {
        OpenStory story = byStory.get(storyId);
        Live pair = story == null ? null : story.pairs.get(ruleId);
        return pair == null ? Optional.empty() : Optional.of(pair.state());
    }

    /** Rules that have alerted on the story (still open). */
    public synchronized Set<String> rulesOnStory(String storyId) {
        OpenStory story = byStory.get(storyId);
        return story == null ? Set.of() : Set.copyOf(story.pairs.keySet());
    }

    /** Of the given rules, those that have alerted on the story: the smaller of the two sets is walked. */
    @Override
    public synchronized Set<String> rulesOnStory(String storyId, Set<String> among) {
        OpenStory story = byStory.get(storyId);
        if (story == null || among.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        if (among.size() < story.pairs.size()) {
            for (String ruleId : among) {
                if (story.pairs.containsKey(ruleId)) {
                    found.add(ruleId);
                }
            }
        } else {
            for (String ruleId : story.pairs.keySet()) {
                if (among.contains(ruleId)) {
                    found.add(ruleId);
                }
            }
        }
        return found;
    }

    /** Unsettled alerts of a rule, in any partition. */
    public synchronized List<Entry> unsettledOfRule(String ruleId) {
        return unsettled.values().stream().filter(e -> e.alert().ruleId().equals(ruleId)).toList();
    }

    /** True when an alert with this id has been raised on a story still open. */
    public synchronized boolean contains(String alertId) {
        Live story = liveAlerts.get(alertId);
        return story != null && !story.forgotten;
    }

    /** The alert with its latest delivery statuses, while it is unsettled or recent. */
    public synchronized Entry find(String alertId) {
        Entry entry = unsettled.get(alertId);
        return entry != null ? entry : recent.get(alertId);
    }

    /** Alerts with unsettled channels in the given partitions of the alerts topic. */
    public synchronized List<Entry> unsettled(Set<Integer> partitions) {
        return unsettled.values().stream().filter(e -> partitions.contains(e.partition())).toList();
    }

    /** The latest alerts, newest first, optionally of one rule. */
    public synchronized List<Alert> recent(Predicate<Alert> filter, int limit) {
        List<Alert> alerts = new ArrayList<>();
        for (Entry entry : recent.values()) {
            if (filter.test(entry.alert())) {
                alerts.add(entry.alert());
            }
        }
        alerts.sort(Comparator.comparing(Alert::timestamp, Comparator.nullsLast(Comparator.reverseOrder())));
        return alerts.size() > limit ? List.copyOf(alerts.subList(0, limit)) : alerts;
    }

    /** Open stories remembered, per rule: what memory holds grows with these, not with every alert ever. */
    public synchronized int size() {
        return live.size();
    }

    /** Pairs that articles of their stories have walked, to look for states to store again. */
    synchronized long pairsWalked() {
        return pairsWalked;
    }

    /** Alert ids remembered (those of open stories, and of stories closed since the last look for closed ones). */
    public synchronized int alertIds() {
        return liveAlerts.size();
    }

    /** The alert with each channel's status replaced by the newer one in {@code deliveries}. */
    public static Alert withDeliveries(Alert alert, List<Alert.Delivery> deliveries) {
        Map<String, Alert.Delivery> byChannel = new LinkedHashMap<>();
        alert.deliveries().forEach(d -> byChannel.put(d.channel(), d));
        deliveries.forEach(d -> byChannel.put(d.channel(), d));
        return new Alert(alert.schemaVersion(), alert.type(), alert.id(), alert.timestamp(), alert.ruleId(),
                alert.ruleName(), alert.query(), alert.articleId(), alert.url(), alert.title(), alert.source(),
                alert.storyId(), alert.storyOutlets(), alert.level(), alert.snippet(), alert.explanation(),
                alert.channels(), List.copyOf(byChannel.values()), alert.articleFetched());
    }
}
