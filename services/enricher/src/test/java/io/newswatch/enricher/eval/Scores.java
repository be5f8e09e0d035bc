package io.newswatch.enricher.eval;

import io.newswatch.contract.EntityType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision, recall and F1 of one set of documents against their gold, accumulated document by document:
 * <ul>
 *   <li>mention level: a predicted mention is right when its span is exactly a gold mention's and its type is the
 *   gold's (any type for untyped gold); predictions inside spans the gold ignores (MISC, nationalities...) do not
 *   count;</li>
 *   <li>document level: what an analyst sees, each name once per document. Where the gold groups mentions into
 *   entities, a gold entity is found when a predicted entity of its type has a mention overlapping one of its
 *   mentions (or the same knowledge-base id), and a predicted entity is right when it matches a gold entity. Where
 *   it does not group them, distinct names (type and text) are the units on both sides: a name is found, or right,
 *   when one of its mentions overlaps a mention of the other side of the same type (so "Iraqi President Fuad Masum"
 *   in the gold is found by "Fuad Masum"; the mention level tells such boundary differences);</li>
 *   <li>per language, topics (for documents whose topics were annotated), links (gold entities with a
 *   knowledge-base id that were found under another id) and language detection.</li>
 * </ul>
 * Every miss and false positive is kept with its cause and context.
 */
public final class Scores {

    /** Bucket of all types together, and of untyped gold. */
    public static final String ALL = "ALL";
    public static final String ANY = "ANY";

    /** Counts of one class: predictions and how many were right; gold items and how many were found. */
    public static final class Counts {
        int predicted;
        int predictedRight;
        int gold;
        int goldFound;

        public double precision() {
            return predicted == 0 ? 1 : predictedRight / (double) predicted;
        }

        public double recall() {
            return gold == 0 ? 1 : goldFound / (double) gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int gold() {
            return gold;
        }

        public int predicted() {
            return predicted;
        }

        void predicted(boolean right) {
            predicted++;
            predictedRight += right ? 1 : 0;
        }

        void gold(boolean found) {
            gold++;
            goldFound += found ? 1 : 0;
        }
    }

    /**
     * One error.
     *
     * @param set      set name
     * @param document document id
     * @param level    {@code mention}, {@code document}, {@code topic}, {@code link} or {@code language}
     * @param kind     {@code FN missed}, {@code FN wrong type}, {@code FN boundary}, {@code FP spurious}, {@code FP
     *                 wrong type}, {@code FP boundary}, {@code FN}, {@code FP}, {@code wrong id}, {@code wrong language}
     * @param type     entity type (or topic id, or language)
     * @param text     the text concerned
     * @param detail   what was found instead, where relevant
     * @param context  the text around it, the mention in brackets
     */
    public record Error(String set, String document, String level, String kind, String type, String text, String detail,
                        String context) {
    }

    final String name;
    int documents;
    final Map<String, Integer> documentsByLanguage = new TreeMap<>();
    final Map<String, Counts> mentions = new TreeMap<>();
    final Map<String, Counts> names = new TreeMap<>();
    final Map<String, Map<String, Counts>> mentionsByLanguage = new TreeMap<>();
    final Map<String, Map<String, Counts>> namesByLanguage = new TreeMap<>();
    final Map<String, Counts> topics = new TreeMap<>();
    int topicDocuments;
    int linksChecked;
    int linksRight;
    final Map<String, int[]> languageDetection = new TreeMap<>();
    final List<Error> errors = new ArrayList<>();
    boolean grouped;
    boolean ungrouped;

