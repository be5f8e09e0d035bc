package io.newswatch.indexer.retention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.indexer.bulk.ElasticsearchHttp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Leaves the deleting to Elasticsearch's ILM, where the cluster has it (the full distribution of Docker Compose):
 * deletion then goes on while the indexer is down, and the rule is visible in Kibana's index lifecycle pages.
 *
 * <p>The indexer keeps one policy per alias ({@link RetentionPolicy#ilmPolicyName()}) with a single delete phase at
 * the retention period, and puts each rolled-over index under it, with ILM's age origin
 * ({@code index.lifecycle.origination_date}) set to its rollover time: ILM would otherwise count from the index's
 * creation, a rollover period too early. The rollovers stay the indexer's own (the policy has no rollover action),
 * and the write index is never under the policy, so ILM cannot delete it.
 */
public final class IlmDeletion implements RetentionStrategy {

    private final ElasticsearchHttp http;

    public IlmDeletion(ElasticsearchHttp http) {
        this.http = http;
    }

    /**
     * Whether the cluster has ILM and lets this user manage it. The minimal distribution answers that it has no
     * such API; a cluster that refuses the user ({@code manage_ilm} missing) is reported as an exception so that the
     * operator sees why.
     *
     * @throws IOException when Elasticsearch cannot be reached, fails, or refuses this user
     */
    public static boolean available(ElasticsearchHttp http) throws IOException {
        ElasticsearchHttp.Response status = http.send("GET", "/_ilm/status", null);
        if (status.ok()) {
            return true;
        }
        if (status.status() == 401 || status.status() == 403 || status.status() == 429 || status.status() >= 500) {
            throw new IOException("asking for ILM failed with HTTP " + status.status() + ": " + status.body());
        }
        return false; // 400/404/405: no handler for the ILM API in this distribution
    }

    @Override
    public List<String> apply(RetentionPolicy policy, List<AliasIndex> indices, Instant now) throws IOException {
        String name = policy.ilmPolicyName();
        putPolicy(name, minAge(policy.period()));
        for (AliasIndex index : indices) {
            boolean underPolicy = index.lifecycle().filter(name::equals).isPresent();
            if (index.writeIndex()) {
                if (underPolicy) {
                    // Only rolled-over indices belong under the policy; a write index under it could be deleted.
                    AliasIndices.expectOk(http.send("POST", "/" + index.name() + "/_ilm/remove", null),
                            "taking write index " + index.name() + " out of policy " + name);
                }
            } else if (index.rolledOver().isPresent()
                    && (!underPolicy || !index.origin().equals(index.rolledOver()))) {
                ObjectNode settings = Json.mapper().createObjectNode();
                settings.put("index.lifecycle.name", name);
                settings.put("index.lifecycle.origination_date", index.rolledOver().get().toEpochMilli());
                AliasIndices.expectOk(http.send("PUT", "/" + index.name() + "/_settings", settings.toString()),
                        "putting index " + index.name() + " under policy " + name);
            }
        }
        return List.of();
    }

    @Override
    public String name() {
        return "ilm";
    }

    /** Puts the policy unless it is in place with this age already. */
    private void putPolicy(String name, String minAge) throws IOException {
        ElasticsearchHttp.Response existing = http.send("GET", "/_ilm/policy/" + name, null);
        if (existing.ok() && minAge.equals(Json.mapper().readTree(existing.body())
                .at("/" + name + "/policy/phases/delete/min_age").asText())) {
            return;
        }
        if (!existing.ok() && existing.status() != 404) {
            AliasIndices.expectOk(existing, "reading ILM policy " + name);
        }
        AliasIndices.expectOk(http.send("PUT", "/_ilm/policy/" + name, policyBody(minAge)),
                "putting ILM policy " + name);
    }

    static String policyBody(String minAge) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode policy = body.putObject("policy");
        policy.putObject("_meta").put("managed_by", "newswatch")
                .put("description", "Deletes a rolled-over newswatch index once it is past the retention period; "
                        + "the indexer rolls over and sets each index's origination date to its rollover time");
        policy.putObject("phases").putObject("delete").put("min_age", minAge).putObject("actions")
                .putObject("delete");
        return body.toString();
    }

    /** The period in the largest whole unit Elasticsearch takes ({@code 365d}, {@code 5m}, {@code 1500ms}). */
    static String minAge(Duration period) {
        long millis = period.toMillis();
        if (millis % Duration.ofDays(1).toMillis() == 0) {
            return period.toDays() + "d";
        } else if (millis % Duration.ofHours(1).toMillis() == 0) {
            return period.toHours() + "h";
        } else if (millis % Duration.ofMinutes(1).toMillis() == 0) {
            return period.toMinutes() + "m";
        } else if (millis % 1000 == 0) {
            return period.toSeconds() + "s";
        }
        return millis + "ms";
    }
}
