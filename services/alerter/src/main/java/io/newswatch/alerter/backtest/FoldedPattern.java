package io.newswatch.alerter.backtest;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lucene regular expressions (Elasticsearch's {@code regexp} query) that find a folded word in an unfolded keyword
 * value: {@code djukanovic} becomes a pattern that also accepts {@code Đukanović}. Built from Lucene's own folding
 * table over Latin-1 and Latin Extended-A/B (the letters of European names), with {@code Đ} as {@code Dj} like the
 * matcher. Matching is meant to be run case-insensitively; both cases of non-ASCII letters are listed anyway.
 */
final class FoldedPattern {

    /** Folded text (one to three ASCII letters) to the letters that fold to it. */
    private static final Map<String, String> SOURCES = sources();
    /** Characters that Lucene's regular expression syntax reserves. */
    private static final String RESERVED = ".?+*|{}[]()\"\\#@&<>~";

    private FoldedPattern() {
    }

    private static Map<String, String> sources() {
        Map<String, StringBuilder> sources = new TreeMap<>();
        char[] out = new char[4];
        for (char c = '\u00C0'; c <= '\u024F'; c++) {
            String folded = c == 'Đ' || c == 'đ' ? "dj"
                    : new String(out, 0, ASCIIFoldingFilter.foldToASCII(new char[]{c}, 0, out, 0, 1))
                    .toLowerCase(Locale.ROOT);
            if (!folded.equals(String.valueOf(c).toLowerCase(Locale.ROOT)) && folded.chars().allMatch(ch -> ch < 128)) {
                sources.computeIfAbsent(folded, k -> new StringBuilder()).append(c);
            }
        }
        Map<String, String> result = new HashMap<>();
        sources.forEach((folded, chars) -> result.put(folded, chars.toString()));
        return Map.copyOf(result);
    }

    /** A pattern for one folded word (lowercase ASCII, from the matcher's analysis), accepting its unfolded forms. */
    static String word(String folded) {
        return word(folded, 0);
    }

    private static String word(String folded, int from) {
        if (from >= folded.length()) {
            return "";
        }
        StringBuilder alternatives = new StringBuilder();
        for (int length = 2; length <= 3 && from + length <= folded.length(); length++) {
            String sources = SOURCES.get(folded.substring(from, from + length));
            if (sources != null) {
                alternatives.append('|').append(charClass(sources)).append(word(folded, from + length));
            }
        }
        String single = letter(folded.charAt(from)) + word(folded, from + 1);
        return alternatives.isEmpty() ? single : "(" + single + alternatives + ")";
    }

    /** One folded letter: itself (either case) or any letter that folds to it. */
    private static String letter(char c) {
        String sources = SOURCES.get(String.valueOf(c));
        if (sources == null && !Character.isLetter(c)) {
            return escape(c);
        }
        String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
        return charClass(c + (upper.length() == 1 && upper.charAt(0) != c ? upper : "")
                + (sources == null ? "" : sources));
    }

    private static String charClass(String chars) {
        if (chars.length() == 1) {
            return escape(chars.charAt(0));
        }
        StringBuilder set = new StringBuilder("[");
        for (char c : chars.toCharArray()) {
            set.append(c == ']' || c == '\\' || c == '^' || c == '-' ? "\\" + c : String.valueOf(c));
        }
        return set.append(']').toString();
    }

    private static String escape(char c) {
        return RESERVED.indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    /** Not a letter or digit of any script: what separates words in a name. */
    private static final String SEPARATOR = "[ \\-.,'/()&_:;\"!?\u2019\u2018\u2013\u2014]";

    /**
     * A value containing these words, in this order, separated by separators: a name containing the phrase. With
     * one word, a name containing that word.
     */
    static String phrase(List<String> folded) {
        StringBuilder pattern = new StringBuilder("(.*" + SEPARATOR + ")?");
        for (int i = 0; i < folded.size(); i++) {
            if (i > 0) {
                pattern.append(SEPARATOR).append('+');
            }
            pattern.append(word(folded.get(i)));
        }
        return pattern.append("(").append(SEPARATOR).append(".*)?").toString();
    }

    /**
     * A value containing a word that matches a wildcard pattern of the matcher ({@code *} any letters, {@code ?}
     * one), its literal letters accepting their unfolded forms.
     */
    static String wildcard(String folded) {
        StringBuilder pattern = new StringBuilder(".*");
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\\' && i + 1 < folded.length()) {
                literal.append(folded.charAt(++i));
            } else if (c == '*' || c == '?') {
                pattern.append(word(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return pattern.append(word(literal.toString())).append(".*").toString();
    }
}
