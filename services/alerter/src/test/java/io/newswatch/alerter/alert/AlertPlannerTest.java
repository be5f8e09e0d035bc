package io.newswatch.alerter.alert;

import io.newswatch.alerter.Articles;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.rule.RuleBook;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/** Which alerts an article raises: once per story, realert, per-article scope, escalation as a story spreads. */
class AlertPlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final AlertPlanner planner = new AlertPlanner(Clock.fixed(T0, ZoneOffset.UTC), Optional.empty());
    private final AlertHistory history = new AlertHistory(100);
    private final RuleBook book = new RuleBook();

    @AfterEach
    void close() {
        book.close();
    }

    @Test
    void oneAlertPerStoryWhateverArticleOrReplay() {
        rule("montenegro", "Montenegro", null, null, Rule.Scope.STORY);
        List<Alert> first = feed(article().url("https://a.example/1").body("Montenegro votes.").story("s1", 1, 1));
        assertThat(first).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(Ids.alert("montenegro", "s1", 0));
            assertThat(alert.level()).isZero();
            assertThat(alert.snippet()).isEqualTo("<em>Montenegro</em> votes.");
        });
        assertThat(feed(article().url("https://b.example/2").body("Montenegro counts votes.").story("s1", 2, 1)))
                .isEmpty();
        assertThat(feed(article().url("https://a.example/1").body("Montenegro votes.").story("s1", 1, 1)))
                .isEmpty();
        assertThat(feed(article().url("https://c.example/3").body("Montenegro again.").story("s2", 1, 1)))
                .extracting(Alert::id).containsExactly(Ids.alert("montenegro", "s2", 0));
    }

    @Test
    void articleScopedRulesAlertOncePerArticle() {
        rule("ferry", "ferry", null, null, Rule.Scope.ARTICLE);
        Articles one = article().url("https://a.example/1").body("The ferry sailed.").story("s1", 1, 1);
        assertThat(feed(one)).extracting(Alert::id).containsExactly(Ids.alert("ferry", one.build().id(), 0));
        Articles two = article().url("https://b.example/2").body("The ferry sailed again.").story("s1", 2, 1);
        assertThat(feed(two)).extracting(Alert::id).containsExactly(Ids.alert("ferry", two.build().id(), 0));
        assertThat(feed(one)).isEmpty();
    }

    @Test
    void realertAfterTheWindowOnly() {
        rule("budget", "budget", Duration.ofHours(6), null, Rule.Scope.STORY);
        assertThat(feed(article().url("https://a.example/1").body("The budget passed.").story("s1", 1, 1)
                .fetched(T0))).hasSize(1);
        assertThat(feed(article().url("https://a.example/2").body("The budget, again.").story("s1", 2, 1)
                .fetched(T0.plus(Duration.ofHours(5))))).isEmpty();
        Articles late = article().url("https://a.example/3").body("The budget, later.").story("s1", 3, 1)
                .fetched(T0.plus(Duration.ofHours(6)));
        assertThat(feed(late)).extracting(Alert::id).containsExactly(Ids.alert("budget", "s1@1", 0));
        assertThat(feed(late)).isEmpty();
        assertThat(feed(article().url("https://a.example/4").body("The budget, once more.").story("s1", 4, 1)
                .fetched(T0.plus(Duration.ofHours(8))))).isEmpty();
        assertThat(feed(article().url("https://a.example/5").body("The budget, next day.").story("s1", 5, 1)
                .fetched(T0.plus(Duration.ofHours(12))))).extracting(Alert::id)
                .containsExactly(Ids.alert("budget", "s1@2", 0));
    }

    @Test
    void aReplayedRoundArticleRaisesNothingAgainEvenAfterARestartWithoutTheAlertsTopic() {
        rule("budget", "budget", Duration.ofHours(6), null, Rule.Scope.STORY);
        Articles first = article().url("https://a.example/1").body("The budget passed.").story("s1", 1, 1)
                .fetched(T0);
        Articles late = article().url("https://a.example/3").body("The budget, later.").story("s1", 3, 1)
                .fetched(T0.plus(Duration.ofHours(7)));
        assertThat(feed(first)).hasSize(1);
        assertThat(feed(late)).extracting(Alert::id).containsExactly(Ids.alert("budget", "s1@1", 0));

        // a restart after the alerts topic dropped both alerts: only the state topic's record is read
        StoryAlerts stored = history.onStory("budget", "s1").orElseThrow();
        AlertHistory restarted = new AlertHistory(100);
        restarted.applyStored(stored.key(), Json.decode(Json.encode(stored), StoryAlerts.class));
        assertThat(plan(late, restarted)).isEmpty();
        assertThat(plan(first, restarted)).isEmpty();
        assertThat(plan(article().url("https://a.example/4").body("The budget, next day.").story("s1", 4, 1)
                .fetched(T0.plus(Duration.ofHours(13))), restarted)).extracting(Alert::id)
                .containsExactly(Ids.alert("budget", "s1@2", 0));
    }

    @Test
    void aReplayedArticleOfABigStoryRaisesNothingForAnArticleScopedRule() {
        rule("ferry", "ferry", null, null, Rule.Scope.ARTICLE);
        List<Articles> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            articles.add(article().url("https://a.example/" + i).body("The ferry sailed, " + i + ".")
                    .story("s1", 1 + i / 25, 1).fetched(T0.plusSeconds(i)));
            assertThat(feed(articles.getLast())).hasSize(1);
        }
        for (Articles replay : articles) {
            assertThat(feed(replay)).isEmpty();
        }
        // the state the pair stores holds counters, not the 100 ids
        assertThat(Json.encode(history.onStory("ferry", "s1").orElseThrow()).length()).isLessThan(400);
    }

    @Test
    void escalationWhenTheStorySpreadsEvenWithoutAMatch() {
        rule("summit", "summit", null, new Rule.Escalation(3, 2), Rule.Scope.STORY);
        assertThat(feed(article().url("https://a.example/1").body("The summit opened.").story("s1", 1, 1)))
                .extracting(Alert::level).containsExactly(0);
        assertThat(feed(article().url("https://b.example/2").body("Leaders met.").story("s1", 2, 1))).isEmpty();
        List<Alert> spread = feed(article().url("https://c.example/3").body("Leaders met again.")
                .story("s1", 3, 1));
        assertThat(spread).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(Ids.alert("summit", "s1", 1));
            assertThat(alert.level()).isEqualTo(1);
            assertThat(alert.storyOutlets()).isEqualTo(3);
            assertThat(alert.url()).isEqualTo("https://c.example/3");
        });
        assertThat(feed(article().url("https://d.example/4").body("Still meeting.").story("s1", 4, 1))).isEmpty();
        assertThat(feed(article().url("https://e.example/5").body("Les dirigeants.").language("fr")
                .story("s1", 5, 2))).extracting(Alert::level).containsExactly(2);
    }

    @Test
    void noEscalationForWhatTheFirstAlertAlreadyReported() {
        rule("summit", "summit", null, new Rule.Escalation(3, null), Rule.Scope.STORY);
        assertThat(feed(article().url("https://a.example/1").body("The summit opened.").story("s1", 4, 1)))
                .extracting(Alert::level).containsExactly(0);
        assertThat(feed(article().url("https://b.example/2").body("Leaders met.").story("s1", 5, 1))).isEmpty();
    }

    @Test
    void disabledRulesDoNotEscalate() {
        rule("summit", "summit", null, new Rule.Escalation(2, null), Rule.Scope.STORY);
        feed(article().url("https://a.example/1").body("The summit opened.").story("s1", 1, 1));
        book.stage("summit", new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "summit", T0, "summit", "summit", List.of("log"),
                false, null, List.of(), Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, new Rule.Escalation(2, null)));
        book.commit();
        assertThat(feed(article().url("https://b.example/2").body("Leaders met.").story("s1", 2, 1))).isEmpty();
    }

    @Test
    void aMatchThatCannotBeExplainedStillAlerts() {
        rule("ferry", "ferry", null, null, Rule.Scope.STORY);
        EnrichedArticle article = article().url("https://a.example/1").body("The ferry left.").story("s1", 1, 1)
                .build();
        ArticleDocument document = ArticleDocument.of(article);
        List<Alert> alerts = planner.plan(article, document, book.match(document), book::get, book.escalating(),
                id -> new io.newswatch.alerter.match.ExplodingQuery("ferry",
                        io.newswatch.alerter.match.ExplodingQuery.When.MATCHING), history);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo("ferry");
            assertThat(alert.explanation().terms()).isEmpty();
        });
    }

    @Test
    void alertsNameChannelsByLabelAndLinkKibanaWithoutItsPassword() {
        AlertPlanner withKibana = new AlertPlanner(Clock.fixed(T0, ZoneOffset.UTC),
                Optional.of(java.net.URI.create("https://analyst:pa55word@kibana.example:5601/")));
        book.stage("ferry", new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "ferry", T0, "ferry", "ferry",
                List.of("log", "slack:https://hooks.slack.example/services/T0/B0/s3cr3t"), true, null, List.of(),
                Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null));
        book.commit();
        EnrichedArticle article = article().url("https://a.example/1").body("The ferry left.").story("s1", 1, 1)
                .build();
        ArticleDocument document = ArticleDocument.of(article);
        Alert alert = withKibana.plan(article, document, book.match(document), book::get, book.escalating(),
                id -> book.query(id).orElse(null), history).getFirst();
        assertThat(alert.channels()).containsExactly("log", "slack:hooks.slack.example");
        assertThat(alert.explanation().kibanaUrl()).startsWith("https://kibana.example:5601/app/discover");
        assertThat(alert.toString()).doesNotContain("s3cr3t", "pa55word");
    }

    private void rule(String id, String query, Duration realert, Rule.Escalation escalation, Rule.Scope scope) {
        book.stage(id, new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, T0, id, query, List.of("log"), true, null,
                List.of(), scope, realert, Rule.Mode.INSTANT, null, escalation));
        book.commit();
    }

    private List<Alert> plan(Articles builder, AlertState state) {
        EnrichedArticle article = builder.build();
        ArticleDocument document = ArticleDocument.of(article);
        return planner.plan(article, document, book.match(document), book::get, book.escalating(),
                id -> book.query(id).orElse(null), state);
    }

    /** Plans the article's alerts and feeds them back as the alerts topic would. */
    private List<Alert> feed(Articles builder) {
        EnrichedArticle article = builder.build();
        ArticleDocument document = ArticleDocument.of(article);
        List<Alert> alerts = planner.plan(article, document, book.match(document), book::get, book.escalating(),
                id -> book.query(id).orElse(null), history);
        alerts.forEach(alert -> history.apply(alert, 0));
        return alerts;
    }
}
