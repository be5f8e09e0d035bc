package io.newswatch.alerter.match;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds the Latin spellings of a Cyrillic word at the same position, so that a rule on {@code Lavrov} finds
 * {@code Лавров} and one on {@code Vucic} finds {@code Вучић}: the word as the region's own Latin alphabets write it
 * (Serbian, Montenegrin, Bosnian, Macedonian: {@code ч} → {@code c}, {@code ђ} → {@code dj}) and as English-language
 * media write Russian, Ukrainian and Belarusian names (BGN/PCGN, simplified: {@code ш} → {@code sh}, {@code х} →
 * {@code kh}, {@code е} → {@code ye} at the start of a word or after a vowel, {@code -ий} → {@code -y}). The
 * Cyrillic word stays, for rules written in Cyrillic. Expects lower-case input.
 */
final class CyrillicVariantsFilter extends TokenFilter {

    /** Letters both spellings share. */
    private static final String COMMON = "аa бb вv гg дd зz иi кk лl мm нn оo пp рr сs тt уu фf";
    private static final Map<Character, String> SOUTH_SLAVIC = table(COMMON
            + " ђdj ѓgj еe жz ѕdz јj љlj њnj ћc ќkj хh цc чc џdz шs йj ыy эe юju яja ёe ь ъ єje іi їji ґg ўu щst");
    private static final Map<Character, String> ENGLISH = table(COMMON
            + " ђdj ѓgj еe жzh ѕdz јj љlj њnj ћch ќkj хkh цts чch џdzh шsh йy ыy эe юyu яya ёe ь ъ єye іi їyi ґg ўu"
            + " щshch");
    private static final String VOWELS = "аеёиоуыэюяіїєaeiouy";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>(2);

    CyrillicVariantsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            term.setEmpty().append(pending.pop());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (hasCyrillic(term)) {
            String word = term.toString();
            String southSlavic = transliterate(word, SOUTH_SLAVIC, false);
            String english = transliterate(word, ENGLISH, true);
            pending.add(southSlavic);
            if (!english.equals(southSlavic)) {
                pending.add(english);
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }

    private static boolean hasCyrillic(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    static String transliterate(String word, Map<Character, String> table, boolean english) {
        StringBuilder latin = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (english && c == 'е' && (i == 0 || VOWELS.indexOf(word.charAt(i - 1)) >= 0)) {
                latin.append("ye");
            } else if (english && (c == 'и' || c == 'ы') && i == word.length() - 2 && word.charAt(i + 1) == 'й') {
                latin.append('y');
                i++;
            } else {
                String replacement = table.get(c);
                latin.append(replacement == null ? String.valueOf(c) : replacement);
            }
        }
        return latin.toString();
    }

    /** "аa бb ..." → {а: a, б: b, ...}; a letter alone maps to nothing (ь, ъ). */
    private static Map<Character, String> table(String pairs) {
        Map<Character, String> table = new HashMap<>();
        for (String pair : pairs.trim().split("\\s+")) {
            table.put(pair.charAt(0), pair.substring(1));
        }
        return Map.copyOf(table);
    }
}
