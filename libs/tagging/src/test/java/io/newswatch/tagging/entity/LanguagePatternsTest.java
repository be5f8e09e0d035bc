package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.Fixtures;
import io.newswatch.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery of names the knowledge base lacks, in the ways the news of the region write them. */
class LanguagePatternsTest {

    static List<String> names(String text, String language, EntityType type) {
        Tagging t = Fixtures.enricher().tag(text, 0, language);
        return t.entities().stream().filter(e -> e.type() == type)
                .flatMap(e -> e.mentions().stream()).map(FoundEntity.Mention::text).toList();
    }

    @Test
    void givenNamesStartPersonsAndTitlesOrGenitivesBeforeThemAreCutOff() {
        assertThat(names("Мэр Самары Всеволод Каргин открыл мост. Вопрос обсуждался с Тимуром Ахметшиным.", "ru",
                EntityType.PERSON)).contains("Всеволод Каргин", "Тимуром Ахметшиным").doesNotContain("Самары Всеволод Каргин");
        assertThat(names("Die Geschäftsführerin Katrin Oberwald lobte den Vertrag.", "de", EntityType.PERSON))
                .containsExactly("Katrin Oberwald");
        assertThat(names("Le gouvernement a reçu Sébastien Morlaix et Mme Dubreuil jeudi.", "fr", EntityType.PERSON))
                .contains("Sébastien Morlaix", "Dubreuil");
    }

    @Test
    void patronymicsInitialsAndSlavicSurnamesArePersons() {
        assertThat(names("Суд оправдал Павла Игоревича Сомова. Решение подписал В. К. Ерёмин.", "ru",
                EntityType.PERSON)).contains("Павла Игоревича Сомова", "В. К. Ерёмин");
        assertThat(names("Sastanku su prisustvovali Velimir Pekić i Ranka Drobnjak.", "sr", EntityType.PERSON))
                .contains("Velimir Pekić");
    }

    @Test
    void clubsNamedBodiesAndBodiesOfXAreOrganisations() {
        assertThat(names("Der 1. FC Kaiserslautern verlor gegen den VfB Stuttgart, der FK Partizan gewann.", "de",
                EntityType.ORGANIZATION)).contains("FC Kaiserslautern", "VfB Stuttgart", "FK Partizan");
        assertThat(names("Das Lehmbruck-Museum zeigt Bücher des Mitteldeutschen Verlages; die Deutsche Bank zahlt.",
                "de", EntityType.ORGANIZATION)).contains("Lehmbruck-Museum", "Mitteldeutschen Verlages", "Deutsche Bank");
        assertThat(names("Le ministère de la Défense et la Banque de France ont signé avec l'Université de Lorient.",
                "fr", EntityType.ORGANIZATION))
                .contains("ministère de la Défense", "Banque de France", "Université de Lorient");
        assertThat(names("Спектакль прошёл в Соловцовском театре, сообщил Государственный музей истории.", "ru",
                EntityType.ORGANIZATION)).contains("Соловцовском театре", "Государственный музей истории");
        assertThat(names("Sastanku je prisustvovalo Udruženje penzionisanih oficira Vojvodine.", "sr",
                EntityType.ORGANIZATION)).contains("Udruženje penzionisanih oficira Vojvodine");
    }

    @Test
    void quotedCompaniesAndSlavicBodiesAreOrganisations() {
        assertThat(names("Акции ПАО «Северная верфь» выросли, сообщило Министерство финансов.", "ru",
                EntityType.ORGANIZATION)).contains("Северная верфь", "Министерство финансов");
        assertThat(names("Odluku je donijela Uprava carina Crne Gore, a kritikovao ju je Savez sindikata.", "cnr",
                EntityType.ORGANIZATION)).contains("Uprava carina Crne Gore", "Savez sindikata");
        assertThat(names("Das Verkehrsministerium und die Regierungspartei stritten über die Maut.", "de",
                EntityType.ORGANIZATION)).containsExactly("Verkehrsministerium");
        assertThat(names("La société Verdanor a annoncé des pertes.", "fr", EntityType.ORGANIZATION))
                .containsExactly("Verdanor");
    }

