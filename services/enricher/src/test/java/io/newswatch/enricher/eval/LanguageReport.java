package io.newswatch.enricher.eval;

import io.newswatch.tagging.text.LanguageDetector;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Language detection alone on a set ({@code EvaluationTool --languages-only}): per gold language, documents detected
 * right; the confusions as counts (gold → detected, never the documents: the held-out and public sets' errors must
 * not guide tuning). Quick (seconds for all the sets), for changes to {@link LanguageDetector}; its speed is the
 * enricher benchmark's business.
 */
final class LanguageReport {

    private LanguageReport() {
    }

    static String of(String set, List<EvalDocument> documents) {
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        int right = 0;
        for (EvalDocument d : documents) {
            String gold = d.taggerLanguage();
            String detected = LanguageDetector.detect(d.text());
            int[] counts = byLanguage.computeIfAbsent(gold, k -> new int[2]);
            counts[1]++;
            if (gold.equals(detected)) {
                counts[0]++;
                right++;
            } else {
                confusions.merge(gold + "→" + detected, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format("%-34s %5d/%-5d", set, right, documents.size()));
        byLanguage.forEach((language, c) -> out.append(String.format(" %s %d/%d", language, c[0], c[1])));
        return out.append(confusions.isEmpty() ? "" : " | wrong: " + confusions).toString();
    }
}
