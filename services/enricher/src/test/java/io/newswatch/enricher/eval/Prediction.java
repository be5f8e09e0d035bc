package io.newswatch.enricher.eval;

import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tagger found in one evaluation document.
 *
 * @param id               the document's id
 * @param mentions         mentions found (demonyms left out: they name a country only weakly), in text order
 * @param entities         entities found, by key; empty when the tagger does not group mentions
 * @param topics           topics found, or null when the tagger does not say
 * @param detectedLanguage the language detected when the tagger was not told ({@code none} when it could not
 *                         tell), or null when the tagger does not detect languages
 */
public record Prediction(String id, List<EvalDocument.Mention> mentions, Map<String, EvalDocument.EntityInfo> entities,
                         List<String> topics, String detectedLanguage) {

    /**
     * Runs newswatch's enricher on a document, as the pipeline does when the feed gives the language; a second run
     * without the language gives the detected one.
     */
    public static Prediction ofEnricher(Enricher enricher, EvalDocument document) {
        Tagging tagging = enricher.tag(document.text(), document.titleEnd(), document.taggerLanguage());
        List<EvalDocument.Mention> mentions = new ArrayList<>();
        Map<String, EvalDocument.EntityInfo> entities = new LinkedHashMap<>();
        for (FoundEntity e : tagging.entities()) {
            boolean named = false;
            for (FoundEntity.Mention m : e.mentions()) {
                if (!m.weak()) {
                    mentions.add(new EvalDocument.Mention(m.start(), m.end(), m.text(), e.type(), e.id()));
                    named = true;
                }
            }
            if (named) {
                entities.put(e.id(), new EvalDocument.EntityInfo(e.id(), e.type(), e.name(), e.id(), e.discovered()));
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(EvalDocument.Mention::start));
        String detected = enricher.tag(document.text(), document.titleEnd(), null).language();
        return new Prediction(document.id(), mentions, entities, tagging.topics().stream().map(t -> t.id()).toList(),
                detected == null ? "none" : detected);
    }

    /** Another tagger's output, read in the evaluation-set format (mentions only). */
    public static Prediction ofDocument(EvalDocument predicted) {
        return new Prediction(predicted.id(), predicted.mentions(), predicted.entities(), predicted.topics(), null);
    }
}
