package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.entity.NameFinder.Found;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Places listed with a place that follows a preposition of place: "in Mosul and Tal Afar", "in Raqqa, Tabqa and
 * Hasakah", "у Подгорици и Никшићу", "aus Cherson und Mykolajiw", "à Metz et Nancy". The first place is one the
 * tagger already found (known or discovered); the words joined to it by a conjunction, or by commas closed by a
 * conjunction, are places too. Plain rules over folded tokens.
 */
final class CoordinatedPlaces {

    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;
    private static final int HARD_STOP = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_QUOTE
            | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;

    /** Prepositions of place (folded) per language; Russian "у" is left out ("у Путина": at someone's). */
    private static final Set<String> ENGLISH_CUES = Set.of("in", "to", "from", "into", "near", "between", "across",
            "towards", "toward", "around", "outside", "via", "at");
    private static final Set<String> GERMAN_CUES = Set.of("in", "im", "aus", "nach", "bei", "von", "zwischen");
    private static final Set<String> FRENCH_CUES = Set.of("a", "en", "vers", "entre", "dans", "depuis");
    private static final Set<String> RUSSIAN_CUES = Set.of("v", "vo", "iz", "izo", "pod", "nad", "mezhdu", "okolo",
            "bliz", "k", "ko", "do");
    private static final Set<String> UKRAINIAN_CUES = Set.of("v", "u", "z", "iz", "do", "mizh", "bilia", "pid");
    private static final Set<String> SOUTH_SLAVIC_CUES = Set.of("u", "iz", "kod", "ka", "izmedju", "do", "blizu",
            "oko");
    /** Conjunctions that join places, folded. */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "und", "oder", "sowie", "et", "ou", "i",
            "ili", "ta", "te");

    private CoordinatedPlaces() {
    }

    /**
     * The places joined to a found place.
     *
     * @param place    per token, true where a found place (known or discovered) covers it
     * @param language ISO 639-1 code of the text, or null
     */
    static List<Found> find(Tokens t, int[] owner, boolean[] place, String language) {
        Set<String> cues = cues(language);
        boolean slavic = cues == RUSSIAN_CUES || cues == UKRAINIAN_CUES || cues == SOUTH_SLAVIC_CUES;
        List<Found> found = new ArrayList<>();
        int n = t.size();
        int i = 1;
        while (i < n) {
            if (!place[i] || place[i - 1] || !cue(t, i - 1, cues) || (t.flags(i) & GLUE) != 0) {
                i++;
                continue;
            }
            int k = i;
            while (k + 1 < n && place[k + 1] && (t.flags(k + 1) & GLUE) == 0) {
                k++; // the end of the first place
            }
            // the list after it: ", Y", ", Y" ... closed by "and Z"; a place already found may be a member
            List<Found> pending = new ArrayList<>();
            int next = k + 1;
            boolean closed = false;
            while (next < n && (t.flags(next) & HARD_STOP) == 0) {
                boolean comma = t.has(next, Tokens.AFTER_COMMA);
                int member = next;
                if (!comma) {
                    if (t.shape(next) != Tokens.LOWER || !CONJUNCTIONS.contains(t.folded(next)) || next + 1 >= n
                            || (t.flags(next + 1) & GLUE) != 0) {
                        break;
                    }
                    member = next + 1;
                }
                int end;
                if (place[member]) {
                    end = member;
                    while (end + 1 < n && place[end + 1] && (t.flags(end + 1) & GLUE) == 0) {
                        end++;
                    }
                } else {
                    end = memberEnd(t, owner, member, language, slavic);
                    if (end < 0) {
                        break;
                    }
                    pending.add(new Found(member, end, EntityType.LOCATION, t.surface(member, end)));
                }
                next = end + 1;
                if (!comma) {
                    closed = true;
                    break;
                }
            }
            if (closed) {
                found.addAll(pending);
            }
            i = Math.max(next, i + 1);
        }
        if (cues == ENGLISH_CUES || cues == FRENCH_CUES) {
            placesBeforePlace(t, owner, place, language, found);
        }
        return found;
    }

    /**
     * "Azaz, Syria", "Hit, Anbar province", "Mamoudzou, Mayotte": one to three capitalised words nobody owns right
     * before a comma and a found place that ends the phrase are a place inside it. Not in German, where every noun is
     * capitalised, nor in the Slavic languages, where the case of the word says more.
     */
    private static void placesBeforePlace(Tokens t, int[] owner, boolean[] place, String language, List<Found> found) {
        int n = t.size();
        for (int c = 1; c < n; c++) {
            if (!place[c] || place[c - 1] || (t.flags(c) & GLUE) != Tokens.AFTER_COMMA) {
                continue;
            }
            int k = c;
            while (k + 1 < n && place[k + 1] && (t.flags(k + 1) & GLUE) == 0) {
                k++;
            }
            int after = k + 1;
            if (after < n && (t.flags(after) & GLUE) == 0 && t.shape(after) != Tokens.LOWER
                    || t.has(k, Tokens.POSSESSIVE)) {
                continue; // "Aleppo, Syria's second city" is fine, "Hama, Syria Daily" is not the phrase's end
            }
            int end = c - 1;
            if (!free(t, owner, end, language) || t.has(end, Tokens.POSSESSIVE) || NameFinder.overlaps(found, end, end)) {
                continue;
            }
            int from = end;
            while (from > 0 && end - from < 2 && (t.flags(from) & GLUE) == 0 && free(t, owner, from - 1, language)) {
                from--;
            }
            if (from > 0 && (t.flags(from) & GLUE) == 0 && t.shape(from - 1) != Tokens.LOWER) {
                continue; // a longer capitalised run: a name of some other kind
            }
            found.add(new Found(from, end, EntityType.LOCATION, t.surface(from, end)));
        }
    }

    /** A conjunction that joins places ("and", "und", "et", "и", "i", "та"), folded. */
    static boolean conjunction(String folded) {
        return CONJUNCTIONS.contains(folded);
    }

    private static Set<String> cues(String language) {
        if (language == null) {
            return ENGLISH_CUES;
        }
        if (LanguageGroups.southSlavic(language)) {
            return SOUTH_SLAVIC_CUES;
        }
        return switch (language) {
            case "de", "lb" -> GERMAN_CUES;
            case "fr" -> FRENCH_CUES;
            case "ru", "be" -> RUSSIAN_CUES;
            case "uk" -> UKRAINIAN_CUES;
            default -> ENGLISH_CUES;
        };
    }

    private static boolean cue(Tokens t, int i, Set<String> cues) {
        String word = t.folded(i);
        if (!cues.contains(word) || t.shape(i) != Tokens.LOWER && !t.has(i, Tokens.SENTENCE_START | Tokens.LINE_START)) {
            return false;
        }
        return !word.equals("a") || t.surface(i).equalsIgnoreCase("à"); // French "a" is also "has"
    }

    /** The last token of a listed place from {@code i}: one capitalised word, or two; -1 when none starts there. */
    private static int memberEnd(Tokens t, int[] owner, int i, String language, boolean slavic) {
        if (!free(t, owner, i, language)) {
            return -1;
        }
        int end = i;
        int second = i + 1;
        if (second < t.size() && (t.flags(second) & GLUE) == 0 && free(t, owner, second, language)
                && !NameFinder.ORGANIZATION_ENDING_WORDS.contains(t, second)
                && !Cues.NOT_PERSON_ENDING_WORDS.contains(t, second)
                && (second + 1 >= t.size() || !t.capitalized(second + 1) || (t.flags(second + 1) & GLUE) != 0)
                && (!slavic || LanguagePatterns.adjective(t.folded(i)))) {
            end = second; // "Tal Afar", "Krywyj Rih", "Нижнем Новгороде"
        }
        int after = end + 1;
        if (after < t.size() && (t.flags(after) & (Tokens.SENTENCE_START | Tokens.LINE_START)) == 0
                && Cues.SPEECH_VERB_WORDS.contains(t, after)) {
            return -1; // "and Hassan said": a person
        }
        return end;
    }

    private static boolean free(Tokens t, int[] owner, int i, String language) {
        return owner[i] < 0 && t.shape(i) == Tokens.CAPITALIZED && !t.has(i, Tokens.BOILERPLATE)
                && !Cues.NOT_NAME_WORDS.contains(t, i) && t.end(i) - t.start(i) >= 3
                && !GivenNames.contains(t, i, language) && !PersonFinder.title(t, i)
                && !NameFinder.ORGANIZATION_ENDING_WORDS.contains(t, i)
                && !NameFinder.ORGANIZATION_HEAD_WORDS.contains(t, i) && !LanguagePatterns.head(t, i);
    }
}
