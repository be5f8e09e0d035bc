package io.newswatch.enricher.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.contract.EntityType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the gold articles written for newswatch ({@code src/test/resources/eval/*.yaml}). Each article lists its
 * entities with their type, canonical name, knowledge-base id where there is one, and surface forms: every occurrence
 * of a form in the title or body, as a whole word and case-sensitive, is a mention of that entity (a longer form wins
 * over a shorter one inside it). A form that does not occur, or that two entities of one article share, is an error
 * in the gold and stops the evaluation.
 */
public final class GoldArticles {

    /** The sets in the repository: tuned on, and held out (never tuned on). */
    public static final String TUNED = "articles";
    public static final String HELD_OUT = "held-out";

    record File(List<Article> articles) {
    }

    record Article(String id, String language, String title, String body, List<String> topics, List<Entity> entities) {
    }

    record Entity(EntityType type, String name, String id, List<String> forms) {
    }

    private GoldArticles() {
    }

    /** Reads one of the sets shipped with the tests ({@link #TUNED}, {@link #HELD_OUT}). */
    public static List<EvalDocument> load(String set) {
        try (InputStream in = GoldArticles.class.getResourceAsStream("/eval/" + set + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no gold set " + set + " in src/test/resources/eval/");
            }
            return read(set, new ObjectMapper(new YAMLFactory()).readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads gold articles from a YAML file in the same format. */
    public static List<EvalDocument> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return read(name, new ObjectMapper(new YAMLFactory()).readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<EvalDocument> read(String set, File file) {
        List<EvalDocument> documents = new ArrayList<>();
        for (Article a : file.articles()) {
            documents.add(toDocument(set, a));
        }
        return documents;
    }

    static EvalDocument toDocument(String set, Article a) {
        if (a.id() == null || a.title() == null || a.body() == null || a.language() == null) {
            throw new IllegalArgumentException(set + ": an article lacks id, language, title or body: " + a.id());
        }
        String text = a.title() + "\n\n" + a.body();
        Map<String, EvalDocument.EntityInfo> entities = new LinkedHashMap<>();
        Map<String, String> formOwner = new HashMap<>();
        List<EvalDocument.Mention> candidates = new ArrayList<>();
        for (Entity e : a.entities() == null ? List.<Entity>of() : a.entities()) {
            if (e.type() == null || e.name() == null || e.forms() == null || e.forms().isEmpty()) {
                throw new IllegalArgumentException(set + "/" + a.id() + ": entity without type, name or forms: " + e);
            }
            String key = e.id() != null ? e.id() : e.name();
            if (entities.put(key, new EvalDocument.EntityInfo(key, e.type(), e.name(), e.id(), false)) != null) {
                throw new IllegalArgumentException(set + "/" + a.id() + ": entity listed twice: " + key);
            }
            for (String form : e.forms()) {
                String previous = formOwner.put(form, key);
                if (previous != null && !previous.equals(key)) {
                    throw new IllegalArgumentException(set + "/" + a.id() + ": form '" + form + "' given to both "
                            + previous + " and " + key);
                }
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                    if (wholeWord(text, at, at + form.length())) {
                        candidates.add(new EvalDocument.Mention(at, at + form.length(), form, e.type(), key));
                    }
                }
            }
        }
        List<EvalDocument.Mention> mentions = longestFirst(candidates);
        for (Map.Entry<String, String> owned : formOwner.entrySet()) {
            if (mentions.stream().noneMatch(m -> m.text().equals(owned.getKey()))) {
                throw new IllegalArgumentException(set + "/" + a.id() + ": form '" + owned.getKey() + "' of "
                        + owned.getValue() + " does not occur in the text as a word of its own");
            }
        }
        return new EvalDocument(set, a.id(), a.language(), text, a.title().length(), mentions, List.of(), entities,
                a.topics() == null ? List.of() : List.copyOf(a.topics()));
    }

    /** Keeps the longest of overlapping candidates (then the earliest), returns them in text order. */
    static List<EvalDocument.Mention> longestFirst(List<EvalDocument.Mention> candidates) {
        List<EvalDocument.Mention> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((EvalDocument.Mention m) -> m.start() - m.end())
                .thenComparingInt(EvalDocument.Mention::start));
        List<EvalDocument.Mention> kept = new ArrayList<>();
        for (EvalDocument.Mention m : sorted) {
            if (kept.stream().noneMatch(m::overlaps)) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(EvalDocument.Mention::start));
        return kept;
    }

    static boolean wholeWord(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.codePointBefore(start)))
                && (end >= text.length() || !Character.isLetterOrDigit(text.codePointAt(end)));
    }
}
