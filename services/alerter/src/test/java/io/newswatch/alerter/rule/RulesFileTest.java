package io.newswatch.alerter.rule;

import io.newswatch.contract.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
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

/** rules.yaml: the shipped file, every field, and mistakes that must stop the start with a clear message. */
class RulesFileTest {

    private final RuleFactory factory = new RuleFactory(Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"),
            ZoneOffset.UTC), Map.of("desk", URI.create("https://hooks.example/desk")));

    @TempDir
    Path dir;

    @Test
    void theShippedRulesFileHoldsTheTwoDefaultRules() {
        Path shipped = Path.of(System.getProperty("newswatch.home", "../.."), "deploy", "rules.yaml");
        assertThat(RulesFile.read(shipped, factory)).extracting(Rule::id)
                .containsExactly("montenegro", "nato-russia-council");
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
                """), factory);
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
    void aBadQueryNamesTheRuleTheFieldAndThePosition() throws IOException {
        Path file = write("""
                rules:
                  - id: broken
                    query: 'Montenegro AND (NATO'
                """);
        assertThatThrownBy(() -> RulesFile.read(file, factory)).hasMessageContaining("rule 1 (broken)")
                .hasMessageContaining("query").hasMessageContaining("position 15");
    }

    @Test
    void aMisspeltKeyIsAnError() throws IOException {
        Path file = write("""
                rules:
                  - id: typo
                    query: Montenegro
                    chanels: [log]
                """);
        assertThatThrownBy(() -> RulesFile.read(file, factory)).hasMessageContaining("chanels");
    }

    @Test
    void anUnknownWebhookNameAndATwiceUsedIdAreErrors() throws IOException {
        assertThatThrownBy(() -> RulesFile.read(write("""
                rules:
                  - {id: a, query: x, channels: ["webhook:nowhere"]}
                """), factory)).hasMessageContaining("no webhook named 'nowhere'");
        assertThatThrownBy(() -> RulesFile.read(write("""
                rules:
                  - {id: a, query: x}
                  - {id: a, query: y}
                """), factory)).hasMessageContaining("used twice");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "rules", ".yaml"), yaml);
    }
}
