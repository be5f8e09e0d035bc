import io.newswatch.bench.CorpusGenerator;
import io.newswatch.bench.NewsArticle;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.tagging.Fixtures;
import java.time.*;
import java.util.*;

/** The enricher's own StoryClusterer and tagging over the bench corpus: stories found vs written. */
public class RealClusters {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
        StoryClusterer clusterer = new StoryClusterer(clock, 0.3, Duration.ofDays(3), s -> { });
        CorpusGenerator corpus = new CorpusGenerator(42);
        Map<Long, Map<String, Integer>> byStory = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NewsArticle a = corpus.next();
            String body = String.join("\n\n", a.paragraphs());
            var article = Fixtures.article("https://site" + (i % 7) + ".example/" + a.slug(), a.title(), body,
                    "site" + (i % 7) + ".example", "en", clock.instant());
            var tagging = Fixtures.enricher().tag(article.fullText(), a.title().length(), "en");
            String story = clusterer.assign(article, tagging).id();
            sizes.merge(story, 1, Integer::sum);
            byStory.computeIfAbsent(a.story(), k -> new HashMap<>()).merge(story, 1, Integer::sum);
        }
        int apart = 0;
        for (var m : byStory.values()) apart += m.values().stream().mapToInt(x -> x).sum() - Collections.max(m.values());
        List<Integer> s = new ArrayList<>(sizes.values()); Collections.sort(s);
        System.out.printf("%d articles: written %d stories; the enricher's clusterer %d stories (median %d, largest %d); articles apart from most of their story: %d%n",
                n, byStory.size(), s.size(), s.get(s.size() / 2), s.getLast(), apart);
    }
}
