package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import static io.newswatch.tagging.entity.LanguagePatternsTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Surnames alone that the knowledge base lacks, by a role noun, a verb of saying or their ending. */
class LoneSurnamesTest {

    @Test
    void aRoleNounOrAVerbOfSayingMakesASurnameAlone() {
        assertThat(names("Министр транспорта области Кочергин добавил, что мост откроют. «Денег хватит», — сказал"
                + " Мелентьев. Представитель Минтранса промолчал.", "ru", EntityType.PERSON))
                .contains("Кочергин", "Мелентьев").doesNotContain("Минтранса");
        assertThat(names("Депутатка Марчук повідомила про аварію. Тарасюк наголосив, що штрафи сплатить підрядник.",
                "uk", EntityType.PERSON)).contains("Марчук", "Тарасюк");
        assertThat(names("Der Vorschlag kam von Kämmerer Wolfsteiner. „Das reicht nicht“, sagte Brückmann. Nach"
                + " Angaben Wolfsteiners fehlt Geld.", "de", EntityType.PERSON))
                .contains("Wolfsteiner", "Brückmann", "Wolfsteiners");
        assertThat(names("Le préfet Vasseur rendra son avis. Lebraud a indiqué qu'une réunion aurait lieu lundi.", "fr",
                EntityType.PERSON)).contains("Vasseur", "Lebraud");
    }

    @Test
    void aFrenchBodyAfterADeterminerBeforeAVerbOfSayingIsNoOne() {
        assertThat(names("Le Conseil a indiqué qu'un plan serait voté. Selon l'audit, l'Inspection a confirmé le retard,"
                + " et la Commission a reconnu des erreurs. Marchadour a estimé que c'était connu.", "fr",
                EntityType.PERSON)).containsExactly("Marchadour");
    }

    @Test
    void aFrenchOfficeOrAdjectiveCapitalisedAfterARoleIsNoSurname() {
        assertThat(names("Le préfet Lestrohan a signé l'arrêté. Le secrétaire Général a déclaré Directeur"
                + " le candidat, et le conseiller Municipale a estimé le coût.", "fr", EntityType.PERSON))
                .contains("Lestrohan").doesNotContain("Général", "Directeur", "Municipale");
        assertThat(names("Le commissaire Garnier a indiqué que Duval a reconnu les faits.", "fr", EntityType.PERSON))
                .contains("Garnier", "Duval");
    }

    @Test
    void frenchPronounsBeforeAVerbOfSayingAndAPlaceAfterDitAreNoOne() {
        assertThat(names("Cela dit, la ferme du lieu dit Kerbastard sera vendue. Chacun a déclaré son accord, et"
                + " Lestrohan a indiqué la date.", "fr", EntityType.PERSON)).containsExactly("Lestrohan");
    }

    @Test
    void aGermanNounBeforeAVerbOfSayingIsNoOne() {
        assertThat(names("Das Unternehmen erklärte am Montag, es werde klagen. Die Umsetzung sagte niemand zu.", "de",
                EntityType.PERSON)).isEmpty();
    }

    @Test
    void southSlavicSurnamesInIcAreNamedAloneButNotChristmasOrPlaces() {
        assertThat(names("Prema riječima Bulatovića, put je zatvoren. Radonjić traži radove prije Božića.", "cnr",
                EntityType.PERSON)).contains("Bulatovića", "Radonjić").doesNotContain("Božića");
        assertThat(names("Most na Đurđevića Tari je zatvoren, a sela Kovačići su bez struje.", "cnr",
                EntityType.PERSON)).isEmpty();
    }

    @Test
    void russianSurnameEndingsNeedNoCueMidSentenceButNotAtTheStartOrAfterAPlacePreposition() {
        assertThat(names("Решение поддержал и Скоробогатов, а Ярема Скоробогатов из Рубцовска выступил первым.", "ru",
                EntityType.PERSON)).contains("Скоробогатов", "Ярема Скоробогатов");
        assertThat(names("Один из фермеров приехал. Он живёт в Кузьмине.", "ru", EntityType.PERSON)).isEmpty();
    }
}
