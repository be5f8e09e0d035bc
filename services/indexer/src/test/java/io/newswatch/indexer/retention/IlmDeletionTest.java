package io.newswatch.indexer.retention;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ILM path cannot run here (the local stack's Elasticsearch has no ILM), so its requests are checked against
 * what the ILM API documents: one delete-phase policy per alias, every rolled-over index under it with its rollover
 * as the age origin, the write index never.
 */
class IlmDeletionTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final Instant ROLLED = Instant.parse("2027-01-10T08:00:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy("newswatch-articles", Duration.ofDays(365));

    private record Request(String method, String path, String body) {
    }

    private final List<Request> requests = new ArrayList<>();

    @Test
    void putsThePolicyAndEveryRolledOverIndexUnderItWithItsRolloverAsOrigin() throws IOException {
        ElasticsearchHttp http = recording(Map.of("GET /_ilm/policy/newswatch-articles-retention", 404));

        List<String> deleted = new IlmDeletion(http).apply(POLICY, List.of(
                AliasIndex.of("newswatch-articles-000001", false, Optional.of(ROLLED)),
                AliasIndex.of("newswatch-articles-000002", true, Optional.empty())), NOW);

        assertThat(deleted).as("ILM deletes, later").isEmpty();
        Request policy = requests.get(1);
        assertThat(policy.method() + " " + policy.path()).isEqualTo("PUT /_ilm/policy/newswatch-articles-retention");
        JsonNode phases = Json.mapper().readTree(policy.body()).at("/policy/phases");
        assertThat(phases.fieldNames()).toIterable().containsExactly("delete");
        assertThat(phases.at("/delete/min_age").asText()).isEqualTo("365d");
        assertThat(phases.at("/delete/actions").fieldNames()).toIterable().containsExactly("delete");

        assertThat(requests).hasSize(3);
        Request settings = requests.get(2);
        assertThat(settings.method() + " " + settings.path()).isEqualTo("PUT /newswatch-articles-000001/_settings");
        JsonNode body = Json.mapper().readTree(settings.body());
        assertThat(body.path("index.lifecycle.name").asText()).isEqualTo("newswatch-articles-retention");
        assertThat(body.path("index.lifecycle.origination_date").asLong()).isEqualTo(ROLLED.toEpochMilli());
    }

    @Test
    void whatIsInPlaceAlreadyIsLeftAlone() throws IOException {
        ElasticsearchHttp http = recording(Map.of());

        new IlmDeletion(http).apply(POLICY, List.of(new AliasIndex("newswatch-articles-000001", false,
                Optional.of(ROLLED), Optional.of("newswatch-articles-retention"), Optional.of(ROLLED))), NOW);

        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /_ilm/policy/newswatch-articles-retention");
    }

    @Test
    void aWriteIndexFoundUnderThePolicyIsTakenOutOfIt() throws IOException {
        ElasticsearchHttp http = recording(Map.of());

        new IlmDeletion(http).apply(POLICY, List.of(new AliasIndex("newswatch-articles-000003", true,
                Optional.empty(), Optional.of("newswatch-articles-retention"), Optional.empty())), NOW);

        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /_ilm/policy/newswatch-articles-retention",
                        "POST /newswatch-articles-000003/_ilm/remove");
    }

    @Test
    void theMinimalDistributionHasNoIlmAndARefusedUserIsAnError() throws IOException {
        assertThat(IlmDeletion.available((m, p, b, c) -> new ElasticsearchHttp.Response(200,
                "{\"operation_mode\":\"RUNNING\"}"))).isTrue();
        assertThat(IlmDeletion.available((m, p, b, c) -> new ElasticsearchHttp.Response(400,
                "{\"error\":\"no handler found for uri [/_ilm/status] and method [GET]\"}"))).isFalse();
        assertThatThrownBy(() -> IlmDeletion.available((m, p, b, c) -> new ElasticsearchHttp.Response(403,
                "{\"error\":\"action [cluster:admin/ilm/operation_mode/get] is unauthorized\"}")))
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void periodsAreWrittenInTheLargestWholeUnit() {
        assertThat(IlmDeletion.minAge(Duration.ofDays(730))).isEqualTo("730d");
        assertThat(IlmDeletion.minAge(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(IlmDeletion.minAge(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(IlmDeletion.minAge(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(IlmDeletion.minAge(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    /** Answers 200 (a policy with the same age for GET of the policy) unless told otherwise. */
    private ElasticsearchHttp recording(Map<String, Integer> statuses) {
        return (method, path, body, contentType) -> {
            requests.add(new Request(method, path, body == null ? null : new String(body, StandardCharsets.UTF_8)));
            int status = statuses.getOrDefault(method + " " + path, 200);
            if (status == 200 && path.startsWith("/_ilm/policy/")) {
                String name = path.substring("/_ilm/policy/".length());
                return new ElasticsearchHttp.Response(200, "{\"" + name + "\":{\"version\":1,"
                        + Json.mapper().readTree(IlmDeletion.policyBody("365d")).toString().substring(1) + "}");
            }
            return new ElasticsearchHttp.Response(status, status == 200 ? "{\"acknowledged\":true}" : "{}");
        };
    }
}
