package io.newswatch.contract;

import java.util.Map;

/**
 * Where the JSON schema of each event lives on the classpath. The schemas are the contract; the records are their
 * Java reading, and tests check the two agree.
 */
public final class EventSchemas {

    /** Base of the schemas' {@code $id}s; map it to {@link #CLASSPATH_ROOT} to resolve references offline. */
    public static final String ID_BASE = "https://newswatch.io/schemas/";
    /** Classpath folder of the schema files. */
    public static final String CLASSPATH_ROOT = "io/newswatch/contract/schemas/";

    private static final Map<Class<?>, String> FILES = Map.of(
            Article.class, "article.schema.json",
            EnrichedArticle.class, "article-enriched.schema.json",
            Feed.class, "feed.schema.json",
            Rule.class, "rule.schema.json",
            Alert.class, "alert.schema.json");

    private EventSchemas() {
    }

    /** The schema's {@code $id} for an event type. */
    public static String idOf(Class<?> eventType) {
        return ID_BASE + fileOf(eventType);
    }

    /** The schema's file name for an event type. */
    public static String fileOf(Class<?> eventType) {
        String file = FILES.get(eventType);
        if (file == null) {
            throw new IllegalArgumentException(eventType.getName() + " is not an event of the contract");
        }
        return file;
    }

    /** Every event type with a schema. */
    public static Iterable<Class<?>> eventTypes() {
        return FILES.keySet();
    }
}
