package io.newswatch.alerter.delivery;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What reads, logs, alerts and dead letters may show of a channel: a label, never a secret. */
class RedactionTest {

    private static final String SLACK = "slack:https://hooks.slack.example/services/T000/B000/XXXXsecretXXXX";
    private static final String WEBHOOK = "webhook:https://bot:pa55word@hooks.example.com:8443/in?token=s3cr3t";

    @Test
    void aChannelIsShownByItsNameOrKindAndHost() {
        assertThat(ChannelTarget.labels(List.of("log", "email:desk@newswatch.example", "webhook:desk", SLACK,
                WEBHOOK, "webhook:https://hooks.example.com/other", "pager:42")))
                .containsExactly("log", "email:desk@newswatch.example", "webhook:desk", "slack:hooks.slack.example",
                        "webhook:hooks.example.com:8443", "webhook:hooks.example.com", "invalid-channel");
    }

    @Test
    void twoHooksOnOneHostGetLabelsOfTheirOwnAndALabelStaysALabel() {
        List<String> labels = ChannelTarget.labels(List.of("webhook:https://h.example/a", "webhook:https://h.example/b",
                "webhook:http://[::1]:8089/c"));
        assertThat(labels).containsExactly("webhook:h.example", "webhook:h.example#2", "webhook:[::1]:8089");
        assertThat(ChannelTarget.labels(labels)).isEqualTo(labels);
    }

    @Test
    void textLosesUserInformationPathQueryAndReceiversAnswers() {
        assertThat(Redaction.text("POST https://bot:pa55word@hooks.example.com:8443/in?token=s3cr3t failed; see "
                + "http://user@other.example/x#frag and ftp://files.example"))
                .isEqualTo("POST https://hooks.example.com:8443 failed; see http://other.example and "
                        + "ftp://files.example");
        assertThat(Redaction.text("POST http://h.example/… answered HTTP 500: {\"error\": \"token xoxb-123\"}"))
                .isEqualTo("POST http://h.example answered HTTP 500");
        assertThat(Redaction.text(null)).isNull();
    }

    @Test
    void anArticleUrlIsLoggedWithoutItsUserInformationOnly() {
        assertThat(Redaction.withoutUserInfo("https://reader:pa55@wire.example/news/1?x=y"))
                .isEqualTo("https://wire.example/news/1?x=y");
        assertThat(Redaction.withoutUserInfo("https://wire.example/news/a@b")).isEqualTo("https://wire.example/news/a@b");
        assertThat(Redaction.withoutUserInfo("not a url")).isEqualTo("not a url");
    }

    @Test
    void textRedactionIsLinearOnHostileInput() {
        String hostile = "a://".repeat(5_000) + "x".repeat(10_000) + "@".repeat(10_000);
        long started = System.nanoTime();
        Redaction.text(hostile);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void aRuleIsShownWithLabels() {
        Rule rule = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "r", Instant.EPOCH, "R", "q", List.of("log", SLACK),
                true, null, List.of(), null, null, null, null, null);
        assertThat(Redaction.rule(rule).channels()).containsExactly("log", "slack:hooks.slack.example");
        assertThat(Redaction.rule(rule).id()).isEqualTo("r");
    }

    @Test
    void anAlertOfAnEarlierVersionLosesItsUrlsAndTheReceiversAnswers() {
        Alert old = new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, "a", Instant.EPOCH, "r", "R", "q", "art",
                "https://wire.example/x", "T", "S", "s", 1, 0, null, null, List.of("log", WEBHOOK),
                List.of(new Alert.Delivery("log", "delivered", 1, Instant.EPOCH, null),
                        new Alert.Delivery(WEBHOOK, "failed", 1, Instant.EPOCH,
                                "POST https://hooks.example.com:8443/… answered HTTP 403: invalid token s3cr3t")),
                Instant.EPOCH);
        Alert shown = Redaction.alert(old);
        assertThat(shown.channels()).containsExactly("log", "webhook:hooks.example.com:8443");
        assertThat(shown.deliveries()).extracting(Alert.Delivery::channel)
                .containsExactly("log", "webhook:hooks.example.com:8443");
        assertThat(shown.deliveries().get(1).error()).isEqualTo("POST https://hooks.example.com:8443 answered HTTP 403");
        assertThat(shown.toString()).doesNotContain("s3cr3t", "pa55word", "/in");
        assertThat(Redaction.alert(shown)).isSameAs(shown);
    }
}
