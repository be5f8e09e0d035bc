package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names the region's news gives without a listed given name or a -ić (issue 16, session 18): South Slavic verbs of
 * saying with their auxiliary ("izjavio je X", "X je rekla"), French "selon X Y" and "X Y a déclaré", ranks, clergy
 * and occupations before a surname, and the generated given names ({@code kb/given-names-generated.txt}).
 */
class AttributionsAndGivenNamesTest {

    private static List<String> names(String text, String language, EntityType type) {
        return LanguagePatternsTest.names(text, language, type);
    }

    @Test
    void southSlavicVerbsOfSayingWithTheirAuxiliary() {
        String text = "Ponuda je bila jedina, rekao je Tvrdoje Kecman u utorak. „Sajam mora da se modernizuje“, "
                + "izjavio je Kecman. Zdravka Vujin je rekla da radovi počinju na proleće.";
        assertThat(names(text, "sr", EntityType.PERSON)).contains("Tvrdoje Kecman", "Zdravka Vujin");
        String cyrillic = "Трошкови су прецењени, оценио је Трпе Чанак. Како је изјавио Чанак, посао је добијен без "
                + "тендера.";
        assertThat(names(cyrillic, "sr", EntityType.PERSON)).contains("Трпе Чанак");
        // a body that speaks, and the agency or paper told (dative), are no one
        assertThat(names("Mjere su privremene, saopštila je Vlada u četvrtak.", "cnr", EntityType.PERSON))
                .isEmpty();
        assertThat(names("Cijene su porasle, izjavio je Tanjugu. Posao kasni, rekla je Radio Televiziji u petak.",
                "sr", EntityType.PERSON)).isEmpty();
        assertThat(names("Radovi kasne, saopštila je Elektroprivreda Crne Gore. Kako je izjavio Kecman, posao "
                + "kasni.", "cnr", EntityType.PERSON)).containsExactly("Kecman");
    }

    @Test
    void outsideEnglishTheSpeakerFollowsAVerbAfterAComma() {
        assertThat(names("Die Kosten lägen bei 48 Millionen Euro, sagte Ebertshäuser in Mainz.", "de",
                EntityType.PERSON)).containsExactly("Ebertshäuser");
    }

    @Test
    void aSurnameAloneAfterAVerbOfSayingAndItsAuxiliary() {
        assertThat(names("„Nećemo platiti ni euro više“, izjavio je Kecman.", "sr", EntityType.PERSON))
                .contains("Kecman");
        assertThat(names("Kecman je rekao da ugovor ne dozvoljava poskupljenje.", "sr", EntityType.PERSON))
                .contains("Kecman");
    }

    @Test
    void frenchSelonAndTheVerbAfterItsAuxiliary() {
        String text = "Selon Ondine Le Querrec, les commandes ont glissé. Yvonnick Kerhervé a déclaré que le chantier "
                + "reprendrait.";
        assertThat(names(text, "fr", EntityType.PERSON)).contains("Ondine Le Querrec", "Yvonnick Kerhervé");
    }

    @Test
    void ranksClergyAndOccupationsBeforeASurname() {
        assertThat(names("Le chantier a été béni par le chanoine Quéméner avant l'inauguration.", "fr",
                EntityType.PERSON)).contains("Quéméner");
        assertThat(names("Der Winzer Kläsgen lehnt den Standort ab.", "de", EntityType.PERSON))
                .contains("Kläsgen");
        assertThat(names("Tekst je objavio novinar Tvrdoje Kecman.", "sr", EntityType.PERSON))
                .contains("Tvrdoje Kecman");
    }

    @Test
    void generatedGivenNamesStartAName() {
        assertThat(GivenNames.isGivenName("hiltrud")).isTrue();
        assertThat(names("Hiltrud Wassermeyer warf der Verwaltung Versäumnisse vor.", "de", EntityType.PERSON))
                .contains("Hiltrud Wassermeyer");
        // words and places the generator leaves out
        assertThat(GivenNames.isGivenName("toussaint")).isFalse();
        assertThat(GivenNames.isGivenName("drina")).isFalse();
        assertThat(GivenNames.isGivenName("samara")).isFalse();
    }

    @Test
    void aPlaceBeforeASlavicNameAndACompanyAfterItsKind() {
        String text = "Predśednik opštine Pljevlja Tvrdoje Šabotić naveo je da je grad dobio toplanu.";
        assertThat(names(text, "cnr", EntityType.LOCATION)).contains("Pljevlja");
        assertThat(names(text, "cnr", EntityType.PERSON)).containsExactly("Tvrdoje Šabotić");
        assertThat(names("Akcionari su prodali paket kompaniji Panonija iz Subotice.", "sr",
                EntityType.ORGANIZATION)).contains("Panonija");
    }
}
