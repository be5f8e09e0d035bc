package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction's text loops give what the regex and the per-character loop they replaced gave. */
class TextLoopsTest {

    private static final Pattern NOT_WORD_OR_SPACE = Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final String SPACES = " \t\n\r\f\u000B\u001C\u00A0\u1680\u2000\u2007\u200B\u2028\u202F\u205F\u3000";

    @Test
    void lettersDigitsSpacesIsTheRegexOnEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "1 ";
            assertThat(ArticleExtractor.lettersDigitsSpaces(text)).as("U+%04X", codePoint)
                    .isEqualTo(NOT_WORD_OR_SPACE.matcher(text).replaceAll(""));
        }
        for (String text : new String[] {"", "abc", "!!", "a\uD800b", "\uDC00", "x\uD83D", "Ünï-cödé 12, 3½ Ⅻ!"}) {
            assertThat(ArticleExtractor.lettersDigitsSpaces(text)).isEqualTo(NOT_WORD_OR_SPACE.matcher(text).replaceAll(""));
        }
        Random random = new Random(14);
        for (int n = 0; n < 20_000; n++) {
            String text = random(random, "ab, .-!éЖ中\uD83D\uDE00\uD800" + SPACES);
            assertThat(ArticleExtractor.lettersDigitsSpaces(text)).isEqualTo(NOT_WORD_OR_SPACE.matcher(text).replaceAll(""));
        }
    }

    @Test
    void collapseIsTheCharacterLoop() {
        for (String text : new String[] {"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "\u00A0a\u00A0", "a \u200B b",
                "  lead", "trail  ", "one two three", "x\n\ny", "\u3000", "é ü"}) {
            assertThat(HtmlText.collapse(text)).as("[%s]", text).isEqualTo(reference(text));
        }
        Random random = new Random(14);
        for (int n = 0; n < 50_000; n++) {
            String text = random(random, "ab.é" + SPACES);
            assertThat(HtmlText.collapse(text)).as("[%s]", text).isEqualTo(reference(text));
            assertThat(HtmlText.collapsedLength(text)).as("[%s]", text).isEqualTo(reference(text).length());
        }
    }

    @Test
    void collapseReturnsTextThatNeedsNoChangeAsItIs() {
        String text = "Already one line, single spaces.";
        assertThat(HtmlText.collapse(text)).isSameAs(text);
    }

    /** HtmlText.collapse as it was: one character at a time. */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B') {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String random(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
