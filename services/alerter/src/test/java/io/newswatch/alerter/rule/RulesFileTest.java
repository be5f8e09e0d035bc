package io.newswatch.alerter.rule;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rules.yaml: the shipped file, every field; a file that cannot be read stops the start with a clear message, a
 * wrong rule in it is reported (kept broken when only its query is wrong) and never stops the others.
 */
class RulesFileTest {

    private final RuleFactory factory = new RuleFactory(Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"),
            ZoneOffset.UTC), Map.of("desk", URI.create("https://hooks.example/desk")),
            new AddressGuard(List.of(), host -> {
                throw new UnknownHostException(host); // no DNS in this test
            }));

    @TempDir
    Path dir;

    @Test
    void theShippedRulesFileHoldsTheTwoDefaultRules() {
        Path shipped = Path.of(System.getProperty("newswatch.home", "../.."), "deploy", "rules.yaml");
        RulesFile.Loaded loaded = RulesFile.read(shipped, factory);
        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("montenegro", "nato-russia-council");
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void everyField() throws IOException {
        List<Rule> rules = RulesFile.read(write("""
                rules:
                  - id: lavrov
                    name: Lavrov on guarantees
                    query: 'person:"Sergey Lavrov" AND "security guarantees"~5'
                    channels: [log, "webhook:desk", "email:desk@newswatch.example"]
                    enabled: false
                    owner: russia-desk
                    tags: [russia, diplomacy]
                    scope: article
                    realert: 6h
                    mode: digest
                    digestInterval: 30m
                    escalation: {outlets: 5, languages: 2}
                """), factory).rules();
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.enabled()).isFalse();
            assertThat(rule.scope()).isEqualTo(Rule.Scope.ARTICLE);
            assertThat(rule.realert()).isEqualTo(Duration.ofHours(6));
            assertThat(rule.mode()).isEqualTo(Rule.Mode.DIGEST);
            assertThat(rule.digestInterval()).isEqualTo(Duration.ofMinutes(30));
            assertThat(rule.escalation()).isEqualTo(new Rule.Escalation(5, 2));
            assertThat(rule.tags()).containsExactly("russia", "diplomacy");
        });
    }

    @Test
    void aBadQueryIsKeptBrokenWithTheRuleTheFieldAndThePositionAndTheOthersLoad() throws IOException {
        RulesFile.Loaded loaded = RulesFile.read(write("""
                rules:
                  - id: broken
                    query: 'Montenegro AND (NATO'
                  - id: bomb
                    query: '*a??????????????????????'
                  - id: fine
                    query: Montenegro
                """), factory);
        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("broken", "bomb", "fine");
        assertThat(loaded.problems()).hasSize(2);
        assertThat(loaded.problems().getFirst()).contains("rule 1 (broken)", "query", "position 15", "kept");
        assertThat(loaded.problems().get(1)).contains("rule 2 (bomb)", "wildcard", "position 0");
    }

    @Test
    void aMisspeltKeyLeavesThatRuleOut() throws IOException {
        RulesFile.Loaded loaded = RulesFile.read(write("""
                rules:
                  - id: typo
                    query: Montenegro
                    chanels: [log]
                  - id: fine
                    query: Montenegro
                """), factory);
        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("fine");
        assertThat(loaded.problems()).singleElement().asString().contains("rule 1", "chanels", "left out");
    }

    @Test
    void anUnknownWebhookNameAndATwiceUsedIdLeaveTheRuleOut() throws IOException {
        RulesFile.Loaded loaded = RulesFile.read(write("""
                rules:
                  - {id: a, query: x, channels: ["webhook:nowhere"]}
                  - {id: b, query: x}
                  - {id: b, query: y}
                """), factory);
        assertThat(loaded.rules()).extracting(Rule::query).containsExactly("x");
        assertThat(loaded.problems()).hasSize(2);
        assertThat(loaded.problems().getFirst()).contains("no webhook named 'nowhere'");
        assertThat(loaded.problems().get(1)).contains("used twice");
    }

    @Test
    void aFileThatIsNotAListOfRulesStopsTheStart() throws IOException {
        assertThatThrownBy(() -> RulesFile.read(write("rules: [unclosed\n"), factory))
                .hasMessageContaining("not valid");
        assertThatThrownBy(() -> RulesFile.read(write("rulez: []\n"), factory)).hasMessageContaining("not valid");
    }

    @Test
    void problemsNeverQuoteAWebhookUrl() throws IOException {
        RulesFile.Loaded loaded = RulesFile.read(write("""
                rules:
                  - {id: a, query: x, channels: ["webhook:https://hooks.example/T0/B0/s3cr3t token"]}
                """), factory);
        assertThat(loaded.rules()).isEmpty();
        assertThat(loaded.problems()).singleElement().asString().contains("channels").doesNotContain("s3cr3t");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "rules", ".yaml"), yaml);
    }
}
