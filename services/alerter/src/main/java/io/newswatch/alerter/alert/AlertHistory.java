package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;

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
import java.util.function.Predicate;

/**
 * What the alerts topic says has happened, folded into the state the alerter decides from: which alerts exist
 * (a replay raises nothing twice), which notifications are settled, and the latest alerts for {@code GET /alerts}.
 * Records of one alert id are in one partition, so they arrive in the order they were written.
 *
 * <p>Every alert id is remembered in a compact form; full alerts only while a channel is unsettled, and the most
 * recent ones. Thread-safe.
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

    /**
     * What a rule has raised on a story: how many rounds (the first alert, then one per realert), when the latest
     * round's article was fetched, the highest escalation level, the most outlets any of its alerts reported, and
     * which articles raised something.
     */
    public record StoryAlerts(int rounds, Instant lastRoundArticle, int maxLevel, int maxOutlets,
                              Set<String> articles) {

        static final StoryAlerts NONE = new StoryAlerts(0, null, 0, 0, Set.of());

        StoryAlerts with(Alert alert) {
            Set<String> withArticle = new HashSet<>(articles);
            withArticle.add(alert.articleId());
            int outlets = Math.max(maxOutlets, alert.storyOutlets());
            if (alert.level() > 0) {
                return new StoryAlerts(rounds, lastRoundArticle, Math.max(maxLevel, alert.level()), outlets,
                        withArticle);
            }
            Instant fetched = alert.articleFetched() == null ? alert.timestamp() : alert.articleFetched();
            Instant latest = lastRoundArticle == null || fetched != null && fetched.isAfter(lastRoundArticle)
                    ? fetched : lastRoundArticle;
            return new StoryAlerts(rounds + 1, latest, maxLevel, outlets, withArticle);
        }
    }

    private final int recentLimit;
    private final Map<String, Integer> known = new HashMap<>();
    private final Map<String, StoryAlerts> byRuleAndStory = new HashMap<>();
    private final Map<String, Set<String>> rulesByStory = new HashMap<>();
    private final Map<String, Entry> unsettled = new HashMap<>();
    private final LinkedHashMap<String, Entry> recent;

    /** @param recentLimit how many of the latest alerts to keep whole */
    public AlertHistory(int recentLimit) {
        this.recentLimit = recentLimit;
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AlertHistory.Entry> eldest) {
                return size() > AlertHistory.this.recentLimit;
            }
        };
    }

    /** Folds one record of the alerts topic in. */
    public synchronized Change apply(Alert record, int partition) {
        boolean first = !known.containsKey(record.id());
        Entry current = first ? null : find(record.id());
        Alert merged;
        if (first) {
            known.put(record.id(), partition);
            if (record.storyId() != null) {
                byRuleAndStory.merge(storyKey(record.ruleId(), record.storyId()),
                        StoryAlerts.NONE.with(record), (old, added) -> old.with(record));
                rulesByStory.computeIfAbsent(record.storyId(), story -> new HashSet<>()).add(record.ruleId());
            }
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

    @Override
    public boolean isRaised(String alertId) {
        return contains(alertId);
    }

    @Override
    public synchronized Optional<StoryAlerts> onStory(String ruleId, String storyId) {
        return Optional.ofNullable(byRuleAndStory.get(storyKey(ruleId, storyId)));
    }

    @Override
    public synchronized Set<String> rulesOnStory(String storyId) {
        Set<String> rules = rulesByStory.get(storyId);
        return rules == null ? Set.of() : Set.copyOf(rules);
    }

    /** Unsettled alerts of a rule, in any partition. */
    public synchronized List<Entry> unsettledOfRule(String ruleId) {
        return unsettled.values().stream().filter(e -> e.alert().ruleId().equals(ruleId)).toList();
    }

    private static String storyKey(String ruleId, String storyId) {
        return ruleId + "\n" + storyId;
    }

    /** True when an alert with this id has been raised. */
    public synchronized boolean contains(String alertId) {
        return known.containsKey(alertId);
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

    /** Alert ids remembered. */
    public synchronized int size() {
        return known.size();
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
