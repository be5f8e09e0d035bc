package io.newswatch.tagging.text;

import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;
import io.newswatch.tagging.topic.Taxonomy;
import io.newswatch.folding.GoldenNames;
import io.newswatch.folding.TextFolding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enricher against the golden list of names of {@code libs/text-folding}: a knowledge-base name written as an
 * article of its language writes it is found in texts that write it in any of the golden spellings, and a name
 * spelled as the text folds is found in the text as written.
 */
class GoldenNamesTest {

    static List<GoldenNames.Name> golden() {
        return GoldenNames.all().stream().filter(n -> Character.isUpperCase(n.written().charAt(0))).toList();
    }

    private static Enricher knowing(String name) {
        return new Enricher(new KnowledgeBaseLoader().add("golden.tsv", new StringReader("person/golden\t" + name + "\n"))
                .build(), Taxonomy.of(List.of()), Clock.systemUTC());
    }

    private static boolean finds(Enricher enricher, String written, String language) {
        Tagging t = enricher.tag("Reporters asked " + written + " about the talks.", 0, language);
        return t.entities().stream().anyMatch(e -> e.id().equals("person/golden"));
    }

    @ParameterizedTest
    @MethodSource("golden")
    void aNameWrittenAsItsLanguageWritesItIsFoundInEveryGoldenSpelling(GoldenNames.Name name) {
        Enricher enricher = knowing(name.written());
        for (String query : name.queries()) {
            if (Character.isUpperCase(query.charAt(0))) {
                assertThat(finds(enricher, query, name.language())).as("%s in a text should name %s", query, name)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("golden")
    void aNameSpelledAsTheTextFoldsIsFoundInTheTextAsWritten(GoldenNames.Name name) {
        String folded = TextFolding.fold(name.written(), name.language());
        for (String query : name.queries()) {
            // an all-capitals name in the knowledge base is an acronym, matched only in capitals
            boolean acronym = query.chars().noneMatch(Character::isLowerCase);
            if (Character.isUpperCase(query.charAt(0)) && !acronym && TextFolding.fold(query).equals(folded)) {
                assertThat(finds(knowing(query), name.written(), name.language()))
                        .as("%s should be found in a text writing %s", query, name).isTrue();
            }
        }
    }
}
