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

    /** {@code (the OR w0 ... OR w598) AND (of OR v0 ... OR v598)}: parses, but Lucene refuses it on every article. */
    static String clauseBomb() {
        StringBuilder query = new StringBuilder("(the");
        for (int i = 0; i < 599; i++) {
            query.append(" OR w").append(i);
        }
        query.append(") AND (of");
        for (int i = 0; i < 599; i++) {
            query.append(" OR v").append(i);
        }
        return query.append(')').toString();
    }

    @Test
    void tooManyClausesIsRefusedWhereTheLargestGroupStarts() {
        InvalidQueryException e = assertProblem(clauseBomb(), 0, "1200 clauses");
        assertThat(e.getMessage()).contains("1024", "largest group, 600 terms");
        assertProblem("Montenegro AND " + clauseBomb(), 15, "clauses");
    }

    @Test
    void aWildcardTooComplexToMatchIsRefusedWithItsPosition() {
        assertProblem("*a??????????????????????", 0, "wildcard is too complex");
        assertProblem("Montenegro AND title:*a??????????????????????", 21, "wildcard is too complex");
    }

    @Test
    void aRegularExpressionTooComplexToMatchIsRefusedWithItsPosition() {
        assertProblem("/[a-z]*a[a-z]{20}/", 0, "regular expression is too complex");
        assertProblem("NATO OR body:/[a-z]*a[a-z]{20}/", 13, "regular expression is too complex");
    }

    @Test
    void aMalformedRegularExpressionIsRefusedWithItsPosition() {
        assertProblem("Montenegro AND /a[/", 15, "not valid");
        assertProblem("/a{5,2}/", 0, "not valid");
    }

    @Test
    void deepNestingIsRefusedEvenOnASmallStack() throws InterruptedException {
        String deep = "(".repeat(3_000) + "Montenegro" + ")".repeat(3_000);
        InvalidQueryException[] refused = new InvalidQueryException[1];
        Throwable[] other = new Throwable[1];
        // a request thread's stack, smaller than main's: the parser recursed and overflowed at 2,000 levels here
        Thread thread = new Thread(null, () -> {
            try {
                QueryCompiler.compile(deep);
            } catch (InvalidQueryException e) {
                refused[0] = e;
            } catch (Throwable e) {
                other[0] = e;
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(other[0]).isNull();
        assertThat(refused[0]).isNotNull();
        assertThat(refused[0].getMessage()).contains("nested more than " + QueryCompiler.MAX_DEPTH);
        assertThat(refused[0].position()).isEqualTo(QueryCompiler.MAX_DEPTH);
        assertThatCode(() -> QueryCompiler.compile("(".repeat(QueryCompiler.MAX_DEPTH) + "Montenegro"
                + ")".repeat(QueryCompiler.MAX_DEPTH))).doesNotThrowAnyException();
    }

    @Test
    void tooLongQueriesAndRegularExpressionsAreRefused() {
        assertProblem("Montenegro OR " + "Kosovo OR ".repeat(1_000) + "Serbia", QueryCompiler.MAX_LENGTH,
                "more than the 10000");
        assertProblem("Montenegro OR /" + "a".repeat(1_001) + "/", 14, "regular expression has 1001 characters");
    }

    @Test
    void everyAcceptedQueryRunsOnAnArticle() throws Exception {
        // what the compiler accepts, Lucene Monitor runs: wildcards, fuzzy words, regular expressions, 1,000 words
        StringBuilder many = new StringBuilder("w0");
        for (int i = 1; i < 1_000; i++) {
            many.append(" OR w").append(i);
        }
        for (String query : new String[]{"Stoltenbreg~2", "*grad", "/[a-z]{1,20}ovic/", "Djukanovi?",
                "\"NATO-Russia Council\"~3", many.toString(), "a~2 AND b*"}) {
            try (RuleMatcher matcher = new RuleMatcher()) {
                matcher.put("q", QueryCompiler.compile(query));
                matcher.match(ArticleDocument.of(io.newswatch.alerter.Articles.article().title("Belgrade w7")
                        .body("Stoltenberg met Djukanovic in Beograd: the NATO Russia Council, a b.").build()));
            }
        }
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