    @Test
    void bodiesNamedByAdjectivesBeforeALowerCaseHead() {
        assertThat(names("Проверку начала Федеральная таможенная служба, сообщил Балтийский судостроительный "
                + "консорциум.", "ru", EntityType.ORGANIZATION))
                .contains("Федеральная таможенная служба", "Балтийский судостроительный консорциум");
        assertThat(names("Заяву оприлюднила Державна митна служба, а Генеральний штаб Збройних сил України "
                + "підтвердило удар.", "uk", EntityType.ORGANIZATION))
                .contains("Державна митна служба", "Генеральний штаб Збройних сил України");
        assertThat(names("Izveštaj je objavila Državna revizorska institucija, a Narodna banka Srbije i Republički "
                + "zavod za statistiku su ga komentarisali.", "sr", EntityType.ORGANIZATION))
                .contains("Državna revizorska institucija", "Narodna banka Srbije").doesNotContain("zavod");
        assertThat(names("У Београду полицијска управа није дала изјаву.", "sr", EntityType.ORGANIZATION))
                .isEmpty();
    }

    @Test
    void germanAndFrenchBodiesWithoutACapitalisedName() {
        assertThat(names("Das Bundesamt für Bevölkerungsschutz und Katastrophenhilfe warnte; Soldaten der "
                + "Panzerbrigade 12 und das Landeskommando Thüringen halfen.", "de", EntityType.ORGANIZATION))
                .contains("Bundesamt für Bevölkerungsschutz und Katastrophenhilfe", "Panzerbrigade 12",
                        "Landeskommando Thüringen");
        assertThat(names("Ein Bundesamt prüft das. Eine Panzerbrigade wurde verlegt.", "de", EntityType.ORGANIZATION))
                .isEmpty();
        assertThat(names("Le Parquet national financier et la Direction générale des finances publiques ont "
                + "ouvert une enquête.", "fr", EntityType.ORGANIZATION))
                .contains("Parquet national financier", "Direction générale des finances publiques");
    }

    @Test
    void anAdjectiveGluedToANameFoundOtherwiseIsNoPlace() {
        assertThat(names("Закон ухвалили у Верховній Раді.", "uk", EntityType.LOCATION)).isEmpty();
    }

    @Test
    void shortUkrainianStemsWithTheirVowelAlternation() {
        assertThat(Fixtures.enricher().tag("Делегація прибула до Києва.", 0, "uk").entities())
                .extracting(FoundEntity::id).contains("location/kyiv");
    }

    @Test
    void placesAfterSlavicPrepositionsOfPlace() {
        assertThat(names("Совещание прошло в Кинешме, а делегация прибыла из Нижнего Тагила.", "ru",
                EntityType.LOCATION)).contains("Кинешме");
        assertThat(names("Radnici u Pljevljima i Beranama stupili su u štrajk.", "cnr", EntityType.LOCATION))
                .contains("Pljevljima");
    }

    @Test
    void capitalisedWordsWithoutCuesStayWords() {
        assertThat(names("В понедельник Правительство обсудило бюджет.", "ru", EntityType.PERSON)).isEmpty();
        assertThat(names("Die Firma Wachstum meldete Gewinne, sagte der Konzern Umsatz.", "de", EntityType.PERSON))
                .isEmpty();
    }

