package io.newswatch.tagging.text;

/**
 * Whether a token is another case of a word of a list: its folded spelling with a case ending of its language replaced
 * by the rule's base ({@link Inflection}: "Петром" → "petr", "Kolara" → "kolar", "Hartmanns" → "hartmann"), asked
 * of a {@link FoldedWords} set. The base forms are spelled in one small buffer, not a substring and a concatenation
 * per rule: lists of names ask this of many capitalised words.
 */
public final class InflectedForms {

    /** Letters a stem keeps at least: shorter ones would meet ordinary words. */
    private static final int MIN_STEM = 3;

    private InflectedForms() {
    }

    /**
     * True when a base form of token {@code i} in {@code language} (ISO 639-1, or null: none) is one of
     * {@code words}; the token as written is not asked.
     */
    public static boolean baseIn(FoldedWords words, Tokens t, int i, String language) {
        if (Inflection.rules(language).length == 0) {
            return false;
        }
        char[] chars = t.foldedChars();
        int from = t.foldStart(i);
        int length = t.foldLength(i);
        String[][] rules = Inflection.rulesByLastLetter(language)[Inflection.last(chars, from, length)];
        char[] candidate = null;
        for (String[] rule : rules) {
            String ending = rule[0];
            int stem = length - ending.length();
            if (stem < MIN_STEM || !t.endsWith(i, ending)) {
                continue;
            }
            String base = rule[1];
            int size = stem + base.length();
            if (candidate == null || candidate.length < size) {
                candidate = new char[size + 8];
            }
            System.arraycopy(chars, from, candidate, 0, stem);
            base.getChars(0, base.length(), candidate, stem);
            if (words.contains(candidate, 0, size)) {
                return true;
            }
        }
        return false;
    }
}
