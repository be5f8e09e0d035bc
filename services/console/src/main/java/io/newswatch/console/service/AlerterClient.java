package io.newswatch.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.contract.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerter's API as the console uses it: rules, recent alerts, searches and rule previews. The rule language is
 * the alerter's alone: the console sends queries there and shows what comes back. Answers are JSON, read
 * field by field by the pages, so that fields the alerter adds or redacts never break a page.
 */
@ApplicationScoped
public class AlerterClient {

    private final ServiceClient alerter;

    AlerterClient(ConsoleConfig config) {
        this.alerter = new ServiceClient("alerter", config.alerterUrl(), config.requestTimeout());
    }

    /** {@code GET /rules}: every rule, page after page. */
    public JsonNode rules() {
        return alerter.list("/rules");
    }

    /** {@code GET /rules/{id}}. */
    public JsonNode rule(String id) {
        return alerter.get("/rules/" + ServiceClient.segment(id), Map.of());
    }

    /** {@code POST /rules}: the stored rule. */
    public JsonNode create(ObjectNode rule, String apiKey) {
        return alerter.send("POST", "/rules", rule, apiKey);
    }

    /** {@code PUT /rules/{id}}: the stored rule. */
    public JsonNode replace(String id, ObjectNode rule, String apiKey) {
        return alerter.send("PUT", "/rules/" + ServiceClient.segment(id), rule, apiKey);
    }

    /** {@code DELETE /rules/{id}}. */
    public void delete(String id, String apiKey) {
        alerter.send("DELETE", "/rules/" + ServiceClient.segment(id), null, apiKey);
    }

    /**
     * A rule preview: {@code POST /rules/backtest} for a query not saved yet, {@code POST /rules/{id}/backtest}
     * with the edited query for a rule being edited (then the answer says what the edit gains and loses).
     */
    public JsonNode preview(String ruleId, String query, String scope, int days, int size, String apiKey) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("query", query);
        body.put("days", days);
        body.put("size", size);
        if (ruleId == null) {
            body.put("scope", scope);
            return alerter.send("POST", "/rules/backtest", body, apiKey);
        }
        return alerter.send("POST", "/rules/" + ServiceClient.segment(ruleId) + "/backtest", body, apiKey);
    }

    /** {@code GET /alerts}: the newest alerts, of one rule or of all. */
    public JsonNode alerts(String ruleId, int limit) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("rule", ruleId);
        parameters.put("limit", String.valueOf(limit));
        return alerter.get("/alerts", parameters);
    }

    /** {@code GET /search}: one page of a search with the rule language. */
    public JsonNode search(String query, String from, String to, int size, String after) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", query);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("size", String.valueOf(size));
        parameters.put("after", after);
        return alerter.get("/search", parameters);
    }

    /**
     * Whether the services take this API key. Asks for a backtest without a query: the alerter checks the key
     * before it reads the body, so a wrong key is refused (401/403) and a right one gets 400 ("needs a query")
     * without any search being run.
     *
     * @throws ServiceException when the alerter cannot answer
     */
    public boolean accepts(String apiKey) {
        try {
            alerter.send("POST", "/rules/backtest", Json.mapper().createObjectNode(), apiKey);
            return true;
        } catch (ServiceException e) {
            if (e.keyRefused()) {
                return false;
            }
            if (e.status() == 400) {
                return true;
            }
            throw e;
        }
    }
}
