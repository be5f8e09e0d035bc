package io.newswatch.tagging.entity;

import java.util.Map;
import java.util.Set;

/**
 * A surname named again alone in another case: "За словами Гаврилюка", "з Гаврилюком", "не согласен с Тарасовым",
 * "Зуева поддержала", "Hansens Kritik", "nach Angaben Albrechts". The surname of a person named in full earlier is
 * cut to its stem (the feminine -a and the adjectival -ий/-ый/-ой off), and a capitalised word that is that stem and a
 * case ending of the language names the same person. Folded (Latin) spellings on both sides. No table per name.
 */
final class SurnameForms {

    /** Shortest stem compared: shorter ones ("Ким", "Лях") would meet ordinary words. */
    private static final int MIN_STEM = 4;
    private static final int MAX_ENDING = 3;
    /** Case endings of Slavic surnames, folded: genitive, dative, instrumental, locative (masculine, feminine). */
    private static final Set<String> SLAVIC_ENDINGS = Set.of("a", "u", "om", "em", "ym", "im", "e", "ovi", "evi",
            "oi", "oy", "oiu", "oyu", "oju", "ou", "iu", "yu", "ogo", "ego", "oho", "eho", "omu", "emu");
    /** German: the genitive -s ("Hansens", "Albrechts"). */
    private static final Set<String> GERMAN_ENDINGS = Set.of("s");

    private SurnameForms() {
    }

    /** The case endings of a language's surnames, or null when its surnames are not inflected this way. */
    static Set<String> endings(String language) {
        if (LanguageGroups.slavic(language)) {
            return SLAVIC_ENDINGS;
        }
        return "de".equals(language) ? GERMAN_ENDINGS : null;
    }

    /** The stem other cases of a folded surname start with, or null when it is too short or not declined. */
    static String stem(String surname, Set<String> endings) {
        String stem = surname;
        if (endings == SLAVIC_ENDINGS) {
            if (surname.endsWith("ko") && surname.length() - 1 >= MIN_STEM) {
                // "Тарасенко": not declined in Russian, in Ukrainian like a noun in -o ("Тарасенка", "Тарасенком")
                return surname.substring(0, surname.length() - 1);
            }
            if (surname.endsWith("o") || surname.endsWith("ykh") || surname.endsWith("ikh")) {
                return null; // "Черных", "Дурново": not declined
            }
            if (surname.endsWith("ii") || surname.endsWith("iy") || surname.endsWith("yi") || surname.endsWith("yy")
                    || surname.endsWith("oi") || surname.endsWith("oy") || surname.endsWith("ij")) {
                stem = surname.substring(0, surname.length() - 2);
            } else if (surname.endsWith("a")) {
                stem = surname.substring(0, surname.length() - 1);
            } else {
                // a full name met first in another case: "с Андреем Кольцовым", "Миколі Ступаку", "Ореста Гнатишина"
                stem = caseStem(surname);
            }
        }
        return stem.length() >= MIN_STEM ? stem : null;
    }

    /**
     * Case endings (folded) of a masculine surname of the -ов/-ин/-ук kind, longest first, that a surname met in an
     * oblique case loses: instrumental -ым/-ом/-ем, dative -у/-ові, locative -е/-і.
     */
    private static final String[] OBLIQUE_MASCULINE = {"ovi", "evi", "ym", "om", "em", "u", "e"};

    /**
     * The stem of a surname in an oblique masculine case ("koltsovym" → "koltsov", "stupaku" → "stupak"), the word
     * itself when it ends in none of those endings, and never shorter than {@link #MIN_STEM} letters.
     */
    private static String caseStem(String surname) {
        for (String ending : OBLIQUE_MASCULINE) {
            if (surname.endsWith(ending) && surname.length() - ending.length() >= MIN_STEM
                    && !vowel(surname.charAt(surname.length() - ending.length() - 1))) {
                return surname.substring(0, surname.length() - ending.length());
            }
        }
        return surname;
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /**
     * The stem of a folded word that is a stem with one of the endings, tried from the shortest ending, or (Slavic)
     * the stem itself, the nominative of a surname first met in another case ("Кольцов" after "с Андреем
     * Кольцовым"); or null.
     */
    static String stemOf(String word, Set<String> endings, Map<String, ?> stems) {
        if (endings == SLAVIC_ENDINGS && word.length() >= MIN_STEM && stems.containsKey(word)) {
            return word;
        }
        if (endings == SLAVIC_ENDINGS && word.endsWith("ko") && stems.containsKey(word.substring(0, word.length() - 1))) {
            return word.substring(0, word.length() - 1); // "Гнатенко" after "Олександра Гнатенка"
        }
        for (int cut = 1; cut <= MAX_ENDING && word.length() - cut >= MIN_STEM; cut++) {
            String stem = word.substring(0, word.length() - cut);
            if (endings.contains(word.substring(word.length() - cut)) && stems.containsKey(stem)) {
                return stem;
            }
        }
        return null;
    }
}
