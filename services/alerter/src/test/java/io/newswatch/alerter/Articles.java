package io.newswatch.alerter;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Builds small enriched articles of our own words for tests. */
public final class Articles {


    private String url = "https://wire.example/articles/1";
    private String title = "";
    private String summary = "";
    private String body = "";
    private String language = "en";
    private String sourceName = "Example Wire";
    private String domain = "wire.example";
    /** Now by default: alerts on old articles are recorded but not notified. */
    private Instant fetched = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Story story;
    private final List<Entity> entities = new ArrayList<>();
    private final List<TopicScore> topics = new ArrayList<>();

    private Articles() {
    }

    public static Articles article() {
        return new Articles();
    }

    public Articles url(String value) {
        url = value;
        return this;
    }

    public Articles title(String value) {
        title = value;
        return this;
    }

    public Articles summary(String value) {
        summary = value;
        return this;
    }

    public Articles body(String value) {
        body = value;
        return this;
    }

    public Articles language(String value) {
        language = value;
        return this;
    }

    public Articles source(String name, String sourceDomain) {
        sourceName = name;
        domain = sourceDomain;
        return this;
    }

    public Articles fetched(Instant value) {
        fetched = value;
        return this;
    }

    public Articles story(String storyId, int outlets, int languages) {
        story = new Story(storyId, storyId, fetched, outlets, outlets, languages);
        return this;
    }

    public Articles person(String name, String... forms) {
        return entity(EntityType.PERSON, name, forms);
    }

    public Articles organization(String name, String... forms) {
        return entity(EntityType.ORGANIZATION, name, forms);
    }

    public Articles location(String name, String... forms) {
        return entity(EntityType.LOCATION, name, forms);
    }

    /** An entity of the knowledge base, with its id and the variants the enricher sends with it. */
    public Articles known(String id, String name, EntityType type, String... variants) {
        entities.add(new Entity(id, name, type, 1, 0.5, List.of(), null, null, false, List.of(variants)));
        return this;
    }

    public Articles topic(String id) {
        topics.add(new TopicScore(id, id, 1.0, List.of()));
        return this;
    }

    private Articles entity(EntityType type, String name, String... forms) {
        String id = type.name().toLowerCase() + "/" + name.toLowerCase().replaceAll("[^a-z]+", "-");
        entities.add(new Entity(id, name, type, 1, 0.5, List.of(forms), null, null, false));
        return this;
    }

    public Article raw() {
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), fetched, url, title, summary, body,
                null, language, fetched, false, fetched, List.of(),
                new Source(sourceName, domain, Ids.feed("https://" + domain + "/rss"), "https://" + domain + "/rss",
                        List.of()), "hash-" + url.hashCode(), 1);
    }

    public EnrichedArticle build() {
        Article article = raw();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(),
                fetched.plusMillis(50), article, entities, topics, story == null ? Story.of(article) : story,
                List.of());
    }
}
