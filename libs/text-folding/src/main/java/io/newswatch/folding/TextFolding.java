package io.newswatch.folding;

import io.newswatch.folding.Cyrillic.Scheme;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one folding of text that every newswatch service uses, so that a name is found however it is written: the
 * enricher's dictionaries and the text it tags, the indexer's {@code text_folded}, the alerter's analyser and its
 * backtest. The scheme is described in {@code docs/text-folding.md}; in short:
 *
 * <ul>
 *   <li>lower case; diacritics removed ({@code Vučić} → {@code vucic}); letters that do not decompose written as the
 *       region writes them in ASCII: {@code đ} → {@code dj}, {@code ß} → {@code ss}, {@code æ} → {@code ae},
 *       {@code ø} → {@code o}, {@code ł} → {@code l}, {@code þ} → {@code th}; compatibility forms decomposed
 *       (ligatures, full-width letters);</li>
 *   <li>Cyrillic transliterated word by word ({@link Cyrillic}): South Slavic texts the way their Latin edition is
 *       written (so both scripts fold alike), Ukrainian in the national system, everything else the way
 *       English-language media write Russian; a word with Serbian or Ukrainian letters follows its own letters;</li>
 *   <li>every other character is only lower-cased: punctuation, digits and other scripts stay where they are.</li>
 * </ul>
 *
 * {@link #variants} adds the other spellings readers type (Shoigu, Shoygu, Schoigu, Sojgu for Шойгу; Schroeder for
 * Schröder), for matchers that can hold several words at one position.
 */
public final class TextFolding {