    @Test
    void cyrillicAcronymsAndOneWordBodiesAreOrganisationsAndStatesArePlaces() {
        assertThat(names("Проверку начала ФНС, а в МЧС и Росреестре сообщили о нарушениях; ДТП и ВВП здесь ни при чём.",
                "ru", EntityType.ORGANIZATION)).contains("ФНС", "МЧС", "Росреестре").doesNotContain("ДТП", "ВВП");
        assertThat(names("Замглавы Минтранса и представитель Транснефти встретились с Газпромбанком.", "ru",
                EntityType.ORGANIZATION)).contains("Минтранса", "Транснефти", "Газпромбанком");
        assertThat(names("НАБУ та Укрпошта підписали угоду, а Мінцифри її схвалило.", "uk",
                EntityType.ORGANIZATION)).contains("НАБУ", "Укрпошта", "Мінцифри");
        assertThat(names("Делегации США и КНР встретились, а в Ростове и России это обсуждали.", "ru",
                EntityType.LOCATION)).contains("США", "КНР", "Ростове", "России");
        assertThat(names("Делегации США и КНР встретились, а Ростислав Орлов уехал в Ростов.", "ru",
                EntityType.ORGANIZATION)).isEmpty();
    }

    @Test
    void quotedNamesAfterABodysHeadWordAndGenitiveChainsEndWhereTheNameEnds() {
        assertThat(names("Служба «Мосгортранс» и группировка войск «Восток» сообщили о потерях.", "ru",
                EntityType.ORGANIZATION)).contains("Мосгортранс", "Восток");
        assertThat(names("Кабінет міністрів доручив виділити кошти, а Сили територіальної оборони прозвітували.", "uk",
                EntityType.ORGANIZATION)).contains("Кабінет міністрів", "Сили територіальної оборони");
        assertThat(names("Сделку одобрили вместе с Банком России и Санкт-Петербургской товарной биржей.", "ru",
                EntityType.ORGANIZATION)).contains("Банком России").doesNotContain("Банком России и Санкт");
        assertThat(names("Пожар случился в Омской области, сообщили спасатели.", "ru", EntityType.LOCATION))
                .contains("Омской области");
    }

    @Test
    void anInflectedWordStandingAloneIsTakenBackToAWholeName() {
        assertThat(Fixtures.ids(Fixtures.enricher().tag("Уночі дрони знову атакували Одесу.", 0, "uk")))
                .contains("location/odesa");
        assertThat(names("Эксперт Марат Сабиров назвал удар провокацией.", "ru", EntityType.PERSON))
                .contains("Марат Сабиров");
    }

    @Test
    void germanFederalBodiesAndPlacesAfterAKindOfPlace() {
        assertThat(names("Die Bundesnetzagentur und das Bundeskartellamt prüfen den Fall des Bundesamtes für Justiz.",
                "de", EntityType.ORGANIZATION))
                .contains("Bundesnetzagentur", "Bundeskartellamt", "Bundesamtes für Justiz");
        assertThat(names("Der Landrat des Kreises Sonneberg besuchte die Stadt Zeulenroda, nicht die Stadt Verwaltung.",
                "de", EntityType.LOCATION)).contains("Sonneberg", "Zeulenroda").doesNotContain("Verwaltung");
        assertThat(names("Pendler aus Thüringen und Hessen stehen im Stau.", "de", EntityType.LOCATION))
                .contains("Thüringen", "Hessen");
    }

    @Test
    void englishPlacesByTheirContextAndBodiesAfterTheirKind() {
        assertThat(names("Residents of Hamra Jurn, Syria, said militants had fled. Rebels later retook Mabrouka.", "en",
                EntityType.LOCATION)).contains("Hamra Jurn", "Mabrouka");
        assertThat(names("Convoys could not reach Hazimah on Friday, the broadcaster Orient News reported.", "en",
                EntityType.LOCATION)).contains("Hazimah");
        assertThat(names("Convoys could not reach Hazimah on Friday, the newspaper Al-Baath reported.", "en",
                EntityType.ORGANIZATION)).contains("Al-Baath");
        assertThat(names("Volunteers of the Croix-Rouge handed out water.", "fr", EntityType.LOCATION)).isEmpty();
    }

