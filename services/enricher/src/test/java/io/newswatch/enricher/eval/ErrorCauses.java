package io.newswatch.enricher.eval;

import io.newswatch.folding.TextFolding;
import io.newswatch.tagging.entity.GivenNames;
import io.newswatch.tagging.kb.KbEntity;
import io.newswatch.tagging.kb.KnowledgeBase;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finer causes of errors, as words and counts only: what kind of name was missed or wrongly found (an acronym, a
 * name the knowledge base holds as written, an inflected form of one, a name of one or several words it lacks), what
 * type a wrongly typed name had, whether a boundary error was too long or too short, whether a wrong entity was
 * discovered. The counts never show a name, so they may be printed for sets whose errors must not be read (the
 * held-out gold, published benchmarks): they tell which general cause matters most without showing any text.
 */
public final class ErrorCauses {

    /** Longest inflectional ending, in folded letters, between a written form and a knowledge-base name. */
    private static final int MAX_ENDING = 3;
    /** Shortest stem an inflected form must share with a knowledge-base name. */
    private static final int MIN_STEM = 4;

    private final Set<String> names = new HashSet<>();
    private final Set<String> stems = new HashSet<>();

    /** Causes against the names (canonical, aliases, short forms) of a knowledge base. */
    public ErrorCauses(KnowledgeBase kb) {
        for (KbEntity e : kb.entities()) {
            add(e.name());
            e.aliases().forEach(this::add);
            e.alone().forEach(this::add);
        }
    }

    private void add(String name) {
        String folded = fold(name);
        names.add(folded);
        for (int cut = 0; cut < MAX_ENDING && folded.length() - cut >= MIN_STEM; cut++) {
            stems.add(folded.substring(0, folded.length() - cut));
        }
    }

    /** Counts of errors by level, kind, type and cause, sorted by key. */
    public Map<String, Integer> count(List<Scores.Error> errors) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Scores.Error e : errors) {
            if (e.level().equals("mention") || e.level().equals("document")) {
                counts.merge(e.level() + " " + e.kind() + " " + e.type() + ": " + cause(e), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The cause of one mention- or document-level error, in words that never contain the error's text. */
    String cause(Scores.Error e) {
        String detail = e.detail();
        return switch (e.kind()) {
            case "FN wrong type" -> detail;                                   // "found as LOCATION"
            case "FP wrong type" -> detail;                                   // "gold ORGANIZATION"
            case "FN boundary" -> "found " + boundary(quoted(detail), e.text());
            case "FP boundary" -> boundary(e.text(), quoted(detail)) + " than gold";
            case "FP" -> detail.startsWith("discovered ") ? "discovered, " + shape(e.text())
                    : detail.isEmpty() ? known(e.text()) + ", " + shape(e.text()) : "from the knowledge base";
            default -> known(e.text()) + ", " + shape(e.text()) + givenName(e);  // FN missed, FP spurious, FN
        };
    }

    /**
     * For a person's name of several words: whether its first word, its second (surname first: "Иванов Иван"), or
     * none is a listed given name (in the nominative or with a case ending of up to two letters).
     */
    private String givenName(Scores.Error e) {
        if (!"PERSON".equals(e.type()) || !shape(e.text()).equals("several words")) {
            return "";
        }
        String[] words = Scores.normalise(e.text()).strip().split("\\s+");
        if (givenName(words[0])) {
            return ", a listed given name first";
        }
        if (givenName(words[1])) {
            return ", a listed given name second";
        }
        if (words[0].length() <= 2 && words[0].endsWith(".")) {
            return ", an initial first";
        }
        return ", no listed given name first or second" + (words.length > 2 ? ", three words or more" : "");
    }

    /** A word that is a listed given name ({@link GivenNames}), or one with a case ending of up to two letters. */
    private static boolean givenName(String word) {
        String folded = fold(word);
        for (int cut = 0; cut <= 2 && folded.length() - cut >= 3; cut++) {
            String stem = folded.substring(0, folded.length() - cut);
            if (GivenNames.isGivenName(stem) || GivenNames.isGivenName(stem + "a")
                    || GivenNames.isGivenName(stem + "ii") || GivenNames.isGivenName(stem + "i")
                    || GivenNames.isGivenName(stem + "y")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a text is a knowledge-base name as written, an inflected form of one, or neither. */
    String known(String text) {
        String folded = fold(text);
        if (names.contains(folded)) {
            return "KB name as written";
        }
        for (int cut = 1; cut <= MAX_ENDING && folded.length() - cut >= MIN_STEM; cut++) {
            if (stems.contains(folded.substring(0, folded.length() - cut))) {
                return "inflected KB name";
            }
        }
        return "not in KB";
    }

    static String shape(String text) {
        String t = text.strip();
        boolean letters = t.codePoints().anyMatch(Character::isLetter);
        if (letters && t.length() >= 2 && t.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return "acronym";
        }
        if (!t.isEmpty() && !Character.isUpperCase(t.codePointAt(0))) {
            return "lower-case start";
        }
        return t.contains(" ") ? "several words" : "one word";
    }

    private static String boundary(String predicted, String gold) {
        if (predicted.contains(gold)) {
            return "longer";
        }
        return gold.contains(predicted) ? "shorter" : "shifted";
    }

    /** The text between the first and last apostrophe of a detail such as {@code found 'X'}. */
    private static String quoted(String detail) {
        int from = detail.indexOf('\'');
        int to = detail.lastIndexOf('\'');
        return from >= 0 && to > from ? detail.substring(from + 1, to) : detail;
    }

    private static String fold(String text) {
        return TextFolding.fold(Scores.normalise(text)).strip();
    }
}
