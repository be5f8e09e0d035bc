package io.newswatch.launcher;

import io.newswatch.stack.BindAddress;
import io.newswatch.stack.ServiceProcesses;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./newswatch status} shows which rules are broken and why, and no secret that a feed's URL or its error carries. */
class StatusReportTest {

    @TempDir
    Path dir;

    @Test
    void aFeedWithoutANameIsShownWithoutItsCredentialsOrQuery() throws Exception {
        JsonNode feeds = Json.mapper().readTree("""
                [{"url": "https://alice:s3cret@private.example/rss?token=t0ken", "status": {"httpStatus": 401,
                  "error": "HTTP 401 from https://alice:s3cret@private.example/rss?token=t0ken"}},
                 {"name": "Demo Wire", "url": "http://127.0.0.1:8090/rss.xml", "status": {"pagesDisallowed": 3}}]""");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(new StackHome(dir, dir.resolve(".newswatch")), StackSettings.from(Map.of()));
        StatusReport report = new StatusReport(stack, new ServiceProcesses(stack.home(), BindAddress.LOOPBACK), Map.of(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        report.printFeeds(feeds);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("https://private.example/rss").contains("Demo Wire").contains("HTTP 401 from")
                .doesNotContain("s3cret").doesNotContain("alice").doesNotContain("t0ken")
                .containsOnlyOnce("pages disallowed by robots.txt: 3");
    }

    @Test
    void urlsLoseUserInfoAndQuery() {
        assertThat(Redact.url("https://u:p@host.example:8443/feed.xml?key=1")).isEqualTo("https://host.example:8443/feed.xml?…");
        assertThat(Redact.url("http://host.example/rss")).isEqualTo("http://host.example/rss");
        assertThat(Redact.text("see https://u:p@a.example/x and ftp://b.example/y")).isEqualTo("see https://***@a.example/x and ftp://b.example/y");
        assertThat(Redact.text("(https://u:p@a.example)")).isEqualTo("(https://***@a.example)");
        assertThat(Redact.text("https://a.example/who@where")).isEqualTo("https://a.example/who@where");
        assertThat(Redact.url("not a url at all")).isEqualTo("not a url at all");
        assertThat(Redact.text("GET https://a.example/hook?token=x failed")).isEqualTo("GET https://a.example/hook?… failed");
        // adversarial input takes linear time: well under a second of this thread's CPU
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        for (String hostile : List.of("://".repeat(5_000) + "@".repeat(5_000) + "?".repeat(5_000),
                "https://" + "a@".repeat(5_000), "x://".repeat(3_000) + " ://".repeat(2_000))) {
            Redact.text(hostile);
            Redact.url(hostile);
        }
        assertThat(threads.getCurrentThreadCpuTime() - started).isLessThan(1_000_000_000L);
    }

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

    @Test
    void aNicedStageThatIsBehindSaysWhyAndHowToGiveItNormalPriority() {
        Map<String, ConsumerGroupLag.Lag> lags = new java.util.LinkedHashMap<>();
        lags.put("enricher", new ConsumerGroupLag.Lag(true, 3, 0));
        lags.put("indexer", new ConsumerGroupLag.Lag(true, 4_123, 0));
        lags.put("alerter", new ConsumerGroupLag.Lag(false, -1, 12));

        List<String> lines = StatusReport.backlogSection(lags,
                Map.of("indexer", OptionalInt.of(10), "enricher", OptionalInt.of(0)));

        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).contains("enricher").contains(" 3").doesNotContain("niceness");
        assertThat(lines.get(2)).contains("indexer").contains("4,123").contains("at niceness 10");
        assertThat(lines.get(3)).contains("NEWSWATCH_INDEXER_NICE=0 ./newswatch up");
        assertThat(lines.get(4)).contains("alerter").contains("12").contains("(no consumer)");
    }

    @Test
    void aNicedStageThatKeepsUpGetsNoAdvice() {
        List<String> lines = StatusReport.backlogSection(Map.of("indexer", new ConsumerGroupLag.Lag(true, 999, 0)),
                Map.of("indexer", OptionalInt.of(10)));

        assertThat(lines).hasSize(2);
    }
}
