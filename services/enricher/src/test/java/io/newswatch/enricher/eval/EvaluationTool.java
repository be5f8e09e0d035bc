package io.newswatch.enricher.eval;

import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.topic.Taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the enricher (or another tagger's saved output) on gold sets and prints precision, recall and F1 per type at
 * mention and document level, per language, for topics, and the errors by cause. See the enricher README,
 * "Evaluation".
 *
 * <pre>
 * EvaluationTool [options] [set...]
 *   set                  gold (default: the articles in the repository, held-out and tuned reported apart),
 *                        held-out, tuned, a .jsonl or .yaml file, or a folder of .jsonl files (one set each)
 *   --errors N|all       errors listed one by one per set (default 40; classes are always shown)
 *   --errors-file FILE   every error of every set, tab-separated, for sorting and counting
 *   --predictions PATH   score these predictions (a .jsonl file, or a folder with one file per set, same names)
 *                        instead of running the enricher: another tagger's output in the same format
 *   --write-predictions DIR   also write the enricher's predictions, one .jsonl per set
 *   --write-gold DIR     also write each set's gold as .jsonl (to run another tagger on the same documents)
 *   --limit N            at most N documents per set
 *   --held-out-errors    also show the errors of the held-out gold (by default only its scores: its articles must
 *                        not guide tuning)
 *   --external-errors    also show the errors of sets read from files and folders (by default only their scores:
 *                        they are published benchmark sets or real news for independent evaluation); only for real
 *                        text you collected yourself, never for a published benchmark set
 *   --causes             also count every set's errors by finer cause (acronym, knowledge-base name as written or
 *                        inflected, not in the knowledge base, wrong type, too long or short...): counts only, never
 *                        text, so shown for the public sets too (not for the held-out gold
 *                        unless --held-out-errors: its articles are scored, not studied)
 *   --languages-only     only language detection: per set and language, documents detected right, the confusions
 *                        (gold → detected, counts only); no tagging
 * </pre>
 */
public final class EvaluationTool {

    static final String HELD_OUT_NAME = "gold, held-out (never tuned on)";
    static final String TUNED_NAME = "gold, tuned on";
    static final String ALL_NAME = "gold, all";

    private int maxErrors = 40;
    private Path errorsFile;
    private Path predictions;
    private Path writePredictions;
    private Path writeGold;
    private int limit = Integer.MAX_VALUE;
    private boolean heldOutErrors;
    private boolean externalErrors;
    /** Sets read from files and folders given on the command line. */
    private final Set<String> external = new HashSet<>();
    private boolean languagesOnly;
    private boolean causes;
    private ErrorCauses errorCauses;
    private final List<String> sets = new ArrayList<>();
    private Enricher enricher;
    private long taggingNanos;
    private int tagged;

    public static void main(String[] args) {
        try {
            new EvaluationTool().run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("evaluation: " + e.getMessage());
            System.exit(2);
        }
    }

