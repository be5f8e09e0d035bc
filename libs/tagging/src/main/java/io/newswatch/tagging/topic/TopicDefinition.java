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
 * @param require     groups of terms or entity ids: the article must contain at least one member of every group
 */
public record TopicDefinition(String id, String label, String description, double threshold,
                              Map<String, Double> terms, Map<String, Double> entities, List<List<String>> require) {

    public TopicDefinition {
        // in the file's order, not Map.copyOf's order (which changes with every JVM): the order of a topic's terms
        // is the order of its evidence where weights tie, and the enricher's output must not change between runs
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        entities = entities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        require = require == null ? List.of() : require.stream().map(List::copyOf).toList();
        label = label == null ? id : label;
    }
}
