package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;
import io.newswatch.rest.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /alerts}: recent alerts, newest first, optionally of one rule ({@code ?rule=ID}, {@code ?limit=N}). */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    static final int MAX_LIMIT = 1000;

    private final AlertLog log;

    AlertResource(AlertLog log) {
        this.log = log;
    }

    @GET
    public List<Alert> recent(@QueryParam("rule") String ruleId, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit is between 1 and " + MAX_LIMIT);
        }
        return log.history().recent(alert -> ruleId == null || ruleId.equals(alert.ruleId()), limit);
    }
}