    public Scores(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Mention-level counts of a type ({@link #ALL} for every type). */
    public Counts mentions(String type) {
        return mentions.getOrDefault(type, new Counts());
    }

    /** Document-level counts of a type ({@link #ALL} for every type). */
    public Counts names(String type) {
        return names.getOrDefault(type, new Counts());
    }

    /** Topic counts, all topics together. */
    public Counts topics() {
        return topics.getOrDefault(ALL, new Counts());
    }

    public List<Error> errors() {
        return errors;
    }

    /** Scores one document. */
    public void add(EvalDocument gold, Prediction prediction) {
        documents++;
        String language = gold.language() == null ? "?" : gold.language();
        documentsByLanguage.merge(language, 1, Integer::sum);
        boolean untyped = gold.untyped();
        List<EvalDocument.Mention> predicted = kept(gold, prediction.mentions());

        // mention level
        for (EvalDocument.Mention g : gold.mentions()) {
            boolean found = predicted.stream().anyMatch(p -> p.sameSpan(g) && typeMatches(g, p));
            count(mentions, mentionsByLanguage, language, key(g.type(), untyped), c -> c.gold(found));
            if (!found) {
                EvalDocument.Mention sameSpan = predicted.stream().filter(p -> p.sameSpan(g)).findFirst().orElse(null);
                EvalDocument.Mention overlap = predicted.stream().filter(p -> p.overlaps(g) && typeMatches(g, p))
                        .findFirst().orElse(null);
                if (sameSpan != null) {
                    error(gold, "mention", "FN wrong type", g, key(g.type(), untyped), "found as " + sameSpan.type());
                } else if (overlap != null) {
                    error(gold, "mention", "FN boundary", g, key(g.type(), untyped), "found '" + overlap.text() + "'");
                } else {
                    error(gold, "mention", "FN missed", g, key(g.type(), untyped), "");
                }
            }
        }
        for (EvalDocument.Mention p : predicted) {
            boolean right = gold.mentions().stream().anyMatch(g -> g.sameSpan(p) && typeMatches(g, p));
            count(mentions, mentionsByLanguage, language, key(p.type(), untyped), c -> c.predicted(right));
            if (!right) {
                EvalDocument.Mention sameSpan = gold.mentions().stream().filter(g -> g.sameSpan(p)).findFirst().orElse(null);
                EvalDocument.Mention overlap = gold.mentions().stream().filter(g -> g.overlaps(p) && typeMatches(g, p))
                        .findFirst().orElse(null);
                if (sameSpan != null) {
                    error(gold, "mention", "FP wrong type", p, key(p.type(), untyped), "gold " + sameSpan.type());
                } else if (overlap != null) {
                    error(gold, "mention", "FP boundary", p, key(p.type(), untyped), "gold '" + overlap.text() + "'");
                } else {
                    error(gold, "mention", "FP spurious", p, key(p.type(), untyped), "");
                }
            }
        }

        // document level
        if (!gold.entities().isEmpty()) {
            grouped = true;
            scoreEntities(gold, prediction, predicted, language, untyped);
        } else {
            ungrouped = true;
            scoreNames(gold, predicted, language, untyped);
        }

        // topics
        if (gold.topics() != null && prediction.topics() != null) {
            topicDocuments++;
            Set<String> goldTopics = new LinkedHashSet<>(gold.topics());
            Set<String> found = new LinkedHashSet<>(prediction.topics());
            for (String t : goldTopics) {
                boolean hit = found.contains(t);
                topics.computeIfAbsent(t, k -> new Counts()).gold(hit);
                topics.computeIfAbsent(ALL, k -> new Counts()).gold(hit);
                if (!hit) {
                    errors.add(new Error(name, gold.id(), "topic", "FN", t, t, "found " + found, ""));
                }
            }
            for (String t : found) {
                boolean hit = goldTopics.contains(t);
                topics.computeIfAbsent(t, k -> new Counts()).predicted(hit);
                topics.computeIfAbsent(ALL, k -> new Counts()).predicted(hit);
                if (!hit) {
                    errors.add(new Error(name, gold.id(), "topic", "FP", t, t, "gold " + goldTopics, ""));
                }
            }
        }

        // language detection
        if (gold.language() != null && prediction.detectedLanguage() != null) {
            int[] counts = languageDetection.computeIfAbsent(language, k -> new int[2]);
            counts[1]++;
            if (gold.taggerLanguage().equals(prediction.detectedLanguage())) {
                counts[0]++;
            } else {
                errors.add(new Error(name, gold.id(), "language", "wrong language", language,
                        prediction.detectedLanguage(), "", ""));
            }
        }
    }

    private void scoreEntities(EvalDocument gold, Prediction prediction, List<EvalDocument.Mention> predicted,
                               String language, boolean untyped) {
        Map<String, List<EvalDocument.Mention>> goldByEntity = group(gold.mentions());
        Map<String, List<EvalDocument.Mention>> predictedByEntity = group(predicted);
        for (EvalDocument.EntityInfo g : gold.entities().values()) {
            List<EvalDocument.Mention> gm = goldByEntity.getOrDefault(g.key(), List.of());
            List<String> matches = new ArrayList<>();
            for (Map.Entry<String, List<EvalDocument.Mention>> p : predictedByEntity.entrySet()) {
                if (entityMatches(g, gm, p.getKey(), p.getValue(), prediction, untyped)) {
                    matches.add(p.getKey());
                }
            }
            count(names, namesByLanguage, language, key(g.type(), untyped), c -> c.gold(!matches.isEmpty()));
            EvalDocument.Mention first = gm.isEmpty() ? null : gm.get(0);
            if (matches.isEmpty()) {
                errors.add(new Error(name, gold.id(), "document", "FN", key(g.type(), untyped), g.name(),
                        "forms " + gm.stream().map(EvalDocument.Mention::text).distinct().toList(),
                        first == null ? "" : context(gold.text(), first)));
            } else if (g.id() != null) {
                linksChecked++;
                if (matches.contains(g.id())) {
                    linksRight++;
                } else {
                    errors.add(new Error(name, gold.id(), "link", "wrong id", key(g.type(), untyped), g.name(),
                            "gold " + g.id() + ", found " + matches, first == null ? "" : context(gold.text(), first)));
                }
            }
        }
        for (Map.Entry<String, List<EvalDocument.Mention>> p : predictedByEntity.entrySet()) {
            boolean right = gold.entities().values().stream().anyMatch(g -> entityMatches(g,
                    goldByEntity.getOrDefault(g.key(), List.of()), p.getKey(), p.getValue(), prediction, untyped));
            EvalDocument.Mention first = p.getValue().get(0);
            count(names, namesByLanguage, language, key(first.type(), untyped), c -> c.predicted(right));
            if (!right) {
                EvalDocument.EntityInfo info = prediction.entities().get(p.getKey());
                errors.add(new Error(name, gold.id(), "document", "FP", key(first.type(), untyped),
                        info != null ? info.name() : first.text(),
                        (info != null && info.discovered() ? "discovered " : "") + p.getKey() + " as "
                                + p.getValue().stream().map(EvalDocument.Mention::text).distinct().toList(),
                        context(gold.text(), first)));
            }
        }
    }

    private boolean entityMatches(EvalDocument.EntityInfo g, List<EvalDocument.Mention> goldMentions, String key,
                                  List<EvalDocument.Mention> predictedMentions, Prediction prediction, boolean untyped) {
        EvalDocument.Mention first = predictedMentions.get(0);
        if (!untyped && g.type() != first.type()) {
            return false;
        }
        if (g.id() != null && g.id().equals(key)) {
            return true;
        }
        return goldMentions.stream().anyMatch(gm -> predictedMentions.stream().anyMatch(gm::overlaps));
    }

    private void scoreNames(EvalDocument gold, List<EvalDocument.Mention> predicted, String language, boolean untyped) {
        Map<String, List<EvalDocument.Mention>> goldNames = names(gold.mentions(), untyped);
        Map<String, List<EvalDocument.Mention>> predictedNames = names(predicted, untyped);
        goldNames.forEach((k, mentions) -> {
            EvalDocument.Mention first = mentions.get(0);
            boolean found = predicted.stream().anyMatch(p -> typeMatches(first, p) && mentions.stream().anyMatch(p::overlaps));
            count(names, namesByLanguage, language, key(first.type(), untyped), c -> c.gold(found));
            if (!found) {
                errors.add(new Error(name, gold.id(), "document", "FN", key(first.type(), untyped), first.text(), "",
                        context(gold.text(), first)));
            }
        });
        predictedNames.forEach((k, mentions) -> {
            EvalDocument.Mention first = mentions.get(0);
            boolean right = gold.mentions().stream().anyMatch(g -> typeMatches(g, first)
                    && mentions.stream().anyMatch(g::overlaps));
            count(names, namesByLanguage, language, key(first.type(), untyped), c -> c.predicted(right));
            if (!right) {
                errors.add(new Error(name, gold.id(), "document", "FP", key(first.type(), untyped), first.text(), "",
                        context(gold.text(), first)));
            }
        });
    }

    /** Distinct names of a document (type and normalised text), each with its mentions. */
    private static Map<String, List<EvalDocument.Mention>> names(List<EvalDocument.Mention> mentions, boolean untyped) {
        Map<String, List<EvalDocument.Mention>> names = new LinkedHashMap<>();
        for (EvalDocument.Mention m : mentions) {
            names.computeIfAbsent(key(m.type(), untyped) + "\t" + normalise(m.text()), k -> new ArrayList<>()).add(m);
        }
        return names;
    }

    /** NFC, single spaces, typographic apostrophes straightened, a trailing possessive dropped. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u2019', '\'').replaceAll("\\s+", " ").trim();
        return s.endsWith("'s") ? s.substring(0, s.length() - 2) : s;
    }

    private static Map<String, List<EvalDocument.Mention>> group(List<EvalDocument.Mention> mentions) {
        Map<String, List<EvalDocument.Mention>> groups = new LinkedHashMap<>();
        for (EvalDocument.Mention m : mentions) {
            String key = m.entity() != null ? m.entity() : m.type() + "\t" + normalise(m.text());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        return groups;
    }

    /** Predictions without duplicate spans, less those inside ignored spans that match no gold mention. */
    private static List<EvalDocument.Mention> kept(EvalDocument gold, List<EvalDocument.Mention> predicted) {
        Set<Long> spans = new HashSet<>();
        List<EvalDocument.Mention> kept = new ArrayList<>();
        for (EvalDocument.Mention p : predicted) {
            if (!spans.add(((long) p.start() << 32) | p.end())) {
                continue;
            }
            boolean ignored = gold.ignored().stream().anyMatch(i -> i.overlaps(p))
                    && gold.mentions().stream().noneMatch(g -> g.sameSpan(p));
            if (!ignored) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static boolean typeMatches(EvalDocument.Mention gold, EvalDocument.Mention predicted) {
        return gold.type() == null || Objects.equals(gold.type(), predicted.type());
    }

    private static String key(EntityType type, boolean untyped) {
        return untyped || type == null ? ANY : type.name();
    }

    private interface Update {
        void apply(Counts counts);
    }

    private static void count(Map<String, Counts> byType, Map<String, Map<String, Counts>> byLanguage, String language,
                              String type, Update update) {
        update.apply(byType.computeIfAbsent(type, k -> new Counts()));
        update.apply(byType.computeIfAbsent(ALL, k -> new Counts()));
        Map<String, Counts> lang = byLanguage.computeIfAbsent(language, k -> new TreeMap<>());
        update.apply(lang.computeIfAbsent(type, k -> new Counts()));
        update.apply(lang.computeIfAbsent(ALL, k -> new Counts()));
    }

    private void error(EvalDocument gold, String level, String kind, EvalDocument.Mention m, String type, String detail) {
        errors.add(new Error(name, gold.id(), level, kind, type, m.text(), detail, context(gold.text(), m)));
    }

    /** Forty characters either side, the mention in brackets, on one line. */
    static String context(String text, EvalDocument.Mention m) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 40);
        return (text.substring(from, m.start()) + "[" + text.substring(m.start(), m.end()) + "]" + text.substring(m.end(), to))
                .replaceAll("\\s+", " ");
    }
}
