package io.newswatch.alerter.match;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.Source;
import io.newswatch.contract.TopicScore;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An article as rules see it: its text (title first, then summary and body) and the values of every field of
 * {@link ArticleFields}. Text is NFC-normalised once here, so that a letter with a combining accent folds like the
 * precomposed one, and offsets of matches point into {@link #fullText()}.
 *
 * @param id        the article id
 * @param fullText  title, summary and body
 * @param bodyStart where summary and body start in {@link #fullText()} (the title's length)
 * @param sources   the outlet's name and domain
 * @param language  ISO 639-1 code, or null
 * @param entities  entities found by the enricher, most salient first
 * @param topics    topic ids
 */
public record ArticleDocument(String id, String fullText, int bodyStart, List<String> sources, String language,
                              List<Entity> entities, List<String> topics) {

    private static final Map<String, EntityType> TYPES = Map.of(ArticleFields.PERSON, EntityType.PERSON,
            ArticleFields.ORGANIZATION, EntityType.ORGANIZATION, ArticleFields.LOCATION, EntityType.LOCATION);

    public ArticleDocument {
        sources = List.copyOf(sources);
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }

    /** An enriched article, with its entities and topics. */
    public static ArticleDocument of(EnrichedArticle enriched) {
        return of(enriched.article(), enriched.entities(),
                enriched.topics().stream().map(TopicScore::id).toList());
    }

    /** An article that was not enriched: its entity and topic fields are empty. */
    public static ArticleDocument of(Article article) {
        return of(article, List.of(), List.of());
    }

    private static ArticleDocument of(Article article, List<Entity> entities, List<String> topics) {
        String title = nfc(article.title());
        String text = nfc(article.fullText());
        // fullText() starts with the title; normalisation never lengthens it past the normalised title
        int bodyStart = text.startsWith(title) ? title.length() : 0;
        List<String> sources = new ArrayList<>(2);
        Source source = article.source();
        if (source != null) {
            addIfPresent(sources, source.name());
            addIfPresent(sources, source.domain());
        }
        List<Entity> named = entities.stream().filter(e -> e.name() != null && !e.name().isBlank())
                .map(e -> new Entity(e.id(), nfc(e.name()), e.type(), e.mentions(), e.salience(), e.forms(),
                        e.country(), e.geo(), e.discovered(), e.variants().stream().map(ArticleDocument::nfc).toList()))
                .toList();
        return new ArticleDocument(article.id(), text, bodyStart, sources, article.language(), named, topics);
    }

    /** Plain text (a file given to {@code ./newswatch match}): a title and a body, nothing else known. */
    public static ArticleDocument ofText(String id, String title, String body) {
        String normalizedTitle = nfc(title == null ? "" : title.strip());
        String normalizedBody = nfc(body == null ? "" : body.strip());
        String text = normalizedTitle.isEmpty() ? normalizedBody
                : normalizedBody.isEmpty() ? normalizedTitle : normalizedTitle + "\n\n" + normalizedBody;
        return new ArticleDocument(id, text, normalizedTitle.length(), List.of(), null, List.of(), List.of());
    }

    /** The title. */
    public String title() {
        return fullText.substring(0, bodyStart);
    }

    /** Summary and body. */
    public String body() {
        return fullText.substring(bodyStart);
    }

    /** The values of a field, in the order they are indexed. */
    public List<String> values(String field) {
        return switch (field) {
            case ArticleFields.TEXT -> List.of(fullText);
            case ArticleFields.TITLE -> List.of(title());
            case ArticleFields.BODY -> List.of(body());
            case ArticleFields.SOURCE -> sources;
            case ArticleFields.LANGUAGE -> language == null ? List.of() : List.of(language);
            case ArticleFields.ENTITY, ArticleFields.PERSON, ArticleFields.ORGANIZATION, ArticleFields.LOCATION ->
                    entitiesOf(field).stream().flatMap(e -> names(e).stream()).toList();
            case ArticleFields.ENTITY_ID -> entities.stream().map(Entity::id).toList();
            case ArticleFields.TOPIC -> topics;
            default -> List.of();
        };
    }

    /**
     * The entity behind each value of an entity field, in the same order as {@link #values(String)} (an entity
     * stands behind each of its names).
     */
    public List<Entity> valueEntities(String field) {
        if (field.equals(ArticleFields.ENTITY_ID)) {
            return entities;
        }
        return entitiesOf(field).stream().flatMap(e -> Collections.nCopies(names(e).size(), e).stream()).toList();
    }

    /** The entities an entity field holds: all of them, or those of its type. */
    private List<Entity> entitiesOf(String field) {
        EntityType type = TYPES.get(field);
        return type == null ? entities : entities.stream().filter(e -> e.type() == type).toList();
    }

    /** An entity's names: the canonical one, then its variants (those spelled differently only by case once). */
    static List<String> names(Entity entity) {
        if (entity.variants().isEmpty()) {
            return List.of(entity.name());
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>(1 + entity.variants().size());
        for (String name : concat(entity.name(), entity.variants())) {
            if (name != null && !name.isBlank() && seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The Lucene document that rules are matched against. */
    public Document toLucene() {
        Document document = new Document();
        forEachValue((field, value) -> document.add(new TextField(field, value, Field.Store.NO)));
        return document;
    }

    /** Calls {@code consumer} for every field value, fields in {@link ArticleFields#INDEXED} order. */
    void forEachValue(BiConsumer<String, String> consumer) {
        for (String field : ArticleFields.INDEXED) {
            values(field).forEach(value -> consumer.accept(field, value));
        }
    }

    private static void addIfPresent(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(nfc(value));
        }
    }

    static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
