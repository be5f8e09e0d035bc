package io.newswatch.alerter.alert;

import io.newswatch.alerter.MutableClock;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert state: what outlives the alerts topic, what is forgotten when a story closes. */
class AlertHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration HORIZON = Duration.ofDays(3);

    private final MutableClock clock = new MutableClock(T0);
    private final AlertHistory history = new AlertHistory(10, clock, rule -> HORIZON);

    @Test
    void theStoredStateAloneSaysWhatWasRaised() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        StoryAlerts stored = new AlertHistory(10, clock, rule -> HORIZON).raised(first);

        // a restart after the alerts topic dropped the alert: only the state topic's record is read
        history.applyStored(stored.key(), Json.decode(Json.encode(stored), StoryAlerts.class));

        assertThat(history.isRaised(first.id())).isTrue();
        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(1);
        assertThat(history.rulesOnStory("story-1")).containsExactly("rule-a");
    }

    @Test
    void anAlertReadFromBothTopicsCountsOnce() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        StoryAlerts stored = history.raised(first);
        history.applyStored(stored.key(), stored);
        assertThat(history.apply(first, 0)).isEqualTo(AlertHistory.Change.RAISED);
        assertThat(history.apply(first, 0)).isEqualTo(AlertHistory.Change.DUPLICATE);

        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(1);
        assertThat(history.unstored()).isEmpty();
    }

    @Test
    void anAlertTheStateTopicLacksIsStoredAfterStart() {
        history.apply(alert("rule-a", "story-1", 0, "", T0), 0);

        assertThat(history.unstored()).extracting(StoryAlerts::key).containsExactly("rule-a/story-1");
        history.stored(history.unstored().getFirst());
        assertThat(history.unstored()).isEmpty();
    }

    @Test
    void aClosedStoryIsForgottenAndItsOldAlertsAreNotReadBackIn() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        history.raised(first);
        clock.set(T0.plus(Duration.ofDays(2)));
        assertThat(history.closeStories()).isEmpty();

        clock.set(T0.plus(HORIZON).plusSeconds(5));
        assertThat(history.closeStories()).containsExactly("rule-a/story-1");
        assertThat(history.isRaised(first.id())).isFalse();
        assertThat(history.size()).isZero();
        assertThat(history.alertIds()).isZero();

        // the alerts topic still holds it (or a restart reads it again): a closed story stays forgotten
        assertThat(history.apply(first, 0)).isEqualTo(AlertHistory.Change.DUPLICATE);
        StoryAlerts old = StoryAlerts.none("rule-a", "story-1").with(first);
        history.applyStored(old.key(), old);
        assertThat(history.size()).isZero();
        // a stored state of a closed story (its tombstone was lost) is tombstoned again
        assertThat(history.closeStories()).containsExactly("rule-a/story-1");
        assertThat(history.closeStories()).isEmpty();
    }

    @Test
    void aRunningStoryStaysOpenAndIsStoredAgainOnlyNowAndThen() {
        history.raised(alert("rule-a", "story-1", 0, "", T0));
        Duration refresh = Duration.ofHours(6);

        assertThat(history.seen("story-1", T0.plus(Duration.ofHours(1)), refresh)).isEmpty();
        assertThat(history.seen("story-1", T0.plus(Duration.ofHours(7)), refresh)).hasSize(1);
        assertThat(history.seen("story-1", T0.plus(Duration.ofHours(8)), refresh)).isEmpty();
        assertThat(history.seen("story-other", T0.plus(Duration.ofHours(8)), refresh)).isEmpty();

        clock.set(T0.plus(HORIZON).plus(Duration.ofHours(2)));
        assertThat(history.closeStories()).isEmpty();
        clock.set(T0.plus(Duration.ofHours(8)).plus(HORIZON).plusSeconds(1));
        assertThat(history.closeStories()).containsExactly("rule-a/story-1");
    }

    @Test
    void twoVersionsOfAStateMergeWhateverTheOrder() {
        StoryAlerts a = StoryAlerts.none("rule-a", "story-1").with(alert("rule-a", "story-1", 0, "", T0));
        StoryAlerts b = a.with(alert("rule-a", "story-1", 1, "", T0.plusSeconds(60)));
        StoryAlerts c = a.with(alert("rule-a", "story-1", 0, "@1", T0.plusSeconds(7200)));

        assertThat(b.merge(c)).isEqualTo(c.merge(b));
        assertThat(b.merge(c).alerts()).hasSize(3);
        assertThat(b.merge(c).maxLevel()).isEqualTo(1);
        assertThat(b.merge(c).rounds()).isEqualTo(2);
        assertThat(b.with(alert("rule-a", "story-1", 1, "", T0.plusSeconds(60)))).isSameAs(b);
    }

    @Test
    void memoryHoldsOpenStoriesNotEveryAlertEver() {
        for (int story = 0; story < 1000; story++) {
            clock.set(T0.plus(Duration.ofHours(story)));
            history.raised(alert("rule-a", "story-" + story, 0, "", clock.instant()));
            history.closeStories();
        }
        // stories close three days (72 hours) after their last article
        assertThat(history.size()).isBetween(72, 74);
        assertThat(history.alertIds()).isEqualTo(history.size());
    }

    private static Alert alert(String rule, String story, int level, String round, Instant fetched) {
        String id = Ids.alert(rule, story + round, level);
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, fetched.plusSeconds(1), rule, "Rule", "harbour",
                "article-" + id, "https://wire.example/" + id, "Title", "Wire", story, 2, level, "harbour", null,
                List.of("log"), List.of(), fetched);
    }
}
