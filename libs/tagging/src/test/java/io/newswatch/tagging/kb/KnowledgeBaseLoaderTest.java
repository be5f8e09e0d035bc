package io.newswatch.tagging.kb;

import io.newswatch.contract.EntityType;
import io.newswatch.folding.TextFolding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseLoaderTest {

    @Test
    void shippedKnowledgeBaseCoversTheSeedDomain() {
        KnowledgeBase kb = new KnowledgeBaseLoader().addShipped().build();
        for (String id : List.of("organization/nato", "organization/eu", "organization/osce", "organization/eulex",
                "organization/kfor", "organization/kremlin", "organization/federation-council", "organization/tass",
                "organization/ria-novosti", "organization/sputnik", "organization/reuters", "organization/ap",
                "organization/afp", "organization/bbc", "organization/cnn", "organization/islamic-state",
                "person/jens-stoltenberg", "person/sergey-lavrov", "person/dmitry-peskov", "person/vladimir-putin",
                "person/milo-djukanovic", "person/john-kerry", "person/alexander-grushko", "person/viktor-ozerov",
                "person/bashar-al-assad", "person/barack-obama", "location/montenegro")) {
            assertThat(kb.get(id)).as(id).isNotNull();
        }
        KbEntity montenegro = kb.get("location/montenegro");
        assertThat(montenegro.type()).isEqualTo(EntityType.LOCATION);
        assertThat(montenegro.country()).isEqualTo("ME");
        assertThat(montenegro.demonyms()).contains("Montenegrin");
        assertThat(kb.get("person/milo-djukanovic").aliases()).contains("Milo Djukanovic");
        assertThat(kb.entities().stream().filter(e -> "country".equals(e.kind())).count()).isGreaterThanOrEqualTo(240);
    }

    @Test
    void noPlaceIsNamedByTheNameOfAnotherPlaceOfItsCountry() {
        // "Mosul" as an alias of New Mosul made Mosul resolve to the wrong place
        KnowledgeBase kb = new KnowledgeBaseLoader().addShipped().build();
        Map<String, String> byName = new HashMap<>();
        kb.entities().stream().filter(e -> "city".equals(e.kind()))
                .forEach(e -> byName.putIfAbsent(TextFolding.fold(e.name()) + "/" + e.country(), e.id()));
        List<String> clashes = new ArrayList<>();
        for (KbEntity e : kb.entities()) {
            for (String alias : e.aliases()) {
                String folded = TextFolding.fold(alias);
                String other = byName.get(folded + "/" + e.country());
                // a homonym (two places called Kiseljak) shares a name by nature; an alias must not take another's
                if ("city".equals(e.kind()) && other != null && !other.equals(e.id())
                        && !folded.equals(TextFolding.fold(e.name()))) {
                    clashes.add(e.id() + " has alias " + alias + ", the name of " + other);
                }
            }
        }
        assertThat(clashes).isEmpty();
        assertThat(kb.get("location/mosul").geo().lat()).isEqualTo(36.335);
    }

    @Test
    void cyrillicNamesOfTheGazetteerAreNativeNotGuessedFromAnEnglishOrBelarusianSpelling() {
        KnowledgeBase kb = new KnowledgeBaseLoader().addShipped().build();
        assertThat(kb.get("location/moscow").aliases()).contains("Москва").doesNotContain("Мосцов");
        assertThat(kb.get("location/kazan").aliases()).contains("Казань").doesNotContain("Казан");
        assertThat(kb.get("location/irkutsk").aliases()).contains("Иркутск").doesNotContain("Иркуцк");
        assertThat(kb.get("location/homyel").aliases()).contains("Гомель").doesNotContain("Хомель");
        assertThat(kb.get("location/bratsk").aliases()).doesNotContain("Брацк");
    }

    @Test
    void theGeneratedGazetteerKeepsCommonWordsAndMarksWarTowns() {
        KnowledgeBase kb = new KnowledgeBaseLoader().addShipped().build();
        assertThat(kb.get("location/tikrit").ambiguous()).isFalse();
        assertThat(kb.get("location/tall-afar").aliases()).contains("Tal Afar");
        for (String word : List.of("location/of", "location/bath", "location/reading")) {
            assertThat(kb.get(word).ambiguous()).as(word).isTrue();
        }
        assertThat(kb.get("location/montenegro").aliases()).contains("Черногория", "Црна Гора");
    }

    @Test
    void userFilesAddEntitiesAndExtendExistingOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("extra.tsv"), """
                # my additions
                person/ana-ivanova\tAna Ivanova\tBG\t\tA. Ivanova\tkind=person; role=Mayor
                organization/nato\tNATO\t\t\tthe Atlantic alliance
                """);
        KnowledgeBase kb = KnowledgeBaseLoader.load(List.of(dir));
        assertThat(kb.get("person/ana-ivanova").aliases()).containsExactly("A. Ivanova");
        assertThat(kb.get("organization/nato").aliases()).contains("North Atlantic Treaty Organization", "the Atlantic alliance");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> new KnowledgeBaseLoader().add("mine.tsv", new StringReader("# ok\nthing/x\tX\n")))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageStartingWith("mine.tsv:2: id 'thing/x'");
        assertThatThrownBy(() -> new KnowledgeBaseLoader().add("mine.tsv", new StringReader("location/x\tX\tXX1\n")))
                .hasMessageContaining("mine.tsv:1: country");
        assertThatThrownBy(() -> new KnowledgeBaseLoader().add("mine.tsv", new StringReader("location/x\tX\t\t95,10\n")))
                .hasMessageContaining("coordinates");
        assertThatThrownBy(() -> new KnowledgeBaseLoader().add("mine.tsv", new StringReader("location/x\tX\t\t\t\tcolour=red\n")))
                .hasMessageContaining("unknown attribute 'colour'");
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(List.of(Path.of("/nonexistent/kb.tsv"))))
                .hasMessageContaining("/nonexistent/kb.tsv");
    }
}
