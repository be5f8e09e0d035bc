package io.newswatch.alerter.backtest;

import io.newswatch.folding.TextFolding;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lucene regular expressions (Elasticsearch's {@code regexp} query) that find a folded word in an unfolded keyword
 * value: {@code djukanovic} becomes a pattern that also accepts {@code Đukanović} and {@code Ђукановић}. Built from
 * the inverse of the folding all services share ({@link TextFolding#sources}: Latin-1, Latin Extended-A/B and
 * Cyrillic), with {@code Đ} as {@code dj} like the matcher. Matching is meant to be run case-insensitively; both
 * cases of non-ASCII letters are listed anyway.
 */
final class FoldedPattern {

    /** Folded text (ASCII letters) to the letters that fold to it, from the folding all services share. */
    private static final Map<String, String> SOURCES = TextFolding.sources();
    /** The longest folded text one letter makes (щ is schtsch in one scheme). */
    private static final int LONGEST = SOURCES.keySet().stream().mapToInt(String::length).max().orElse(1);
    /** Characters that Lucene's regular expression syntax reserves. */
    private static final String RESERVED = ".?+*|{}[]()\"\\#@&<>~";

    private FoldedPattern() {
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
        for (int length = 2; length <= LONGEST && from + length <= folded.length(); length++) {
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
