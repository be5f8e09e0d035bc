package io.newswatch.alerter.rule;

import io.newswatch.alerter.Articles;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.ExplodingQuery;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule whose query cannot be used never fails an article nor keeps the other rules from matching: it is marked
 * broken (why, where, since when), left out of matching, and works again once edited.
 */
class RuleBookTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-11-19T10:00:00Z");

    /** The compiler, except that the query "EXPLODE" becomes one that throws on every article with "ferry". */
    private final RuleBook book = new RuleBook(Clock.fixed(NOW, ZoneOffset.UTC), query -> query.equals("EXPLODE")
            ? new ExplodingQuery("ferry", ExplodingQuery.When.MATCHING) : QueryCompiler.compile(query));

    private final ArticleDocument ferry = ArticleDocument.of(Articles.article().title("The ferry to Bar")
            .body("The ferry left Montenegro at dawn.").build());

    @AfterEach
    void close() {
        book.close();
    }

    @Test
    void aRuleThatThrowsOnAnArticleIsMarkedBrokenAndEveryOtherRuleStillMatches() {
        book.stage("montenegro", rule("montenegro", "Montenegro"));
        book.stage("poison", rule("poison", "EXPLODE"));
        book.stage("ferry", rule("ferry", "ferry AND dawn"));
        book.commit();

        assertThat(book.match(ferry)).extracting(Rule::id).containsExactly("ferry", "montenegro");

        RuleBook.Problem problem = book.problem("poison").orElseThrow();
        assertThat(problem.reason()).contains("failed on article", "boom");
        assertThat(problem.since()).isEqualTo(NOW);
        assertThat(book.broken()).isEqualTo(1);
        assertThat(book.matchFailures()).isEqualTo(1);
        assertThat(book.matching()).isEqualTo(2);
        // taken out of matching: it fails no later article
        assertThat(book.match(ferry)).extracting(Rule::id).containsExactly("ferry", "montenegro");
        assertThat(book.matchFailures()).isEqualTo(1);

        book.stage("poison", rule("poison", "ferry"));
        book.commit();
        assertThat(book.problem("poison")).isEmpty();
        assertThat(book.match(ferry)).extracting(Rule::id).containsExactly("ferry", "montenegro", "poison");
    }

    @Test
    void aStoredRuleWhoseQueryFailsTheChecksIsKeptBrokenWithItsPosition() {
        book.stage("bomb", rule("bomb", "Montenegro AND /[a-z]*a[a-z]{20}/"));
        book.stage("deep", rule("deep", "(".repeat(3_000) + "ferry" + ")".repeat(3_000)));
        book.stage("montenegro", rule("montenegro", "Montenegro"));
        book.commit();

        assertThat(book.get("bomb")).isPresent();
        assertThat(book.problem("bomb").orElseThrow()).satisfies(problem -> {
            assertThat(problem.reason()).contains("regular expression is too complex");
            assertThat(problem.position()).isEqualTo(15);
            assertThat(problem.since()).isEqualTo(WRITTEN);
        });
        assertThat(book.problem("deep").orElseThrow().reason()).contains("nested");
        assertThat(book.broken()).isEqualTo(2);
        assertThat(book.match(ferry)).extracting(Rule::id).containsExactly("montenegro");
    }

    @Test
    void digestRulesAreKeptApartAsTheyAreWrittenEditedAndDeleted() {
        book.stage("hourly", digest(rule("hourly", "Montenegro")));
        book.stage("daily", digest(rule("daily", "ferry")));
        book.stage("instant", rule("instant", "Montenegro"));
        book.commit();
        assertThat(book.digests()).extracting(Rule::id).containsExactlyInAnyOrder("hourly", "daily");

        book.stage("hourly", rule("hourly", "Montenegro"));
        book.stage("daily", null);
        book.stage("instant", digest(rule("instant", "Montenegro")));
        book.commit();
        assertThat(book.digests()).extracting(Rule::id).containsExactly("instant");
    }

    private static Rule digest(Rule rule) {
        return new Rule(rule.schemaVersion(), rule.type(), rule.id(), rule.timestamp(), rule.name(), rule.query(),
                rule.channels(), rule.enabled(), rule.owner(), rule.tags(), rule.scope(), rule.realert(),
                Rule.Mode.DIGEST, java.time.Duration.ofHours(1), rule.escalation());
    }

    private static Rule rule(String id, String query) {
        return new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, WRITTEN, id, query, List.of("log"), true, null,
                List.of(), Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null);
    }
}
