package io.newswatch.enricher.text;

import java.text.Normalizer;

/**
 * Case and diacritic folding of single characters, the one normalisation every dictionary and every text goes
 * through: "Đukanović" and "DJUKANOVIC" both fold to "djukanovic" (đ is "dj", as South Slavic names are
 * transliterated), "Türkiye" to "turkiye".
 *
 * <p>A table covers the Latin, Greek and Cyrillic blocks (computed once from Unicode decompositions plus the letters
 * that do not decompose, such as đ, ł, ø); other characters are only lower-cased.
 */
public final class Folding {

    private static final int TABLE_SIZE = 0x0530;
    private static final String[] TABLE = new String[TABLE_SIZE];

    static {
        for (char c = 0; c < TABLE_SIZE; c++) {
            TABLE[c] = compute(c);
        }
    }

    private Folding() {
    }

    /** The folded form of one character: usually one character, sometimes none (a combining mark) or two (ß). */
    public static String fold(char c) {
        if (c < TABLE_SIZE) {
            return TABLE[c];
        }
        return String.valueOf(Character.toLowerCase(c));
    }

    /** Appends the folded form of {@code c}; returns the number of characters appended. */
    static int fold(char c, char[] out, int at) {
        if (c < 0x80) {
            out[at] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            return 1;
        }
        String folded = fold(c);
        for (int i = 0; i < folded.length(); i++) {
            out[at + i] = folded.charAt(i);
        }
        return folded.length();
    }

    /** Folds a whole string (for dictionaries, context words and tests). */
    public static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(fold(text.charAt(i)));
        }
        return out.toString();
    }

    private static String compute(char c) {
        switch (c) {
            case 'đ', 'Đ' -> {
                return "dj"; // the South Slavic transliteration: Đukanović is Djukanovic
            }
            case 'ð', 'Ð' -> {
                return "d";
            }
            case 'ł', 'Ł' -> {
                return "l";
            }
            case 'ø', 'Ø' -> {
                return "o";
            }
            case 'ı' -> {
                return "i";
            }
            case 'ß' -> {
                return "ss";
            }
            case 'æ', 'Æ' -> {
                return "ae";
            }
            case 'œ', 'Œ' -> {
                return "oe";
            }
            case 'þ', 'Þ' -> {
                return "th";
            }
            case 'ħ', 'Ħ' -> {
                return "h";
            }
            case 'й' -> {
                return "й";
            }
            case 'Й' -> {
                return "й";
            }
            case 'ё', 'Ё' -> {
                return "е";
            }
            default -> {
                // falls through to the decomposition below
            }
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(2);
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                base.append(Character.toLowerCase(d));
            }
        }
        return base.isEmpty() ? String.valueOf(Character.toLowerCase(c)) : base.toString();
    }
}
