package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.Fixtures;
import io.newswatch.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Russian and Ukrainian people named in full in an oblique case, then by the surname alone in any case; words that
 * start a sentence before a surname; known surnames after another given name or after a patronymic.
 */
class SurnameCoreferenceTest {

    /** The mentions of the one entity of {@code type} that has a mention {@code text}, or an empty list. */
    private static List<String> mentionsOf(String text, String language, String mention) {
        Tagging t = Fixtures.enricher().tag(text, 0, language);
        return t.entities().stream()
                .filter(e -> e.mentions().stream().anyMatch(m -> m.text().equals(mention)))
                .filter(e -> e.type() == EntityType.PERSON)
                .flatMap(e -> e.mentions().stream()).map(FoundEntity.Mention::text).toList();
    }

    @Test
    void aSurnameFirstMetInAnObliqueCaseNamesThePersonInItsOtherCases() {
        assertThat(mentionsOf("Министр встретился с Андреем Ключарёвым. Ключарёв поблагодарил. По словам Ключарёва, "
                + "решение принято.", "ru", "Андреем Ключарёвым")).contains("Ключарёв", "Ключарёва");
        assertThat(mentionsOf("Лікарі врятували життя Миколі Ступаку. Ступак розповів про аварію.", "uk",
                "Миколі Ступаку")).contains("Ступак");
        assertThat(mentionsOf("Нараду провів Олександр Гнатенко. Рішення Гнатенка підтримали. З Гнатенком погодились.",
                "uk", "Олександр Гнатенко")).contains("Гнатенка", "Гнатенком");
    }

    @Test
    void aSurnameOfThePersonIsNoVillageOfThatName() {
        // Kol'tsovo and Belousovo are places of the gazetteer; "в Кольцово" stays the place
        assertThat(mentionsOf("Суд выслушал Андрея Кольцова. Показания Кольцова приобщили к делу.", "ru",
                "Андрея Кольцова")).contains("Кольцова");
        assertThat(mentionsOf("Адвокат Инна Белоусова заявила, что Белоусовой угрожали.", "ru", "Инна Белоусова"))
                .contains("Белоусовой");
    }

    @Test
    void aWordStartingASentenceBeforeAKnownSurnameIsNoGivenName() {
        assertThat(mentionsOf("Грамоту вручили Анатолию Курочкину. Сам Курочкин промолчал.", "ru",
                "Анатолию Курочкину")).contains("Курочкин").doesNotContain("Сам Курочкин");
    }

    @Test
    void aKnownPersonsSurnameAfterAnotherGivenNameIsSomeoneElse() {
        Tagging t = Fixtures.enricher().tag("Адвокат Инна Белоусова подала жалобу.", 0, "ru");
        assertThat(t.entities()).extracting(FoundEntity::id).doesNotContain("person/andrei-belousov");
        assertThat(mentionsOf("Адвокат Инна Белоусова подала жалобу.", "ru", "Инна Белоусова")).isNotEmpty();
    }

    @Test
    void aGivenNameAndPatronymicBeforeAKnownSurnameAreThatPersonsName() {
        Tagging t = Fixtures.enricher().tag("Володимира Олександровича Зеленського привітали.", 0, "uk");
        assertThat(t.entities()).filteredOn(e -> "person/volodymyr-zelensky".equals(e.id()))
                .flatExtracting(FoundEntity::mentions).extracting(FoundEntity.Mention::text)
                .containsExactly("Володимира Олександровича Зеленського");
    }

    @Test
    void aGivenNameAloneInAnotherCaseIsThePersonNamedInFull() {
        assertThat(mentionsOf("Того вечора Петро Гнатюк повернувся з міста. Дружина чекала Петра на порозі.", "uk",
                "Петро Гнатюк")).contains("Петра");
        assertThat(mentionsOf("Пенсіонерка Ганна Кушнірук шукала корову. Ганні допомагали сусіди.", "uk",
                "Ганна Кушнірук")).contains("Ганні");
    }
}
