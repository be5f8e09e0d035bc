package io.newswatch.alerter.backtest;

import io.newswatch.folding.GoldenNames;
import io.newswatch.folding.TextFolding;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backtest's keyword patterns against the golden list of names of {@code libs/text-folding}: the pattern of a
 * golden spelling, folded as the matcher folds it, accepts the name as written. Keyword values are the knowledge
 * base's names, mostly Latin; a Cyrillic value is left to the live matcher when its spelling drops a soft or hard
 * sign (ь, ъ) or contracts a word-final -ий, which a pattern of one letter per letter cannot express.
 */
class FoldedPatternGoldenNamesTest {

    static List<GoldenNames.Name> golden() {
        return GoldenNames.all();
    }

    @ParameterizedTest
    @MethodSource("golden")
    void thePatternOfEveryGoldenSpellingAcceptsTheName(GoldenNames.Name name) {
        if (name.written().chars().anyMatch(c -> "ьъЬЪ".indexOf(c) >= 0) || name.written().endsWith("ий")) {
            return;
        }
        for (String query : name.queries()) {
            for (String folded : TextFolding.variants(query, null)) {
                CharacterRunAutomaton pattern = new CharacterRunAutomaton(Operations.determinize(
                        new RegExp(FoldedPattern.phrase(List.of(folded)), RegExp.ALL, RegExp.ASCII_CASE_INSENSITIVE)
                                .toAutomaton(), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
                if (pattern.run(name.written())) {
                    return;
                }
            }
            throw new AssertionError(query + " should find " + name + " in a keyword value");
        }
    }
}
