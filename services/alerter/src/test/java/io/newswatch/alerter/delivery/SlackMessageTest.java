package io.newswatch.alerter.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed text never becomes Slack markup: no {@code <!channel>}, no mention, no disguised link. */
class SlackMessageTest {

    private static final String HOSTILE = "Breaking <!channel> <@U123> see <http://evil.example|bank> & more";

    @Test
    void theFallbackTextIsEscaped() throws Exception {
        JsonNode message = Json.mapper().readTree(SlackMessage.of(Channel.Notification.of(alert(HOSTILE,
                "https://wire.example/a"))));
        String text = message.path("text").asText();
        assertThat(text).contains("&lt;!channel&gt;", "&lt;@U123&gt;", "&lt;http://evil.example|bank&gt;",
                "&amp; more", "rule &lt;!here&gt;").doesNotContain("<!channel>", "<@U123>", "<http", "<!here>");
    }

    @Test
    void theDigestTextIsEscaped() throws Exception {
        Alert alert = alert(HOSTILE, "https://wire.example/a");
        JsonNode message = Json.mapper().readTree(SlackMessage.of(new Channel.Notification(List.of(alert, alert),
                true)));
        assertThat(message.path("text").asText()).contains("&lt;!here&gt;").doesNotContain("<!here>");
        assertThat(message.path("blocks").toString()).doesNotContain("<!channel>", "<@U123>");
    }

    @Test
    void aUrlCannotCloseItsLinkAndOpenAnother() throws Exception {
        JsonNode message = Json.mapper().readTree(SlackMessage.of(Channel.Notification.of(alert("Title",
                "https://wire.example/a?b=1&c=2|<!channel>"))));
        String blocks = message.path("blocks").toString();
        assertThat(blocks).contains("<https://wire.example/a?b=1&amp;c=2%7C&lt;!channel&gt;|Title>")
                .doesNotContain("<!channel>");
    }

    private static Alert alert(String title, String url) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, "a1", Instant.EPOCH, "rule", "rule <!here>", "q", "art",
                url, title, "Wire <@U999>", "story", 1, 0, "a <em>snippet</em> &lt;!channel&gt;", null,
                List.of("slack:hook"), List.of(), Instant.EPOCH);
    }
}
