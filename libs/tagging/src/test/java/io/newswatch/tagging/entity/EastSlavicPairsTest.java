package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import static io.newswatch.tagging.entity.LanguagePatternsTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Russian and Ukrainian people whose given name the list lacks, by the surname's ending; given names that are places. */
class EastSlavicPairsTest {

    @Test
    void aMasculineSurnameInTheNominativeAfterAMansNameIsAPersonAlsoAtASentencesStart() {
        assertThat(names("Онуфрий Завадский открыл ярмарку. Гостей встречал Тихон Жолудевич.", "ru",
                EntityType.PERSON)).contains("Онуфрий Завадский", "Тихон Жолудевич");
        assertThat(names("Никодим Бережнюк очолив раду. Його заступником став Северин Гайдамацький.", "uk",
                EntityType.PERSON)).contains("Никодим Бережнюк", "Северин Гайдамацький");
    }

    @Test
    void aFeminineSurnameNeedsAWomansNameAndAnIndeclinableOneNoSentenceStart() {
        assertThat(names("Концерт вела Євпраксія Чорноморська.", "uk", EntityType.PERSON))
                .contains("Євпраксія Чорноморська");
        assertThat(names("Соревнования судил Архип Гнатко.", "ru", EntityType.PERSON)).contains("Архип Гнатко");
        // a woman's noun before a masculine surname, an indeclinable surname after a noun at a sentence's start
        assertThat(names("Команда Завадский не признала. Партія Гнатко програла вибори.", "ru", EntityType.PERSON))
                .isEmpty();
    }

    @Test
    void anAdjectiveBeforeASurnameShapedWordIsNoGivenName() {
        assertThat(names("Рыбаки вышли на Северский Донец, а туристы поехали на Великий Гнатюк.", "ru",
                EntityType.PERSON)).isEmpty();
        assertThat(names("Депутати зібралися у Верховна Бережнюк.", "uk", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aGivenNameThatIsAlsoASmallPlaceStartsAPersonBeforeASurname() {
        assertThat(names("На зборах виступив Богдан Кучеренко з Житомира.", "uk", EntityType.PERSON))
                .contains("Богдан Кучеренко");
        assertThat(names("На зборах виступив Богдан Кучеренко з Житомира.", "uk", EntityType.LOCATION))
                .doesNotContain("Богдан");
    }
}
