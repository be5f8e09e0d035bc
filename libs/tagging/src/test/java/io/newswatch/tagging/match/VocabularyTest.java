package io.newswatch.tagging.match;

import io.newswatch.tagging.text.Tokenizer;
import io.newswatch.tagging.text.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {

    /** Short and long words, ASCII and not, words that differ only after their 8th letter, and digits. */
    private static final List<String> WORDS = List.of("a", "b", "ab", "ba", "aa", "the", "abcdefgh", "abcdefghi",
            "abcdefghj", "abcdefg", "bcdefgh", "moskva", "rossiya", "zagreb", "5g", "g20", "1", "für", "münchen",
            "москва", "x", "sanctions", "ukraine", "ukrainy", "kyiv", "kyieva", "podgorica", "vladimir");

    private static Map<String, Integer> ids(Vocabulary vocabulary) {
        Map<String, Integer> ids = new HashMap<>();
        for (String word : WORDS) {
            ids.put(word, vocabulary.add(word));
        }
        return ids;
    }

    @Test
    void everyWordHasItsOwnIdAndSpelling() {
        Vocabulary vocabulary = new Vocabulary();
        Map<String, Integer> ids = ids(vocabulary);
        assertThat(ids.values()).doesNotHaveDuplicates();
        for (String word : WORDS) {
            assertThat(vocabulary.add(word)).as(word).isEqualTo(ids.get(word));
            assertThat(vocabulary.id(word)).as(word).isEqualTo(ids.get(word));
            assertThat(vocabulary.spelling(ids.get(word))).isEqualTo(word);
        }
        for (String other : List.of("abcdefgi", "abcdefghk", "abcdefghij", "abcdef", "c", "bb", "aaa", "g2", "20",
                "fur", "moskvy", "", "abcdefgha")) {
            assertThat(vocabulary.id(other)).as(other).isEqualTo(Vocabulary.UNKNOWN);
        }
        assertThat(vocabulary.size()).isEqualTo(WORDS.size());
    }

    @Test
    void aTextsTokensGetTheIdsOfTheirWords() {
        Vocabulary vocabulary = new Vocabulary();
        Map<String, Integer> ids = ids(vocabulary);
        Tokens t = Tokenizer.tokenize("The ABCDEFGH abcdefghi abcdefghj abcdefgi BA 5G G20 München für Москва x y "
                + "the sanctions of Ukraine and ukrainy, Kyiv a b bb abcdefg", "en");
        Vocabulary.Lookup lookup = vocabulary.lookup(t);
        for (int i = 0; i < t.size(); i++) {
            assertThat(lookup.ids()[i]).as(t.surface(i)).isEqualTo(ids.getOrDefault(t.folded(i), Vocabulary.UNKNOWN));
        }
        assertThat(java.util.Arrays.stream(lookup.ids()).filter(id -> id >= 0).count()).isGreaterThan(15);
    }

    @Test
    void inflectedNamesAreTakenBackToTheirFormsShortAndLong() {
        Vocabulary vocabulary = new Vocabulary();
        Map<String, Integer> ids = ids(vocabulary);
        // "Москвы" is moskvy (base moskva, 6 letters), "Подгорици" podgorici (base podgorica, 9 letters), "Києва" kyieva
        Tokens t = Tokenizer.tokenize("В Москвы и Подгорици", "ru");
        Vocabulary.Lookup lookup = vocabulary.lookup(t, "ru");
        assertThat(lookup.lemma(1)).isEqualTo(ids.get("moskva"));
        Tokens sr = Tokenizer.tokenize("у Подгорици и Загребу", "sr");
        Vocabulary.Lookup srLookup = vocabulary.lookup(sr, "sr");
        assertThat(srLookup.lemma(1)).isEqualTo(ids.get("podgorica"));
        assertThat(srLookup.lemma(3)).isEqualTo(ids.get("zagreb"));
    }

    @Test
    void aWordAndAStemOfOneSpellingAreTwo() {
        Vocabulary vocabulary = new Vocabulary();
        int word = vocabulary.add("sanction");
        int stem = vocabulary.addStem("sanction");
        assertThat(stem).isNotEqualTo(word);
        Tokens t = Tokenizer.tokenize("sanction sanctions", "en");
        Vocabulary.Lookup lookup = vocabulary.lookup(t);
        assertThat(lookup.ids()).containsExactly(word, Vocabulary.UNKNOWN);
        assertThat(lookup.stem(0)).isEqualTo(stem);
        assertThat(lookup.stem(1)).isEqualTo(stem);
    }
}
