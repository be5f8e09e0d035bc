package io.newswatch.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bytes form of the one JSON mapping is the text form's UTF-8, both ways. */
class JsonTest {

    @Test
    void bytesAreTheTextsUtf8BothWays() {
        EnrichedArticle event = SampleEvents.enriched();
        byte[] bytes = Json.encodeBytes(event);
        assertThat(bytes).isEqualTo(Json.encode(event).getBytes(StandardCharsets.UTF_8));
        assertThat(Json.decode(bytes, EnrichedArticle.class)).isEqualTo(Json.decode(Json.encode(event), EnrichedArticle.class));

        Article cyrillic = SampleEvents.article().withLanguage("sr");
        String text = Json.encode(cyrillic).replace(cyrillic.title(), "Ђукановић у Подгорици");
        assertThat(Json.decode(text.getBytes(StandardCharsets.UTF_8), Article.class).title())
                .isEqualTo("Ђукановић у Подгорици");
    }

    @Test
    void aCharacterOutsideTheBmpIsItsFourBytesNotTwoEscapes() {
        String title = "Flag \uD83C\uDDF2\uD83C\uDDEA and \uD83D\uDE00 in \uD840\uDC0B";
        Article article = Json.decode(Json.encode(SampleEvents.article()).replace(SampleEvents.article().title(), title),
                Article.class);
        byte[] bytes = Json.encodeBytes(article);
        assertThat(bytes).isEqualTo(Json.encode(article).getBytes(StandardCharsets.UTF_8));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(title).doesNotContain("\\ud83d");
        assertThat(Json.decode(bytes, Article.class).title()).isEqualTo(title);
    }

    @Test
    void badBytesAreABadEventThatSaysWhy() {
        assertThatThrownBy(() -> Json.decode("{not json".getBytes(StandardCharsets.UTF_8), Article.class))
                .isInstanceOf(BadEventException.class).hasMessageStartingWith("not a valid Article: ");
        assertThatThrownBy(() -> Json.decode(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, Article.class))
                .isInstanceOf(BadEventException.class).hasMessageStartingWith("not a valid Article: ");
        assertThatThrownBy(() -> Json.decode((byte[]) null, Article.class))
                .isInstanceOf(BadEventException.class).hasMessageContaining("empty value");
    }
}
