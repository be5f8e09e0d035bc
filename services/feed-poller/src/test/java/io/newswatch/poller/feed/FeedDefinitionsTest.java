package io.newswatch.poller.feed;

import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedDefinitionsTest {

    private final FeedDefinitions definitions = new FeedDefinitions(Duration.ofMinutes(5));

    @Test
    void aUrlWithSpacesIsRegisteredPercentEncodedSoThatTheUrlPolledIsTheUrlRegistered() throws Exception {
        Feed feed = definitions.toFeed(new FeedDefinition(null, " https://wire.example/news feed.xml?q=a b ", null, null,
                null, null, List.of()), Instant.EPOCH);
        assertThat(feed.url()).isEqualTo("https://wire.example/news%20feed.xml?q=a%20b");
        assertThat(URI.create(feed.url()).getPath()).isEqualTo("/news feed.xml");
        assertThat(feed.id()).isEqualTo(Ids.feed(feed.url()));
    }
}
