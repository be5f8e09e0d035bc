package io.newswatch.alerter.match;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad queries are refused with a message that says what is wrong and where. */
class QueryCompilerTest {

    @Test
    void acceptsTheDesignExamples() {
        for (String query : new String[]{"Montenegro", "\"NATO-Russia Council\"",
                "topic:enlargement AND location:Georgia", "person:\"Sergey Lavrov\" AND \"security guarantees\"~5",
                "Djukanovi*", "*:*", "title:(Serbia OR Kosovo) -football"}) {
            assertThatCode(() -> QueryCompiler.compile(query)).as(query).doesNotThrowAnyException();
        }
    }

    @Test
    void unclosedQuote() {
        assertProblem("Montenegro AND \"NATO summit", 15, "closing quote");
    }

    @Test
    void unclosedParenthesis() {
        assertProblem("(Serbia OR Kosovo AND dialogue", 0, "never closed");
    }

    @Test
    void strayClosingParenthesis() {
        assertProblem("Serbia OR Kosovo) AND dialogue", 16, "closes nothing");
    }

    @Test
    void unknownField() {
        InvalidQueryException e = assertProblem("Montenegro AND country:ME", 15, "unknown field 'country'");
        assertThat(e.getMessage()).contains("person");
    }

    @Test
    void urlWithoutQuotesIsAnUnknownField() {
        assertProblem("https://wire.example", 0, "put it in quotes");
    }

    @Test
    void danglingOperator() {
        assertProblem("Montenegro AND", 14, "ends where");
    }

    @Test
    void doubledOperator() {
        assertProblem("Serbia OR OR Kosovo", 10, "unexpected 'OR'");
    }

    @Test
    void rangesAreRefused() {
        assertProblem("title:[a TO c]", 6, "range");
    }

    @Test
    void onlyExcluding() {
        assertProblem("NOT football", 0, "only says what to exclude");
    }

    @Test
    void empty() {
        assertProblem("  ", 0, "empty");
        assertProblem("-", 1, "ends where");
    }

    @Test
    void escapedCharactersAreNotSyntax() {
        assertThatCode(() -> QueryCompiler.compile("\"a \\\" b\" AND c\\:d")).doesNotThrowAnyException();
    }

    private static InvalidQueryException assertProblem(String query, int position, String message) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class,
                () -> QueryCompiler.compile(query));
        assertThat(e).as("%s is refused", query).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.position()).as("position of: %s", e.getMessage()).isEqualTo(position);
        return e;
    }
}
