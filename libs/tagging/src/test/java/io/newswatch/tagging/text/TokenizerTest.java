package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static List<String> folded(Tokens t) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            words.add(t.folded(i));
        }
        return words;
    }

    @Test
    void hyphensDashesAndSpacesSplitAlike() {
        assertThat(folded(Tokenizer.tokenize("NATO-Russia Council"))).containsExactly("nato", "russia", "council");
        assertThat(folded(Tokenizer.tokenize("NATO–Russia council"))).containsExactly("nato", "russia", "council");
        Tokens t = Tokenizer.tokenize("al-Assad");
        assertThat(t.has(1, Tokens.AFTER_HYPHEN)).isTrue();
    }

    @Test
    void possessiveIsDroppedAndFlagged() {
        Tokens t = Tokenizer.tokenize("NATO's door and Russia’s veto");
        assertThat(folded(t)).containsExactly("nato", "door", "and", "russia", "veto");
        assertThat(t.has(0, Tokens.POSSESSIVE)).isTrue();
        assertThat(t.has(3, Tokens.POSSESSIVE)).isTrue();
        assertThat(t.surface(0)).isEqualTo("NATO");
    }

    @Test
    void diacriticsAndCaseFold() {
        assertThat(folded(Tokenizer.tokenize("Đukanović DJUKANOVIC Türkiye Łódź Straße")))
                .containsExactly("djukanovic", "djukanovic", "turkiye", "lodz", "strasse");
    }

    @Test
    void shapesTellAcronymsFromNamesAndWords() {
        Tokens t = Tokenizer.tokenize("NATO Montenegro turkey 2016");
        assertThat(t.shape(0)).isEqualTo(Tokens.UPPER);
        assertThat(t.shape(1)).isEqualTo(Tokens.CAPITALIZED);
        assertThat(t.shape(2)).isEqualTo(Tokens.LOWER);
        assertThat(t.shape(3)).isEqualTo(Tokens.NUMBER);
    }

    @Test
    void sentencesEndAtFullStopsButNotAfterInitialsOrTitles() {
        Tokens t = Tokenizer.tokenize("The U.S. Gen. Philip Breedlove spoke. Then Kerry left.");
        assertThat(t.has(0, Tokens.SENTENCE_START)).isTrue();
        int philip = folded(t).indexOf("philip");
        assertThat(t.has(philip, Tokens.SENTENCE_START)).isFalse();
        assertThat(t.has(folded(t).indexOf("then"), Tokens.SENTENCE_START)).isTrue();
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "In Podgorica, Milo Đukanović said";
        Tokens t = Tokenizer.tokenize(text);
        assertThat(text.substring(t.start(3), t.end(3))).isEqualTo("Đukanović");
        assertThat(t.has(2, Tokens.AFTER_COMMA)).isTrue();
    }

    @Test
    void boilerplateLinesAreMarked() {
        Tokens t = Tokenizer.tokenize("Ministers met in Brussels.\nPhotographer: Jane Roe/AFP via Getty Images\n"
                + "The leaders shook hands; Photo: NATO\n© 2026 Some Outlet. All rights reserved.");
        Boilerplate.mark(t);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (!t.has(i, Tokens.BOILERPLATE)) {
                kept.add(t.surface(i));
            }
        }
        assertThat(kept).containsExactly("Ministers", "met", "in", "Brussels", "The", "leaders", "shook", "hands");
    }
}
