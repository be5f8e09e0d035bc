package io.newswatch.tagging.text;

import io.newswatch.folding.Cyrillic;
import io.newswatch.folding.TextFolding;

import java.util.Set;

/**
 * Splits text into words the way every dictionary of the enricher is split, so that "NATO-Russia Council",
 * "NATO Russia Council" and "NATO–Russia council" all become the same three words, and "NATO's" the word "NATO"
 * followed by a possessive. Letters and digits make words; everything else separates them. Apostrophes split words
 * ("O'Brien" is "O" "Brien", in names and in text alike) except a possessive {@code 's}, which is dropped and
 * flagged. Dots split too ("U.S." is "U" "S"), and end a sentence unless they follow an abbreviation or an initial.
 */
public final class Tokenizer {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "gov",
            "sen", "rep", "st", "jr", "sr", "prof", "no", "vs", "inc", "co", "corp", "ltd", "capt", "adm", "maj", "cmdr",
            "pres", "rev", "hon", "amb", "dept", "mt", "ft", "sec", "fig", "approx", "est", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** {@link #kind} bits. An upper-case letter is not also counted lower case, as before. */
    private static final int LETTER_OR_DIGIT = 1;
    private static final int UPPER = 2;
    private static final int LOWER = 4;
    /** A non-spacing mark (a combining accent), which continues a word though it is no letter. */
    private static final int MARK = 8;
    /**
     * {@link #kind} of the characters below {@code 0x530} (Latin with diacritics, Greek, Cyrillic), made once: a word
     * of such letters asked {@link Character} three times per letter (a tenth of tokenizing in a profile).
     */
    private static final byte[] KINDS = new byte[0x530];

    static {
        for (char c = 0; c < KINDS.length; c++) {
            KINDS[c] = (byte) computeKind(c);
        }
    }

    private Tokenizer() {
    }

    private static int kind(char c) {
        return c < KINDS.length ? KINDS[c] : computeKind(c);
    }

    private static int computeKind(char c) {
        if (Character.isLetterOrDigit(c)) {
            return LETTER_OR_DIGIT | (Character.isUpperCase(c) ? UPPER : Character.isLowerCase(c) ? LOWER : 0);
        }
        return Character.getType(c) == Character.NON_SPACING_MARK ? MARK : 0;
    }

    /** FNV-1a over folded characters; the hash every dictionary keys on. */
    public static long hash(char[] chars, int offset, int length) {
        long h = FNV_OFFSET;
        for (int i = offset; i < offset + length; i++) {
            h ^= chars[i];
            h *= FNV_PRIME;
        }
        return h;
    }

    /** {@link #hash} of a text that goes on with {@code more}: {@code hash} is the hash of what came before it. */
    public static long hashMore(long hash, CharSequence more) {
        long h = hash;
        for (int i = 0; i < more.length(); i++) {
            h ^= more.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Tokenizes a whole text whose language is unknown. */
    public static Tokens tokenize(String text) {
        return tokenize(text, Cyrillic.Scheme.forLanguage(null));
    }

    /** Tokenizes a whole text; the language (ISO 639-1, or null) decides how its Cyrillic words fold. */
    public static Tokens tokenize(String text, String language) {
        return tokenize(text, Cyrillic.Scheme.forLanguage(language));
    }

    /** Tokenizes a whole text, folding its Cyrillic words in {@code scheme} (unless their letters say otherwise). */
    public static Tokens tokenize(String text, Cyrillic.Scheme scheme) {
        Tokens t = new Tokens(text, Math.max(16, text.length() / 5));
        // Room for the text as ASCII; a word with other letters is checked for room before it folds.
        char[] folded = new char[text.length() * 2 + 16];
        t.folded = folded;
        int n = text.length();
        int i = 0;
        int pending = Tokens.SENTENCE_START | Tokens.LINE_START;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (!letterOrDigit(c)) {
                pending |= separatorFlags(text, i, c, t);
                i++;
                continue;
            }
            if (t.size == t.start.length) {
                t.grow();
            }
            int k = t.size;
            int tokenStart = i;
            int foldStart = t.foldedLength;
            if (foldStart + (n - tokenStart) > folded.length) {
                // earlier words folded longer than they were written (щ is shch): room for the rest as ASCII
                folded = java.util.Arrays.copyOf(folded, Math.max(folded.length * 2, foldStart + n - tokenStart + 16));
                t.folded = folded;
            }
            int at = foldStart;
            int upper = 0;
            int lower = 0;
            long h = FNV_OFFSET;
            boolean firstUpper = c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c) || Character.isTitleCase(c);
            boolean digitFirst = c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
            boolean ascii = true;
            while (i < n) {
                char d = text.charAt(i);
                if (d < 128) {
                    char f;
                    if (d >= 'a' && d <= 'z') {
                        lower++;
                        f = d;
                    } else if (d >= 'A' && d <= 'Z') {
                        upper++;
                        f = (char) (d + 32);
                    } else if (d >= '0' && d <= '9') {
                        f = d;
                    } else {
                        break;
                    }
                    folded[at++] = f;
                    h = (h ^ f) * FNV_PRIME; // as the letters are folded: no second pass over an ASCII word
                    i++;
                } else {
                    int kind = kind(d);
                    if ((kind & (LETTER_OR_DIGIT | MARK)) == 0) {
                        break;
                    }
                    if ((kind & UPPER) != 0) {
                        upper++;
                    } else if ((kind & LOWER) != 0) {
                        lower++;
                    }
                    ascii = false;
                    i++;
                }
            }
            if (!ascii) {
                // the whole word through the shared folding: Cyrillic needs the word's own letters and context
                int room = (i - tokenStart) * 7 + 8;
                if (foldStart + room > folded.length) {
                    folded = java.util.Arrays.copyOf(folded, Math.max(folded.length * 2, foldStart + room));
                    t.folded = folded;
                }
                at = foldStart + TextFolding.foldWord(text, tokenStart, i,
                        Cyrillic.schemeOf(text, tokenStart, i, scheme), folded, foldStart);
                h = hash(folded, foldStart, at - foldStart);
            }
            int flags = pending;
            pending = 0;
            // possessive 's / ’s: part of the word's span, not of its letters
            int tokenEnd = i;
            if (i + 1 < n && isApostrophe(text.charAt(i)) && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 == n || !letterOrDigit(text.charAt(i + 2)))) {
                flags |= Tokens.POSSESSIVE;
                i += 2;
            }
            t.start[k] = tokenStart;
            t.end[k] = tokenEnd;
            t.foldStart[k] = foldStart;
            t.foldLength[k] = at - foldStart;
            t.foldedLength = at;
            t.hash[k] = h;
            t.shape[k] = digitFirst ? Tokens.NUMBER
                    : upper == 0 && lower == 0 ? Tokens.UNCASED
                    : lower == 0 ? Tokens.UPPER
                    : firstUpper ? Tokens.CAPITALIZED : Tokens.LOWER;
            t.flags[k] = flags;
            t.size++;
        }
        return t;
    }

