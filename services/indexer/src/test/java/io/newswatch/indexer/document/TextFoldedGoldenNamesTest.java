package io.newswatch.indexer.document;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.folding.GoldenNames;
import io.newswatch.indexer.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer's {@code text_folded} against the golden list of names of {@code libs/text-folding}: an article that
 * writes a name is found in Kibana by every ASCII spelling of the list (what the standard analyzer makes of
 * {@code text_folded}: lower-cased words). Spellings with other letters are found in {@code title} and {@code body}.
 */
class TextFoldedGoldenNamesTest {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");

    static List<GoldenNames.Name> golden() {
        return GoldenNames.all();
    }

    @ParameterizedTest
    @MethodSource("golden")
    void everyAsciiSpellingFindsTheArticle(GoldenNames.Name name) {
        EnrichedArticle simple = Fixtures.simple("https://wire-one.example/golden", "Talks");
        Article a = simple.article();
        Article article = new Article(a.schemaVersion(), a.type(), a.id(), a.timestamp(), a.url(), "Talks", "",
                "Reporters asked " + name.written() + " about the talks.", null, name.language(), a.published(),
                false, a.fetched(), List.of(), a.source(), a.contentHash(), 1);
        EnrichedArticle enriched = new EnrichedArticle(simple.schemaVersion(), simple.type(), simple.id(),
                simple.timestamp(), article, List.of(), List.of(), simple.story(), List.of());
        String folded = ArticleDocument.of(enriched, Instant.EPOCH).textFolded();
        Set<String> words = WORDS.splitAsStream(folded).map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String query : name.queries()) {
            if (query.chars().allMatch(c -> c < 128)) {
                assertThat(words).as("%s should find %s in %s", query, name, folded)
                        .contains(query.toLowerCase(Locale.ROOT));
            }
        }
    }
}
