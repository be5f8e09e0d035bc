package io.newswatch.poller.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of an expected text an extracted text covers, scored the way the public article-extraction benchmarks
 * do: both texts cut into tokens, tokens joined into overlapping runs of four (shingles), shingles counted with
 * repeats; per page, true positives, false positives and false negatives as shares of their sum (so long pages
 * weigh no more than short ones); over pages, the mean precision and mean recall, and F1 of the two means.
 *
 * <p>A token is a run of letters, digits and underscores, except that each Chinese character, kana and
 * ideographic numeral is a token of its own: CJK text has no spaces, and counting a whole sentence as one token
 * would score a page with one wrong character as entirely wrong.
 */
public final class TextOverlap {

    private static final int SHINGLE = 4;

    /**
     * One page's overlap, normalised so that the three add up to 1 (or all 0 when both texts are empty).
     *
     * @param tp shingles in both texts
     * @param fp shingles extracted but not expected
     * @param fn shingles expected but not extracted
     */
    public record Page(double tp, double fp, double fn) {

        /** Precision, counted in the mean only when something was extracted. */
        public double precision() {
            return fp == 0 && fn == 0 ? 1 : tp + fp == 0 ? 0 : tp / (tp + fp);
        }

        /** Recall, counted in the mean only when something was expected. */
        public double recall() {
            return fp == 0 && fn == 0 ? 1 : tp + fn == 0 ? 0 : tp / (tp + fn);
        }

        /** F1 of this page alone. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * Mean precision and recall over pages and the F1 of the two.
     *
     * @param precision mean over the pages where something was extracted
     * @param recall    mean over the pages where something was expected
     * @param f1        harmonic mean of the two
     */
    public record Summary(double precision, double recall, double f1) {
    }

    private TextOverlap() {
    }

    /** The overlap of one page's extracted text with its expected text. */
    public static Page page(String expected, String extracted) {
        Map<List<String>, Integer> want = shingles(tokens(expected));
        Map<List<String>, Integer> got = shingles(tokens(extracted));
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (Map.Entry<List<String>, Integer> entry : got.entrySet()) {
            int expectedCount = want.getOrDefault(entry.getKey(), 0);
            tp += Math.min(expectedCount, entry.getValue());
            fp += Math.max(0, entry.getValue() - expectedCount);
        }
        for (Map.Entry<List<String>, Integer> entry : want.entrySet()) {
            fn += Math.max(0, entry.getValue() - got.getOrDefault(entry.getKey(), 0));
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new Page(0, 0, 0) : new Page(tp / sum, fp / sum, fn / sum);
    }

    /** The benchmark's summary of many pages. */
    public static Summary summary(List<Page> pages) {
        double precision = pages.stream().filter(p -> p.tp() + p.fp() > 0).mapToDouble(Page::precision).average()
                .orElse(0);
        double recall = pages.stream().filter(p -> p.tp() + p.fn() > 0).mapToDouble(Page::recall).average()
                .orElse(0);
        return new Summary(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /** Tokens of a text: word runs, and single CJK characters. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (cjk(c)) {
                if (start >= 0) {
                    tokens.add(text.substring(start, i));
                    start = -1;
                }
                tokens.add(text.substring(i, next));
            } else if (Character.isLetterOrDigit(c) || c == '_' || (start >= 0 && mark(c))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i = next;
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    /** Combining marks inside a word (Devanagari vowel signs, Thai tone marks) belong to it. */
    private static boolean mark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    static boolean cjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> shingles = new HashMap<>();
        if (tokens.isEmpty()) {
            return shingles;
        }
        for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
            shingles.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + SHINGLE))), 1, Integer::sum);
        }
        return shingles;
    }
}
