package io.newswatch.tagging.topic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic of the taxonomy, in the spirit of the Europe Media Monitor's categories: weighted terms and entities,
 * groups of which at least one member must be present, and a threshold.
 *
 * @param id          lowercase with hyphens ("nato-russia-council")
 * @param label       human label
 * @param description what the topic covers, for people editing the file
 * @param threshold   the score an article needs to get the topic
 * @param terms       phrase to weight; a word ending in {@code *} matches any word it begins ("sanction*"); each
 *                    occurrence counts (at most three per term), occurrences in the title count twice; negative
 *                    weights speak against the topic
 * @param entities    entity id to weight, counted once when the article mentions the entity
 * @param require     groups of terms, entity ids or {@code country:XX} items (any place the tagger links inside the
 *                    country with ISO code XX, the country itself included): the article must contain at least one
 *                    member of every group
 * @param places      ISO 3166-1 alpha-2 country code to weight: every distinct place the tagger links inside that
 *                    country (a town, a region; not an entity the topic already weighs) counts the weight once, and
 *                    at most {@link #MAX_PLACES} places count (optional; empty for a topic that is no country's)
 */
public record TopicDefinition(String id, String label, String description, double threshold,
                              Map<String, Double> terms, Map<String, Double> entities, List<List<String>> require,
                              Map<String, Double> places) {

    /** Places beyond this many do not add to a topic's score: a list of towns is no more evidence than three. */
    public static final int MAX_PLACES = 3;

    /** The prefix of a require item that a place inside a country meets ({@code country:SY}). */
    public static final String COUNTRY_PREFIX = "country:";

    public TopicDefinition {
        // in the file's order, not Map.copyOf's order (which changes with every JVM): the order of a topic's terms
        // is the order of its evidence where weights tie, and the enricher's output must not change between runs
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        entities = entities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        require = require == null ? List.of() : require.stream().map(List::copyOf).toList();
        places = places == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(places));
        label = label == null ? id : label;
    }

    /** A topic without places (the taxonomy's shape before places counted). */
    public TopicDefinition(String id, String label, String description, double threshold, Map<String, Double> terms,
                           Map<String, Double> entities, List<List<String>> require) {
        this(id, label, description, threshold, terms, entities, require, null);
    }
}
