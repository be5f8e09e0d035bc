package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedWordsTest {

    private static final FoldedWords CUES = FoldedWords.of(Set.of("province", "district", "town", "oblast"));

    @Test
    void answersByTheTokensFoldedForm() {
        Tokens t = Tokenizer.tokenize("Nineveh Province, a DISTRICT town near the townhall of Kharkiv oblast", "en");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (CUES.contains(t, i)) {
                found.add(t.surface(i));
            }
        }
        assertThat(found).containsExactly("Province", "DISTRICT", "town", "oblast");
    }

    @Test
    void sameAnswerAsASetOfStringsForEveryToken() {
        Set<String> words = Set.of("the", "of", "в", "u", "für", "москва", "a", "aa", "ab", "ba");
        FoldedWords set = FoldedWords.of(words);
        Tokens t = Tokenizer.tokenize("The head of the office für Europe went в Москву, not в Москва; u Beogradu a aa ab "
                + "ba bab abb the-of", "ru");
        int hits = 0;
        for (int i = 0; i < t.size(); i++) {
            assertThat(set.contains(t, i)).as("token %d %s", i, t.surface(i)).isEqualTo(words.contains(t.folded(i)));
            hits += set.contains(t, i) ? 1 : 0;
        }
        assertThat(hits).isGreaterThanOrEqualTo(10);
    }

    @Test
    void answersForACharRangeAsForAString() {
        Set<String> words = Set.of("rustam", "petr", "a", "москва");
        FoldedWords set = FoldedWords.of(words);
        char[] buffer = "xxrustamapetrmoskvaмосква".toCharArray();
        assertThat(set.contains(buffer, 2, 6)).isTrue();
        assertThat(set.contains(buffer, 2, 5)).isFalse(); // "rusta"
        assertThat(set.contains(buffer, 8, 1)).isTrue(); // "a"
        assertThat(set.contains(buffer, 9, 4)).isTrue();
        assertThat(set.contains(buffer, 19, 6)).isTrue();
        assertThat(set.contains(buffer, 13, 6)).isFalse(); // "moskva"
        assertThat(set.contains(buffer, 0, 0)).isFalse();
    }

    @Test
    void aLargeListAnswersAsASetOfStrings() {
        // thousands of words, as the given names: the filter is sized by the list, and near misses must still say no
        Set<String> words = new java.util.HashSet<>();
        for (int k = 0; k < 4_000; k++) {
            words.add("n" + Integer.toString(k * 7, 36) + "a");
        }
        FoldedWords set = FoldedWords.of(words);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 6_000; k++) {
            text.append('n').append(Integer.toString(k * 5, 36)).append(k % 3 == 0 ? "a " : k % 3 == 1 ? "o " : " ");
        }
        Tokens t = Tokenizer.tokenize(text.toString(), "en");
        int hits = 0;
        for (int i = 0; i < t.size(); i++) {
            assertThat(set.contains(t, i)).as("token %s", t.surface(i)).isEqualTo(words.contains(t.folded(i)));
            hits += set.contains(t, i) ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(100);
    }

    @Test
    void anEmptySetHoldsNothing() {
        Tokens t = Tokenizer.tokenize("the town", "en");
        assertThat(FoldedWords.of(Set.of()).contains(t, 0)).isFalse();
        assertThat(FoldedWords.of(Set.of()).contains(t, 1)).isFalse();
    }
}
