package io.newswatch.alerter.match;

import io.newswatch.contract.EntityType;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explanations are built over an index of the article in the fields the explained queries name, and are the same as
 * over an index of every field.
 */
class MatchExplainerTest {

    private static final List<ArticleDocument> ARTICLES = List.of(
            ArticleDocument.of(article()
                    .title("Montenegro’s parliament backs the NATO-Russia Council talks")
                    .summary("Podgorica sends a delegation.")
                    .body("Milo Đukanović met Сергей Лавров in Brussels. The NATO Russia Council discussed security "
                            + "guarantees for the Western Balkans.\n\nA second paragraph: Montenegro and Serbia signed "
                            + "a gas supply deal; Djukanovic called it \"historic\" & overdue.")
                    .person("Milo Đukanović", "Đukanović", "Djukanovic")
                    .known("person/sergey-lavrov", "Sergey Lavrov", EntityType.PERSON, "Сергей Лавров", "Lavrov")
                    .organization("NATO-Russia Council")
                    .location("Montenegro").location("Brussels")
                    .topic("enlargement").topic("western-balkans")
                    .build()),
            ArticleDocument.of(article()
                    .title("Ferry strike ends")
                    .body("The ferry workers of Bar returned to work after a week. No minister commented.")
                    .location("Bar")
                    .topic("labour")
                    .build()));

    private static final List<String> QUERIES = List.of(
            "Montenegro",
            "\"NATO-Russia Council\"",
            "title:Montenegro AND body:Brussels",
            "person:Lavrov",
            "entity:person/sergey-lavrov",
            "Лавров AND topic:enlargement",
            "organization:\"NATO Russia Council\" AND location:Brussels",
            "\"security guarantees\"~3 AND NOT football",
            "Djukan* OR ferry",
            "topic:\"western balkans\" AND language:en",
            "source:\"Example Wire\" AND minister",
            "ferry AND NOT Montenegro",
            "person:\"Milo Djukanovic\" AND (\"gas supply\" OR historic)");

    @Test
    void explanationsAreTheSameAsOverEveryField() throws InvalidQueryException {
        Set<String> every = Set.copyOf(ArticleFields.INDEXED);
        for (ArticleDocument article : ARTICLES) {
            var overEveryField = MatchExplainer.index(article, every);
            MatchExplainer.Explainer explainer = MatchExplainer.of(article);
            for (String text : QUERIES) {
                Query query = QueryCompiler.compile(text);
                MatchExplanation expected = MatchExplainer.explain(query, article, overEveryField,
                        () -> MatchExplainer.sentences(article.fullText()));
                assertThat(explainer.explain(query)).as(text + " on " + article.title()).isEqualTo(expected);
                assertThat(MatchExplainer.explain(query, article)).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void explanationsOverMatchingsIndexAreTheSameAsOverEveryField() throws InvalidQueryException {
        Set<String> every = Set.copyOf(ArticleFields.INDEXED);
        Map<String, Query> queries = new LinkedHashMap<>();
        for (String text : QUERIES) {
            queries.put(text, QueryCompiler.compile(text));
        }
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put(queries);
            for (ArticleDocument article : ARTICLES) {
                var overEveryField = MatchExplainer.index(article, every);
                RuleMatcher.Matches matches = matcher.matchExplainable(article, (id, error) -> {
                    throw new AssertionError(id, error);
                });
                assertThat(matches.ruleIds()).isNotEmpty();
                MatchExplainer.Explainer explainer = matches.explainer();
                for (String text : QUERIES) {
                    MatchExplanation expected = MatchExplainer.explain(queries.get(text), article, overEveryField,
                            () -> MatchExplainer.sentences(article.fullText()));
                    assertThat(explainer.explain(queries.get(text))).as(text + " on " + article.title())
                            .isEqualTo(expected);
                }
                // every query's fields were in matching's index: the article was not indexed again
                assertThat(explainer.reusesMatchingsIndex()).isTrue();
            }
        }
    }

    @Test
    void theArticleIsIndexedInTheFieldsOfTheExplainedQueriesOnly() throws InvalidQueryException {
        MatchExplainer.Explainer explainer = MatchExplainer.of(ARTICLES.getFirst());
        explainer.expect(QueryCompiler.compile("person:Lavrov"));
        explainer.expect(QueryCompiler.compile("topic:enlargement AND location:Brussels"));

        assertThat(explainer.explain(QueryCompiler.compile("person:Lavrov")).terms()).isNotEmpty();
        assertThat(explainer.indexedFields()).containsExactlyInAnyOrder("person", "topic", "location");

        // a query that was not expected adds its fields
        assertThat(explainer.explain(QueryCompiler.compile("\"security guarantees\"")).passages()).hasSize(1);
        assertThat(explainer.indexedFields()).containsExactlyInAnyOrder("person", "topic", "location", "text");
    }

    @Test
    void aMatchIsHighlightedInItsSentence() throws InvalidQueryException {
        MatchExplanation explanation = MatchExplainer.explain(QueryCompiler.compile("\"security guarantees\""),
                ARTICLES.getFirst());

        assertThat(explanation.passages()).containsExactly("The NATO Russia Council discussed "
                + "<em>security guarantees</em> for the Western Balkans.");
        assertThat(explanation.snippet()).isEqualTo(explanation.passages().getFirst());
    }
}
