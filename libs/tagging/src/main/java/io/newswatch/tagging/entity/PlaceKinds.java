package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * English places named by the kind of place written after them in lower case, found before people are sought so
 * that a name shaped like a person's is the place it is: "the Ibrahim Khalil border crossing", "the Husaybah
 * crossing", "the Khabur river", "the Ghab plain", "the Qandil mountains", "the Alouk water station", "the Tabqa and
 * Tishrin dams"; and "Near Abu Kamal, ...": "Abu" or "Umm" after a capitalised preposition that opens the sentence,
 * the name closed by a comma (lower-case "near Abu X" is {@code PersonFinder}'s). One to three capitalised words
 * nobody owns (the knowledge base's names and bodies keep theirs), the first not glued to a capitalised word before
 * it, none a body's word ("Brigade", "Ministry").
 */
final class PlaceKinds {

    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;
    private static final int MAX_WORDS = 3;

    /** Kinds of place written after the name in one word ("the Khabur river"); plurals for "X and Y dams". */
    private static final FoldedWords KINDS = FoldedWords.of(Set.of("crossing", "river", "rivers", "plain", "plains",
            "mountains", "mountain", "valley", "dam", "dams", "airfield", "airbase", "marshes", "desert", "canal",
            "oasis", "lake", "oilfield"));
    /** Kinds of two words ("the Ibrahim Khalil border crossing", "the Alouk water station", "the X gas field"). */
    private static final FoldedWords PAIR_FIRSTS = FoldedWords.of(Set.of("border", "air", "water", "power",
            "pumping", "oil", "gas"));
    private static final FoldedWords PAIR_SECONDS = FoldedWords.of(Set.of("crossing", "base", "station", "plant",
            "field"));
    /** Words that open a sentence before a name and are none of it ("The Semalka crossing"). */
    private static final FoldedWords DETERMINERS = FoldedWords.of(Set.of("the", "a", "an", "this", "that", "these",
            "those", "its", "their", "his", "her", "our"));
    /** Prepositions that, capitalised at a sentence's start, open it on a place. */
    private static final Set<String> OPENING_PREPOSITIONS = Set.of("near", "in", "outside", "around");

    private PlaceKinds() {
    }

    /** The places of an English text named by their kind; the caller owns their tokens. */
    static List<NameFinder.Found> find(Tokens t, int[] owner, String language) {
        List<NameFinder.Found> found = new ArrayList<>();
        if (language != null && !"en".equals(language)) {
            return found;
        }
        int n = t.size();
        for (int k = 1; k < n; k++) {
            if (t.shape(k) != Tokens.LOWER || (t.flags(k) & GLUE) != 0) {
                continue;
            }
            int last = k - 1; // the name's last word
            if (!KINDS.contains(t, k) && !(PAIR_FIRSTS.contains(t, k) && k + 1 < n
                    && t.shape(k + 1) == Tokens.LOWER && (t.flags(k + 1) & GLUE) == 0 && PAIR_SECONDS.contains(t, k + 1))) {
                continue;
            }
            addName(t, owner, last, found);
            // "the Tabqa and Tishrin dams", "the Tigris and Euphrates rivers": the name before "and" too
            int and = firstOf(t, owner, last) - 1;
            if (and > 0 && t.is(and, "and") && t.endsWith(k, "s") && (t.flags(and) & GLUE) == 0
                    && (t.flags(and + 1) & GLUE) == 0) {
                addName(t, owner, and - 1, found);
            }
        }
        // "Near Abu Kamal, two strikes ...", "In Umm Qasr, ..."
        for (int i = 1; i + 1 < n; i++) {
            if (PersonFinder.kunya(t, i) && t.shape(i - 1) == Tokens.CAPITALIZED
                    && t.has(i - 1, Tokens.SENTENCE_START | Tokens.LINE_START)
                    && OPENING_PREPOSITIONS.contains(t.folded(i - 1)) && (t.flags(i) & GLUE) == 0
                    && owner[i] < 0 && free(t, owner, i + 1) && (t.flags(i + 1) & GLUE) == 0) {
                int end = i + 1;
                if (end + 1 < n && (t.flags(end + 1) & GLUE) == 0 && free(t, owner, end + 1)) {
                    end++;
                }
                if (end + 1 < n && t.has(end + 1, Tokens.AFTER_COMMA) && !overlaps(found, i, end)) {
                    found.add(new NameFinder.Found(i, end, EntityType.LOCATION, t.surface(i, end)));
                }
            }
        }
        return found;
    }

    /** Adds the name that ends at {@code last}, when it is one. */
    private static void addName(Tokens t, int[] owner, int last, List<NameFinder.Found> found) {
        if (last < 0 || !free(t, owner, last) || NameFinder.ORGANIZATION_ENDING_WORDS.contains(t, last)
                || NameFinder.ORGANIZATION_HEAD_WORDS.contains(t, last)) {
            return;
        }
        int from = firstOf(t, owner, last);
        // the name starts here: nothing capitalised glued before it ("Syrian Kurdish Khabur river" is no name)
        if (from > 0 && (t.flags(from) & GLUE) == 0 && t.capitalized(from - 1) && !t.has(from - 1, Tokens.POSSESSIVE)
                && !DETERMINERS.contains(t, from - 1)) {
            return;
        }
        for (int k = from; k <= last; k++) {
            if (NameFinder.ORGANIZATION_HEAD_WORDS.contains(t, k)) {
                return;
            }
        }
        if (!overlaps(found, from, last)) {
            found.add(new NameFinder.Found(from, last, EntityType.LOCATION, t.surface(from, last)));
        }
    }

    /** The first word of the run of free capitalised words that ends at {@code last} (at most three). */
    private static int firstOf(Tokens t, int[] owner, int last) {
        int from = last;
        while (from > 0 && last - from + 1 < MAX_WORDS && (t.flags(from) & GLUE) == 0 && free(t, owner, from - 1)) {
            from--;
        }
        return from;
    }

    private static boolean free(Tokens t, int[] owner, int i) {
        return owner[i] < 0 && t.shape(i) == Tokens.CAPITALIZED && !t.has(i, Tokens.BOILERPLATE)
                && !Cues.NOT_NAME_WORDS.contains(t, i) && !DETERMINERS.contains(t, i) && t.end(i) - t.start(i) >= 3;
    }

    private static boolean overlaps(List<NameFinder.Found> found, int from, int to) {
        return NameFinder.overlaps(found, from, to);
    }
}
