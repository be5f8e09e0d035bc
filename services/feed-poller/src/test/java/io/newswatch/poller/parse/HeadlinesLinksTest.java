package io.newswatch.poller.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The links {@code Headlines.siteNames} does not resolve: none of them resolves to a site's root. */
class HeadlinesLinksTest {

    private static final List<String> BASES = List.of("https://example.org/", "https://example.org",
            "http://example.org/news/2026/story.html", "https://example.org/a/b/c/d/", "http://example.org:8080/x/y",
            "https://example.org/?page=1", "https://www.example.org/index.html#top");
    private static final List<String> HREFS = List.of("", " ", "/", "./", ".", "..", "../", "../../../..", "a/../..",
            "a/../../../../", "/a/../", "/a/..", "/.", "/./", "//example.org", "//example.org/", "/\\example.org",
            "\\\\example.org", "?", "?x=1", "#", "#top", "https://example.org", "https://example.org/", "http:/",
            "HTTPS://EXAMPLE.ORG/", "world", "/world", "/world/", "world/..", "world/../..", "world/./", "/world?x=1",
            "/world#top", "index.html", "/index.html", "a b", " /", "\t/", "/%2e%2e/", "world/%2E%2E/%2e%2e",
            "mailto:x@example.org", "javascript:void(0)", "1", "/1/", "é", "/é/..", "/a:b", "a%2F..");

    @Test
    void linksThatAreNotResolvedNeverResolveToTheRoot() {
        List<String> skipped = new ArrayList<>();
        for (String base : BASES) {
            String host = URI.create(base).getHost();
            List<String> homes = List.of("https://" + host + "/", "http://" + host + "/", "https://" + host,
                    "http://" + host);
            Document document = Jsoup.parse("<a>link</a>", base);
            Element link = document.selectFirst("a");
            for (String href : HREFS) {
                link.attr("href", href);
                if (Headlines.pathBelowRoot(href)) {
                    skipped.add(href);
                    assertThat(homes).as("%s against %s", href, base).doesNotContain(link.absUrl("href"));
                }
            }
        }
        // the common shapes are the ones skipped
        assertThat(skipped).contains("world", "/world", "/world/", "index.html", "/index.html", "/world?x=1")
                .doesNotContain("/", "./", "", "../", "a/../..", "//example.org", "https://example.org", "?", "#");
    }
}
