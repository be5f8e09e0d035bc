package io.newswatch.alerter.match;

import io.newswatch.folding.TextFolding;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Folds each word with the folding every newswatch service shares ({@link TextFolding}: case, diacritics, {@code Đ}
 * as {@code dj}, Cyrillic transliterated), and, when asked, adds the word's other spellings at the same position
 * ({@link TextFolding#variants}): {@code Шойгу} is also read {@code shoigu}, {@code schoigu}, {@code sojgu};
 * {@code Schröder} also {@code schroeder}. A rule on any of them matches an article writing any other.
 */
final class FoldingFilter extends TokenFilter {

    private final boolean variants;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>(4);

    FoldingFilter(TokenStream input, boolean variants) {
        super(input);
        this.variants = variants;
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
        if (lowerCaseIfAscii(term)) {
            return true;
        }
        String word = term.toString();
        if (!variants) {
            term.setEmpty().append(TextFolding.fold(word));
            return true;
        }
        Iterator<String> spellings = TextFolding.variants(word, null).iterator();
        term.setEmpty().append(spellings.next());
        spellings.forEachRemaining(pending::add);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }

    /**
     * An ASCII word folds to itself lower-cased and has no other spelling ({@link TextFolding#variants}): it is
     * lower-cased in place, without the strings and sets of the general case (most words of an English article,
     * capitalised or not). Returns false, changing nothing, for any other word.
     */
    private static boolean lowerCaseIfAscii(CharTermAttribute term) {
        char[] chars = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; i++) {
            if (chars[i] >= 0x80) {
                return false;
            }
        }
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
            }
        }
        return true;
    }
}
