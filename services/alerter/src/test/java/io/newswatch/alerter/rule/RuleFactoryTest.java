package io.newswatch.alerter.rule;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Editing what a read returned (channels by label) keeps the channels' URLs; errors never quote a URL; a webhook
 * whose host is internal is refused when the rule is written.
 */
class RuleFactoryTest {

    private static final String SLACK = "slack:https://hooks.slack.example/services/T0/B0/s3cr3t";
    private static final String HOOK = "webhook:https://ops.example/in?token=s3cr3t";

    /** The test's DNS: a few names, address literals as themselves, nothing else resolves. */
    private static final Map<String, String> DNS = Map.of("ops.example", "93.184.216.34",
            "hooks.slack.example", "93.184.216.35", "new.example", "93.184.216.36",
            "lapsed.example", "10.0.0.7", "receiver.test", "127.0.0.1");

    private final AddressGuard guard = new AddressGuard(List.of("receiver.test:9000", "127.0.0.2:9001"), host -> {
        String address = DNS.get(host);
        if (address == null && !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address == null ? host : address)};
    });
    private final RuleFactory factory = new RuleFactory(Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"),
            ZoneOffset.UTC), Map.of("desk", URI.create("https://hooks.example/desk")), guard);

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

    @Test
    void aWebhookToAnInternalAddressIsRefusedWithTheReason() {
        assertThat(refusal("webhook:http://127.0.0.1:8080/hook?token=s3cr3t"))
                .isEqualTo("webhook:127.0.0.1:8080 is refused: 127.0.0.1 is a loopback address; webhooks go to public"
                        + " addresses only (newswatch.alerter.ssrf.allow lists exceptions)");
        assertThat(refusal("slack:http://169.254.169.254/latest/meta-data/iam/s3cr3t"))
                .startsWith("slack:169.254.169.254 is refused: 169.254.169.254 is a link-local (cloud metadata)");
        assertThat(refusal("webhook:https://lapsed.example/in?token=s3cr3t"))
                .startsWith("webhook:lapsed.example is refused: lapsed.example resolves to 10.0.0.7, a private");
        assertThat(refusal("webhook:http://[::1]:9000/x")).contains("loopback");
        assertThat(refusal("webhook:http://receiver.test:9001/x")).as("allowed on another port only")
                .contains("loopback");
    }

    @Test
    void allowListedReceiversAndUnresolvableHostsAreKept() throws InvalidRuleException {
        List<String> channels = List.of("webhook:http://receiver.test:9000/hook", "webhook:http://127.0.0.2:9001/x",
                "webhook:https://not-resolvable-now.example/in");
        assertThat(factory.build("r", new RuleRequest(null, null, "Montenegro", channels, null, null, null, null,
                null, null, null, null)).channels()).containsExactlyElementsOf(channels);
    }

    private String refusal(String channel) {
        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class, () -> factory.build("r",
                new RuleRequest(null, null, "Montenegro", List.of("log", channel), null, null, null, null, null,
                        null, null, null)));
        assertThat(e).as(channel).isNotNull();
        assertThat(e.field()).isEqualTo("channels");
        assertThat(e.getMessage()).doesNotContain("s3cr3t", "token", "meta-data");
        return e.getMessage();
    }
}
