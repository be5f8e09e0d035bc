package io.newswatch.poller.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "no clause here", "one, two, three", "a,,b", "a,b,,", ",a", ",,,", ",", "a,",
            "Arabic، clause، marks", "Japanese、clauses", "Chinese，clauses，", "mixed, ، 、 ， end"})
    void clausesAreCountedAsSplittingOnCommasWould(String text) {
        assertThat(ArticleExtractor.commaPieces(text)).isEqualTo(text.split("[,،、，]").length);
    }
}
