package io.newswatch.alerter.match;

import io.newswatch.alerter.Articles;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One query that cannot be indexed or run keeps no other query from matching. */
class RuleMatcherTest {

    private final ArticleDocument article = ArticleDocument.of(Articles.article()
            .title("The ferry to Bar").body("The ferry left Montenegro at dawn.").build());

    @Test
    void aQueryThatThrowsOnAnArticleIsReportedAndTheOthersMatch() throws Exception {
        try (RuleMatcher matcher = new RuleMatcher()) {
            Map<String, org.apache.lucene.search.Query> queries = new LinkedHashMap<>();
            queries.put("good", QueryCompiler.compile("Montenegro"));
            queries.put("bad", new ExplodingQuery("ferry", ExplodingQuery.When.MATCHING));
            queries.put("also-good", QueryCompiler.compile("ferry AND dawn"));
            assertThat(matcher.put(queries)).isEmpty();

            Map<String, Exception> failed = new HashMap<>();
            assertThat(matcher.match(article, failed::put)).containsExactlyInAnyOrder("good", "also-good");
            assertThat(failed).containsOnlyKeys("bad");
            assertThat(failed.get("bad")).hasMessageContaining("boom");
        }
    }

    @Test
    void aQueryTheIndexCannotTakeIsLeftOutAndTheOthersAreIndexed() throws Exception {
        try (RuleMatcher matcher = new RuleMatcher()) {
            Map<String, org.apache.lucene.search.Query> queries = new LinkedHashMap<>();
            queries.put("good", QueryCompiler.compile("Montenegro"));
            queries.put("bad", new ExplodingQuery("ferry", ExplodingQuery.When.INDEXING));
            queries.put("also-good", QueryCompiler.compile("ferry"));

            Map<String, Exception> failed = matcher.put(queries);

            assertThat(failed).containsOnlyKeys("bad");
            assertThat(matcher.size()).isEqualTo(2);
            assertThat(matcher.match(article)).containsExactlyInAnyOrder("good", "also-good");
        }
    }

    @Test
    void aBulkLoadIsIndexedInChunksAndAQueryTheIndexCannotTakeKeepsNoneOfTheOthersOut() throws Exception {
        Map<String, org.apache.lucene.search.Query> queries = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            queries.put("rule-" + i, QueryCompiler.compile(i % 2 == 0 ? "Montenegro" : "\"ferry to Bar\""));
        }
        queries.put("bad", new ExplodingQuery("ferry", ExplodingQuery.When.INDEXING));
        assertThat(RuleMatcher.chunks(queries, 10)).extracting(Map::size).containsExactly(10, 10, 2);
        assertThat(RuleMatcher.chunks(queries, 10).getLast()).containsOnlyKeys("rule-20", "bad");
        try (RuleMatcher matcher = new RuleMatcher(10)) {
            assertThat(matcher.put(queries)).containsOnlyKeys("bad");
            assertThat(matcher.size()).isEqualTo(21);
            assertThat(matcher.match(article)).hasSize(21);
        }
    }

    @Test
    void theQueryIndexStaysOneSegmentThroughChunkedLoadsEditsAndRemovals() throws Exception {
        try (RuleMatcher matcher = new RuleMatcher(2)) {
            Map<String, org.apache.lucene.search.Query> queries = new LinkedHashMap<>();
            for (int i = 0; i < 7; i++) {
                queries.put("rule-" + i, QueryCompiler.compile(i % 2 == 0 ? "Montenegro" : "ferry AND dawn"));
            }
            assertThat(matcher.put(queries)).isEmpty(); // four commits of two queries or fewer
            assertThat(matcher.segments()).isEqualTo(1);

            matcher.put("rule-1", QueryCompiler.compile("Bar"));
            matcher.put("rule-7", QueryCompiler.compile("Montenegro AND ferry"));
            matcher.remove(java.util.List.of("rule-0"));
            assertThat(matcher.segments()).isEqualTo(1);
            assertThat(matcher.match(article)).containsExactlyInAnyOrder("rule-1", "rule-2", "rule-3", "rule-4",
                    "rule-5", "rule-6", "rule-7");
        }
    }
}
