package io.newswatch.tagging;

import io.newswatch.contract.Article;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Source;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;
import io.newswatch.tagging.topic.Taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** One enricher with the shipped knowledge base and taxonomy, built once for all plain tests, and article builders. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final class Holder {
        static final Enricher ENRICHER = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.load(List.of()), CLOCK);
    }

    private Fixtures() {
    }

    public static Enricher enricher() {
        return Holder.ENRICHER;
    }

    /** Tags a text whose first line is its title. */
    public static Tagging tag(String text) {
        int titleEnd = text.indexOf('\n');
        return enricher().tag(text, titleEnd < 0 ? 0 : titleEnd, "en");
    }

    public static Optional<FoundEntity> entity(Tagging tagging, String id) {
        return tagging.entities().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public static List<String> ids(Tagging tagging) {
        return tagging.entities().stream().map(FoundEntity::id).toList();
    }

    public static Article article(String url, String title, String body, String domain, String language, Instant fetched) {
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), fetched, url, title, "", body, null,
                language, fetched, false, fetched, List.of(), new Source(domain, domain, Ids.feed("https://" + domain + "/rss"),
                "https://" + domain + "/rss", List.of()), "hash-" + url.hashCode(), 1);
    }
}
