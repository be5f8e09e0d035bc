package io.newswatch.console.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityMarkupTest {

    private static final List<EntityMarkup.Entity> ENTITIES = List.of(
            new EntityMarkup.Entity("Milo Đukanović", "PERSON", List.of()),
            new EntityMarkup.Entity("Montenegro", "LOCATION", List.of()),
            new EntityMarkup.Entity("NATO", "ORGANIZATION", List.of("the alliance")));

    @Test
    void mentionsAreMarkedByTypeAndLinkToASearch() {
        String html = EntityMarkup.mark("Milo Đukanović said Montenegro would join NATO; Đukanović smiled.", ENTITIES);
        assertThat(html).contains("<a class=\"entity person\" href=\"/search?q=person%3A%22Milo+%C4%90ukanovi%C4%87%22\""
                + " title=\"person: Milo Đukanović\">Milo Đukanović</a>");
        assertThat(html).contains(">Montenegro</a>").contains("class=\"entity organization\"")
                .contains("title=\"person: Milo Đukanović\">Đukanović</a> smiled");
    }

    @Test
    void casesDiacriticsFormsAndWordBoundaries() {
        String html = EntityMarkup.mark("DUKANOVIC met the alliance; Montenegrowski is not a place.", ENTITIES);
        assertThat(html).contains(">DUKANOVIC</a>").contains(">the alliance</a>").doesNotContain(">Montenegro</a>");
    }

    @Test
    void textIsEscapedAndMentionsNeverOverlap() {
        String html = EntityMarkup.mark("<b>Milo Đukanović</b> & co", List.of(
                new EntityMarkup.Entity("Milo Đukanović", "PERSON", List.of()),
                new EntityMarkup.Entity("Đukanović", "PERSON", List.of())));
        assertThat(html).startsWith("&lt;b&gt;<a ").endsWith("</a>&lt;/b&gt; &amp; co");
        assertThat(html.split("<a ", -1)).hasSize(2);
    }
}
