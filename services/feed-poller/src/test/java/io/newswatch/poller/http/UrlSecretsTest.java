package io.newswatch.poller.http;

import io.newswatch.contract.Feed;
import io.newswatch.poller.feed.FeedView;
import io.newswatch.poller.rest.ReadAccess;
import io.newswatch.poller.state.FeedStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UrlSecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://reader:s3cret@wire.example/rss.xml|https://***@wire.example/rss.xml",
            "https://token@wire.example:8443/rss|https://***@wire.example:8443/rss",
            "https://wire.example/rss?token=abc&page=2|https://wire.example/rss?token=***&page=2",
            "https://wire.example/rss?page=2&apikey=abc|https://wire.example/rss?page=2&apikey=***",
            "https://wire.example/rss?API_KEY=abc;key=x#top|https://wire.example/rss?API_KEY=***;key=***#top",
            "https://wire.example/rss?access_token=a&sig=b&signature=c&password=d&secret=e|https://wire.example/rss?access_token=***&sig=***&signature=***&password=***&secret=***",
            "https://wire.example/rss?x-private-token=a&client_secret=b|https://wire.example/rss?x-private-token=***&client_secret=***",
            "https://wire.example/rss?monkey=a&keyword=b|https://wire.example/rss?monkey=a&keyword=b",
            "https://wire.example/a@b?q=1|https://wire.example/a@b?q=1",
            "https://wire.example/rss#token=abc|https://wire.example/rss#token=abc",
            "not a url|not a url"})
    void secretsInAUrlAreHidden(String url, String shown) {
        assertThat(UrlSecrets.redact(url)).isEqualTo(shown);
    }

    @Test
    void everyUrlInAMessageIsRedacted() {
        assertThat(UrlSecrets.redactText("redirect loop: https://u:p@a.example/x?key=1 -> http://b.example/?token=2 "
                + "-> \"https://u:p@a.example/x?key=1\""))
                .isEqualTo("redirect loop: https://***@a.example/x?key=*** -> http://b.example/?token=*** "
                        + "-> \"https://***@a.example/x?key=***\"");
        assertThat(UrlSecrets.redactText("HTTP 404 from https://wire.example/rss")).isEqualTo("HTTP 404 from https://wire.example/rss");
        assertThat(UrlSecrets.redactText(null)).isNull();
    }

    @Test
    void longHostileTextIsScannedInLinearTime() {
        String text = "https://x.example/?" + "a&".repeat(50_000) + "=" + " http".repeat(20_000);
        long started = System.nanoTime();
        UrlSecrets.redactText(text);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aReadShowsTheFeedsSecretsOnlyWithTheApiKeyAndTheStatusNever() {
        Feed feed = new Feed(Feed.SCHEMA_VERSION, Feed.TYPE, "f1", Instant.EPOCH,
                "https://reader:pw@wire.example/rss?token=abc", "Wire", Duration.ofMinutes(5), true, null, List.of());
        FeedStatus status = FeedStatus.pending(Instant.EPOCH);
        status = new FeedStatus(null, null, 404, "HTTP 404 from https://reader:pw@wire.example/rss?token=abc", "HTTP", 1,
                0, null, null, null, null, null, "none", "guid", null, "https://old:pw@wire.example/feed?key=k", 0,
                "refused http://10.0.0.1/?sig=s: private", 1,
                "https://wire.example/story?token=t disallowed by https://wire.example/robots.txt", null, null,
                List.of("moved from https://a:b@wire.example/"), null);

        ReadAccess withKey = new ReadAccess(Optional.of("the-key"));
        ReadAccess noKeyConfigured = new ReadAccess(Optional.empty());
        assertThat(withKey.revealsSecrets("the-key")).isTrue();
        assertThat(withKey.revealsSecrets("wrong")).isFalse();
        assertThat(withKey.revealsSecrets(null)).isFalse();
        assertThat(noKeyConfigured.revealsSecrets("anything")).isFalse();

        FeedView hidden = FeedView.of(feed, status, false);
        assertThat(hidden.url()).isEqualTo("https://***@wire.example/rss?token=***");
        assertThat(hidden.status().error()).isEqualTo("HTTP 404 from https://***@wire.example/rss?token=***");
        assertThat(hidden.status().movedFrom()).isEqualTo("https://***@wire.example/feed?key=***");
        assertThat(hidden.status().lastRefusedLink()).isEqualTo("refused http://10.0.0.1/?sig=***: private");
        assertThat(hidden.status().warnings()).containsExactly("moved from https://***@wire.example/");
        assertThat(hidden.status().lastDisallowedPage())
                .isEqualTo("https://wire.example/story?token=*** disallowed by https://wire.example/robots.txt");
        FeedView shown = FeedView.of(feed, status, true);
        assertThat(shown.url()).isEqualTo(feed.url());
        assertThat(shown.status().error()).isEqualTo(hidden.status().error());
    }
}