    private static final int TABLE_SIZE = 0x10000;
    /** One-character foldings; {@link #MULTI} where the folding is empty or longer (then see {@link #LONG}). */
    private static final char[] SINGLE = new char[TABLE_SIZE];
    private static final String[] LONG = new String[TABLE_SIZE];
    private static final char MULTI = '\uFFFF';

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            String folded = compute((char) c);
            if (folded.length() == 1 && folded.charAt(0) != MULTI) {
                SINGLE[c] = folded.charAt(0);
            } else {
                SINGLE[c] = MULTI;
                LONG[c] = folded;
            }
        }
    }

    private TextFolding() {
    }

    /** The folded text (language unknown: Cyrillic folds by its letters, else as Russian). */
    public static String fold(CharSequence text) {
        return fold(text, null);
    }

    /**
     * The folded text.
     *
     * @param language the text's ISO 639-1 code, or null; it only decides how Cyrillic is transliterated
     */
    public static String fold(CharSequence text, String language) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 16);
        Scheme scheme = Scheme.forLanguage(language);
        char[] buffer = new char[64];
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Cyrillic.isCyrillic(c)) {
                appendFolded(c, out);
                i++;
                continue;
            }
            int end = i;
            while (end < n && (Cyrillic.isCyrillic(text.charAt(end)) || isMark(text.charAt(end)))) {
                end++;
            }
            if (buffer.length < (end - i) * 7 + 8) {
                buffer = new char[(end - i) * 7 + 8];
            }
            int length = foldWord(text, i, end, Cyrillic.schemeOf(text, i, end, scheme), buffer, 0);
            out.append(buffer, 0, length);
            i = end;
        }
        return out.toString();
    }

    /**
     * Folds one word {@code text[from, to)} into {@code out} from {@code at}; returns how many characters were
     * written (at most {@code 7 * (to - from)}: щ is {@code schtsch} in the German scheme, every other letter folds to
     * at most three). For tokenizers that fold as they split.
     *
     * @param scheme how Cyrillic is written: {@link Cyrillic#schemeOf} of the word and the text's scheme
     */
    public static int foldWord(CharSequence text, int from, int to, Scheme scheme, char[] out, int at) {
        int start = at;
        int[] consumed = new int[1];
        for (int i = from; i < to; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                i++;
                continue;
            }
            if (Cyrillic.isCyrillic(c)) {
                String latin = Cyrillic.letter(text, i, from, to, scheme, consumed);
                if (latin != null) {
                    for (int k = 0; k < latin.length(); k++) {
                        out[at++] = latin.charAt(k);
                    }
                    i += consumed[0];
                    continue;
                }
            }
            char single = SINGLE[c];
            if (single != MULTI) {
                out[at++] = single;
            } else {
                String folded = LONG[c];
                for (int k = 0; k < folded.length(); k++) {
                    out[at++] = folded.charAt(k);
                }
            }
            i++;
        }
        return at - start;
    }

    /**
     * A text for a search engine that indexes one string per document and cannot hold several words at one position
     * (Elasticsearch's {@code text_folded}): the {@link #fold folded text}, then, after a blank line, the other
     * spellings of its words that have some ({@link #variants}), each once. A phrase is found as the text writes it
     * folded; a single word also in its other spellings ({@code Shoigu} and {@code Schoigu} for {@code Шойгу}).
     */
    public static String searchText(CharSequence text, String language) {
        String folded = fold(text, language);
        if (text == null || isAscii(text)) {
            return folded;
        }
        Set<String> extra = new LinkedHashSet<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean plain = true;
            while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || isMark(text.charAt(end)))) {
                char c = text.charAt(end);
                plain &= !Cyrillic.isCyrillic(c) && "äöüåøđÄÖÜÅØĐ".indexOf(c) < 0;
                end++;
            }
            if (!plain) {
                Set<String> variants = variants(text.subSequence(i, end), language);
                variants.stream().skip(1).forEach(extra::add);
            }
            i = end;
        }
        if (extra.isEmpty()) {
            return folded;
        }
        return folded + "\n\n" + String.join(" ", extra);
    }

    private static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The folding of one character outside Cyrillic: usually one character, sometimes none or two. */
    public static String fold(char c) {
        char single = SINGLE[c];
        return single != MULTI ? String.valueOf(single) : LONG[c];
    }

    /**
     * Every folded spelling of a word that a reader may type, the word's own {@link #fold} first: for a Cyrillic word
     * its spelling in each {@link Scheme} ({@code Шойгу}: shoygu, shoigu, schoigu, sojgu); for a Latin word with
     * umlauts or Nordic vowels also their digraphs ({@code Schröder}: schroder, schroeder). Other words have one.
     *
     * @param language the text's language, or null
     */
    public static Set<String> variants(CharSequence word, String language) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(fold(word, language));
        boolean cyrillic = false;
        boolean digraphs = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            cyrillic |= Cyrillic.isCyrillic(c);
            digraphs |= "äöüåøÄÖÜÅØ".indexOf(c) >= 0;
        }
        if (cyrillic) {
            char[] buffer = new char[word.length() * 7 + 8];
            for (Scheme scheme : Scheme.values()) {
                int length = foldWord(word, 0, word.length(), scheme, buffer, 0);
                variants.add(new String(buffer, 0, length));
            }
        }
        if (digraphs) {
            variants.add(fold(germanicDigraphs(word), language));
        }
        String folded = variants.iterator().next();
        if (folded.contains("dj") && (contains(word, 'đ') || contains(word, 'ђ'))) {
            variants.add(folded.replace("dj", "d")); // Đ as a bare D, as ASCII folding elsewhere writes it
        }
        return variants;
    }

    /**
     * The inverse of the folding for the letters of European names (Latin-1 and Latin Extended-A/B, umlauts as
     * digraphs too, and Cyrillic in every {@link Scheme}, context rules aside): each folded ASCII string ("c", "dj", "sh") with the letters, both
     * cases, that fold to it. For searching unfolded values with a folded word (regular expressions over keywords).
     */
    public static java.util.Map<String, String> sources() {
        java.util.Map<String, StringBuilder> sources = new java.util.TreeMap<>();
        for (char c = '\u00C0'; c <= '\u024F'; c++) {
            String folded = fold(c);
            if (!folded.isEmpty() && !folded.equals(String.valueOf(Character.toLowerCase(c)))
                    && folded.chars().allMatch(ch -> ch < 128)) {
                sources.computeIfAbsent(folded, k -> new StringBuilder()).append(c);
            }
        }
        sources.computeIfAbsent("'", k -> new StringBuilder()).append("’‘ʼ");
        for (String umlaut : List.of("äÄ", "öÖøØ", "üÜ", "åÅ")) {
            String digraph = germanicDigraphs(umlaut.substring(0, 1));
            sources.computeIfAbsent(digraph, k -> new StringBuilder()).append(umlaut);
        }
        int[] consumed = new int[1];
        for (char c = '\u0400'; c < '\u0500'; c++) {
            for (Scheme scheme : Scheme.values()) {
                // the letter first in a word and after a consonant (Київ is kyiv, Їжак yizhak)
                for (String word : List.of(String.valueOf(c), "б" + c)) {
                    String latin = Cyrillic.letter(word, word.length() - 1, 0, word.length(), scheme, consumed);
                    if (latin != null && !latin.isEmpty()) {
                        StringBuilder letters = sources.computeIfAbsent(latin, k -> new StringBuilder());
                        if (letters.indexOf(String.valueOf(c)) < 0) {
                            letters.append(c);
                        }
                    }
                }
            }
        }
        java.util.Map<String, String> result = new java.util.HashMap<>();
        sources.forEach((folded, letters) -> result.put(folded, letters.toString()));
        return java.util.Map.copyOf(result);
    }

    /** Umlauts and Nordic vowels as digraphs, as they are written without them: Schröder is Schroeder, Løkke Loekke. */
    public static String germanicDigraphs(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String digraph = switch (Character.toLowerCase(c)) {
                case 'ä' -> "ae";
                case 'ö', 'ø' -> "oe";
                case 'ü' -> "ue";
                case 'å' -> "aa";
                default -> null;
            };
            if (digraph == null) {
                out.append(c);
            } else {
                out.append(Character.isUpperCase(c) ? Character.toUpperCase(digraph.charAt(0)) : digraph.charAt(0))
                        .append(digraph.charAt(1));
            }
        }
        return out.toString();
    }

    private static void appendFolded(char c, StringBuilder out) {
        if (c < 0x80) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            return;
        }
        char single = SINGLE[c];
        if (single != MULTI) {
            out.append(single);
        } else {
            out.append(LONG[c]);
        }
    }

    private static boolean contains(CharSequence word, char lower) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(word.charAt(i)) == lower) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static String compute(char c) {
        if (c < 0x80) {
            return String.valueOf(Character.toLowerCase(c));
        }
        if (Character.isSurrogate(c)) {
            return String.valueOf(c);
        }
        switch (c) {
            case 'đ', 'Đ' -> {
                return "dj"; // the South Slavic way: Đukanović is Djukanovic
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
            case 'ß', 'ẞ' -> {
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
            case 'ŀ', 'Ŀ' -> {
                return "l";
            }
            case '’', '‘', 'ʼ', '`', '´' -> {
                return "'"; // Da’esh and Da'esh are one word
            }
            default -> {
                // decomposed below
            }
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
        StringBuilder base = new StringBuilder(2);
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                base.append(Character.toLowerCase(d));
            }
        }
        if (base.isEmpty() || !Character.isLetterOrDigit(c) && base.length() > 1) {
            // a mark alone, or a symbol that decomposes into several (¼, ㎏): keep it as it is
            return String.valueOf(Character.toLowerCase(c));
        }
        return base.toString();
    }
}
