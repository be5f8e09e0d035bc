package io.newswatch.stack.launcher;

import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./newswatch status} shows which rules are broken, and why. */
class StatusReportTest {

    @Test
    void brokenRulesAreListedWithTheirReason() throws Exception {
        var rules = Json.mapper().readTree("""
                [{"id": "montenegro", "query": "Montenegro"},
                 {"id": "bomb", "query": "(the OR ...", "problem": {"reason": "the query has 1200 clauses",
                  "position": 0, "since": "2026-11-20T08:00:00Z"}}]
                """);
        assertThat(StatusReport.rulesSection(rules)).containsExactly("RULES: 2 (1 BROKEN, not matching)",
                "  BROKEN bomb                     the query has 1200 clauses at position 0 (since 2026-11-20T08:00:00Z)");
    }

    @Test
    void noBrokenRuleNoNoise() throws Exception {
        assertThat(StatusReport.rulesSection(Json.mapper().readTree("[{\"id\": \"a\"}]")))
                .containsExactly("RULES: 1");
    }
}
