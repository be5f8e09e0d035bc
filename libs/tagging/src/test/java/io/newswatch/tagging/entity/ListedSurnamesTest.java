package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import static io.newswatch.tagging.entity.LanguagePatternsTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surnames alone with no cue (issue 16, session 19): a surname of the generated list ({@code
 * kb/surnames-generated.txt}) standing alone, and a Russian or Ukrainian word starting a sentence with the commonest
 * surname endings that is no common word ({@code kb/surname-shaped-words.txt}).
 */
class ListedSurnamesTest {

    @Test
    void aListedSurnameAloneIsAPerson() {
        assertThat(names("Im Ausschuss stimmte Hentschel gegen den Plan, Brinkmann enthielt sich.", "de",
                EntityType.PERSON)).contains("Hentschel", "Brinkmann");
        assertThat(names("Lemaire et Chappuis ont quitté la séance avant le vote.", "fr", EntityType.PERSON))
                .contains("Lemaire", "Chappuis");
        assertThat(names("Odluku su podržali Bjelica i Alavanja, a protiv je bio samo jedan vijećnik.", "hr",
                EntityType.PERSON)).contains("Bjelica", "Alavanja");
    }

    @Test
    void otherCasesOfAListedSurname() {
        // South Slavic oblique cases through the language's endings; German only the genitive -s
        assertThat(names("Prema riječima Kolara, ugovor je potpisan.", "hr", EntityType.PERSON)).contains("Kolara");
        assertThat(names("Dieckmanns Antrag fand keine Mehrheit.", "de", EntityType.PERSON))
                .contains("Dieckmanns");
    }

    @Test
    void aListedSurnameNextToAnotherNameOrAfterAnArticleIsNotAlone() {
        // a capitalised word glued on either side, a hyphen, an article or a preposition of place: another name
        assertThat(names("Die Hentschel Logistik GmbH und die Brinkmann-Stiftung spenden.", "de", EntityType.PERSON))
                .doesNotContain("Hentschel", "Brinkmann");
        assertThat(names("Der Lieferant kam aus Dieckmann, die Fournier lieferte Holz.", "de", EntityType.PERSON))
                .doesNotContain("Dieckmann", "Fournier");
        assertThat(names("Le camion venait de la Lemaire et repartait vers Chappuis.", "fr", EntityType.PERSON))
                .doesNotContain("Lemaire", "Chappuis");
    }

    @Test
    void commonWordsAreNotListed() {
        // surnames that are common words or nouns need a cue, a given name or an earlier full mention
        assertThat(names("Koch und Bauer stellten den Antrag, Metzger und Bäcker klagen über Umsatzeinbußen.", "de",
                EntityType.PERSON)).isEmpty();
        assertThat(names("Martin et Blanc ont voté contre.", "fr", EntityType.PERSON)).isEmpty();
    }

    @Test
    void anEastSlavicSurnameStartingASentenceNeedsNoCue() {
        assertThat(names("Решение приняли без споров. Лапухов и Сметанин воздержались.", "ru", EntityType.PERSON))
                .contains("Лапухов", "Сметанин");
        assertThat(names("Проєкт підтримали. Гнатенко, заступник голови ради, проголосував проти.", "uk",
                EntityType.PERSON)).contains("Гнатенко");
        // common words with those endings, feminine -ина (mostly nouns) and demonyms stay words
        assertThat(names("Снова выросли цены. Магазин закрылся. Вакцина поступила в аптеки. Россиянин задержан.",
                "ru", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aSlavicSurnameInGermanOrFrenchByItsTransliteratedEnding() {
        assertThat(names("Die Delegation führte Gortschakow an, das Tor erzielte Jovetić nach der Pause.", "de",
                EntityType.PERSON)).contains("Gortschakow", "Jovetić");
        assertThat(names("La rencontre entre Loukachenko et Kowalski a duré deux heures.", "fr", EntityType.PERSON))
                .contains("Loukachenko", "Kowalski");
        assertThat(names("Das Interview fand im Bungalow statt, in Teltow.", "de", EntityType.PERSON)).isEmpty();
    }
}
