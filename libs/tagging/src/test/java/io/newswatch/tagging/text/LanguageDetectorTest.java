package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @Test
    void latinScriptLanguages() {
        assertThat(LanguageDetector.detect("The ministers said that the talks would continue in the spring.")).isEqualTo("en");
        assertThat(LanguageDetector.detect("Les ministres ont dit que les discussions sont dans une impasse.")).isEqualTo("fr");
        assertThat(LanguageDetector.detect("Die Minister sagten, dass die Gespräche nicht mit dem Ergebnis enden.")).isEqualTo("de");
        assertThat(LanguageDetector.detect("Los ministros dijeron que las conversaciones con el gobierno son para el pueblo.")).isEqualTo("es");
    }

    @Test
    void serbianCroatianBosnianAndMontenegrinByTheirVocabulary() {
        assertThat(LanguageDetector.detect("Ministri su rekli da je sastanak u Beogradu bio pre podne i da posle toga nije završen."))
                .isEqualTo("sr");
        assertThat(LanguageDetector.detect("Ministri su tijekom sastanka u Zagrebu rekli da će Europska unija do kolovoza "
                + "odlučiti o tisuću zahtjeva.")).isEqualTo("hr");
        assertThat(LanguageDetector.detect("Ministri su tokom sastanka u Sarajevu rekli da će Evropska unija prije augusta "
                + "odlučiti o hiljadu zahtjeva općine.")).isEqualTo("bs");
        assertThat(LanguageDetector.detect("Ministri su tokom sastanka u Podgorici rekli da će crnogorska vlada prije "
                + "avgusta odlučiti đe će biti sjednica.")).isEqualTo("cnr");
    }

    @Test
    void cyrillicLanguagesByTheirOwnLetters() {
        assertThat(LanguageDetector.detect("Министр иностранных дел заявил, что переговоры продолжатся.")).isEqualTo("ru");
        assertThat(LanguageDetector.detect("Міністр закордонних справ заявив, що переговори триватимуть і надалі.")).isEqualTo("uk");
        assertThat(LanguageDetector.detect("Министар је рекао да ће се преговори наставити у Београду.")).isEqualTo("sr");
    }

    @Test
    void otherScripts() {
        assertThat(LanguageDetector.detect("Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν.")).isEqualTo("el");
        assertThat(LanguageDetector.detect("قال الوزير إن المحادثات ستستمر")).isEqualTo("ar");
        assertThat(LanguageDetector.detect("მინისტრმა განაცხადა, რომ მოლაპარაკებები გაგრძელდება")).isEqualTo("ka");
    }

    @Test
    void functionWordShortcutOnlyForClearSamples() {
        assertThat(LanguageDetector.byFunctionWords("The ministers said that the talks with the Serbian side were "
                + "over and that they would not meet again after the vote.")).isEqualTo("en");
        assertThat(LanguageDetector.byFunctionWords("Die Minister sagten, dass die Gespräche mit der serbischen Seite "
                + "nicht auf dem Tisch sind und auch nach der Wahl nicht.")).isEqualTo("de");
        assertThat(LanguageDetector.byFunctionWords("Les ministres ont dit que les discussions avec la Serbie sont "
                + "dans une impasse et qu'elles ne reprendront pas avant le vote.")).isEqualTo("fr");
        // too few function words, other languages, other scripts, mixed samples: Lingua decides
        assertThat(LanguageDetector.byFunctionWords("NATO summit in Podgorica: Montenegro, Serbia, Kosovo")).isNull();
        assertThat(LanguageDetector.byFunctionWords("Los ministros dijeron que las conversaciones con el gobierno "
                + "son para el pueblo y que no habrá otra reunión.")).isNull();
        assertThat(LanguageDetector.byFunctionWords("Министр заявил, что переговоры продолжатся.")).isNull();
        assertThat(LanguageDetector.byFunctionWords("The minister said that the talks were over, and die Minister "
                + "sagten, dass die Gespräche mit der Seite nicht auf dem Tisch sind.")).isNull();
    }

    @Test
    void letterShortcutsAnswerOnlyWhenOneLanguageIsClear() {
        String ru = "Министр иностранных дел России заявил журналистам, что переговоры о прекращении огня продолжатся "
                + "на этой неделе в Женеве, несмотря на разногласия сторон.";
        String uk = "Міністр закордонних справ України заявив журналістам, що переговори про припинення вогню "
                + "триватимуть і надалі в Женеві, попри розбіжності сторін.";
        String sr = "Министар спољних послова рекао је новинарима да ће се преговори о прекиду ватре наставити следеће "
                + "недеље у Београду, после састанка председника.";
        assertThat(LanguageDetector.byCyrillicLetters(ru)).isEqualTo("ru");
        assertThat(LanguageDetector.byCyrillicLetters(uk)).isEqualTo("uk");
        assertThat(LanguageDetector.byCyrillicLetters(sr)).isEqualTo("sr");
        // Bulgarian writes none of the marked letters, Belarusian has ў: Lingua decides
        assertThat(LanguageDetector.byCyrillicLetters("Министърът на външните работи заяви пред журналисти, че "
                + "преговорите за прекратяване на огъня ще продължат тази седмица в Женева.")).isNull();
        assertThat(LanguageDetector.byCyrillicLetters("Міністр замежных спраў заявіў журналістам, што перамовы "
                + "працягнуцца на гэтым тыдні ў Жэневе.")).isNull();
        assertThat(LanguageDetector.bySouthSlavicLatin("Ministar vanjskih poslova rekao je novinarima da će se "
                + "pregovori o prekidu vatre nastaviti tijekom sljedećeg tjedna u Zagrebu, nakon sastanka s "
                + "predsjednikom hrvatske vlade.")).isEqualTo("hr");
        // Slovene shares letters and words, Polish and Czech write č or ć beside letters of their own: Lingua decides
        assertThat(LanguageDetector.bySouthSlavicLatin("Minister za zunanje zadeve je novinarjem povedal, da se bodo "
                + "pogovori nadaljevali in da je Kovačić tudi prišel.")).isNull();
        assertThat(LanguageDetector.bySouthSlavicLatin("Minister spraw zagranicznych powiedział dziennikarzom, że "
                + "rozmowy będą kontynuowane, a Kovačić też przyjechał.")).isNull();
    }

    @Test
    void shortcutsAllowAFewWordsOfAnotherScriptOrLanguage() {
        // an English report quoting a name in Cyrillic stays English without Lingua
        assertThat(LanguageDetector.byFunctionWords("The minister said that Сергей Лавров would meet the envoys of "
                + "the alliance after the talks, and that the talks with the other side were over for this year."))
                .isEqualTo("en");
        // ...but not when the other script is much of the sample
        assertThat(LanguageDetector.byFunctionWords("The minister said that the talks were over: «Министр иностранных "
                + "дел заявил, что переговоры продолжатся на этой неделе в Женеве», and that was all from them."))
                .isNull();
        // one "in" (an English phrase further down) does not make a clear Croatian sample Slovene
        assertThat(LanguageDetector.bySouthSlavicLatin("Ministar vanjskih poslova rekao je novinarima da će se "
                + "pregovori o prekidu vatre nastaviti tijekom sljedećeg tjedna u Zagrebu, nakon sastanka s "
                + "predsjednikom hrvatske vlade. Talks in Brussels follow.")).isEqualTo("hr");
        // a Serbian Cyrillic article with a Latin name or two further down is still answered by its letters
        String sr = "Министар спољних послова рекао је новинарима да ће се преговори о прекиду ватре наставити следеће "
                + "недеље у Београду, после састанка председника. ";
        assertThat(LanguageDetector.byCyrillicLetters(sr + sr + "Joint statement by NATO and the EU, Brussels office."))
                .isEqualTo("sr");
    }

    @Test
    void montenegrinByItsJotatedFormsAndItsPlacesNotAsSerbianOrBosnian() {
        // predśednik and śednica fold like the ekavian predsednik and sednica: they are Montenegrin, not Serbian
        assertThat(LanguageDetector.detect("Predśednik opštine Kolašin kazao je da će śednica lokalnog parlamenta "
                + "biti održana sjutra, a da odbornici nijesu dobili materijal na vrijeme.")).isEqualTo("cnr");
        // no jotated letters: ijekavian, opšt- (not the Bosnian opć-), and Crna Gora with its towns
        assertThat(LanguageDetector.detect("Vlada Crne Gore saopštila je da će dionica puta od Podgorice prema "
                + "Kolašinu biti završena prije ljeta, a predsjednik opštine Nikšić ocijenio je da je to dobra vijest."))
                .isEqualTo("cnr");
        assertThat(LanguageDetector.detect("Предсједник општине казао је да ће сједница бити одржана, али ђе ће бити "
                + "одржана још није познато, а одборници нијесу добили позив.")).isEqualTo("cnr");
    }

    @Test
    void bosnianByItsVocabularyNotAsCroatian() {
        assertThat(LanguageDetector.detect("Vijeće ministara BiH saopćilo je da će općine u Tuzlanskom kantonu do "
                + "kraja godine dobiti novac za obnovu škola, a predsjedavajući je kazao da je historija pokazala "
                + "koliko je to važno.")).isEqualTo("bs");
        assertThat(LanguageDetector.detect("Premijer Federacije rekao je u Sarajevu da će hiljade porodica iz Mostara "
                + "i Zenice dobiti pomoć tokom zime, a općinski načelnici pozdravili su odluku.")).isEqualTo("bs");
    }

    @Test
    void croatianAndSerbianStaySoWhenTheyWriteAboutMontenegroOrBosnia() {
        assertThat(LanguageDetector.detect("Hrvatska vlada priopćila je tijekom sastanka da će Europska unija "
                + "pomoći Crnoj Gori i Bosni, a ministar vanjskih poslova rekao je da tko god dođe u Podgoricu zna "
                + "koliko je posla.")).isEqualTo("hr");
        assertThat(LanguageDetector.detect("Predsednik Srbije rekao je posle sastanka u Podgorici da će Beograd "
                + "podržati Crnu Goru, a sednica vlade biće održana sledeće nedelje u Sarajevu.")).isEqualTo("sr");
        // reći, Beograd and Sveta Stolica are written alike in every standard: not ekavian
        assertThat(LanguageDetector.detect("Ministar je u Beogradu odbio reći hoće li Sveta Stolica poslati "
                + "izaslanika, a Zagreb će tražiti odgovor tijekom tjedna.")).isEqualTo("hr");
        // Serbian written in Cyrillic in Bosnia (ijekavian, Republika Srpska) is Serbian, not Bosnian or Montenegrin
        assertThat(LanguageDetector.detect("Предсједник Републике Српске рекао је у Бањалуци да ће влада прије "
                + "краја године усвојити буџет, а опозиција је оцијенила да је то закашњело.")).isEqualTo("sr");
    }

    @Test
    void theHeadDecidesWhenAnotherLanguageFollows() {
        String serbian = "Ministar odbrane obišao je jedinice u Nikšiću i kazao da će vojska dobiti nova vozila "
                + "prije ljeta, a da je saradnja sa saveznicima iz NATO-a dobra. Predsjednik opštine pozdravio je "
                + "odluku. ";
        String english = "The minister said that the talks with the other side were over and that they would not "
                + "meet again, but the envoys of the alliance were still in the city with their staff. ";
        // a Montenegrin lead followed by an English paragraph is not English
        assertThat(LanguageDetector.detect(serbian + english + english)).isEqualTo("cnr");
        // an English lead followed by a paragraph in Cyrillic or in German is English, without Lingua
        assertThat(LanguageDetector.byFunctionWords(english + english + "Министр иностранных дел заявил, что "
                + "переговоры о прекращении огня продолжатся на этой неделе в Женеве, несмотря на разногласия.", 240))
                .isEqualTo("en");
        // a foreign name with its own letters in the head (Müller, José) leaves the shortcut to Serbo-Croatian
        String withNames = "Ministar odbrane obišao je jedinice u Nikšiću s kolegom Müllerom i kazao da će vojska "
                + "dobiti nova vozila prije ljeta, a da je saradnja sa Joséom dobra.";
        assertThat(LanguageDetector.bySouthSlavicLatin(withNames)).isEqualTo("cnr");
    }

    @Test
    void tooLittleToSay() {
        assertThat(LanguageDetector.detect("NATO 2026")).isNull();
    }
}