    void run(String[] args) {
        for (int i = 0; i < args.length; i++) {
            // a single argument may carry several words (Maven passes -Deval.args as one)
            for (String arg : args[i].trim().split("\\s+")) {
                if (!arg.isEmpty()) {
                    sets.add(arg);
                }
            }
        }
        List<String> words = new ArrayList<>(sets);
        sets.clear();
        for (int i = 0; i < words.size(); i++) {
            String arg = words.get(i);
            switch (arg) {
                case "--errors" -> {
                    String value = value(words, ++i, arg);
                    maxErrors = value.equals("all") ? -1 : Integer.parseInt(value);
                }
                case "--errors-file" -> errorsFile = Path.of(value(words, ++i, arg));
                case "--predictions" -> predictions = Path.of(value(words, ++i, arg));
                case "--write-predictions" -> writePredictions = Path.of(value(words, ++i, arg));
                case "--write-gold" -> writeGold = Path.of(value(words, ++i, arg));
                case "--limit" -> limit = Integer.parseInt(value(words, ++i, arg));
                case "--held-out-errors" -> heldOutErrors = true;
                case "--external-errors" -> externalErrors = true;
                case "--languages-only" -> languagesOnly = true;
                case "--causes" -> causes = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    sets.add(arg);
                }
            }
        }
        if (sets.isEmpty()) {
            sets.add("gold");
        }
        Map<String, List<EvalDocument>> toScore = new LinkedHashMap<>();
        for (String set : sets) {
            switch (set) {
                case "gold" -> {
                    List<EvalDocument> tuned = GoldArticles.load(GoldArticles.TUNED);
                    List<EvalDocument> heldOut = GoldArticles.load(GoldArticles.HELD_OUT);
                    List<EvalDocument> all = new ArrayList<>(tuned);
                    all.addAll(heldOut);
                    toScore.put(HELD_OUT_NAME, heldOut);
                    toScore.put(TUNED_NAME, tuned);
                    toScore.put(ALL_NAME, all);
                }
                case "held-out" -> toScore.put(HELD_OUT_NAME, GoldArticles.load(GoldArticles.HELD_OUT));
                case "tuned" -> toScore.put(TUNED_NAME, GoldArticles.load(GoldArticles.TUNED));
                default -> {
                    Path path = Path.of(set);
                    if (!Files.exists(path)) {
                        throw new IllegalArgumentException("no such set or file: " + set);
                    }
                    if (set.endsWith(".yaml") || set.endsWith(".yml")) {
                        toScore.put(path.getFileName().toString(), GoldArticles.load(path));
                        external.add(path.getFileName().toString());
                    } else {
                        for (Path file : EvalSets.files(path)) {
                            String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
                            toScore.put(name, EvalSets.read(file));
                            external.add(name);
                        }
                    }
                }
            }
        }
        if (languagesOnly) {
            toScore.forEach((name, documents) -> System.out.println(
                    LanguageReport.of(name, documents.subList(0, Math.min(limit, documents.size())))));
            return;
        }
        List<Scores> results = new ArrayList<>();
        for (Map.Entry<String, List<EvalDocument>> set : toScore.entrySet()) {
            List<EvalDocument> documents = set.getValue().subList(0, Math.min(limit, set.getValue().size()));
            if (writeGold != null) {
                createDirectories(writeGold);
                EvalSets.write(writeGold.resolve(fileName(set.getKey())), documents);
            }
            Scores scores = score(set.getKey(), documents);
            System.out.println(Report.format(scores, maxErrors, hiddenBecause(set.getKey()),
                    causes && !heldOut(set.getKey()) ? errorCauses() : null));
            results.add(scores);
        }
        StringBuilder summary = new StringBuilder(Report.summaryHeader());
        results.forEach(s -> summary.append(Report.summaryLine(s)).append('\n'));
        if (tagged > 0) {
            summary.append(String.format("tagging: %d documents in %.2f CPU-seconds (%.0f per CPU-second with JIT warm-up, two runs each:"
                    + " language given and detected)%n", tagged, taggingNanos / 1e9, tagged / (taggingNanos / 1e9)));
        }
        System.out.println(summary);
        if (errorsFile != null) {
            writeErrors(results);
        }
    }

    private Scores score(String name, List<EvalDocument> documents) {
        Map<String, Prediction> saved = predictions == null ? null : savedPredictions(name);
        Scores scores = new Scores(name);
        List<EvalDocument> written = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (EvalDocument d : documents) {
            Prediction p;
            if (saved != null) {
                p = saved.get(d.id());
                if (p == null) {
                    throw new IllegalArgumentException("no prediction for document " + d.id() + " of " + name);
                }
            } else {
                long start = threads.getCurrentThreadCpuTime();
                p = Prediction.ofEnricher(enricher(), d);
                taggingNanos += threads.getCurrentThreadCpuTime() - start;
                tagged++;
                written.add(new EvalDocument(name, d.id(), d.language(), d.text(), d.titleEnd(), p.mentions(),
                        List.of(), Map.of(), p.topics()));
            }
            scores.add(d, p);
        }
        if (writePredictions != null && saved == null) {
            createDirectories(writePredictions);
            EvalSets.write(writePredictions.resolve(fileName(name)), written);
        }
        return scores;
    }

    private Map<String, Prediction> savedPredictions(String set) {
        Path file = Files.isDirectory(predictions) ? predictions.resolve(fileName(set)) : predictions;
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no predictions for set " + set + " at " + file);
        }
        Map<String, Prediction> byId = new HashMap<>();
        EvalSets.read(file).forEach(d -> byId.put(d.id(), Prediction.ofDocument(d)));
        return byId;
    }

    private ErrorCauses errorCauses() {
        if (errorCauses == null) {
            errorCauses = new ErrorCauses(KnowledgeBaseLoader.load(List.of()));
        }
        return errorCauses;
    }

    private Enricher enricher() {
        if (enricher == null) {
            enricher = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.load(List.of()), Clock.systemUTC());
        }
        return enricher;
    }

    private void writeErrors(List<Scores> results) {
        List<String> lines = new ArrayList<>();
        lines.add("set\tdocument\tlevel\tkind\ttype\ttext\tdetail\tcontext");
        for (Scores s : results) {
            if (hiddenBecause(s.name()) != null) {
                continue;
            }
            for (Scores.Error e : s.errors()) {
                lines.add(String.join("\t", e.set(), e.document(), e.level(), e.kind(), e.type(), e.text(),
                        e.detail(), e.context()).replace('\n', ' '));
            }
        }
        try {
            Files.write(errorsFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a set's errors stay hidden, or null when they are shown: the held-out gold (and "all", which contains it),
     * and sets from files (published benchmarks, real news) unless asked for.
     */
    private String hiddenBecause(String set) {
        if (heldOut(set)) {
            return "held-out articles are scored, not studied; see EvaluationTool --held-out-errors";
        }
        if (!externalErrors && external.contains(set)) {
            return "a set from a file is for independent evaluation; EvaluationTool --external-errors shows them,"
                    + " for real text you collected yourself, never for a published benchmark set";
        }
        return null;
    }

    /** Whether a set holds the held-out gold and its errors, even their causes, are not to be read. */
    private boolean heldOut(String set) {
        return !heldOutErrors && (set.equals(HELD_OUT_NAME) || set.equals(ALL_NAME));
    }

    /** The file a set's gold or predictions are written to: its name, with anything but letters, digits, dots and
     * dashes replaced. */
    static String fileName(String set) {
        return set.replaceAll("[^\\w.-]+", "_") + ".jsonl";
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(List<String> words, int i, String option) {
        if (i >= words.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.get(i);
    }
}
