package io.newswatch.indexer.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiFoldingTest {

    @Test
    void balkanLatinFoldsTheWayTheRegionWritesItInAscii() {
        assertThat(AsciiFolding.fold("Milo Đukanović i Aleksandar Vučić", "sr"))
                .isEqualTo("Milo Djukanovic i Aleksandar Vucic");
        assertThat(AsciiFolding.fold("ĐOKOVIĆ, đak, Šešelj, Žižek", null)).isEqualTo("DjOKOVIC, djak, Seselj, Zizek");
    }

    @Test
    void serbianCyrillicIsTransliteratedAsSerbianLatin() {
        assertThat(AsciiFolding.fold("Мило Ђукановић и Александар Вучић у Београду", "sr"))
                .isEqualTo("Milo Djukanovic i Aleksandar Vucic u Beogradu");
        assertThat(AsciiFolding.fold("Њујорк, Љубљана, Џамија", "sr")).isEqualTo("Njujork, Ljubljana, Dzamija");
    }

    @Test
    void russianCyrillicIsTransliteratedTheWayEnglishMediaWriteIt() {
        assertThat(AsciiFolding.fold("Сергей Лавров и Дмитрий Песков", "ru"))
                .isEqualTo("Sergey Lavrov i Dmitry Peskov");
        assertThat(AsciiFolding.fold("Шойгу, Хрущёв, Щукин, Ельцин, Евгений", "ru"))
                .isEqualTo("Shoygu, Khrushchev, Shchukin, Yeltsin, Yevgeny");
        assertThat(AsciiFolding.fold("Київ", "uk")).isEqualTo("Kiyiv");
    }

    @Test
    void otherLatinLettersGoThroughLucenesTable() {
        assertThat(AsciiFolding.fold("Straße, Øresund, Łódź, Ærø, “quoted”", "de"))
                .isEqualTo("Strasse, Oresund, Lodz, AEro, \"quoted\"");
    }

    @Test
    void asciiAndOtherScriptsAreLeftAlone() {
        assertThat(AsciiFolding.fold("NATO-Russia Council", "en")).isEqualTo("NATO-Russia Council");
        assertThat(AsciiFolding.fold("北约 and NATO", "zh")).isEqualTo("北约 and NATO");
        assertThat(AsciiFolding.fold(null, "en")).isEmpty();
    }
}
