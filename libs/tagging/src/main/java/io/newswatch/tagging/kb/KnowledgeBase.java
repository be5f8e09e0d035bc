package io.newswatch.tagging.kb;

import io.newswatch.contract.EntityType;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The loaded knowledge base: entities by id, in load order. Immutable. */
public final class KnowledgeBase {

    private final Map<String, KbEntity> entities;

    KnowledgeBase(Map<String, KbEntity> entities) {
        this.entities = Collections.unmodifiableMap(entities);
    }

    /** The entity with this id, or null. */
    public KbEntity get(String id) {
        return entities.get(id);
    }

    public Collection<KbEntity> entities() {
        return entities.values();
    }

    public int size() {
        return entities.size();
    }

    /** How many entities of each type. */
    public Map<EntityType, Integer> countByType() {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (KbEntity e : entities.values()) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        return counts;
    }
}
