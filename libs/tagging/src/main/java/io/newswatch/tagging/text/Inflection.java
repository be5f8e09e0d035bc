package io.newswatch.tagging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Case endings of the languages whose names inflect, as rules on folded words: an ending and what replaces it in the
 * form a dictionary holds ({@code lavrova} → {@code lavrov}, {@code chernogorii} → {@code chernogoriya},
 * {@code podgorici} → {@code podgorica}, {@code russlands} → {@code russland}). Light stemming, the same for every
 * name: the enricher tries the rules of a word's language, longest ending first, and keeps the first form its
 * dictionary knows. Rules work on the folded spelling ({@link io.newswatch.folding.TextFolding}), so Cyrillic and
 * Latin texts share them.
 */
public final class Inflection {

    /** Russian, Belarusian (as English media transliterate them): nouns, surnames and adjectival surnames. */
    private static final String[][] RUSSIAN = {
            {"iyey", "iya"}, {"iyu", "iya"}, {"iey", "iya"}, {"ii", "iya"},
            {"ogo", "y"}, {"omu", "y"}, {"ovoy", "ova"}, {"evoy", "eva"}, {"inoy", "ina"},
            {"ovym", "ov"}, {"evym", "ev"}, {"inym", "in"}, {"ym", "y"},
            {"yem", "y"}, {"yey", "ya"}, {"yu", "ya"}, {"ye", "ya"}, {"yi", "ya"},
            {"oy", "a"}, {"oj", "a"}, {"om", ""}, {"em", ""}, {"ym", ""}, {"im", ""},
            {"ya", "y"}, {"yu", "y"}, {"ye", "y"},
            {"a", ""}, {"u", ""}, {"e", ""}, {"y", ""}, {"e", "a"}, {"y", "a"}, {"u", "a"}, {"i", "a"}, {"i", "ya"},
            {"a", "o"}, {"u", "o"}, {"e", "o"}, {"i", ""}, {"ya", ""}, {"yu", ""}, {"yem", ""}};
    /** Ukrainian (national transliteration): as Russian, with the i/o alternation of Київ, Харків, Львів. */
    private static final String[][] UKRAINIAN = {
            {"ieva", "iv"}, {"ievi", "iv"}, {"ievom", "iv"}, {"ova", "iv"}, {"ovi", "iv"}, {"ovom", "iv"},
            {"iieiu", "iia"}, {"iiu", "iia"}, {"ii", "iia"}, {"oho", "yi"}, {"omu", "yi"}, {"ym", "yi"},
            {"oiu", "a"}, {"oi", "a"}, {"om", ""}, {"ym", ""}, {"ovi", ""}, {"evi", ""}, {"iu", "ia"}, {"ii", "ia"},
            {"a", ""}, {"u", ""}, {"i", ""}, {"y", "a"}, {"u", "a"}, {"i", "a"}, {"a", "o"}, {"i", "o"}};
    /** Serbian, Croatian, Bosnian, Montenegrin: nouns of every gender and surnames in -ić. */
    private static final String[][] SOUTH_SLAVIC = {
            {"ijom", "ija"}, {"iji", "ija"}, {"ije", "ija"}, {"iju", "ija"},
            {"oj", "a"}, {"om", "a"}, {"e", "a"}, {"i", "a"}, {"u", "a"},
            {"om", ""}, {"em", ""}, {"a", ""}, {"u", ""}, {"e", ""},
            {"a", "o"}, {"u", "o"}, {"om", "o"}, {"e", "o"}, {"a", "e"}, {"u", "e"}, {"em", "e"},
            {"og", ""}, {"oga", ""}, {"ske", "ska"}, {"skoj", "ska"}, {"sku", "ska"}, {"skom", "ska"}};
    /** German: the genitive of names and the weak declension of a few ("Russlands", "Syriens", "Frankreichs"). */
    private static final String[][] GERMAN = {{"es", ""}, {"s", ""}, {"n", ""}};

    private static final String[][] NONE = {};
    /** Each language's rules by the last letter of their ending ({@link #rulesByLastLetter}), made once. */
    private static final Map<String, String[][][]> BY_LAST_LETTER = new ConcurrentHashMap<>();
    private static final String[][][] NONE_BY_LAST_LETTER = byLastLetter(NONE);

    private Inflection() {
    }

    /** The rules of a language (ISO 639-1, or null): none for languages whose names do not inflect here. */
    public static String[][] rules(String language) {
        if (language == null) {
            return NONE;
        }
        return switch (language) {
            case "ru", "be" -> RUSSIAN;
            case "uk" -> UKRAINIAN;
            case "sr", "hr", "bs", "me", "cnr", "sh", "sl" -> SOUTH_SLAVIC;
            case "de" -> GERMAN;
            default -> NONE;
        };
    }

    /**
     * The rules of a language split by the last letter of their ending, each part in the rules' order: part
     * {@code c} for a word that ends in the ASCII letter {@code c}, part 128 for any other word ({@link #last}). A
     * word is tried against its own few rules, not all of them. Words are folded: a Cyrillic word is Latin here
     * ({@code Лаврова} is {@code lavrova}, in part {@code a}), so part 128 holds only words of other scripts, and no
     * rule (every ending is ASCII).
     */
    public static String[][][] rulesByLastLetter(String language) {
        return rules(language).length == 0 ? NONE_BY_LAST_LETTER
                : BY_LAST_LETTER.computeIfAbsent(language, l -> byLastLetter(rules(l)));
    }

    private static String[][][] byLastLetter(String[][] rules) {
        String[][][] byLast = new String[129][][];
        for (int c = 0; c < byLast.length; c++) {
            List<String[]> fitting = new ArrayList<>();
            for (String[] rule : rules) {
                String ending = rule[0];
                char last = ending.isEmpty() ? 0 : ending.charAt(ending.length() - 1);
                if (ending.isEmpty() || last == c || c == 128 && last >= 128) {
                    fitting.add(rule);
                }
            }
            byLast[c] = fitting.toArray(String[][]::new);
        }
        return byLast;
    }

    /** The part of {@link #rulesByLastLetter} for the folded word of {@code length} chars at {@code from}. */
    public static int last(char[] chars, int from, int length) {
        return length == 0 || chars[from + length - 1] >= 128 ? 128 : chars[from + length - 1];
    }
}
