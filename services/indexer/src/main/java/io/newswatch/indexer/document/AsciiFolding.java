package io.newswatch.indexer.document;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds text to ASCII at index time, so that an analyst typing {@code Djukanovic} or {@code Vucic} in Kibana finds
 * an article that writes {@code Đukanović} or {@code Вучић}. The folded text goes into {@code text_folded}, an
 * ordinary {@code text} field: it works on every Elasticsearch distribution, including the minimal one without
 * the {@code asciifolding} filter.
 *
 * <p>Three steps, in order:
 * <ol>
 *   <li>Cyrillic is transliterated to Latin: the way the region's own Latin alphabets write it for Serbian,
 *       Montenegrin, Bosnian and Macedonian articles ({@code Ђ} → {@code Dj}, {@code Ч} → {@code C}), the way
 *       English-language media write it for every other language, after BGN/PCGN with the common simplifications
 *       ({@code Шойгу} → {@code Shoygu}, {@code Ельцин} → {@code Yeltsin}, {@code Дмитрий} → {@code Dmitry}).</li>
 *   <li>{@code Đ}/{@code đ} become {@code Dj}/{@code dj}, as they are written in ASCII across the Western Balkans
 *       (Djokovic, Djukanovic); Lucene's table would give a bare {@code D}.</li>
 *   <li>Everything else goes through Lucene's {@link ASCIIFoldingFilter} table, the one Elasticsearch's
 *       {@code asciifolding} filter uses: {@code ć} → {@code c}, {@code ß} → {@code ss}, {@code Ø} → {@code O},
 *       ligatures, typographic quotes.</li>
 * </ol>
 */
public final class AsciiFolding {

    /** Languages whose Cyrillic is transliterated the way their own Latin alphabet writes it. */
    private static final Set<String> SOUTH_SLAVIC = Set.of("sr", "mk", "bs", "hr", "me", "cnr", "sh");

    private static final Map<Character, String> SOUTH_SLAVIC_CYRILLIC = lowerAndUpper(Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('ђ', "dj"), Map.entry('ѓ', "gj"), Map.entry('е', "e"), Map.entry('ж', "z"), Map.entry('з', "z"),
            Map.entry('ѕ', "dz"), Map.entry('и', "i"), Map.entry('ј', "j"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('љ', "lj"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('њ', "nj"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('ћ', "c"),
            Map.entry('ќ', "kj"), Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "h"), Map.entry('ц', "c"),
            Map.entry('ч', "c"), Map.entry('џ', "dz"), Map.entry('ш', "s")));

    private static final Map<Character, String> ENGLISH_CYRILLIC = lowerAndUpper(Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('є', "ye"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('й', "y"),
            Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ў', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"),
            // Serbian and Macedonian letters in an article of another language
            Map.entry('ђ', "dj"), Map.entry('ѓ', "gj"), Map.entry('ѕ', "dz"), Map.entry('ј', "j"),
            Map.entry('љ', "lj"), Map.entry('њ', "nj"), Map.entry('ћ', "c"), Map.entry('ќ', "kj"),
            Map.entry('џ', "dz")));

    /** After these (and at the start of a word) Russian "е" is written "ye". */
    private static final String RUSSIAN_VOWELS = "аеёиоуыэюяъьАЕЁИОУЫЭЮЯЪЬ";

    private AsciiFolding() {
    }

    /**
     * The text folded to ASCII wherever a folding is known; characters of other scripts are kept as they are.
     *
     * @param language the article's ISO 639-1 code, or null; it only decides how Cyrillic is transliterated
     */
    public static String fold(String text, String language) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isAscii(text)) {
            return text;
        }
        Map<Character, String> cyrillic = language != null
                && SOUTH_SLAVIC.contains(language.toLowerCase(Locale.ROOT)) ? SOUTH_SLAVIC_CYRILLIC : ENGLISH_CYRILLIC;
        StringBuilder latin = new StringBuilder(text.length() + 16);
        boolean english = cyrillic == ENGLISH_CYRILLIC;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (english && (c == 'е' || c == 'Е') && (i == 0 || RUSSIAN_VOWELS.indexOf(text.charAt(i - 1)) >= 0
                    || !Character.isLetter(text.charAt(i - 1)))) {
                latin.append(c == 'е' ? "ye" : "Ye"); // Ельцин -> Yeltsin, Евгений -> Yevgeny
            } else if (english && "иыИЫ".indexOf(c) >= 0 && endsWordWithShortI(text, i)) {
                latin.append(Character.isUpperCase(c) ? 'Y' : 'y'); // Дмитрий -> Dmitry
                i++;
            } else {
                String replacement = c == 'Đ' ? "Dj" : c == 'đ' ? "dj" : cyrillic.get(c);
                latin.append(replacement == null ? String.valueOf(c) : replacement);
            }
        }
        char[] input = new char[latin.length()];
        latin.getChars(0, input.length, input, 0);
        // Lucene's contract: one input character folds to at most four.
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }

    /** "ий" or "ый" at the end of a word. */
    private static boolean endsWordWithShortI(String text, int index) {
        return index + 1 < text.length() && (text.charAt(index + 1) == 'й' || text.charAt(index + 1) == 'Й')
                && (index + 2 == text.length() || !Character.isLetter(text.charAt(index + 2)));
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The table as given (lower case) plus the capitals, capitalised ("Ж" -> "Zh"); the field's analyzer lower-cases
     * anyway, so "ШОЙГУ" -> "ShOYGU" is as good as "SHOYGU".
     */
    private static Map<Character, String> lowerAndUpper(Map<Character, String> lower) {
        HashMap<Character, String> both = new HashMap<>(lower);
        lower.forEach((c, latin) -> both.put(Character.toUpperCase(c),
                latin.isEmpty() ? latin : Character.toUpperCase(latin.charAt(0)) + latin.substring(1)));
        return Map.copyOf(both);
    }
}
