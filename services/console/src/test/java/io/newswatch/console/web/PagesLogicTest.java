package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small decisions of the pages that need no server: redirects, stream resumption, rule problems, forms. */
class PagesLogicTest {

    @Test
    void signInOnlyReturnsToAPageOfThisConsole() {
        assertThat(SignInResource.local("/rules/new?query=Montenegro")).isEqualTo("/rules/new?query=Montenegro");
        assertThat(SignInResource.local("https://evil.example")).isEqualTo("/");
        assertThat(SignInResource.local("//evil.example/x")).isEqualTo("/");
        assertThat(SignInResource.local("/\\evil.example")).isEqualTo("/");
        assertThat(SignInResource.local(null)).isEqualTo("/");
    }

    @Test
    void aStreamResumesAfterTheBrowsersLastEventElseAfterThePage() {
        assertThat(AlertsResource.resumeFrom(5L, null)).isEqualTo(5);
        assertThat(AlertsResource.resumeFrom(5L, "12")).isEqualTo(12);
        assertThat(AlertsResource.resumeFrom(5L, "not a number")).isEqualTo(5);
        assertThat(AlertsResource.resumeFrom(null, null)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRuleProblemIsReadWhateverShapeTheAlerterGivesIt() throws Exception {
        assertThat(RulesResource.problem(json("{\"id\":\"r\",\"problem\":{\"reason\":\"too many clauses\","
                + "\"position\":4}}"))).isEqualTo("too many clauses (at position 4)");
        assertThat(RulesResource.problem(json("{\"id\":\"r\",\"problem\":\"cannot be indexed\"}")))
                .isEqualTo("cannot be indexed");
        assertThat(RulesResource.problem(json("{\"id\":\"r\",\"broken\":true}"))).contains("broken");
        assertThat(RulesResource.problem(json("{\"id\":\"r\",\"query\":\"Montenegro\"}"))).isNull();
    }

    @Test
    void theRuleFormRoundTripsARuleAsTheAlerterTakesIt() throws Exception {
        RuleForm form = RuleForm.of(json("""
                {"id":"lavrov","name":"Lavrov","query":"person:\\"Sergey Lavrov\\"","channels":["log",
                 "slack:https://hooks.slack.com/services/T/B/SECRET","webhook:ops"],"enabled":true,"owner":"desk",
                 "tags":["russia","people"],"scope":"ARTICLE","realert":"PT6H","mode":"DIGEST",
                 "digestInterval":"PT1H","escalation":{"outlets":5}}"""));
        assertThat(form.channels).isEqualTo("log\nslack (hooks.slack.com)\nwebhook:ops").doesNotContain("SECRET");
        assertThat(form.realert).isEqualTo("6h");
        assertThat(form.isDigest()).isTrue();
        JsonNode request = form.toRequest();
        assertThat(request.path("scope").asText()).isEqualTo("article");
        assertThat(request.path("tags").toString()).isEqualTo("[\"russia\",\"people\"]");
        assertThat(request.path("escalation").toString()).isEqualTo("{\"outlets\":5}");
        assertThat(request.path("enabled").asBoolean()).isTrue();

        RuleForm empty = RuleForm.of("Montenegro", null);
        empty.enabled = null;
        empty.channels = "";
        JsonNode minimal = empty.toRequest();
        assertThat(minimal.path("enabled").asBoolean()).isFalse();
        assertThat(minimal.path("channels").size()).isZero();
        assertThat(minimal.has("realert")).isFalse();
    }

    @Test
    void snippetsKeepTextAndEmphasisOnly() {
        assertThat(Snippets.clean("He met <em>Đukanović</em> &amp; <script>alert(1)</script><b onclick=x>co</b>"))
                .isEqualTo("He met <em>Đukanović</em> &amp; co");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
