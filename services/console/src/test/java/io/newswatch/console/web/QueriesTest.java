package io.newswatch.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueriesTest {

    @Test
    void aFacetValueBecomesAClauseOfTheRuleLanguage() {
        assertThat(Queries.clause("topic", "enlargement")).isEqualTo("topic:enlargement");
        assertThat(Queries.clause("person", "Sergey Lavrov")).isEqualTo("person:\"Sergey Lavrov\"");
        assertThat(Queries.clause("source", "The \"Wire\"")).isEqualTo("source:\"The \\\"Wire\\\"\"");
        assertThat(Queries.clause("location", "Đakovica")).isEqualTo("location:Đakovica");
    }

    @Test
    void narrowingKeepsTheQueryMeaningAndAddsTheClause() {
        assertThat(Queries.narrow("", "topic", "syria")).isEqualTo("topic:syria");
        assertThat(Queries.narrow("Montenegro", "topic", "enlargement")).isEqualTo("Montenegro AND topic:enlargement");
        assertThat(Queries.narrow("Montenegro AND topic:enlargement", "language", "en"))
                .isEqualTo("Montenegro AND topic:enlargement AND language:en");
        // the default operator is OR: "a b" must stay together
        assertThat(Queries.narrow("Crimea Syria", "language", "en")).isEqualTo("(Crimea Syria) AND language:en");
        assertThat(Queries.narrow("Crimea OR Syria", "language", "en")).isEqualTo("(Crimea OR Syria) AND language:en");
        assertThat(Queries.narrow("\"NATO-Russia Council\"", "source", "Demo Wire"))
                .isEqualTo("\"NATO-Russia Council\" AND source:\"Demo Wire\"");
        assertThat(Queries.narrow("Montenegro AND topic:enlargement", "topic", "enlargement"))
                .isEqualTo("Montenegro AND topic:enlargement");
    }
}
