package io.newswatch.tagging.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one home of the language groups: members, non-members, and no exception for an unknown (null) language. */
class LanguageGroupsTest {

    @Test
    void eastAndSouthSlavicAreTheirLanguagesAndSlavicBothWithMacedonianAndBulgarian() {
        assertThat(LanguageGroups.eastSlavic("ru")).isTrue();
        assertThat(LanguageGroups.eastSlavic("uk")).isTrue();
        assertThat(LanguageGroups.eastSlavic("sr")).isFalse();
        assertThat(LanguageGroups.southSlavic("cnr")).isTrue();
        assertThat(LanguageGroups.southSlavic("me")).isTrue();
        assertThat(LanguageGroups.southSlavic("ru")).isFalse();
        assertThat(LanguageGroups.slavic("bg")).isTrue();
        assertThat(LanguageGroups.slavic("hr")).isTrue();
        assertThat(LanguageGroups.slavic("de")).isFalse();
    }

    @Test
    void anUnknownLanguageBelongsToNoGroup() {
        assertThat(LanguageGroups.eastSlavic(null)).isFalse();
        assertThat(LanguageGroups.southSlavic(null)).isFalse();
        assertThat(LanguageGroups.slavic(null)).isFalse();
        assertThat(LoneSurnames.applies(null)).isFalse();
        assertThat(SurnameForms.endings(null)).isNull();
    }
}
