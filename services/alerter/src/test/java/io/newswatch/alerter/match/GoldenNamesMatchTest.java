package io.newswatch.alerter.match;

import io.newswatch.folding.GoldenNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerter's analyser against the golden list of names of {@code libs/text-folding}: a rule on any golden spelling
 * of a name matches an article that writes the name, through the same {@link RuleMatcher} as the service.
 */
class GoldenNamesMatchTest {

    private static final RuleMatcher MATCHER = new RuleMatcher();

    @AfterAll
    static void close() {
        MATCHER.close();
    }

    static List<GoldenNames.Name> golden() {
        return GoldenNames.all();
    }

    @ParameterizedTest
    @MethodSource("golden")
    void aRuleOnEveryGoldenSpellingMatches(GoldenNames.Name name) throws InvalidQueryException {
        var document = ArticleDocument.of(article().language(name.language())
                .body("Reporters asked " + name.written() + " about the talks.").build());
        for (String query : name.queries()) {
            MATCHER.put("rule", QueryCompiler.compile(query));
            assertThat(MATCHER.match(document)).as("%s should match an article writing %s", query, name)
                    .contains("rule");
        }
    }
}
