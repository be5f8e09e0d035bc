package io.newswatch.alerter.match;

import io.newswatch.folding.TextFolding;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each word of a text field reads as every spelling {@link TextFolding#variants} gives it, at one position. */
class FoldingFilterTest {

    @Test
    void everyWordReadsAsItsFoldedSpellings() throws IOException {
        for (String word : List.of("nato", "NATO", "Montenegro", "O'Brien", "x86", "iPhone", "Đukanović", "Лавров",
                "Шойгу", "Schröder", "Vučić", "Ђорђе", "café", "Zürich")) {
            List<String> expected = new ArrayList<>(TextFolding.variants(word, null));
            assertThat(tokens("text", word)).as(word).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void variantsShareTheWordsPosition() throws IOException {
        List<Integer> increments = new ArrayList<>();
        try (TokenStream stream = ArticleAnalyzer.INSTANCE.tokenStream("text", "Sergei Шойгу spoke")) {
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                increments.add(position.getPositionIncrement());
            }
            stream.end();
        }
        int shoiguSpellings = TextFolding.variants("Шойгу", null).size();
        List<Integer> expected = new ArrayList<>(List.of(1, 1));
        for (int i = 1; i < shoiguSpellings; i++) {
            expected.add(0);
        }
        expected.add(1);
        assertThat(increments).containsExactlyElementsOf(expected);
    }

    private static List<String> tokens(String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = ArticleAnalyzer.INSTANCE.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}
