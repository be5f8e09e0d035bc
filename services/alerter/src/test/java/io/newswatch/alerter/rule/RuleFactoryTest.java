package io.newswatch.alerter.rule;

import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Editing what a read returned (channels by label) keeps the channels' URLs; errors never quote a URL. */
class RuleFactoryTest {

    private static final String SLACK = "slack:https://hooks.slack.example/services/T0/B0/s3cr3t";
    private static final String HOOK = "webhook:https://ops.example/in?token=s3cr3t";

    private final RuleFactory factory = new RuleFactory(Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"),
            ZoneOffset.UTC), Map.of("desk", URI.create("https://hooks.example/desk")));

    @Test
    void anEditThatSendsTheLabelsBackKeepsTheUrls() throws InvalidRuleException {
        Rule stored = factory.build("r", new RuleRequest(null, "R", "Montenegro", List.of("log", SLACK, HOOK),
                null, null, null, null, null, null, null, null));
        RuleRequest fromRead = RuleRequest.of(Redaction.rule(stored));
        assertThat(fromRead.channels()).containsExactly("log", "slack:hooks.slack.example", "webhook:ops.example");

        RuleRequest edited = new RuleRequest(null, "R", "Montenegro OR Podgorica", fromRead.channels(), null, null,
                null, null, null, null, null, null);
        assertThat(factory.build("r", edited, stored).channels()).containsExactly("log", SLACK, HOOK);
        // dropping a label drops its channel; a new URL is taken as given
        RuleRequest fewer = new RuleRequest(null, "R", "Montenegro", List.of("webhook:ops.example",
                "webhook:https://new.example/x"), null, null, null, null, null, null, null, null);
        assertThat(factory.build("r", fewer, stored).channels())
                .containsExactly(HOOK, "webhook:https://new.example/x");
        // without the stored rule, a label is no channel
        assertThat(catchThrowableOfType(InvalidRuleException.class, () -> factory.build("r", edited)).field())
                .isEqualTo("channels");
    }

    @Test
    void aChannelErrorNeverQuotesTheUrl() {
        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class, () -> factory.build("r",
                new RuleRequest(null, null, "Montenegro", List.of("webhook:https://hooks.example/s3cr3t token"),
                        null, null, null, null, null, null, null, null)));
        assertThat(e.field()).isEqualTo("channels");
        assertThat(e.getMessage()).doesNotContain("s3cr3t");
    }
}
