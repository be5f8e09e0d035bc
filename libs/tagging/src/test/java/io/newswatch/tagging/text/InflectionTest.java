package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InflectionTest {

    @Test
    void eachWordGetsTheRulesItsLastLetterFitsInTheirOrder() {
        for (String language : new String[] {"ru", "uk", "sr", "de", "en", null}) {
            String[][] rules = Inflection.rules(language);
            String[][][] byLast = Inflection.rulesByLastLetter(language);
            for (String word : new String[] {"lavrova", "kyieva", "podgorici", "russlands", "moskvu", "a", "x", "",
                    "moskvé", "syriens", "2024"}) {
                char[] chars = ("_" + word).toCharArray();
                List<String[]> expected = new ArrayList<>();
                for (String[] rule : rules) {
                    if (word.endsWith(rule[0])) {
                        expected.add(rule);
                    }
                }
                List<String[]> fitting = new ArrayList<>();
                for (String[] rule : byLast[Inflection.last(chars, 1, word.length())]) {
                    if (word.endsWith(rule[0])) {
                        fitting.add(rule);
                    }
                }
                assertThat(fitting).as("%s %s", language, word).containsExactlyElementsOf(expected);
            }
            int total = Arrays.stream(byLast).mapToInt(part -> part.length).sum();
            assertThat(total).as(String.valueOf(language)).isEqualTo(rules.length);
            assertThat(byLast[128]).as("%s: no rule for other scripts", language).isEmpty();
        }
    }

    @Test
    void cyrillicWordsAreFoldedToLatinSoTheirEndingsPickTheirOwnPart() {
        String[][] wordsAndLanguages = {{"Лаврова", "ru", "lavrov"}, {"Києва", "uk", "kyiv"},
                {"Подгорици", "sr", "podgorica"}, {"Вучићем", "sr", "vucic"}};
        for (String[] wordAndLanguage : wordsAndLanguages) {
            String language = wordAndLanguage[1];
            Tokens t = Tokenizer.tokenize(wordAndLanguage[0], language);
            char[] chars = t.foldedChars();
            int part = Inflection.last(chars, t.foldStart(0), t.foldLength(0));
            assertThat(part).as(wordAndLanguage[0]).isLessThan(128);
            String folded = t.folded(0);
            List<String> bases = new ArrayList<>();
            for (String[] rule : Inflection.rulesByLastLetter(language)[part]) {
                if (folded.endsWith(rule[0])) {
                    bases.add(folded.substring(0, folded.length() - rule[0].length()) + rule[1]);
                }
            }
            assertThat(bases).as(wordAndLanguage[0]).contains(wordAndLanguage[2]);
        }
    }
}
