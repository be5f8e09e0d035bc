package io.newswatch.enricher.eval;

import io.newswatch.contract.EntityType;

import java.util.List;
import java.util.Map;

/**
 * One evaluation document with its gold annotation, whatever it was read from (the gold articles written for
 * newswatch, or a converted public set in JSON Lines).
 *
 * @param set       name of the set it belongs to (file name without extension)
 * @param id        id, unique in its set
 * @param language  language as the gold says: an ISO 639 code, with {@code -Cyrl}/{@code -Latn} where the script
 *                  matters ({@code sr-Cyrl}, {@code sr-Latn}, {@code cnr-Latn})
 * @param text      the text as tagged: title, blank line, body (or the body alone)
 * @param titleEnd  where the title ends in {@code text} (0 when there is none)
 * @param mentions  gold mentions, in text order, not overlapping
 * @param ignored   spans that count neither way (entities of other kinds: MISC, nationalities, facilities...): a
 *                  prediction that overlaps one and matches no gold mention is not a false positive
 * @param entities  gold entities by key, when the gold groups mentions into entities; empty when it does not (then
 *                  document-level scores compare distinct names, type plus text)
 * @param topics    gold topics, or null when the document's topics were not annotated
 */
public record EvalDocument(String set, String id, String language, String text, int titleEnd, List<Mention> mentions,
                           List<Mention> ignored, Map<String, EntityInfo> entities, List<String> topics) {

    /**
     * A mention, gold or predicted.
     *
     * @param start  offset of its first character in the document's text
     * @param end    offset after its last character
     * @param text   the mention as written
     * @param type   its type, or null for untyped gold (then predictions of any type match it)
     * @param entity key of the entity it names (gold entity key, or the tagger's entity id), or null
     */
    public record Mention(int start, int end, String text, EntityType type, String entity) {

        boolean overlaps(Mention other) {
            return start < other.end && other.start < end;
        }

        boolean sameSpan(Mention other) {
            return start == other.start && end == other.end;
        }
    }

    /**
     * An entity, gold or predicted.
     *
     * @param key        its key in the document (gold: the id if given, else the name; predicted: the tagger's id)
     * @param type       its type
     * @param name       canonical name
     * @param id         knowledge-base id where the gold gives one (or the tagger's id), else null
     * @param discovered true for a predicted entity found from cues rather than the knowledge base
     */
    public record EntityInfo(String key, EntityType type, String name, String id, boolean discovered) {
    }

    /** True when no gold mention has a type (a set annotated for names only, like business newswire gold). */
    public boolean untyped() {
        return !mentions.isEmpty() && mentions.stream().allMatch(m -> m.type() == null);
    }

    /** The language code the tagger is given: the gold language without its script suffix. */
    public String taggerLanguage() {
        if (language == null) {
            return null;
        }
        int dash = language.indexOf('-');
        return dash < 0 ? language : language.substring(0, dash);
    }
}