    private static int separatorFlags(String text, int i, char c, Tokens t) {
        switch (c) {
            case '\n', '\r', '\u2029' -> {
                return Tokens.LINE_START | Tokens.SENTENCE_START;
            }
            case '.', '!', '?', '…' -> {
                if (c == '.' && t.size > 0 && abbreviationBefore(t, i)) {
                    return 0;
                }
                // "3.5" and "U.S." do not end sentences; ".\"" and ". " do
                if (i + 1 < text.length() && letterOrDigit(text.charAt(i + 1))) {
                    return 0;
                }
                return Tokens.SENTENCE_START | Tokens.AFTER_PUNCTUATION;
            }
            case '-', '‐', '‑', '–', '—' -> {
                boolean joined = t.size > 0 && t.end[t.size - 1] == i
                        && i + 1 < text.length() && letterOrDigit(text.charAt(i + 1));
                return joined ? Tokens.AFTER_HYPHEN : Tokens.AFTER_PUNCTUATION;
            }
            case ',' -> {
                return Tokens.AFTER_COMMA;
            }
            case '"', '“', '”', '„', '«', '»', '‘', '’', '\'' -> {
                return isApostrophe(c) && t.size > 0 && t.end[t.size - 1] == i ? 0 : Tokens.AFTER_QUOTE;
            }
            case ' ', '\t', '\u00a0' -> {
                return 0;
            }
            default -> {
                return Tokens.AFTER_PUNCTUATION;
            }
        }
    }

    private static boolean abbreviationBefore(Tokens t, int dot) {
        int last = t.size - 1;
        if (t.end[last] != dot) {
            return false;
        }
        int length = t.foldLength[last];
        if (length == 1 && t.shape[last] == Tokens.UPPER) {
            return true; // an initial: "U.S.", "John F. Kennedy"
        }
        return length <= 5 && ABBREVIATIONS.contains(new String(t.folded, t.foldStart[last], length));
    }

    private static boolean letterOrDigit(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return (kind(c) & LETTER_OR_DIGIT) != 0;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ';
    }
}
