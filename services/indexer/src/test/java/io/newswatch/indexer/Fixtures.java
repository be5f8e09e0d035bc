package io.newswatch.indexer;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.GeoPoint;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Quote;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;

import java.time.Instant;
import java.util.List;

/** Small enriched articles and alerts in the project's own words, for the indexer's tests. */
public final class Fixtures {

    public static final Instant FETCHED = Instant.parse("2026-03-02T08:15:00Z");

    private Fixtures() {
    }

    /** A Montenegrin story that writes the prime minister's name with its diacritics. */
    public static EnrichedArticle montenegro(String url, int revision) {
        Article article = new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), FETCHED, url,
                "Podgorica weighs a new coalition",
                "Milo Đukanović met party leaders on Monday.",
                "Milo Đukanović met party leaders on Monday. \"We will talk to everyone,\" he told reporters in "
                        + "Podgorica, where the NATO-Russia Council was not on anyone's lips.",
                "Ana Petrović", "en", FETCHED.minusSeconds(600), false, FETCHED, List.of("politics"),
                new Source("Adriatic Desk", "adriatic-desk.example", "feed-1", "https://adriatic-desk.example/rss",
                        List.of("balkans")),
                "hash-" + revision, revision);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(),
                FETCHED.plusSeconds(1), article,
                List.of(new Entity("person/milo-djukanovic", "Milo Đukanović", EntityType.PERSON, 2, 0.9,
                                List.of("Milo Đukanović"), "ME", null, false),
                        new Entity("organization/nato", "NATO", EntityType.ORGANIZATION, 1, 0.4, List.of("NATO"),
                                null, null, false),
                        new Entity("location/podgorica", "Podgorica", EntityType.LOCATION, 1, 0.5,
                                List.of("Podgorica"), "ME", new GeoPoint(42.441, 19.263), false)),
                List.of(new TopicScore("western-balkans", "Western Balkans", 3.5, List.of("Podgorica"))),
                new Story("story-1", article.id(), FETCHED, 3, 2, 1),
                List.of(new Quote("Milo Đukanović", "person/milo-djukanovic", "We will talk to everyone")));
    }

    /** A short article with a title of its own. */
    public static EnrichedArticle simple(String url, String title) {
        Article article = new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), FETCHED, url, title,
                "", "A short report about " + title + ".", null, "en", FETCHED, false, FETCHED, List.of(),
                new Source("Wire One", "wire-one.example", "feed-2", "https://wire-one.example/feed", List.of()),
                "hash", 1);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(),
                FETCHED.plusSeconds(1), article, List.of(), List.of(), Story.of(article), List.of());
    }

    /** The same article with a topic id Elasticsearch cannot index (a keyword term over 32766 bytes). */
    public static EnrichedArticle unindexable(String url) {
        EnrichedArticle article = simple(url, "An article with an absurd topic");
        return new EnrichedArticle(article.schemaVersion(), article.type(), article.id(), article.timestamp(),
                article.article(), List.of(), List.of(new TopicScore("x".repeat(40_000), "absurd", 1, List.of())),
                article.story(), List.of());
    }

    /** An alert on an article, with the given deliveries. */
    public static Alert alert(String ruleId, String articleId, List<Alert.Delivery> deliveries) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, Ids.alert(ruleId, articleId, 0),
                FETCHED.plusSeconds(3), ruleId, "Montenegro watch", "Montenegro OR Podgorica", articleId,
                "https://adriatic-desk.example/coalition", "Podgorica weighs a new coalition", "Adriatic Desk",
                "story-1", 2, 0, "<em>Podgorica</em> weighs a new coalition",
                new Alert.Explanation(List.of("<em>Podgorica</em> weighs"), List.of("Podgorica"), List.of(),
                        List.of(), null),
                List.of("log", "webhook:ops"), deliveries, FETCHED);
    }
}
