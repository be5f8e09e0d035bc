package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.Fixtures;
import io.newswatch.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Arabic place and group names, places in apposition, companies named by business cues, short forms of bodies. */
class ConflictAndBusinessNamesTest {

    private static List<String> names(String text, EntityType type) {
        return LanguagePatternsTest.names(text, "en", type);
    }

    @Test
    void arabicPlaceAndGroupNamesByTheirHeadWord() {
        String text = "Fighters of Jaish al-Ahrar and Liwa al-Tawhid shelled Tal Qasab and Ain al-Arab, while "
                + "Kataib Sayyid al-Shuhada held Deir Hafer.";
        assertThat(names(text, EntityType.ORGANIZATION))
                .contains("Jaish al-Ahrar", "Liwa al-Tawhid", "Kataib Sayyid al-Shuhada");
        assertThat(names(text, EntityType.LOCATION)).contains("Tal Qasab", "Ain al-Arab", "Deir Hafer");
        // a head word glued to a capitalised word before it is a surname: no place
        assertThat(names("Opposition leader Imran Khan Niazi spoke in Lahore.", EntityType.LOCATION))
                .doesNotContain("Khan Niazi");
    }

    @Test
    void placesInAppositionAndAfterOutskirts() {
        assertThat(names("Families fled Qabr Fidda, a village 12 km south of Maskanah, on Tuesday.",
                EntityType.LOCATION)).contains("Qabr Fidda", "Maskanah");
        assertThat(names("Shelling hit Zor Maghar, north-west of Jarablus, overnight.", EntityType.LOCATION))
                .contains("Zor Maghar");
        assertThat(names("Troops reached the outskirts of Hamrat Bayda on Friday.", EntityType.LOCATION))
                .contains("Hamrat Bayda");
        // a person in apposition stays a person
        assertThat(names("Leyla Hasso, a doctor in Raqqa, said clinics were full.", EntityType.LOCATION))
                .doesNotContain("Leyla Hasso");
    }

    @Test
    void companiesNamedByBusinessCuesAndTheirRepeats() {
        String text = "Shares of Norvale rose after Norvale's chief executive said it would buy a stake in Kestrel, "
                + "a maker of marine radar. Kestrel shareholders will vote in March.";
        assertThat(names(text, EntityType.ORGANIZATION)).contains("Norvale", "Kestrel");
        assertThat(names(text, EntityType.LOCATION)).doesNotContain("Kestrel", "March");
        Tagging tagging = Fixtures.tag("Carbrook Holdings agreed to buy the plant. Carbrook said the price was fair.");
        assertThat(Fixtures.entity(tagging, "organization/carbrook-holdings")).hasValueSatisfying(
                e -> assertThat(e.forms()).contains("Carbrook Holdings", "Carbrook"));
    }

    @Test
    void aBodysLastWordAfterTheNamesTheBodyNamedInFull() {
        Tagging tagging = Fixtures.tag("Brussels clears merger\nThe European Commission cleared the deal. "
                + "The Commission said it saw no harm to competition, and the Commission Building was closed.");
        assertThat(Fixtures.entity(tagging, "organization/european-commission")).hasValueSatisfying(
                e -> assertThat(e.mentions()).hasSize(2));
    }
}
