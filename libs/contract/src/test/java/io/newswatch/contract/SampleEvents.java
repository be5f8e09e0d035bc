package io.newswatch.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One fully populated instance of every event, for schema checks. */
final class SampleEvents {

    static final Instant T = Instant.parse("2026-11-23T10:15:30Z");

    private SampleEvents() {
    }

    static Article article() {
        String url = "https://balkan-wire.example/politics/podgorica-vote";
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), T, url,
                "Podgorica parliament votes on alliance bid", "Lawmakers in Montenegro backed the bid.",
                "Lawmakers in Montenegro backed the bid on Tuesday.\n\nThe opposition walked out.", "Ana Marković",
                "en", T.minusSeconds(600), false, T, List.of("Politics"),
                new Source("Balkan Wire", "balkan-wire.example", Ids.feed("https://balkan-wire.example/rss"),
                        "https://balkan-wire.example/rss", List.of("balkans")),
                "3f2a9c", 1);
    }

    static EnrichedArticle enriched() {
        Article article = article();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(), T, article,
                List.of(new Entity("location/montenegro", "Montenegro", EntityType.LOCATION, 1, 0.8,
                                List.of("Montenegro"), "ME", new GeoPoint(42.44, 19.26), false,
                                List.of("Crna Gora", "Црна Гора", "Черногория")),
                        new Entity("person/ana-markovic", "Ana Marković", EntityType.PERSON, 1, 0.2,
                                List.of("Ana Marković"), null, null, true)),
                List.of(new TopicScore("enlargement", "NATO and EU enlargement", 2.5, List.of("alliance bid"))),
                Story.of(article),
                List.of(new Quote("Ana Marković", "person/ana-markovic", "We are ready")));
    }

    static Feed feed() {
        String url = "https://balkan-wire.example/rss";
        return new Feed(Feed.SCHEMA_VERSION, Feed.TYPE, Ids.feed(url), T, url, "Balkan Wire", Duration.ofMinutes(5),
                true, "en", List.of("balkans"));
    }

    static Rule rule() {
        return new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "montenegro", T, "Montenegro", "Montenegro",
                List.of("log", "webhook:ops"), true, "analyst@example.org", List.of("balkans"), Rule.Scope.STORY,
                Duration.ofHours(24), Rule.Mode.INSTANT, null, new Rule.Escalation(5, 2));
    }

    static Alert alert() {
        Article article = article();
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, Ids.alert("montenegro", article.id(), 0), T, "montenegro",
                "Montenegro", "Montenegro", article.id(), article.url(), article.title(), "Balkan Wire", article.id(),
                1, 0, "Lawmakers in <em>Montenegro</em> backed the bid",
                new Alert.Explanation(List.of("Lawmakers in <em>Montenegro</em> backed"), List.of("Montenegro"),
                        List.of("location/montenegro"), List.of(), "http://localhost:5601/app/discover"),
                List.of("log"), List.of(new Alert.Delivery("log", "delivered", 1, T, null)), article.fetched());
    }
}
