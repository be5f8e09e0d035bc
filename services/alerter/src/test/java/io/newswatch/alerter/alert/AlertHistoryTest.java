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
    private static final Duration REFRESH = Duration.ofHours(6);

    private final MutableClock clock = new MutableClock(T0);
    private final AlertHistory history = new AlertHistory(10, clock, rule -> HORIZON);

    @Test
    void theStoredStateAloneSaysWhatWasRaised() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        StoryAlerts stored = new AlertHistory(10, clock, rule -> HORIZON).raised(first, REFRESH).orElseThrow();

        // a restart after the alerts topic dropped the alert: only the state topic's record is read
        history.applyStored(stored.key(), Json.decode(Json.encode(stored), StoryAlerts.class));

        // the planner's next id on the pair is the next round's, never the first alert's again
        assertThat(history.onStory("rule-a", "story-1")).get().satisfies(state -> {
            assertThat(state.rounds()).isEqualTo(1);
            assertThat(state.nextRoundId()).isEqualTo(Ids.alert("rule-a", "story-1@1", 0));
        });
        assertThat(history.rulesOnStory("story-1")).containsExactly("rule-a");
    }

    @Test
    void anAlertReadFromBothTopicsCountsOnce() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        StoryAlerts stored = history.raised(first, REFRESH).orElseThrow();
        history.applyStored(stored.key(), stored);
        assertThat(history.apply(first, 0)).isEqualTo(AlertHistory.Change.RAISED);
        assertThat(history.apply(first, 0)).isEqualTo(AlertHistory.Change.DUPLICATE);

        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(1);
        assertThat(history.unstored(REFRESH)).isEmpty();
    }

    @Test
    void anAlertTheStateTopicLacksIsStoredAfterStart() {
        history.apply(alert("rule-a", "story-1", 0, "", T0), 0);

        assertThat(history.unstored(REFRESH)).extracting(StoryAlerts::key).containsExactly("rule-a/story-1");
        history.stored(history.unstored(REFRESH).getFirst());
        assertThat(history.unstored(REFRESH)).isEmpty();
    }

    @Test
    void aClosedStoryIsForgottenAndItsOldAlertsAreNotReadBackIn() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        history.raised(first, REFRESH);
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
    void aTombstonedStoryForgetsItsAlertsAtOnceAndAnAlertRaisedAgainOutlivesTheNextClose() {
        Alert first = alert("rule-a", "story-1", 0, "", T0);
        Alert second = alert("rule-a", "story-1", 0, "@1", T0.plusSeconds(60));
        history.raised(first, REFRESH);
        history.raised(second, REFRESH);
        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(2);

        // another instance closed the story: its tombstone is read
        history.applyStored("rule-a/story-1", null);
        assertThat(history.isRaised(first.id())).isFalse();
        assertThat(history.isRaised(second.id())).isFalse();

        // the story opens again with the first alert (a replay, or a new article): one round, not two
        history.raised(first, REFRESH);
        assertThat(history.isRaised(first.id())).isTrue();
        assertThat(history.isRaised(second.id())).isFalse();
        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(1);

        // the next look for closed stories drops the forgotten ids, not the one raised again
        assertThat(history.closeStories()).isEmpty();
        assertThat(history.alertIds()).isEqualTo(1);
        assertThat(history.isRaised(first.id())).isTrue();
    }

    @Test
    void aRunningStoryStaysOpenAndIsStoredAgainOnlyNowAndThen() {
        // raised, and its state written (the service notes it stored once Kafka has it)
        history.raised(alert("rule-a", "story-1", 0, "", T0), REFRESH).ifPresent(history::stored);
        Duration refresh = REFRESH;

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
    void aStoryWalksOnlyItsOpenPairs() {
        // two rules on one story, one with a shorter horizon; a third pair on another story
        AlertHistory history = new AlertHistory(10, clock,
                rule -> rule.equals("rule-b") ? Duration.ofHours(1) : HORIZON);
        for (Alert alert : List.of(alert("rule-a", "story-1", 0, "", T0), alert("rule-b", "story-1", 0, "", T0),
                alert("rule-c", "story-2", 0, "", T0))) {
            history.raised(alert, REFRESH).ifPresent(history::stored);
        }
        assertThat(history.rulesOnStory("story-1")).containsExactlyInAnyOrder("rule-a", "rule-b");

        // rule-b's pair closes; an article of the story afterwards concerns rule-a's pair alone
        clock.set(T0.plus(Duration.ofHours(2)));
        assertThat(history.closeStories()).containsExactly("rule-b/story-1");
        assertThat(history.rulesOnStory("story-1")).containsExactly("rule-a");
        assertThat(history.seen("story-1", T0.plus(Duration.ofHours(7)), REFRESH))
                .extracting(StoryAlerts::ruleId).containsExactly("rule-a");

        // a tombstone read from the state topic forgets a pair the same way; the story then has none
        history.applyStored("rule-a/story-1", null);
        assertThat(history.rulesOnStory("story-1")).isEmpty();
        assertThat(history.seen("story-1", T0.plus(Duration.ofHours(20)), REFRESH)).isEmpty();
        assertThat(history.rulesOnStory("story-2")).containsExactly("rule-c");
    }

    @Test
    void anArticleOfALongStoryWalksItsPairsOnlyWhenOneIsDueToBeStored() {
        // 500 rules alerted on one story, their states stored
        for (int rule = 0; rule < 500; rule++) {
            history.raised(alert("rule-" + rule, "story-1", 0, "", T0), REFRESH).ifPresent(history::stored);
        }
        // 3,000 articles of the story, 10 s apart (8 h 20 min): the states are stored again once, a refresh on
        List<StoryAlerts> stored = new java.util.ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            stored.addAll(history.seen("story-1", T0.plusSeconds(10L * i), REFRESH));
        }
        assertThat(stored).hasSize(500).allSatisfy(state ->
                assertThat(state.lastArticle()).isEqualTo(T0.plus(REFRESH).plusSeconds(10)));
        assertThat(history.onStory("rule-7", "story-1")).get().extracting(StoryAlerts::lastArticle)
                .isEqualTo(T0.plusSeconds(30_000));
        // one walk of the 500 pairs, not one per article (1.5 million)
        assertThat(history.pairsWalked()).isEqualTo(500);
    }

    @Test
    void anArticleNotedOnceForItsStoryDecidesWhatWalkingEveryPairWould() {
        // a model of the rule: each pair takes the articles of its story seen while it is open, and is stored again
        // when its latest article runs a refresh past the stored one; articles come in and out of order, pairs
        // open, are stored (or the write's acknowledgement is slow), tombstoned and open again
        java.util.Random random = new java.util.Random(20261208L);
        java.util.Map<String, Instant[]> model = new java.util.HashMap<>(); // key -> {latest article, stored one}
        for (int step = 0; step < 20_000; step++) {
            String story = "story-" + random.nextInt(3);
            String rule = "rule-" + random.nextInt(8);
            String key = StoryAlerts.key(rule, story);
            Instant time = T0.plusSeconds(step * 60L - random.nextInt(4 * 3600));
            int action = random.nextInt(10);
            if (action < 5) {
                List<String> expected = new java.util.ArrayList<>();
                model.forEach((pair, times) -> {
                    if (pair.endsWith("/" + story)) {
                        times[0] = times[0] == null || time.isAfter(times[0]) ? time : times[0];
                        if (times[1] == null || times[0].isAfter(times[1].plus(REFRESH))) {
                            times[1] = times[0];
                            expected.add(pair + "@" + times[0]);
                        }
                    }
                });
                assertThat(history.seen(story, time, REFRESH)).as("step %d", step)
                        .extracting(state -> state.key() + "@" + state.lastArticle())
                        .containsExactlyInAnyOrderElementsOf(expected);
            } else if (action < 8) {
                Alert alert = perArticle(rule, story, "article-" + step, 2, time);
                Instant[] times = model.computeIfAbsent(key, k -> new Instant[2]);
                times[0] = times[0] == null || time.isAfter(times[0]) ? time : times[0];
                var toStore = history.raised(alert, REFRESH);
                if (times[1] == null || times[0].isAfter(times[1].plus(REFRESH))) {
                    assertThat(toStore).as("step %d", step).isPresent();
                }
                if (toStore.isPresent() && random.nextBoolean()) {
                    // the write is acknowledged now (else the next article of the story stores it again)
                    history.stored(toStore.get());
                    Instant written = toStore.get().lastArticle();
                    times[1] = times[1] == null || written.isAfter(times[1]) ? written : times[1];
                }
            } else if (action < 9) {
                model.remove(key);
                history.applyStored(key, null);
            } else {
                key = model.keySet().stream().skip(model.isEmpty() ? 0 : random.nextInt(model.size())).findFirst()
                        .orElse(key);
                Instant[] times = model.get(key);
                if (times != null) {
                    String[] pair = key.split("/");
                    assertThat(history.onStory(pair[0], pair[1])).as("step %d", step).get()
                            .extracting(StoryAlerts::lastArticle).isEqualTo(times[0]);
                }
            }
        }
        assertThat(history.size()).isEqualTo(model.size());
    }

    @Test
    void twoVersionsOfAStateMergeWhateverTheOrder() {
        StoryAlerts a = StoryAlerts.none("rule-a", "story-1").with(alert("rule-a", "story-1", 0, "", T0))
                .nextRound();
        StoryAlerts b = a.with(alert("rule-a", "story-1", 1, "", T0.plusSeconds(60)));
        StoryAlerts c = a.with(alert("rule-a", "story-1", 0, "@1", T0.plusSeconds(7200))).nextRound();

        assertThat(b.merge(c)).isEqualTo(c.merge(b));
        assertThat(b.merge(c).maxLevel()).isEqualTo(1);
        assertThat(b.merge(c).rounds()).isEqualTo(2);
        assertThat(b.merge(c).lastRoundArticle()).isEqualTo(T0.plusSeconds(7200));
        assertThat(b.with(alert("rule-a", "story-1", 1, "", T0.plusSeconds(60)))).isSameAs(b);
        assertThat(b.merge(c).merge(b)).isEqualTo(b.merge(c));
    }

    @Test
    void roundsAreCountedWhateverOrderAndHowOftenTheirAlertsAreRead() {
        // rounds 0 to 4 of a pair, read across partitions out of order, some twice, round 2 late
        for (int round : new int[] {3, 0, 1, 4, 0, 3, 1}) {
            history.apply(round("rule-a", "story-1", round), round % 3);
        }
        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(2);
        history.apply(round("rule-a", "story-1", 2), 2);
        assertThat(history.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(5);

        // a restart: the stored state (3 rounds: the write of the last two was lost) and the alerts topic
        AlertHistory restarted = new AlertHistory(10, clock, rule -> HORIZON);
        StoryAlerts stored = StoryAlerts.none("rule-a", "story-1").with(round("rule-a", "story-1", 2))
                .nextRound().nextRound().nextRound();
        restarted.applyStored(stored.key(), stored);
        for (int round : new int[] {4, 1, 3, 0, 2}) {
            restarted.apply(round("rule-a", "story-1", round), round % 3);
        }
        assertThat(restarted.onStory("rule-a", "story-1")).get().extracting(StoryAlerts::rounds).isEqualTo(5);
        assertThat(restarted.unstored(REFRESH)).extracting(StoryAlerts::rounds).containsExactly(5);
    }

    @Test
    void aStoryStateStaysTheSameSizeAndIsStoredOnceHoweverManyArticlesAlert() {
        // an article-scoped rule on one story of 10,000 articles, one alert each, from 8 outlets
        int written = 0;
        String json = "";
        for (int i = 0; i < 10_000; i++) {
            clock.set(T0.plusSeconds(i));
            Alert alert = perArticle("rule-a", "story-1", "article-" + i, Math.min(8, 1 + i / 1000), clock.instant());
            var toStore = history.raised(alert, REFRESH);
            if (toStore.isPresent()) {
                written++;
                json = Json.encode(toStore.get());
                history.stored(toStore.get());
            }
            // the alerts topic gives it back; a replay of its article finds it raised
            history.apply(alert, i % 3);
            assertThat(history.isRaised(alert.id())).isTrue();
        }
        // once for the pair, then once for each new outlet count: not once per alert
        assertThat(written).isEqualTo(8);
        assertThat(json.length()).isLessThan(400);
        assertThat(history.onStory("rule-a", "story-1")).get().satisfies(state -> {
            assertThat(state.rounds()).isZero();
            assertThat(state.maxOutlets()).isEqualTo(8);
        });
        assertThat(history.alertIds()).isEqualTo(10_000);
        assertThat(history.unstored(REFRESH)).isEmpty();
    }

    @Test
    void aStateOfSchemaOneIsReadByItsCountersAndWrittenAgainInSchemaTwo() {
        String first = Ids.alert("rule-a", "story-1", 0);
        String realert = Ids.alert("rule-a", "story-1@1", 0);
        String v1 = """
                {"schemaVersion":1,"ruleId":"rule-a","storyId":"story-1","rounds":2,
                 "lastRoundArticle":"2026-12-01T09:00:00Z","maxLevel":1,"maxOutlets":4,
                 "articles":["article-1","article-2","article-3"],"alerts":["%s","%s","%s"],
                 "lastAlert":"2026-12-01T09:00:01Z","lastArticle":"2026-12-01T09:30:00Z"}
                """.formatted(first, realert, Ids.alert("rule-a", "story-1", 1));

        history.applyStored("rule-a/story-1", Json.decode(v1, StoryAlerts.class));

        assertThat(history.onStory("rule-a", "story-1")).get().satisfies(state -> {
            assertThat(state.schemaVersion()).isEqualTo(StoryAlerts.SCHEMA_VERSION);
            assertThat(state.rounds()).isEqualTo(2);
            assertThat(state.maxLevel()).isEqualTo(1);
            assertThat(state.maxOutlets()).isEqualTo(4);
            assertThat(state.lastRoundArticle()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
            assertThat(state.nextRoundId()).isEqualTo(Ids.alert("rule-a", "story-1@2", 0));
        });
        List<StoryAlerts> migrated = history.unstored(REFRESH);
        assertThat(migrated).extracting(StoryAlerts::key).containsExactly("rule-a/story-1");
        assertThat(Json.encode(migrated.getFirst())).contains("\"schemaVersion\":2").doesNotContain("alerts");
        history.stored(migrated.getFirst());
        assertThat(history.unstored(REFRESH)).isEmpty();
    }

    @Test
    void memoryHoldsOpenStoriesNotEveryAlertEver() {
        for (int story = 0; story < 1000; story++) {
            clock.set(T0.plus(Duration.ofHours(story)));
            history.raised(alert("rule-a", "story-" + story, 0, "", clock.instant()), REFRESH);
            history.closeStories();
        }
        // stories close three days (72 hours) after their last article
        assertThat(history.size()).isBetween(72, 74);
        assertThat(history.alertIds()).isEqualTo(history.size());
    }

    /** Round {@code round} of a rule on a story, its article fetched {@code round} hours after T0. */
    private static Alert round(String rule, String story, int round) {
        return alert(rule, story, 0, round == 0 ? "" : "@" + round, T0.plus(Duration.ofHours(round)));
    }

    private static Alert perArticle(String rule, String story, String article, int outlets, Instant fetched) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, Ids.alert(rule, article, 0), fetched.plusSeconds(1), rule,
                "Rule", "harbour", article, "https://wire.example/" + article, "Title", "Wire", story, outlets, 0,
                "harbour", null, List.of("log"), List.of(), fetched);
    }

    private static Alert alert(String rule, String story, int level, String round, Instant fetched) {
        String id = Ids.alert(rule, story + round, level);
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, fetched.plusSeconds(1), rule, "Rule", "harbour",
                "article-" + id, "https://wire.example/" + id, "Title", "Wire", story, 2, level, "harbour", null,
                List.of("log"), List.of(), fetched);
    }
}
