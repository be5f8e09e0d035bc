package io.newswatch.tagging.entity;

import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.GeoPoint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entity found in one text, with where: what the tagger knows before it becomes a contract {@link Entity}.
 *
 * @param id         knowledge-base id, or {@code person/<slug>} for a discovered person
 * @param name       canonical name
 * @param type       kind of entity
 * @param country    ISO country code, or null
 * @param geo        coordinates, or null
 * @param discovered true when found from cues, not from the knowledge base
 * @param mentions   every mention, in text order
 * @param salience   0..1, 1 for the most salient entity of the text
 * @param variants   the other names the knowledge base knows it by (empty for a discovered entity)
 */
public record FoundEntity(String id, String name, EntityType type, String country, GeoPoint geo, boolean discovered,
                          List<Mention> mentions, double salience, List<String> variants) {

    public FoundEntity {
        variants = variants == null ? List.of() : variants;
    }

    /**
     * One mention.
     *
     * @param start offset of its first character in the tagged text
     * @param end   offset after its last character
     * @param text  the mention as written
     * @param weak  a demonym ("Russian"): a weaker mention of its country, not counted in {@link Entity#mentions()}
     */
    public record Mention(int start, int end, String text, boolean weak) {
    }

    /** Mentions that name the entity outright (not demonyms). */
    public int strongMentions() {
        int strong = 0;
        for (Mention m : mentions) {
            strong += m.weak() ? 0 : 1;
        }
        return strong; // a loop, not a stream: asked for every entity of every article
    }

    /** Distinct surface forms, in order of first appearance. */
    public List<String> forms() {
        if (mentions.size() > SMALL) {
            Set<String> forms = new LinkedHashSet<>();
            mentions.forEach(m -> forms.add(m.text()));
            return List.copyOf(forms);
        }
        // most entities have a few mentions: compared pairwise, without a hash set per entity of every article
        String[] forms = new String[mentions.size()];
        int count = 0;
        for (Mention m : mentions) {
            String text = m.text();
            boolean seen = false;
            for (int k = 0; k < count && !seen; k++) {
                seen = forms[k].equals(text);
            }
            if (!seen) {
                forms[count++] = text;
            }
        }
        return List.of(count == forms.length ? forms : java.util.Arrays.copyOf(forms, count));
    }

    /** Up to this many mentions, {@link #forms} compares them pairwise. */
    private static final int SMALL = 16;

    /** The entity as the contract carries it. */
    public Entity toContract() {
        return new Entity(id, name, type, strongMentions(), salience, forms(), country, geo, discovered, variants);
    }
}
