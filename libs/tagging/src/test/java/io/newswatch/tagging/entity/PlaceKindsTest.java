package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places named by the kind of place after them (issue 16, session 19): crossings, rivers, plains, dams, stations,
 * named like persons or not; a person inside a feature's name; rivers of the knowledge base; a month after a date's
 * preposition in a story whose country has a town of that name.
 */
class PlaceKindsTest {

    private static List<String> names(String text, EntityType type) {
        return LanguagePatternsTest.names(text, "en", type);
    }

    @Test
    void aKindWordAfterTheNameMakesItAPlaceEvenWhenItLooksLikeAPerson() {
        String text = "The Ibrahim Khalil border crossing stayed open. Lorries queued at the Husaybah crossing, and "
                + "villages along the Khabur river near the Alouk water station had no power from the Tabqa and "
                + "Tishrin dams.";
        assertThat(names(text, EntityType.LOCATION))
                .contains("Ibrahim Khalil", "Husaybah", "Khabur", "Alouk", "Tabqa", "Tishrin");
        assertThat(names(text, EntityType.PERSON)).isEmpty();
        // a body's name before the kind word stays the body's; a lower-case description is no name
        assertThat(names("The Hamza Brigade crossing was shut. The army crossing was shut.", EntityType.LOCATION))
                .isEmpty();
    }

    @Test
    void aKunyaAfterACapitalisedPrepositionOpeningTheSentenceIsAPlace() {
        String text = "Near Abu Kamal, two strikes destroyed a weapons cache.";
        assertThat(names(text, EntityType.LOCATION)).containsExactly("Abu Kamal");
        assertThat(names(text, EntityType.PERSON)).isEmpty();
    }

    @Test
    void aPersonInsideAFeaturesNameIsTheFeatures() {
        String text = "The level of Lake Assad fell, engineers at the Tabqa Dam said.";
        assertThat(names(text, EntityType.LOCATION)).contains("Lake Assad", "Tabqa Dam");
        assertThat(names(text, EntityType.PERSON)).isEmpty();
    }

    @Test
    void riversWithoutTheirKindAndMonthsAfterADatesPreposition() {
        assertThat(names("Fighters crossed the Euphrates west of the Orontes.", EntityType.LOCATION))
                .containsExactly("Euphrates", "Orontes");
        assertThat(names("Britain said teachers had not been paid since March.", EntityType.LOCATION))
                .containsExactly("Britain");
    }
}
