package io.newswatch.alerter.alert;

import io.newswatch.contract.Json;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.rest.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;

import java.io.InputStream;
import java.time.Clock;

/**
 * {@code GET /alerts}: recent alerts, newest first, optionally of one rule ({@code ?rule=ID}, {@code ?limit=N}),
 * from Elasticsearch merged with memory, or from memory alone while Elasticsearch is down. The header
 * {@code X-Newswatch-Alerts-Source} says which ({@code elasticsearch} or {@code memory}).
 */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    static final int MAX_LIMIT = 1000;
    /** Header naming where the alerts came from. */
    public static final String SOURCE_HEADER = "X-Newswatch-Alerts-Source";
    /** A listing must stay quick: Elasticsearch gets this long before memory answers alone. */
    private static final int SEARCH_TIMEOUT_MILLIS = 3_000;

    private final RecentAlerts alerts;

    AlertResource(AlertLog log, RestClient client, ElasticsearchConfig elasticsearch, Clock clock) {
        RequestOptions options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(SEARCH_TIMEOUT_MILLIS).setSocketTimeout(SEARCH_TIMEOUT_MILLIS).build()).build();
        String path = "/" + elasticsearch.indices().alerts() + "/_search";
        this.alerts = new RecentAlerts(body -> {
            Request request = new Request("POST", path);
            request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
            request.setOptions(options);
            try (InputStream content = client.performRequest(request).getEntity().getContent()) {
                return Json.mapper().readTree(content);
            }
        }, log.history(), clock);
    }

    @GET
    public Response recent(@QueryParam("rule") String ruleId, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit is between 1 and " + MAX_LIMIT);
        }
        RecentAlerts.Answer answer = alerts.recent(ruleId, limit);
        return Response.ok(answer.alerts()).header(SOURCE_HEADER, answer.origin().name().toLowerCase()).build();
    }
}
