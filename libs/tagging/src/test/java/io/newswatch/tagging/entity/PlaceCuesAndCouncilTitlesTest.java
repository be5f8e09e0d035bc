package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English places named by a cue the gazetteer does not need (issue 16, session 17): a sentence opened by "Near" or
 * "In", an adjective between the preposition and the place, a place's governor or outskirts, Arabic heads and kunyas
 * after a preposition of place; German councils written as a member's title ("Bundesrat Motta").
 */
class PlaceCuesAndCouncilTitlesTest {

    private static List<String> names(String text, String language, EntityType type) {
        return LanguagePatternsTest.names(text, language, type);
    }

    @Test
    void placesOpeningASentenceOrAfterAnAdjectiveOfPlace() {
        String text = "Near Qarvesh, three strikes destroyed a fighting position. In Tal Harun, the market closed. "
                + "In neighbouring Kamianka Druha, a school was hit. Families fled to camps in rebel-held Saraqib "
                + "and in government-controlled Marzin.";
        assertThat(names(text, "en", EntityType.LOCATION))
                .contains("Qarvesh", "Tal Harun", "Kamianka Druha", "Saraqib", "Marzin");
        // phrases that open a sentence, and creeds, stay words
        assertThat(names("In Addition, the council met. In Islam, fasting matters. In January, it rained.", "en",
                EntityType.LOCATION)).isEmpty();
    }

    @Test
    void aPlacesGovernorMayorOrOutskirts() {
        String text = "Zurbatiyah's governor said Marlek's mayor had fled to Velmora's outskirts. The Kelmora "
                + "governor agreed.";
        assertThat(names(text, "en", EntityType.LOCATION)).contains("Zurbatiyah", "Marlek", "Velmora", "Kelmora");
        // a body's governor, and a short word, are no place
        assertThat(names("The Central Bank's governor and the Fed governor spoke.", "en", EntityType.LOCATION))
                .isEmpty();
    }

    @Test
    void arabicHeadsAndKunyasAfterAPrepositionOfPlace() {
        String text = "Generators in Marj al-Sultan and Hayy al-Nasr failed. Farmers in Abu Sudaira said the water "
                + "rose.";
        assertThat(names(text, "en", EntityType.LOCATION)).contains("Marj al-Sultan", "Hayy al-Nasr", "Abu Sudaira");
        assertThat(names(text, "en", EntityType.PERSON)).doesNotContain("Abu Sudaira");
        // a kunya that says something is a person
        assertThat(names("Abu Karim Haddad said the group would fight.", "en", EntityType.PERSON))
                .contains("Abu Karim Haddad");
    }

    @Test
    void germanCouncilWordsBeforeANameAreTitles() {
        String text = "Bundesrat Motta verteidigte die Vorlage. Nationalrat Grimm antwortete. Der Bundesrat hat "
                + "beschlossen, dem Bundesrat Bericht zu erstatten.";
        assertThat(names(text, "de", EntityType.PERSON)).contains("Motta", "Grimm").doesNotContain("Bericht");
        assertThat(names(text, "de", EntityType.ORGANIZATION)).containsOnly("Bundesrat");
    }

    @Test
    void aGermanNounAndItsGenitiveAreNoBodyNamedByItsLastWord() {
        String text = "Die Vorlage der Regierung wurde angenommen. Der Kommandant der Division ist erkrankt. Die "
                + "Ankunft der Post verzögert sich. Die Freisinnige Partei und die Eidgenössische Bank stimmten zu.";
        assertThat(names(text, "de", EntityType.ORGANIZATION))
                .containsOnly("Freisinnige Partei", "Eidgenössische Bank");
        // a body's head before the genitive names it: "Zentralrat der Union"
        assertThat(names("Der Zentralrat der Union tagte.", "de", EntityType.ORGANIZATION))
                .contains("Zentralrat der Union");
        // English keeps its bodies of this shape
        assertThat(names("The Bank of the South and the Union of Journalists met.", "en", EntityType.ORGANIZATION))
                .contains("Union of Journalists");
    }
}
