package io.newswatch.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    private static List<NewsArticle> stream(long seed, int count) {
        CorpusGenerator generator = new CorpusGenerator(seed);
        List<NewsArticle> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            articles.add(generator.next());
        }
        return articles;
    }

    @Test
    void theWatchedNameIsInTheShareOfArticlesAsked() {
        for (int percent : new int[] {-1, 3, 100}) {
            CorpusGenerator generator = new CorpusGenerator(42, percent);
            int watched = 0;
            for (int i = 0; i < 2000; i++) {
                watched += generator.next().text().contains(CorpusGenerator.WATCHED) ? 1 : 0;
            }
            switch (percent) {
                case -1 -> assertThat(watched).isZero();
                case 3 -> assertThat(watched).isBetween(30, 100);
                default -> assertThat(watched).isEqualTo(2000);
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameStream() {
        assertThat(stream(7, 300)).isEqualTo(stream(7, 300));
        assertThat(stream(7, 300)).isNotEqualTo(stream(8, 300));
    }

    @Test
    void articlesAreTwoToFiveKilobytesMostlyInTheMiddle() {
        List<NewsArticle> articles = stream(42, 2000);
        assertThat(articles).allSatisfy(article -> assertThat(article.bytes()).isBetween(2000, 5120));
        long small = articles.stream().filter(a -> a.bytes() < 2800).count();
        long large = articles.stream().filter(a -> a.bytes() >= 4000).count();
        assertThat(small).isBetween(200L, 800L);
        assertThat(large).isBetween(100L, 600L);
    }

    @Test
    void mixesDesksKnownEntitiesAndSyndicatedCopies() {
        List<NewsArticle> articles = stream(42, 2000);
        Map<String, Long> desks = articles.stream().collect(Collectors.groupingBy(NewsArticle::desk,
                Collectors.counting()));
        assertThat(desks.keySet()).containsExactlyInAnyOrder("security", "economy", "sport", "weather", "science",
                "culture");
        assertThat(desks.get("security")).isBetween(650L, 950L);
        long copies = articles.stream().filter(NewsArticle::syndicated).count();
        assertThat(copies).isBetween(300L, 500L);
        for (String name : List.of("NATO", "Montenegro", "Sergey Lavrov", "Jens Stoltenberg", "Crimea", "Syria",
                "Kosovo", "EU")) {
            assertThat(articles.stream().filter(a -> a.text().contains(name)).count()).as(name).isGreaterThan(20);
        }
        // A copy carries its original's story: most of its paragraphs are the original's.
        Map<Long, NewsArticle> byNumber = articles.stream().collect(Collectors.toMap(NewsArticle::number,
                Function.identity()));
        NewsArticle copy = articles.stream().filter(NewsArticle::syndicated).findFirst().orElseThrow();
        NewsArticle original = byNumber.get(copy.copyOf());
        assertThat(copy.paragraphs().stream().filter(original.paragraphs()::contains).count())
                .isGreaterThanOrEqualTo(original.paragraphs().size() - 2);
        assertThat(articles.stream().map(NewsArticle::slug).distinct().count()).isEqualTo(articles.size());
    }
}
