package io.newswatch.poller.publish;

import io.newswatch.contract.Article;
import io.newswatch.contract.Json;
import io.newswatch.contract.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** An article's record value is the bytes its JSON string gave before: {@code Json.encode(article)} in UTF-8. */
class KafkaPublisherTest {

    private static final List<String> TEXTS = List.of("", "plain ASCII", "quotes \" and \\ backslash / slash",
            "control \u0000 \u0001 \t \n \r \u001F \u007F", "Ünïcödé, кириллица, 中文, العربية",
            "emoji \uD83D\uDE00 and \uD83C\uDDFA\uD83C\uDDE6 flags, \uD800\uDC00 first", "separators \u2028 \u2029",
            "no-break\u00A0space, zero\u200Bwidth, BOM \uFEFF", "<script>alert('x')</script> & entities &amp;",
            "replacement \uFFFD and the last \uDBFF\uDFFF");

    @Test
    void sameBytesAsTheJsonString() {
        for (String text : TEXTS) {
            assertSame(article(text, text, List.of(text)));
        }
        Random random = new Random(14);
        for (int n = 0; n < 2_000; n++) {
            assertSame(article(randomText(random), randomText(random), List.of(randomText(random), "x")));
        }
    }

    @Test
    void absentFieldsAreOmittedAsBefore() {
        Article article = new Article(Article.SCHEMA_VERSION, Article.TYPE, "a1", Instant.EPOCH, "https://x.example/1",
                null, null, null, null, null, null, false, null, null, null, null, 1);
        assertSame(article);
    }

    private static void assertSame(Article article) {
        byte[] before = Json.encode(article).getBytes(StandardCharsets.UTF_8);
        assertThat(KafkaPublisher.encode(article)).as(article.title()).isEqualTo(before);
        assertThat(Json.decode(KafkaPublisher.encode(article), Article.class)).isEqualTo(article);
    }

    private static Article article(String title, String body, List<String> categories) {
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, "id-" + title.hashCode(),
                Instant.parse("2026-12-07T06:00:00.123456Z"), "https://news.example/a?x=1&y=\u00E9", title, body + " summary",
                body, "Ana Author", "en", Instant.parse("2026-12-07T05:59:00Z"), true, Instant.parse("2026-12-07T06:00:01Z"),
                categories, new Source("Site " + title, "news.example", "feed-1", "https://news.example/rss", List.of("t", title)),
                "sha256:00ff", 2);
    }

    /** Valid text of any code points (surrogates only in pairs, as decoded pages and feeds give). */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> 0x10000 + random.nextInt(0x100000);
            };
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                codePoint = 'x';
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
