package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer(List.of("src"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://news.example/a?utm_source=rss&utm_medium=feed              | https://news.example/a
            https://news.example/a?id=7&fbclid=IwAR0x&gclid=xyz&x=1            | https://news.example/a?id=7&x=1
            HTTPS://News.Example:443/a/./b/../c#comments                       | https://news.example/a/c
            http://news.example:80                                             | http://news.example/
            http://news.example:8080/a                                         | http://news.example:8080/a
            https://news.example/%7euser/%c3%a9t%C3%A9                         | https://news.example/~user/%C3%A9t%C3%A9
            https://news.example/a?at_medium=RSS&at_campaign=KARANGA&page=2    | https://news.example/a?page=2
            https://news.example/a?src=twitter&ref=home                        | https://news.example/a?ref=home
            https://user:secret@news.example/a                                 | https://news.example/a
            https://www.google.com/url?rct=j&sa=t&url=https://news.example/story%3Futm_source%3Dalert&ct=ga | https://news.example/story
            https://news.example/path with space                               | https://news.example/path%20with%20space
            https://пример.срб/вести                                           | https://xn--e1afmkfd.xn--90a3ac/%D0%B2%D0%B5%D1%81%D1%82%D0%B8
            """)
    void canonicalForms(String url, String canonical) {
        assertThat(canonicalizer.canonical(url)).contains(canonical);
    }

    @Test
    void refusesWhatIsNotAnAbsoluteWebUrl() {
        assertThat(canonicalizer.canonical("/relative/path")).isEmpty();
        assertThat(canonicalizer.canonical("mailto:desk@news.example")).isEmpty();
        assertThat(canonicalizer.canonical("javascript:alert(1)")).isEmpty();
        assertThat(canonicalizer.canonical("")).isEmpty();
        assertThat(canonicalizer.canonical(null)).isEmpty();
    }

    @Test
    void domainDropsWww() {
        assertThat(UrlCanonicalizer.domain("https://www.news.example/a")).isEqualTo("news.example");
        assertThat(UrlCanonicalizer.domain("https://balkans.news.example/a")).isEqualTo("balkans.news.example");
    }
}
