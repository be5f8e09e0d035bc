package io.newswatch.bench;

import io.newswatch.contract.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    private static List<NewsArticle> stream(long seed, CorpusGenerator.MatchRate rate, int count) {
        CorpusGenerator generator = new CorpusGenerator(seed, rate, -1);
        List<NewsArticle> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            articles.add(generator.next());
        }
        return articles;
    }

    private static List<NewsArticle> stream(long seed, int count) {
        return stream(seed, CorpusGenerator.MatchRate.FEW, count);
    }

    /** The names the benchmark's rules on the corpus' subjects watch, and the names of {@code --match-rate all}. */
    private static final List<String> WATCHED_SUBJECTS = Stream.of(CorpusGenerator.names().people(),
            CorpusGenerator.names().organizations(), CorpusGenerator.names().places(), CorpusGenerator.WATCHED_NAMES)
            .flatMap(List::stream).toList();

    private static boolean namesAWatchedSubject(NewsArticle article) {
        String text = article.text();
        return WATCHED_SUBJECTS.stream().anyMatch(text::contains);
    }

    @Test
    void theWatchedNameIsInTheShareOfStoriesAsked() {
        for (int percent : new int[] {-1, 3, 100}) {
            CorpusGenerator generator = new CorpusGenerator(42, CorpusGenerator.MatchRate.FEW, percent);
            int watched = 0;
            for (int i = 0; i < 3000; i++) {
                watched += generator.next().paragraphs().stream().anyMatch(p -> p.contains(CorpusGenerator.WATCHED))
                        ? 1 : 0;
            }
            switch (percent) {
                case -1 -> assertThat(watched).isZero();
                case 3 -> assertThat(watched).isBetween(30, 210);
                default -> assertThat(watched).isEqualTo(3000);
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
        List<NewsArticle> articles = stream(42, 3000);
        assertThat(articles).allSatisfy(article -> assertThat(article.bytes()).isBetween(1800, 5120));
        long small = articles.stream().filter(a -> a.bytes() < 2800).count();
        long large = articles.stream().filter(a -> a.bytes() >= 4000).count();
        assertThat(small).isBetween(300L, 1500L);
        assertThat(large).isBetween(100L, 900L);
        assertThat(articles.stream().map(NewsArticle::slug).distinct().count()).isEqualTo(articles.size());
    }

    @Test
    void mostStoriesAreSmallAndAFewAreLarge() {
        Map<Long, Integer> sizes = new HashMap<>();
        stream(42, 6000).forEach(article -> sizes.merge(article.story(), 1, Integer::sum));
        long small = sizes.values().stream().filter(size -> size <= 5).count();
        long large = sizes.values().stream().filter(size -> size >= 20).count();
        assertThat(sizes.size()).as("stories in 6,000 articles").isBetween(1200, 2500);
        assertThat((double) small / sizes.size()).as("share of stories of 1 to 5 articles").isGreaterThan(0.8);
        assertThat(large).as("stories of 20 articles or more").isBetween(5L, 120L);
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(50));
    }

    @Test
    void aStorysArticlesShareItsTextAndDesk() {
        List<NewsArticle> articles = stream(42, 3000);
        Map<Long, List<NewsArticle>> byStory = articles.stream().collect(Collectors.groupingBy(NewsArticle::story));
        List<NewsArticle> big = byStory.values().stream().filter(story -> story.size() >= 10).findFirst().orElseThrow();
        assertThat(big).extracting(NewsArticle::desk).containsOnly(big.getFirst().desk());
        assertThat(big.getFirst().syndicated()).isFalse();
        assertThat(big.subList(1, big.size())).allSatisfy(a -> assertThat(a.copyOf()).isEqualTo(big.getFirst().number()));
        for (NewsArticle later : big.subList(1, big.size())) {
            assertThat(ShingleStories.jaccard(ShingleStories.shingles(big.getFirst()), ShingleStories.shingles(later)))
                    .as("similarity of article %d to its story's first", later.number()).isGreaterThan(0.35);
        }
    }

    /**
     * The old corpus (ten templates' worth of sentences per desk, shared by every article of the desk) put 6,000
     * articles into a few hundred clusters, and the pipeline into 6 to 42 stories.
     */
    @Test
    void theEnrichersClusteringFindsTheCorpusStoriesNoFewer() {
        List<NewsArticle> articles = stream(42, 3000);
        ShingleStories model = new ShingleStories();
        Map<Long, Map<Integer, Integer>> clustersOfStory = new HashMap<>();
        for (NewsArticle article : articles) {
            clustersOfStory.computeIfAbsent(article.story(), k -> new HashMap<>())
                    .merge(model.assign(article), 1, Integer::sum);
        }
        int apart = clustersOfStory.values().stream().mapToInt(clusters -> clusters.values().stream()
                .mapToInt(Integer::intValue).sum() - clusters.values().stream().mapToInt(Integer::intValue).max()
                .orElse(0)).sum();
        assertThat(model.stories()).as("stories found").isBetween((int) (0.95 * clustersOfStory.size()),
                (int) (1.05 * clustersOfStory.size()));
        assertThat(apart).as("articles not with the most of their story").isLessThan(articles.size() / 50);
    }

    @Test
    void unrelatedStoriesOfOneDeskShareFewShingles() {
        List<NewsArticle> articles = stream(42, 2000);
        SplittableRandom random = new SplittableRandom(1);
        List<Double> similarities = new ArrayList<>();
        while (similarities.size() < 1000) {
            NewsArticle a = articles.get(random.nextInt(articles.size()));
            NewsArticle b = articles.get(random.nextInt(articles.size()));
            if (a.story() != b.story() && a.desk().equals(b.desk())) {
                similarities.add(ShingleStories.jaccard(ShingleStories.shingles(a), ShingleStories.shingles(b)));
            }
        }
        similarities.sort(Double::compare);
        // the enricher's MinHash estimate joins at 0.3: an unrelated pair must stay well below it
        assertThat(similarities.get(500)).as("median").isLessThan(0.12);
        assertThat(similarities.get(990)).as("99th percentile").isLessThan(0.2);
    }

    @Test
    void aFewPercentOfArticlesNameAWatchedSubjectByDefaultAndAllOfThemOnAsk() {
        List<NewsArticle> few = stream(42, CorpusGenerator.MatchRate.FEW, 6000);
        double share = few.stream().filter(CorpusGeneratorTest::namesAWatchedSubject).count() / 6000.0;
        assertThat(share).as("share of articles naming a watched subject, --match-rate few").isBetween(0.02, 0.08);
        assertThat(few).filteredOn(a -> !a.desk().equals("security")).noneMatch(
                CorpusGeneratorTest::namesAWatchedSubject);

        List<NewsArticle> all = stream(42, CorpusGenerator.MatchRate.ALL, 3000);
        assertThat(all).allMatch(a -> CorpusGenerator.WATCHED_NAMES.stream().anyMatch(a.text()::contains));
        assertThat(all.stream().map(NewsArticle::desk).distinct()).hasSize(7);
    }

    @Test
    void theRulesWatchEveryNameThatMatchRateAllWrites() {
        List<Rule> rules = new RuleGenerator(42).rules(10_000);
        assertThat(rules).hasSize(10_000);
        for (String name : CorpusGenerator.WATCHED_NAMES) {
            assertThat(rules).anyMatch(rule -> rule.query().equals("\"" + name + "\""));
        }
        // they take the place of the last rules drawn: the others are drawn as before, whatever the count
        int others = 100 - CorpusGenerator.WATCHED_NAMES.size();
        assertThat(new RuleGenerator(42).rules(100).subList(0, others)).extracting(Rule::query)
                .isEqualTo(rules.subList(0, others).stream().map(Rule::query).toList());
    }
}
