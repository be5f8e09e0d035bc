package io.newswatch.poller.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void collapseIsTheCharacterLoopOnEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            String text = "a" + one + one + "b " + one;
            assertThat(HtmlText.collapse(text)).as("U+%04X", c).isEqualTo(reference(text));
            assertThat(HtmlText.collapsedLength(text)).as("U+%04X", c).isEqualTo(reference(text).length());
        }
    }

    @Test
    void wordsIsTheTableLookUpOnEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            String text = one + " " + one + "x" + one + " y" + one + one;
            assertThat(ArticleExtractor.words(text)).as("U+%04X", c).isEqualTo(referenceWords(text));
        }
    }

    /**
     * Where {@code visibleCharsAtLeast(element, n)} holds, jsoup's {@code element.text()} is at least {@code n}
     * long: on every element of the extraction fixtures and of random fragments of what jsoup drops, folds or
     * keeps as it is (whitespace, no-break and zero-width spaces, soft hyphens, control characters, pre, textarea,
     * CDATA, line breaks, blocks). And the count is the visible characters themselves where nothing is dropped.
     */
    @Test
    void visibleCharsAtLeastNeverExceedsTheElementsText() throws IOException {
        List<Element> elements = new ArrayList<>();
        try (var pages = Files.list(Path.of("src/test/resources/extraction"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                elements.addAll(Jsoup.parse(page.toFile(), null, "https://example.org/").getAllElements());
            }
        }
        String[] pieces = {"<p>", "</p>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<br>", "<b>", "</b>",
                "<div>", "</div>", "<svg><![CDATA[ c d ]]></svg>", "<script>s t</script>", " ", "  ", "\t", "\n",
                "\r", "\f", "\u000B", "\u0001", "\u001F", "&nbsp;", "\u00A0", "&shy;", "\u00AD", "&#8203;",
                "\u200B", "\u2007", "\u3000", "a", "bc", "é", "Ж", "\uD83D\uDE00", "&amp;", "&lt;"};
        Random random = new Random(16);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder html = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            elements.addAll(Jsoup.parseBodyFragment(html.toString()).body().getAllElements());
        }
        int checked = 0;
        for (Element element : elements) {
            int length = element.text().length();
            for (int chars : new int[] {1, 2, 3, 5, 8, 25, 400, length, length + 1}) {
                if (chars > 0 && ArticleExtractor.visibleCharsAtLeast(element, chars)) {
                    assertThat(length).as("%s", element.outerHtml()).isGreaterThanOrEqualTo(chars);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        Element plain = Jsoup.parseBodyFragment("<div><p>ab c</p> <b>dé\u00A0f</b></div>").body().child(0);
        assertThat(ArticleExtractor.visibleCharsAtLeast(plain, 6)).isTrue();
        assertThat(ArticleExtractor.visibleCharsAtLeast(plain, 7)).isFalse();
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

    /** ArticleExtractor.words as it was: Character.isLetterOrDigit on every char. */
    private static int referenceWords(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && c >= '\u2E80') {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA) {
                    count++;
                    inWord = false;
                    continue;
                }
            }
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
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
