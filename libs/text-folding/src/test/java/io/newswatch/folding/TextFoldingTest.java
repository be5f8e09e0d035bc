package io.newswatch.folding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTest {

    static List<GoldenNames.Name> golden() {
        return GoldenNames.all();
    }

    /** A query finds a written name when one of its spellings is one of the name's. */
    @ParameterizedTest
    @MethodSource("golden")
    void everyGoldenSpellingFindsTheName(GoldenNames.Name name) {
        Set<String> written = TextFolding.variants(name.written(), name.language());
        for (String query : name.queries()) {
            Set<String> typed = new HashSet<>(TextFolding.variants(query, null));
            typed.retainAll(written);
            assertThat(typed).as("%s should find %s (its spellings: %s)", query, name, written).isNotEmpty();
        }
    }

    @Test
    void southSlavicCyrillicFoldsLikeItsLatinEdition() {
        assertThat(TextFolding.fold("Мило Ђукановић и Александар Вучић у Београду", "sr"))
                .isEqualTo(TextFolding.fold("Milo Đukanović i Aleksandar Vučić u Beogradu", "sr"))
                .isEqualTo("milo djukanovic i aleksandar vucic u beogradu");
        assertThat(TextFolding.fold("Њујорк, Љубљана, Џамија", "sr")).isEqualTo("njujork, ljubljana, dzamija");
    }

    @Test
    void russianFoldsTheWayEnglishMediaWriteIt() {
        assertThat(TextFolding.fold("Сергей Лавров и Дмитрий Песков", "ru")).isEqualTo("sergey lavrov i dmitry peskov");
        assertThat(TextFolding.fold("Шойгу, Хрущёв, Щукин, Ельцин, Евгений", "ru"))
                .isEqualTo("shoygu, khrushchev, shchukin, yeltsin, yevgeny");
    }

    @Test
    void ukrainianFoldsInTheNationalSystem() {
        assertThat(TextFolding.fold("Київ, Харків, Запоріжжя, Зеленський", "uk"))
                .isEqualTo("kyiv, kharkiv, zaporizhzhia, zelenskyi");
        // a word with Ukrainian letters is Ukrainian whatever the text's language says
        assertThat(TextFolding.fold("Київ", "ru")).isEqualTo("kyiv");
        // and one with Serbian letters is Serbian
        assertThat(TextFolding.fold("Вучић", "ru")).isEqualTo("vucic");
    }

    @Test
    void latinLettersLoseTheirDiacritics() {
        assertThat(TextFolding.fold("Straße, Øresund, Łódź, Ærø, Türkiye, ĐOKOVIĆ, ﬁnal", "de"))
                .isEqualTo("strasse, oresund, lodz, aero, turkiye, djokovic, final");
        assertThat(TextFolding.fold("Da’esh")).isEqualTo("da'esh");
    }

    @Test
    void punctuationDigitsAndOtherScriptsStay() {
        assertThat(TextFolding.fold("NATO-Russia Council, 2024 — “quoted”")).isEqualTo("nato-russia council, 2024 — “quoted”");
        assertThat(TextFolding.fold("北约 and NATO")).isEqualTo("北约 and nato");
        assertThat(TextFolding.fold(null)).isEmpty();
    }

    @Test
    void searchTextAddsTheOtherSpellingsOfItsWordsOnce() {
        String text = TextFolding.searchText("Шойгу и Шойгу", "ru");
        assertThat(text).startsWith("shoygu i shoygu\n\n").contains(" shoigu ", " schoigu ", "sojgu ");
        assertThat(text.indexOf("schoigu")).isEqualTo(text.lastIndexOf("schoigu"));
        assertThat(TextFolding.searchText("NATO and Montenegro", "en")).isEqualTo("nato and montenegro");
        assertThat(TextFolding.searchText("Vučić", "sr")).isEqualTo("vucic");
    }

    @Test
    void foldWordWritesIntoABuffer() {
        char[] out = new char[64];
        String text = "xx Шойгу yy";
        int length = TextFolding.foldWord(text, 3, 8, Cyrillic.schemeOf(text, 3, 8, Cyrillic.Scheme.RUSSIAN), out, 0);
        assertThat(new String(out, 0, length)).isEqualTo("shoygu");
    }

    @Test
    void sourcesInvertTheFolding() {
        var sources = TextFolding.sources();
        assertThat(sources.get("dj")).contains("Đ", "đ", "ђ", "Ђ");
        assertThat(sources.get("c")).contains("č", "ć", "ч", "ћ", "ц");
        assertThat(sources.get("sh")).contains("ш");
    }
}
