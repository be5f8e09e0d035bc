package io.newswatch.tagging;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EnricherTest {

    private static EnrichedArticle enrich(String title, String body, String language) {
        Article article = Fixtures.article("https://wire.example/" + title.hashCode(), title, body, "wire.example",
                language, Instant.parse("2026-03-02T10:00:00Z"));
        return Fixtures.enricher().enrich(article, StoryAssigner.SINGLE);
    }

    @Test
    void fillsInTheLanguageOnlyWhenTheFeedDidNotGiveIt() {
        assertThat(enrich("Talks", "The ministers said that the talks would go on in Vienna.", null).article().language())
                .isEqualTo("en");
        assertThat(enrich("Talks", "The ministers said that the talks would go on in Vienna.", "de").article().language())
                .isEqualTo("de");
    }

    @Test
    void emptyAndHugeArticlesAreHandled() {
        EnrichedArticle empty = enrich("", "", null);
        assertThat(empty.entities()).isEmpty();
        assertThat(empty.story().id()).isEqualTo(empty.id());

        String paragraph = "NATO and the EU met in Brussels. \"We will keep the door open for all,\" Mark Rutte said.\n\n";
        EnrichedArticle huge = enrich("Summit", paragraph.repeat(5_000), "en");
        assertThat(huge.entities()).extracting(e -> e.id()).contains("organization/nato", "person/mark-rutte");
        assertThat(huge.quotes()).hasSize(5_000);
        assertThat(Json.decode(Json.encode(huge), EnrichedArticle.class).entities()).hasSize(huge.entities().size());
    }

    @Test
    void cyrillicTextIsTaggedAsRussianWithoutLatinEntities() {
        EnrichedArticle ru = enrich("Переговоры", "Министр иностранных дел заявил, что переговоры продолжатся.", null);
        assertThat(ru.article().language()).isEqualTo("ru");
        assertThat(ru.entities()).isEmpty();
    }
}
