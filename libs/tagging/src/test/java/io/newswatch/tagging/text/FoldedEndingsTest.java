package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedEndingsTest {

    /** The plain loop {@link FoldedEndings} replaces: every ending tried, with {@code minStem} letters before it. */
    private static boolean naive(Tokens t, int i, List<String> endings, int minStem) {
        for (String ending : endings) {
            if (t.foldLength(i) >= ending.length() + minStem && t.endsWith(i, ending)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sameAnswerAsTryingEveryEndingForEveryToken() {
        List<String> endings = List.of("ov", "ova", "in", "enko", "minister", "chef", "a", "er");
        FoldedEndings set = FoldedEndings.of(endings.toArray(String[]::new));
        Tokens t = Tokenizer.tokenize("Иванов и Иванова встретили Шевченко; der Verteidigungsminister, die Vorstandschefin "
                + "und ein Chef. Ov in a er Bauer Abba Mina ова", "ru");
        int hits = 0;
        for (int minStem : new int[] {0, 1, 3}) {
            for (int i = 0; i < t.size(); i++) {
                boolean expected = naive(t, i, endings, minStem);
                assertThat(set.endsToken(t, i, minStem)).as("token %d %s, stem %d", i, t.surface(i), minStem)
                        .isEqualTo(expected);
                hits += expected ? 1 : 0;
            }
        }
        assertThat(hits).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aStemShorterThanAskedIsNoMatch() {
        FoldedEndings set = FoldedEndings.of("ov", "minister");
        Tokens t = Tokenizer.tokenize("Lov Popov Minister Bauminister", "ru");
        assertThat(set.endsToken(t, 0, 3)).isFalse(); // "lov": one letter before "ov"
        assertThat(set.endsToken(t, 1, 3)).isTrue();
        assertThat(set.endsToken(t, 2, 3)).isFalse();
        assertThat(set.endsToken(t, 2, 0)).isTrue();
        assertThat(set.endsToken(t, 3, 3)).isTrue();
    }
}
