package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedStemsTest {

    /** The plain loop {@link FoldedStems} replaces: every stem tried with {@code startsWith} on the folded string. */
    private static boolean naive(Tokens t, int i, List<String> stems, int maxEnding) {
        String folded = t.folded(i);
        for (String stem : stems) {
            if (folded.startsWith(stem) && folded.length() <= stem.length() + maxEnding) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sameAnswerAsTryingEveryStemForEveryToken() {
        List<String> stems = List.of("oblast", "kra", "rayon", "raion", "okrug", "opstin", "kr", "krai");
        Tokens t = Tokenizer.tokenize("в Томской области, Краснодарского края и районе; u opštini Budva, okruga "
                + "Kra krajina kraj oblasti oblastyakh Oblast kr k rayonu okrugom okrugov", "ru");
        int hits = 0;
        for (int maxEnding : new int[] {0, 1, 3}) {
            FoldedStems set = FoldedStems.of(maxEnding, stems.toArray(String[]::new));
            for (int i = 0; i < t.size(); i++) {
                boolean expected = naive(t, i, stems, maxEnding);
                assertThat(set.startsToken(t, i)).as("token %d %s, ending %d", i, t.surface(i), maxEnding)
                        .isEqualTo(expected);
                hits += expected ? 1 : 0;
            }
        }
        assertThat(hits).isGreaterThanOrEqualTo(15);
    }

    @Test
    void anEndingLongerThanAllowedIsNoMatch() {
        FoldedStems set = FoldedStems.of(3, "oblast");
        Tokens t = Tokenizer.tokenize("oblast oblasti oblastyam oblastyakh obla", "ru");
        assertThat(set.startsToken(t, 0)).isTrue();
        assertThat(set.startsToken(t, 1)).isTrue();
        assertThat(set.startsToken(t, 2)).isTrue(); // three letters after the stem
        assertThat(set.startsToken(t, 3)).isFalse(); // four
        assertThat(set.startsToken(t, 4)).isFalse(); // shorter than the stem
    }
}
