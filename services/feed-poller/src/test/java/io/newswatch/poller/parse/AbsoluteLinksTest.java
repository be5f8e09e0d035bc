package io.newswatch.poller.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code AbsoluteLinks.absUrl} is jsoup's {@code absUrl} on every shape of link, against every page address. */
class AbsoluteLinksTest {

    private static final List<String> BASES = List.of("https://example.org/", "https://example.org",
            "http://example.org/news/2026/story.html", "https://example.org/a/b/c/d/", "http://example.org:8080/x/y",
            "https://example.org/?page=1", "https://www.example.org/index.html#top", "", "not a page address",
            "ftp://files.example.org/x");
    private static final String[] SCHEMES = {"http://", "https://", "HTTP://", "Https://", "ftp://", "mailto:", "//",
            "http:/", "http:///", ""};
    private static final String[] HOSTS = {"example.org", "www.example.org", "a-b.example.org", "127.0.0.2", "x",
            "Example.ORG", "example.org.", "-x.org", "x-.org", "ex_ample.org", "exämple.org", "user@example.org",
            "[::1]", ""};
    private static final String[] PORTS = {"", ":80", ":443", ":8080", ":1", ":65535", ":99999", ":080", ":0", ":",
            ":x"};
    private static final String[] SEGMENTS = {"/", "/a", "/news", "/.x", "/..y", "/.", "/..", "/./", "/../", "/%2e",
            "/%2E%2E", "/a:b", "/@", "/~u", "/(x)", "/a;b=c", "/é", "/a b", "/a\\b", "/\t", "/a%20b", "/*", "/!$&'+,",
            "//", "/index.html", "/a-b_c.d"};
    private static final String[] QUERIES = {"", "?", "?x=1", "?x=1&y=2", "?a/b?c", "?x=é", "?x y", "?%", "?#"};
    private static final String[] FRAGMENTS = {"", "#", "#top", "#a/b?c", "#x y", "#é", "##"};

    @Test
    void sameAsJsoupOnEveryShape() throws IOException {
        Set<String> hrefs = new LinkedHashSet<>(List.of("", " ", "/", "./", ".", "..", "../", "?x", "#top",
                "world", "/world", " https://example.org/", "https://example.org/ ", "https://example.org/\u0001x",
                "https://example.org/\nx", "javascript:void(0)", "https://example.org/a/./b", "https://example.org/a/../b"));
        Random random = new Random(16);
        for (int n = 0; n < 6_000; n++) {
            StringBuilder href = new StringBuilder(pick(random, SCHEMES)).append(pick(random, HOSTS))
                    .append(pick(random, PORTS));
            for (int s = random.nextInt(4); s > 0; s--) {
                href.append(pick(random, SEGMENTS));
            }
            hrefs.add(href.append(pick(random, QUERIES)).append(pick(random, FRAGMENTS)).toString());
        }
        // and every link and canonical link of the extraction fixtures
        try (var pages = Files.list(Path.of("src/test/resources/extraction"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Jsoup.parse(page.toFile(), null, "https://example.org/").select("[href]")
                        .forEach(link -> hrefs.add(link.attr("href")));
            }
        }
        int asItIs = 0;
        List<String> differ = new ArrayList<>();
        for (String base : BASES) {
            Document document = Jsoup.parse("<a>link</a>", base);
            Element link = document.selectFirst("a");
            for (String href : hrefs) {
                link.attr("href", href);
                String expected = link.absUrl("href");
                if (!AbsoluteLinks.absUrl(link, "href").equals(expected)) {
                    differ.add(href + " against " + base + ": " + expected);
                }
                asItIs += href.equals(expected) ? 1 : 0;
            }
        }
        assertThat(differ).isEmpty();
        assertThat(asItIs).isGreaterThan(2_000); // the shortcut is exercised, not only the fallback
        Element none = Jsoup.parse("<a>link</a>", "https://example.org/").selectFirst("a");
        assertThat(AbsoluteLinks.absUrl(none, "href")).isEqualTo(none.absUrl("href")).isEmpty();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
