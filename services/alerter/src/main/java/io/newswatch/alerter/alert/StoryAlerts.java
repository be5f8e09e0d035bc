package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What a rule has raised on a story, and so what the planner decides its next alert from: the value of the
 * compacted topic {@code newswatch.alerts.state}, keyed by {@link #key(String, String)} (a tombstone once the story
 * has closed). Folding an alert in is idempotent (by alert id) and two versions merge by union and maximum, so the
 * same alert read from the alerts topic and from this topic, in either order, counts once.
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION}
 * @param ruleId           the rule
 * @param storyId          the story (the article, for an article without a story)
 * @param rounds           alerts of level 0 raised: the first alert, then one per realert
 * @param lastRoundArticle when the article of the latest round was fetched (realert counts from it)
 * @param maxLevel         the highest escalation level raised
 * @param maxOutlets       the most outlets any of the alerts reported
 * @param articles         articles that raised something
 * @param alerts           ids of every alert raised (a replay or a restart raises none of them again)
 * @param lastAlert        when the latest alert was raised
 * @param lastArticle      when the latest article of the story seen by the alerter was fetched: the story closes
 *                         a story window after it
 */
public record StoryAlerts(int schemaVersion, String ruleId, String storyId, int rounds, Instant lastRoundArticle,
                          int maxLevel, int maxOutlets, Set<String> articles, Set<String> alerts, Instant lastAlert,
                          Instant lastArticle) {

    public static final int SCHEMA_VERSION = 1;

    public StoryAlerts {
        articles = Set.copyOf(articles == null ? Set.of() : articles);
        alerts = Set.copyOf(alerts == null ? Set.of() : alerts);
    }

    /** The topic key of a rule's state on a story. */
    public static String key(String ruleId, String storyId) {
        return ruleId + "/" + storyId;
    }

    public String key() {
        return key(ruleId, storyId);
    }

    /** Nothing raised yet. */
    public static StoryAlerts none(String ruleId, String storyId) {
        return new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, 0, null, 0, 0, Set.of(), Set.of(), null, null);
    }

    /** The story of an alert: its story id, or its article's id for an article without a story. */
    public static String storyOf(Alert alert) {
        return alert.storyId() != null ? alert.storyId() : alert.articleId();
    }

    /** When the alert's article was fetched (when it was raised, for alerts without that time). */
    static Instant articleTime(Alert alert) {
        return alert.articleFetched() != null ? alert.articleFetched() : alert.timestamp();
    }

    /** This state with the alert in it; the same state when the alert is in it already. */
    public StoryAlerts with(Alert alert) {
        if (alerts.contains(alert.id())) {
            return this;
        }
        Set<String> withAlert = new HashSet<>(alerts);
        withAlert.add(alert.id());
        Set<String> withArticle = new HashSet<>(articles);
        withArticle.add(alert.articleId());
        int outlets = Math.max(maxOutlets, alert.storyOutlets());
        Instant fetched = articleTime(alert);
        Instant alerted = later(lastAlert, alert.timestamp());
        Instant seen = later(lastArticle, fetched);
        if (alert.level() > 0) {
            return new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, rounds, lastRoundArticle,
                    Math.max(maxLevel, alert.level()), outlets, withArticle, withAlert, alerted, seen);
        }
        return new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, rounds + 1, later(lastRoundArticle, fetched),
                maxLevel, outlets, withArticle, withAlert, alerted, seen);
    }

    /** Both versions in one: every alert and article of either, the latest times and highest counts. */
    public StoryAlerts merge(StoryAlerts other) {
        if (other == null || other.equals(this)) {
            return this;
        }
        Set<String> allAlerts = new HashSet<>(alerts);
        allAlerts.addAll(other.alerts);
        Set<String> allArticles = new HashSet<>(articles);
        allArticles.addAll(other.articles);
        return new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, Math.max(rounds, other.rounds),
                later(lastRoundArticle, other.lastRoundArticle), Math.max(maxLevel, other.maxLevel),
                Math.max(maxOutlets, other.maxOutlets), allArticles, allAlerts, later(lastAlert, other.lastAlert),
                later(lastArticle, other.lastArticle));
    }

    /** This state with an article of the story fetched at {@code fetched} seen. */
    public StoryAlerts seen(Instant fetched) {
        Instant latest = later(lastArticle, fetched);
        return latest == lastArticle ? this : new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, rounds,
                lastRoundArticle, maxLevel, maxOutlets, articles, alerts, lastAlert, latest);
    }

    /**
     * True when the story is closed for the rule at {@code now}: its latest article (or alert) is more than
     * {@code horizon} old. No later article can join the story then, so nothing more can be decided on it.
     */
    public boolean closedAt(Instant now, Duration horizon) {
        Instant last = later(lastArticle, lastAlert);
        return last == null || last.plus(horizon).isBefore(now);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
