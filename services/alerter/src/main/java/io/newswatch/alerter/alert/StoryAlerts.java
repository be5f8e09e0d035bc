package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Ids;

import java.time.Duration;
import java.time.Instant;

/**
 * What a rule has raised on a story, and so what the planner decides its next alert from: the value of the
 * compacted topic {@code newswatch.alerts.state}, keyed by {@link #key(String, String)} (a tombstone once the story
 * has closed). A handful of counters and times, whatever the story's size: every alert id the planner can raise on
 * a story is derived from them ({@link #roundId}, {@link Ids#alert} with the level), so no list of ids is kept. Two
 * versions merge by maximum, so the same state read from this topic and folded from the alerts topic, in either
 * order, counts once; {@link #with} is idempotent for escalations and times, and {@link AlertHistory} counts rounds
 * by their ids.
 *
 * <p>Schema 1 (before 2026-12-06) also listed every article and alert id of the pair, which made each alert cost in
 * proportion to what the story already had; those records are still read (the lists are ignored: the counters they
 * carry are what decides, and the alerts topic gives the ids back at start).
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION}
 * @param ruleId           the rule
 * @param storyId          the story (the article, for an article without a story)
 * @param rounds           rounds raised: the first alert, then one per realert (round k's id is {@link #roundId})
 * @param lastRoundArticle when the latest article of a level-0 alert was fetched (realert counts from it)
 * @param maxLevel         the highest escalation level raised
 * @param maxOutlets       the most outlets any of the alerts reported
 * @param lastAlert        when the latest alert was raised
 * @param lastArticle      when the latest article of the story seen by the alerter was fetched: the story closes
 *                         a story window after it
 */
public record StoryAlerts(int schemaVersion, String ruleId, String storyId, int rounds, Instant lastRoundArticle,
                          int maxLevel, int maxOutlets, Instant lastAlert, Instant lastArticle) {

    public static final int SCHEMA_VERSION = 2;

    /** The topic key of a rule's state on a story. */
    public static String key(String ruleId, String storyId) {
        return ruleId + "/" + storyId;
    }

    public String key() {
        return key(ruleId, storyId);
    }

    /** Nothing raised yet. */
    public static StoryAlerts none(String ruleId, String storyId) {
        return new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, 0, null, 0, 0, null, null);
    }

    /** The story of an alert: its story id, or its article's id for an article without a story. */
    public static String storyOf(Alert alert) {
        return alert.storyId() != null ? alert.storyId() : alert.articleId();
    }

    /** The id of a rule's round on a story: the first alert (round 0), then one per realert. */
    public static String roundId(String ruleId, String storyId, int round) {
        return Ids.alert(ruleId, round == 0 ? storyId : storyId + "@" + round, 0);
    }

    /** The id the rule's next round on the story would have. */
    public String nextRoundId() {
        return roundId(ruleId, storyId, rounds);
    }

    /** When the alert's article was fetched (when it was raised, for alerts without that time). */
    static Instant articleTime(Alert alert) {
        return alert.articleFetched() != null ? alert.articleFetched() : alert.timestamp();
    }

    /**
     * This state with the alert's level, outlets and times in it. Rounds are not counted here (an alert folded twice
     * must count once): {@link AlertHistory} moves {@link #rounds} on when it holds the next round's id.
     */
    public StoryAlerts with(Alert alert) {
        Instant fetched = articleTime(alert);
        StoryAlerts next = new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, rounds,
                alert.level() > 0 ? lastRoundArticle : later(lastRoundArticle, fetched),
                Math.max(maxLevel, alert.level()), Math.max(maxOutlets, alert.storyOutlets()),
                later(lastAlert, alert.timestamp()), later(lastArticle, fetched));
        return next.equals(this) ? this : next;
    }

    /** This state with one more round raised. */
    StoryAlerts nextRound() {
        return new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, rounds + 1, lastRoundArticle, maxLevel, maxOutlets,
                lastAlert, lastArticle);
    }

    /** Both versions in one: the latest times and highest counts. */
    public StoryAlerts merge(StoryAlerts other) {
        if (other == null || other.equals(this)) {
            return this;
        }
        StoryAlerts merged = new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, Math.max(rounds, other.rounds),
                later(lastRoundArticle, other.lastRoundArticle), Math.max(maxLevel, other.maxLevel),
                Math.max(maxOutlets, other.maxOutlets), later(lastAlert, other.lastAlert),
                later(lastArticle, other.lastArticle));
        return merged.equals(this) ? this : merged;
    }

    /** This state with an article of the story fetched at {@code fetched} seen. */
    public StoryAlerts seen(Instant fetched) {
        Instant latest = later(lastArticle, fetched);
        return latest == lastArticle ? this : new StoryAlerts(SCHEMA_VERSION, ruleId, storyId, rounds,
                lastRoundArticle, maxLevel, maxOutlets, lastAlert, latest);
    }

    /**
     * True when this state decides something {@code stored} does not (a round, a level, more outlets), or its times
     * have run more than {@code refresh} ahead of it (read back, it would close the story early): then it is to be
     * stored. A per-article alert that changes neither is not: its id is in the alerts topic, which is what a
     * replay of its article (the articles topic keeps 7 days, the alerts topic 90) is checked against.
     * {@link #lastRoundArticle} moves with every level-0 alert but decides only with a new round, which is stored.
     */
    public boolean storeOver(StoryAlerts stored, Duration refresh) {
        if (stored == null) {
            return true;
        }
        return rounds > stored.rounds || maxLevel > stored.maxLevel || maxOutlets > stored.maxOutlets
                || ahead(lastArticle, stored.lastArticle, refresh) || ahead(lastAlert, stored.lastAlert, refresh);
    }

    private static boolean ahead(Instant now, Instant stored, Duration margin) {
        return now != null && (stored == null || now.isAfter(stored.plus(margin)));
    }

    /**
     * True when the story is closed for the rule at {@code now}: its latest article (or alert) is more than
     * {@code horizon} old. No later article can join the story then, so nothing more can be decided on it.
     */
    public boolean closedAt(Instant now, Duration horizon) {
        Instant last = later(lastArticle, lastAlert);
        return last == null || last.plus(horizon).isBefore(now);
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
