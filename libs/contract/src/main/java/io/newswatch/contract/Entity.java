package io.newswatch.contract;

import java.util.List;

/**
 * An entity found in an article.
 *
 * @param id         stable knowledge-base id ("person/sergey-lavrov", "location/montenegro"); for a person found
 *                   only from context, an id derived from the name
 * @param name       canonical name ("Sergey Lavrov")
 * @param type       kind of entity
 * @param mentions   how many times the article mentions it (a demonym counts as a weaker mention of its country
 *                   and is reflected in {@link #salience()}, not here)
 * @param salience   0..1, how central the entity is to the article (title and lead mentions weigh more)
 * @param forms      the surface forms seen in the text ("Lavrov", "Sergei Lavrov"), for explaining matches
 * @param country    ISO 3166-1 alpha-2 code of the entity's country, when known
 * @param geo        coordinates, for places
 * @param discovered true when the entity is not in the knowledge base and was found from cues in the text (its id
 *                   is then its type and folded name, "organization/syrian-democratic-forces", the same in every
 *                   article that names it so)
 * @param variants   every name the knowledge base knows the entity by besides {@code name}: aliases, short forms,
 *                   native-script names ("Sergei Lavrov", "Лавров", "Сергей Лавров"), one per spelling (case and accents
 *                   aside), so that
 *                   a rule on any of them can follow the entity; empty for a discovered entity
 */
public record Entity(
        String id,
        String name,
        EntityType type,
        int mentions,
        double salience,
        List<String> forms,
        String country,
        GeoPoint geo,
        boolean discovered,
        List<String> variants) {

    public Entity {
        forms = forms == null ? List.of() : List.copyOf(forms);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** An entity without variants (a discovered one, or from a producer before variants existed). */
    public Entity(String id, String name, EntityType type, int mentions, double salience, List<String> forms,
                  String country, GeoPoint geo, boolean discovered) {
        this(id, name, type, mentions, salience, forms, country, geo, discovered, List.of());
    }
}
