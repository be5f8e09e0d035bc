package io.newswatch.alerter.match;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields a rule query can name (docs/contracts.md, "Alert queries"), and the default field that a word without a field
 * searches: the article's whole text.
 */
public final class ArticleFields {

    /** Title, summary and body: what a word without a field searches. */
    public static final String TEXT = "text";
    public static final String TITLE = "title";
    /** Summary and body. */
    public static final String BODY = "body";
    /** The outlet's name and its domain. */
    public static final String SOURCE = "source";
    /** ISO 639-1 code. */
    public static final String LANGUAGE = "language";
    /**
     * Names of all entities: each entity's canonical name and every variant the enricher sent with it (aliases,
     * short forms, native-script names), so that a rule on any known name follows the entity. {@code entity:TYPE/ID}
     * ({@code entity:person/sergey-lavrov}) matches the entity's id instead ({@link #ENTITY_ID}).
     */
    public static final String ENTITY = "entity";
    public static final String PERSON = "person";
    public static final String ORGANIZATION = "organization";
    public static final String LOCATION = "location";
    /** Topic ids ("enlargement"). */
    public static final String TOPIC = "topic";

    /**
     * Entity ids ({@code person/sergey-lavrov}): not named by queries, which write {@code entity:person/sergey-lavrov}
     * (see {@link #entityId}).
     */
    public static final String ENTITY_ID = "entity_id";

    /** Every field a query may name, in the order the documentation lists them. */
    public static final List<String> QUERYABLE = List.of(TITLE, BODY, SOURCE, LANGUAGE, ENTITY, PERSON, ORGANIZATION,
            LOCATION, TOPIC, TEXT);

    /** Every field an article document has: the queryable ones and {@link #ENTITY_ID}. */
    public static final List<String> INDEXED = List.of(TITLE, BODY, SOURCE, LANGUAGE, ENTITY, PERSON, ORGANIZATION,
            LOCATION, TOPIC, TEXT, ENTITY_ID);

    /** Fields whose values are entity names or ids, one or more values per entity. */
    public static final Set<String> ENTITY_FIELDS = Set.of(ENTITY, PERSON, ORGANIZATION, LOCATION, ENTITY_ID);

    /** An entity id as a query writes it after {@code entity:}: a type, a slash, the rest of the id. */
    private static final Pattern ENTITY_ID_TEXT = Pattern.compile("(?:person|organization|location)/\\S+");

    /** Fields whose values are of the article's text, with offsets into {@link ArticleDocument#fullText()}. */
    public static final Set<String> TEXT_FIELDS = Set.of(TEXT, TITLE, BODY);

    private static final Set<String> KEYWORDS = Set.of(LANGUAGE, TOPIC, ENTITY_ID);
    private static final Set<String> KNOWN = Set.copyOf(QUERYABLE);

    private ArticleFields() {
    }

    /** True for fields holding one code each (a topic id, a language) rather than words. */
    public static boolean isKeyword(String field) {
        return KEYWORDS.contains(field);
    }

    /** True when the value of a query's {@code entity:} is an entity id ({@code person/sergey-lavrov}). */
    public static boolean entityId(String text) {
        return ENTITY_ID_TEXT.matcher(text).matches();
    }

    /** True when a query may name the field. */
    public static boolean isKnown(String field) {
        return KNOWN.contains(field);
    }
}