    @Test
    void acronymsBeforeQuotedNamesInCapitalLinesOrOfThingsAreNoBodies() {
        assertThat(names("Контракт підписали ДП «Антонов» і ФК «Шахтар», а КНП «Міська лікарня» отримала кошти.", "uk",
                EntityType.ORGANIZATION)).contains("Антонов", "Шахтар", "Міська лікарня").doesNotContain("ДП", "ФК", "КНП");
        assertThat(names("Про це повідомили в МВС України, а СБУ почала перевірку.", "uk", EntityType.ORGANIZATION))
                .contains("МВС України", "СБУ");
        assertThat(names("ВИКРАДЕНІ ІКОНИ ПОВЕРНУЛИ ДО МУЗЕЮ", "uk", EntityType.ORGANIZATION)).isEmpty();
        assertThat(names("Лікарі консультують пацієнтів з ВІЛ, а прикордонники знайшли автомат АК-47.", "uk",
                EntityType.ORGANIZATION)).isEmpty();
        assertThat(names("Це ВСЕ, що ми знаємо, і все, що сказав НАБУ.", "uk", EntityType.ORGANIZATION))
                .containsExactly("НАБУ");
        assertThat(names("Ще за часів СРСР тут стояв завод.", "uk", EntityType.LOCATION)).contains("СРСР");
    }

    @Test
    void germanAndFrenchRolesBeforeNames() {
        assertThat(names("Torhüter Jonas Kersken und die Landtagsabgeordnete Ulrike Brenner lobten den Verein.", "de",
                EntityType.PERSON)).contains("Jonas Kersken", "Ulrike Brenner");
        assertThat(names("L'entraîneur Sébastien Moreno et la juge Odile Ferrand étaient présents.", "fr",
                EntityType.PERSON)).contains("Sébastien Moreno", "Odile Ferrand");
    }

    @Test
    void surnamesAloneInOtherCasesNameThePersonNamedInFull() {
        assertThat(names("Директор Олег Гаврилюк заявив про замовлення. За словами Гаврилюка, їх шість. Мер зустрівся з"
                + " Гаврилюком у четвер.", "uk", EntityType.PERSON)).contains("Олег Гаврилюк", "Гаврилюка", "Гаврилюком");
        assertThat(names("Павел Зуев не согласен с Глебом Тарасовым. Зуева поддержала Анна Лебедева.", "ru",
                EntityType.PERSON)).contains("Зуева");
        assertThat(names("Мер зустрівся з Гаврилюком у четвер.", "uk", EntityType.LOCATION)).isEmpty();
        assertThat(names("Betriebsrat Jürgen Hansen kritisierte den Plan. Hansens Kritik traf den Vorstand.", "de",
                EntityType.PERSON)).contains("Hansens");
        // a man's surname in -енко declines in Ukrainian like a noun in -о (not in Russian, where no other case is
        // written): "Тарасенка" is his genitive
        assertThat(names("Директор Тарасенко приїхав. Тарасенка не чекали.", "uk", EntityType.PERSON))
                .contains("Тарасенко", "Тарасенка");
    }

    @Test
    void peopleInThePluralAndLatinMediaAreNoBodiesOrPlaces() {
        assertThat(names("Журналісти зустрілися з ним. Волонтери фонду привезли ліки.", "uk", EntityType.ORGANIZATION))
                .isEmpty();
        assertThat(names("Сотрудники завода просят помощи.", "ru", EntityType.ORGANIZATION)).isEmpty();
        assertThat(names("Справу розглядали в Апеляційному суді, а потім у Київській міській раді.", "uk",
                EntityType.ORGANIZATION)).contains("Апеляційному суді", "Київській міській раді");
        assertThat(names("Відео опублікували в Telegram.", "uk", EntityType.LOCATION)).isEmpty();
    }

    @Test
    void englishNaturalFeaturesAreNamedByTheirKind() {
        assertThat(names("Troops crossed the Euphrates River near the Mosul Dam and reached Lake Tharthar, Mount Zartak"
                + " and the Tigris River Valley.", "en", EntityType.LOCATION))
                .contains("Euphrates River", "Mosul Dam", "Lake Tharthar", "Mount Zartak", "Tigris River Valley");
        assertThat(names("The River and the Valley were quiet.", "en", EntityType.LOCATION)).isEmpty();
    }
}
