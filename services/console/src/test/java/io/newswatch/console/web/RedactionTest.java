package io.newswatch.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void urlsLoseTheirCredentialsAndSecretParameters() {
        assertThat(Redaction.url("https://reader:s3cret@feeds.example.org/rss.xml"))
                .isEqualTo("https://feeds.example.org/rss.xml");
        assertThat(Redaction.url("https://feeds.example.org/rss?token=abc123&lang=en&api_key=k&sig=x#top"))
                .isEqualTo("https://feeds.example.org/rss?token=…&lang=en&api_key=…&sig=…#top");
        assertThat(Redaction.url("http://user@host:8090/a@b")).isEqualTo("http://host:8090/a@b");
        assertThat(Redaction.url("https://example.org/news?page=2")).isEqualTo("https://example.org/news?page=2");
        assertThat(Redaction.url("not a url")).isEqualTo("not a url");
    }

    @Test
    void webhookChannelsShowTheirKindAndHostOnly() {
        assertThat(Redaction.channel("slack:https://hooks.slack.com/services/T000/B000/XXXXSECRET"))
                .isEqualTo("slack (hooks.slack.com)").doesNotContain("SECRET");
        assertThat(Redaction.channel("webhook:https://user:pw@ops.example.org/hook?token=abc"))
                .isEqualTo("webhook (ops.example.org)");
        assertThat(Redaction.channel("webhook:ops")).isEqualTo("webhook:ops");
        assertThat(Redaction.channel("webhook:hooks.example.com")).isEqualTo("webhook:hooks.example.com");
        assertThat(Redaction.channel("email:desk@example.org")).isEqualTo("email:desk@example.org");
        assertThat(Redaction.channel("log")).isEqualTo("log");
        assertThat(Redaction.redacted("slack (hooks.slack.com)")).isTrue();
        assertThat(Redaction.redacted("webhook:ops")).isFalse();
    }
}
