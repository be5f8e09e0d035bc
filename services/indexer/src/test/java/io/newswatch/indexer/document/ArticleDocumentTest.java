package io.newswatch.indexer.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.indexer.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDocumentTest {

    private static final Instant INDEXED = Instant.parse("2026-03-02T08:15:05Z");

    private static JsonNode document(EnrichedArticle article) throws Exception {
        return DocumentJson.mapper().readTree(DocumentJson.writeBytes(ArticleDocument.of(article, INDEXED)));
    }

    @Test
    void everyFieldOfTheDocumentIsMappedByTheTemplate() throws Exception {
        JsonNode document = document(Fixtures.montenegro("https://adriatic-desk.example/coalition", 1));

        // dynamic:false would silently keep an unmapped field out of every search and aggregation
        assertThat(TemplateFields.unmapped(document, TemplateFields.properties("newswatch-articles"))).isEmpty();
    }

    @Test
    void theArticleBecomesSnakeCaseFieldsWithPerTypeKeywords() throws Exception {
        EnrichedArticle article = Fixtures.montenegro("https://adriatic-desk.example/coalition", 2);
        JsonNode document = document(article);

        assertThat(document.get("id").asText()).isEqualTo(article.id());
        assertThat(document.get("published_estimated").asBoolean()).isFalse();
        assertThat(document.get("fetched").asText()).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(document.get("indexed").asText()).isEqualTo("2026-03-02T08:15:05Z");
        assertThat(document.at("/source/name").asText()).isEqualTo("Adriatic Desk");
        assertThat(document.at("/source/feed").asText()).isEqualTo("feed-1");
        assertThat(document.get("person")).extracting(JsonNode::asText).containsExactly("Milo Đukanović");
        assertThat(document.get("organization")).extracting(JsonNode::asText).containsExactly("NATO");
        assertThat(document.get("location")).extracting(JsonNode::asText).containsExactly("Podgorica");
        assertThat(document.get("entity")).extracting(JsonNode::asText)
                .containsExactly("Milo Đukanović", "NATO", "Podgorica");
        assertThat(document.get("countries")).extracting(JsonNode::asText).containsExactly("ME");
        assertThat(document.at("/entities/0/mentions").asInt()).isEqualTo(2);
        assertThat(document.at("/places/0/lat").asDouble()).isEqualTo(42.441);
        assertThat(document.get("topic")).extracting(JsonNode::asText).containsExactly("western-balkans");
        assertThat(document.at("/topics/0/score").asDouble()).isEqualTo(3.5);
        assertThat(document.at("/story/first_article").asText()).isEqualTo(article.id());
        assertThat(document.at("/quotes/0/speaker_id").asText()).isEqualTo("person/milo-djukanovic");
        assertThat(ArticleDocument.version(article)).isEqualTo(2);
    }

    @Test
    void theFoldedTextHoldsTitleSummaryAndBodyInAscii() throws Exception {
        JsonNode document = document(Fixtures.montenegro("https://adriatic-desk.example/coalition", 1));

        String folded = document.get("text_folded").asText();
        assertThat(folded).startsWith("podgorica weighs a new coalition").contains("milo djukanovic met party leaders")
                .contains("nato-russia council").doesNotContain("Đ", "đ");
        // the body starts with the summary: the text is not repeated
        assertThat(folded.indexOf("met party leaders")).isEqualTo(folded.lastIndexOf("met party leaders"));
    }

    @Test
    void anArticleWithoutEnrichmentStillMakesADocument() throws Exception {
        JsonNode document = document(Fixtures.simple("https://wire-one.example/a", "Quiet day"));

        assertThat(document.get("person")).isEmpty();
        assertThat(document.get("places")).isEmpty();
        assertThat(document.has("author")).isFalse();
        assertThat(document.get("text_folded").asText()).isEqualTo("quiet day\n\na short report about quiet day.");
    }
}
