package io.newswatch.alerter.match;

import java.util.List;
import java.util.Set;

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
    /** Canonical names of all entities. */
    public static final String ENTITY = "entity";
    public static final String PERSON = "person";
    public static final String ORGANIZATION = "organization";
    public static final String LOCATION = "location";
    /** Topic ids ("enlargement"). */
    public static final String TOPIC = "topic";

    /** Every field a query may name, in the order the documentation lists them. */
    public static final List<String> QUERYABLE = List.of(TITLE, BODY, SOURCE, LANGUAGE, ENTITY, PERSON, ORGANIZATION,
            LOCATION, TOPIC, TEXT);

    /** Fields whose values are entity names. */
    public static final Set<String> ENTITY_FIELDS = Set.of(ENTITY, PERSON, ORGANIZATION, LOCATION);

    /** Fields whose values are of the article's text, with offsets into {@link ArticleDocument#fullText()}. */
    public static final Set<String> TEXT_FIELDS = Set.of(TEXT, TITLE, BODY);

    private static final Set<String> KEYWORDS = Set.of(LANGUAGE, TOPIC);
    private static final Set<String> KNOWN = Set.copyOf(QUERYABLE);

    private ArticleFields() {
    }

    /** True for fields holding one code each (a topic id, a language) rather than words. */
    public static boolean isKeyword(String field) {
        return KEYWORDS.contains(field);
    }

    /** True when a query may name the field. */
    public static boolean isKnown(String field) {
        return KNOWN.contains(field);
    }
}
