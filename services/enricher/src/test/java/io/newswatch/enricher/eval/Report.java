package io.newswatch.enricher.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints the scores of one set as plain-text tables, then its errors grouped by cause. */
public final class Report {

    private static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", Scores.ANY, Scores.ALL);
    private static final List<String> LEVELS = List.of("document", "link", "topic", "language", "mention");

    private Report() {
    }

    /**
     * The report of one set.
     *
     * @param maxErrors     how many errors to list one by one (negative: all; zero: none); classes and frequent
     *                      texts are shown unless {@code hiddenBecause} is given
     * @param hiddenBecause why no error at all is shown (the held-out gold, the public sets: their errors are not to
     *                      be read while tuning), or null to show them
     */
    public static String format(Scores s, int maxErrors, String hiddenBecause) {
        return format(s, maxErrors, hiddenBecause, null);
    }

    /**
     * The report of one set, with the errors' causes counted (never their text, so also for sets whose errors are
     * hidden) when {@code causes} is given.
     */
    public static String format(Scores s, int maxErrors, String hiddenBecause, ErrorCauses causes) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== ").append(s.name).append(": ").append(s.documents).append(" documents ")
                .append(s.documentsByLanguage).append(" ===\n");
        out.append(s.grouped && !s.ungrouped ? "document level compares entities (the gold groups mentions)\n"
                : s.ungrouped && !s.grouped ? "document level compares distinct names (type and text) per document\n"
                : "document level: entities where the gold groups mentions, else distinct names\n");
        levelTable(out, "mention level (exact span and type)", s.mentions);
        levelTable(out, "document level (each name once per document)", s.names);

        out.append(String.format("%nper language          docs | document P     R    F1 | recall PER   ORG   LOC   ANY | mention R%n"));
        for (String language : s.documentsByLanguage.keySet()) {
            Map<String, Scores.Counts> names = s.namesByLanguage.getOrDefault(language, Map.of());
            Map<String, Scores.Counts> mentions = s.mentionsByLanguage.getOrDefault(language, Map.of());
            Scores.Counts all = names.getOrDefault(Scores.ALL, new Scores.Counts());
            out.append(String.format("  %-18s %6d |    %5.3f %5.3f %5.3f |     %s %s %s %s | %5.3f%n", language,
                    s.documentsByLanguage.get(language), all.precision(), all.recall(), all.f1(),
                    recall(names, "PERSON"), recall(names, "ORGANIZATION"), recall(names, "LOCATION"),
                    recall(names, Scores.ANY), mentions.getOrDefault(Scores.ALL, new Scores.Counts()).recall()));
        }

        if (s.topicDocuments > 0) {
            out.append(String.format("%ntopics (%d documents)        gold found     P     R    F1%n", s.topicDocuments));
            Map<String, Scores.Counts> rows = new LinkedHashMap<>(s.topics);
            Scores.Counts all = rows.remove(Scores.ALL);
            rows.forEach((topic, c) -> row(out, topic, c));
            if (all != null) {
                row(out, "(all topics)", all);
            }
        }
        if (s.linksChecked > 0) {
            out.append(String.format("%nlinks: %d of %d found entities with a knowledge-base id in the gold have that id (%.3f)%n",
                    s.linksRight, s.linksChecked, s.linksRight / (double) s.linksChecked));
        }
        if (!s.languageDetection.isEmpty()) {
            out.append("\nlanguage detected (tagger not told):");
            s.languageDetection.forEach((language, c) -> out.append(' ').append(language).append(' ')
                    .append(c[0]).append('/').append(c[1]));
            out.append('\n');
        }

        if (causes != null) {
            out.append("\nerror causes (counts only, no text):\n");
            causes.count(s.errors).forEach((cause, n) -> out.append(String.format("  %5d  %s%n", n, cause)));
        }
        if (hiddenBecause != null) {
            out.append("\n(errors not shown: ").append(hiddenBecause).append(")\n");
            return out.toString();
        }
        out.append("\nerror classes (count, examples):\n");
        Map<String, List<Scores.Error>> classes = s.errors.stream().collect(Collectors.groupingBy(
                e -> e.level() + " " + e.kind() + " " + e.type(), TreeMap::new, Collectors.toList()));
        classes.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Scores.Error>> e) -> -e.getValue().size()))
                .forEach(e -> out.append(String.format("  %5d  %-38s %s%n", e.getValue().size(), e.getKey(),
                        e.getValue().stream().map(Scores.Error::text).distinct().limit(6)
                                .map(t -> "'" + t + "'").collect(Collectors.joining(", ")))));

        out.append("\nmost frequent mention errors by text:\n");
        Map<String, Long> frequent = s.errors.stream().filter(e -> e.level().equals("mention"))
                .collect(Collectors.groupingBy(e -> e.kind() + " " + e.type() + " '" + e.text() + "'"
                        + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"), Collectors.counting()));
        frequent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> out.append(String.format("  %5d  %s%n", e.getValue(), e.getKey())));

        List<Scores.Error> listed = new ArrayList<>(s.errors);
        listed.sort(Comparator.comparingInt((Scores.Error e) -> LEVELS.indexOf(e.level())));
        int limit = maxErrors < 0 ? listed.size() : Math.min(maxErrors, listed.size());
        out.append(String.format("%nerrors (%d of %d; FN: gold not found, FP: found, not gold):%n", limit, listed.size()));
        for (Scores.Error e : listed.subList(0, limit)) {
            out.append(String.format("  %s %-8s %-16s %-12s '%s'%s%s%n", e.document(), e.level(), e.kind(), e.type(),
                    e.text(), e.detail().isEmpty() ? "" : " " + e.detail(),
                    e.context().isEmpty() ? "" : "  | " + e.context()));
        }
        return out.toString();
    }

    /** One line per set, for the summary at the end of a run. */
    public static String summaryLine(Scores s) {
        Scores.Counts m = s.mentions(Scores.ALL);
        StringBuilder out = new StringBuilder(String.format("  %-28s %5d docs | mention P %.3f R %.3f F1 %.3f | document",
                s.name, s.documents, m.precision(), m.recall(), m.f1()));
        for (String type : TYPES) {
            Scores.Counts c = s.names.get(type);
            if (c != null) {
                out.append(String.format(" %s %.2f/%.2f/%.2f", abbreviation(type), c.precision(), c.recall(), c.f1()));
            }
        }
        if (s.topicDocuments > 0) {
            out.append(String.format(" | topics F1 %.3f", s.topics().f1()));
        }
        return out.toString();
    }

    /** Header of {@link #summaryLine}. */
    public static String summaryHeader() {
        return "\nsummary (document level: precision/recall/F1 per type)\n";
    }

    private static String abbreviation(String type) {
        return switch (type) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION" -> "LOC";
            default -> type;
        };
    }

    private static String recall(Map<String, Scores.Counts> byType, String type) {
        Scores.Counts c = byType.get(type);
        return c == null ? "    -" : String.format("%5.3f", c.recall());
    }

    private static void levelTable(StringBuilder out, String title, Map<String, Scores.Counts> byType) {
        out.append(String.format("%n%-28s  gold found     P     R    F1%n", title));
        for (String type : TYPES) {
            Scores.Counts c = byType.get(type);
            if (c != null) {
                row(out, type, c);
            }
        }
    }

    private static void row(StringBuilder out, String name, Scores.Counts c) {
        out.append(String.format("  %-26s %5d %5d %5.3f %5.3f %5.3f%n", name, c.gold, c.predicted, c.precision(),
                c.recall(), c.f1()));
    }
}
