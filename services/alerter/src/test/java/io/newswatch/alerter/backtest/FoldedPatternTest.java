package io.newswatch.alerter.backtest;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The keyword patterns of the backtest accept every spelling that folds to the word, and only words. */
class FoldedPatternTest {

    @Test
    void aFoldedWordFindsItsAccentedSpellings() {
        CharacterRunAutomaton djukanovic = automaton(FoldedPattern.phrase(List.of("djukanovic")));
        assertThat(djukanovic.run("Milo Đukanović")).isTrue();
        assertThat(djukanovic.run("MILO DJUKANOVIC")).isTrue();
        assertThat(djukanovic.run("Djukanovic-Vujanovic")).isTrue();
        assertThat(djukanovic.run("Dukanovic")).isFalse();
        assertThat(djukanovic.run("Djukanovich")).isFalse();
    }

    @Test
    void aPhraseNeedsItsWordsInOrderAsWholeWords() {
        CharacterRunAutomaton lavrov = automaton(FoldedPattern.phrase(List.of("sergey", "lavrov")));
        assertThat(lavrov.run("Sergey Lavrov")).isTrue();
        assertThat(lavrov.run("Sergey V. Lavrov")).isFalse();
        assertThat(lavrov.run("Lavrov Sergey")).isFalse();
        assertThat(lavrov.run("Sergeyev Lavrova")).isFalse();
    }

    @Test
    void multiLetterFoldings() {
        assertThat(automaton(FoldedPattern.phrase(List.of("strasse"))).run("Hauptstraße")).isFalse();
        assertThat(automaton(FoldedPattern.phrase(List.of("strasse"))).run("Straße")).isTrue();
        assertThat(automaton(FoldedPattern.wildcard("djuka*")).run("Milo Đukanović")).isTrue();
        assertThat(automaton(FoldedPattern.wildcard("vuci?")).run("Aleksandar Vučić")).isTrue();
    }

    private static CharacterRunAutomaton automaton(String pattern) {
        return new CharacterRunAutomaton(Operations.determinize(
                new RegExp(pattern, RegExp.ALL, RegExp.ASCII_CASE_INSENSITIVE).toAutomaton(),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
    }
}
