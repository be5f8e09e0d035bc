package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Places listed with a place, organisations named by acronyms, Cyrillic names of the gazetteer's places. */
class ListsAndAcronymsTest {

    private static List<String> names(String text, String language, EntityType type) {
        return LanguagePatternsTest.names(text, language, type);
    }

    @Test
    void placesListedWithAPlaceAfterAPrepositionOfPlace() {
        assertThat(names("Troops moved into Mosul, Qaraqosh and Tel Keppe on Monday.", "en", EntityType.LOCATION))
                .contains("Mosul", "Qaraqosh", "Tel Keppe");
        assertThat(names("Поплаве су погодиле домаћинства у Подгорици и Дољанима.", "sr", EntityType.LOCATION))
                .contains("Подгорици", "Дољанима");
        assertThat(names("Hilfsgüter kamen aus Berlin und Frankfurt nach Kiew und Browary.", "de",
                EntityType.LOCATION)).contains("Browary");
        assertThat(names("Les manifestants ont défilé à Lyon et Sarvelay samedi.", "fr", EntityType.LOCATION))
                .contains("Lyon", "Sarvelay");
    }

    @Test
    void aListNeedsAPrepositionBeforeItAndAConjunctionToCloseIt() {
        // no preposition of place before the first place: "Iraq and Kestrel" may be anything
        assertThat(names("Iraq and Kestrel Holdings signed the deal.", "en", EntityType.LOCATION))
                .doesNotContain("Kestrel");
        // commas without a closing "and": an apposition, not a list
        assertThat(names("Talks in Baghdad, Hassan Tamimi told reporters, went well.", "en", EntityType.LOCATION))
                .doesNotContain("Hassan", "Hassan Tamimi");
        // a person after the conjunction is no place
        assertThat(names("He spent a week in Basra and Mahmoud Saleh said he would return.", "en",
                EntityType.LOCATION)).containsExactly("Basra");
    }

    @Test
    void anUnknownNameAfterInIsAPlaceUnlessShapedLikeALanguageOrCreed() {
        assertThat(names("Shelling was reported in Kabartal on Monday.", "en", EntityType.LOCATION))
                .containsExactly("Kabartal");
        assertThat(names("The statement was published in Arabic and in Kurdish, in Kestrel's name.", "en",
                EntityType.LOCATION)).isEmpty();
    }

    @Test
    void acronymsThatSpellTheNameBeforeThemDefineAnOrganisation() {
        assertThat(names("Kompanija Aerodromi Crne Gore (ACG) javila je da ACG ima više putnika.", "cnr",
                EntityType.ORGANIZATION)).contains("Aerodromi Crne Gore", "ACG");
        assertThat(names("Funds were sought by the Office for the Coordination of Humanitarian Affairs (OCHA).", "en",
                EntityType.ORGANIZATION)).contains("Office for the Coordination of Humanitarian Affairs");
        assertThat(names("The Northern Grain Terminal (XYZ) opened.", "en", EntityType.ORGANIZATION))
                .doesNotContain("XYZ", "Northern Grain Terminal"); // letters that do not spell the name
    }

    @Test
    void acronymsAfterAWordForABodyAreOrganisations() {
        assertThat(names("Der Katastrophenschutzdienst DSNS meldete zwei Verletzte.", "de", EntityType.ORGANIZATION))
                .containsExactly("DSNS");
        assertThat(names("The company's CEO met the regulator KVRT on Friday.", "en", EntityType.ORGANIZATION))
                .containsExactly("KVRT");
    }

    @Test
    void placesOfTheGazetteerAreFoundInTheirGermanSpellingDerivedFromCyrillic() {
        // GeoNames writes Kherson, Mykolaiv, Vinnytsia; the generator adds Херсон, Миколаїв, Вінниця
        assertThat(names("Busse fuhren aus Cherson nach Mykolajiw, Winnyzja und Brjansk.", "de", EntityType.LOCATION))
                .contains("Cherson", "Mykolajiw", "Winnyzja", "Brjansk");
    }
}
