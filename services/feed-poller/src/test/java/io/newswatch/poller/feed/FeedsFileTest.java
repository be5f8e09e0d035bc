package io.newswatch.poller.feed;

import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedsFileTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private final FeedDefinitions definitions = new FeedDefinitions(Duration.ofMinutes(5));

    @TempDir
    Path dir;

    @Test
    void loadsFeedsWithPlaceholdersAndDefaults() throws Exception {
        Path file = write("""
                feeds:
                  - url: ${WIRE_BASE:http://localhost:8090}/rss.xml
                    name: Demo Wire
                    pollInterval: PT1M
                    fullText: false
                    language: en-GB
                    tags: [demo, balkans]
                  - url: https://${DESK_HOST}/atom.xml
                    id: desk
                """);
        List<Feed> feeds = FeedsFile.load(file, definitions, NOW, Map.of("DESK_HOST", "desk.example")::get);

        assertThat(feeds).hasSize(2);
        Feed wire = feeds.get(0);
        assertThat(wire.url()).isEqualTo("http://localhost:8090/rss.xml");
        assertThat(wire.id()).isEqualTo(Ids.feed("http://localhost:8090/rss.xml"));
        assertThat(wire.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(wire.fullText()).isFalse();
        assertThat(wire.language()).isEqualTo("en");
        assertThat(wire.tags()).containsExactly("demo", "balkans");
        Feed desk = feeds.get(1);
        assertThat(desk.id()).isEqualTo("desk");
        assertThat(desk.url()).isEqualTo("https://desk.example/atom.xml");
        assertThat(desk.name()).isEqualTo("desk.example");
        assertThat(desk.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(desk.fullText()).isTrue();
        assertThat(desk.timestamp()).isEqualTo(NOW);
    }

    @Test
    void theEnvironmentWinsOverTheDefault() throws Exception {
        Path file = write("feeds:\n  - url: ${WIRE_BASE:http://localhost:8090}/rss.xml\n");
        List<Feed> feeds = FeedsFile.load(file, definitions, NOW, Map.of("WIRE_BASE", "https://wire.example")::get);
        assertThat(feeds.getFirst().url()).isEqualTo("https://wire.example/rss.xml");
    }

    @Test
    void saysWhereTheFileIsWrong() throws Exception {
        assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: https://a.example/rss\n  - name: no url\n"),
                definitions, NOW, k -> null))
                .hasMessageContaining("feed 2").hasMessageContaining("url is required");
        assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: ${MISSING}/rss\n"), definitions, NOW, k -> null))
                .hasMessageContaining("${MISSING} is not set and has no default");
        assertThatThrownBy(() -> FeedsFile.load(write("feeds:\n  - url: https://a.example/rss\n    pollIntervall: PT1M\n"),
                definitions, NOW, k -> null))
                .hasMessageContaining("feed 1").hasMessageContaining("pollIntervall");
        assertThatThrownBy(() -> FeedsFile.load(write("feeds: https://a.example/rss\n"), definitions, NOW, k -> null))
                .hasMessageContaining("expected a list");
    }

    @Test
    void anEmptyFileHasNoFeeds() throws Exception {
        assertThat(FeedsFile.load(write("# nothing yet\n"), definitions, NOW, k -> null)).isEmpty();
    }

    @Test
    void theShippedFileLoads() throws Exception {
        Path shipped = Path.of(System.getProperty("newswatch.home", "../.."), "deploy", "feeds.yaml");
        List<Feed> feeds = FeedsFile.load(shipped, definitions, NOW, k -> null);
        assertThat(feeds).isNotEmpty().allSatisfy(feed -> assertThat(feed.url()).startsWith("http"));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "feeds", ".yaml"), yaml);
    }
}
