package io.newswatch.alerter.alert;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;
import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.rest.ApiException;
import io.newswatch.rest.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /alerts}: recent alerts, newest first, optionally of one rule ({@code ?rule=ID}, {@code ?limit=N}),
 * from Elasticsearch merged with memory, or from memory alone while Elasticsearch is down. The header
 * {@code X-Newswatch-Alerts-Source} says which ({@code elasticsearch} or {@code memory}).
 */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** Alerts per page when a listing does not say. */
    static final int PAGE = 50;
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

    /**
     * The newest alerts, of one rule with {@code ?rule=}, a page at a time ({@code ?limit=} up to 1000, default 50;
     * the next page's address in the {@code Link} header and {@code X-Next-Cursor}, as every listing, see
     * {@link Paging}).
     */
    @GET
    public RestResponse<List<Alert>> recent(@QueryParam("rule") String ruleId, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Paging paging = Paging.of(limit, cursor, PAGE);
        RecentAlerts.Position after = paging.after() == null ? null : RecentAlerts.Position.parse(paging.after())
                .orElseThrow(() -> ApiException.badRequest("cursor", "not a cursor this service gave out"));
        RecentAlerts.Answer answer = alerts.recent(ruleId, paging.limit(), after);
        RestResponse<List<Alert>> page = paging.respond(new Paging.Page<>(answer.alerts(),
                answer.next() == null ? null : answer.next().text()), uri);
        page.getHeaders().add(SOURCE_HEADER, answer.origin().name().toLowerCase(Locale.ROOT));
        return page;
    }
}
