package io.newswatch.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsAreStableHexOf128Bits() {
        String id = Ids.article("https://example.org/a");
        assertThat(id).hasSize(32).matches("[0-9a-f]+").isEqualTo(Ids.article("https://example.org/a"));
    }

    @Test
    void differentKindsOfIdNeverCollideForTheSameInput() {
        assertThat(Ids.article("x")).isNotEqualTo(Ids.feed("x"));
    }

    @Test
    void alertIdDependsOnRuleSubjectAndLevel() {
        String base = Ids.alert("r1", "story-1", 0);
        assertThat(base).isEqualTo(Ids.alert("r1", "story-1", 0))
                .isNotEqualTo(Ids.alert("r2", "story-1", 0))
                .isNotEqualTo(Ids.alert("r1", "story-2", 0))
                .isNotEqualTo(Ids.alert("r1", "story-1", 1));
    }
}
