package io.newswatch.tagging.kb;

import io.newswatch.contract.EntityType;
import io.newswatch.contract.GeoPoint;

import java.util.List;

/**
 * One entry of the knowledge base.
 *
 * @param id        stable id, {@code type/slug} ("person/sergey-lavrov")
 * @param name      canonical name
 * @param type      kind of entity, from the id's prefix
 * @param country   ISO 3166-1 alpha-2 code, or null
 * @param geo       coordinates, or null
 * @param aliases   other full names ("Sergei Lavrov", "Đukanović" spelled "Djukanovic")
 * @param demonyms  adjectives and nouns that are weaker mentions of the entity ("Russian")
 * @param alone     short forms that name the entity even without a full name in the article ("Putin")
 * @param ambiguous true when the name is also a common first name or word: it needs context to count
 * @param context   words and phrases whose presence in an article makes this entity more likely
 * @param prior     how likely the entity is, other things equal, when a name fits several (default 1)
 * @param kind      finer kind: country, city, region, person role... (free text, for people reading the data)
 * @param role      for people: their office(s), for people reading the data and for the CLI
 * @param source    file and line the entry came from (the last file, when several define it)
 */
public record KbEntity(
        String id,
        String name,
        EntityType type,
        String country,
        GeoPoint geo,
        List<String> aliases,
        List<String> demonyms,
        List<String> alone,
        boolean ambiguous,
        List<String> context,
        double prior,
        String kind,
        String role,
        String source) {

    public KbEntity {
        aliases = List.copyOf(aliases);
        demonyms = List.copyOf(demonyms);
        alone = List.copyOf(alone);
        context = List.copyOf(context);
    }
}
