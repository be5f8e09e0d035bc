package io.newswatch.enricher.eval;

import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Error causes against the shipped knowledge base: the words of a cause, never the error's text. */
class ErrorCausesTest {

    private static ErrorCauses causes;

    @BeforeAll
    static void load() {
        causes = new ErrorCauses(KnowledgeBaseLoader.load(List.of()));
    }

    private static Scores.Error error(String level, String kind, String text, String detail) {
        return new Scores.Error("set", "d1", level, kind, "LOCATION", text, detail, "ctx [" + text + "]");
    }

    @Test
    void missesAreKnownInflectedOrUnknownNames() {
        assertThat(causes.cause(error("mention", "FN missed", "Belgrade", ""))).isEqualTo("KB name as written, one word");
        assertThat(causes.cause(error("mention", "FN missed", "Лаврова", ""))).isEqualTo("inflected KB name, one word");
        assertThat(causes.cause(error("mention", "FN missed", "Qarzavit Dunes", "")))
                .isEqualTo("not in KB, several words");
        assertThat(causes.cause(error("mention", "FN missed", "QZRX", ""))).isEqualTo("not in KB, acronym");
    }

    @Test
    void personsOfSeveralWordsSayWhereTheirGivenNameIs() {
        assertThat(causes.cause(new Scores.Error("set", "d1", "mention", "FN missed", "PERSON", "Олегу Зарваницкому", "",
                "")).endsWith("several words, a listed given name first")).isTrue();
        assertThat(causes.cause(new Scores.Error("set", "d1", "mention", "FN missed", "PERSON", "Зарваницкий Олег", "",
                "")).endsWith("several words, a listed given name second")).isTrue();
        assertThat(causes.cause(new Scores.Error("set", "d1", "mention", "FN missed", "PERSON", "Qarzo Zarvanek", "",
                "")).endsWith("several words, no listed given name first or second")).isTrue();
    }

    @Test
    void typesAndBoundariesAreTold() {
        assertThat(causes.cause(error("mention", "FP wrong type", "Iraq", "gold ORGANIZATION")))
                .isEqualTo("gold ORGANIZATION");
        assertThat(causes.cause(error("mention", "FN boundary", "Fuad Masum", "found 'President Fuad Masum'")))
                .isEqualTo("found longer");
        assertThat(causes.cause(error("mention", "FP boundary", "Masum", "gold 'Fuad Masum'")))
                .isEqualTo("shorter than gold");
        assertThat(causes.cause(error("document", "FP", "Qarzavit", "discovered location/qarzavit as [Qarzavit]")))
                .isEqualTo("discovered, one word");
    }

    @Test
    void countsNeverHoldTheText() {
        var counts = causes.count(List.of(error("mention", "FN missed", "Qarzavit Dunes", ""),
                error("mention", "FN missed", "Zorvanek Hills", ""), error("topic", "FN", "syria", "")));
        assertThat(counts).containsExactly(java.util.Map.entry("mention FN missed LOCATION: not in KB, several words", 2));
    }
}
