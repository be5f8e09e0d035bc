package io.newswatch.alerter.rule;

import io.newswatch.alerter.backtest.BacktestRequest;
import io.newswatch.alerter.backtest.BacktestResponse;
import io.newswatch.alerter.backtest.BacktestService;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Rule;
import io.newswatch.rest.ApiException;
import io.newswatch.rest.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.apache.lucene.search.Query;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /rules}: list, create, read, replace and delete alert rules. Changing requests need the API key
 * ({@code X-Api-Key}) when one is configured. Answers are {@link RuleView}s: the {@link Rule} JSON as stored, with
 * channels shown by their labels (no secret), and the rule's {@code problem} when it does not match.
 */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

    private final RuleStore store;
    private final BacktestService backtests;
    private final Clock clock;

    RuleResource(RuleStore store, BacktestService backtests, Clock clock) {
        this.store = store;
        this.backtests = backtests;
        this.clock = clock;
    }

    /**
     * The rules, by name, a page at a time ({@code ?limit=} up to 1000, default 100; the next page's address in the
     * {@code Link} header, see {@link Paging}). A broken rule carries its {@code problem}.
     */
    @GET
    public RestResponse<List<RuleView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                             @Context UriInfo uri) {
        Paging paging = Paging.of(limit, cursor, PAGE);
        RuleBook book = store.book();
        Paging.Page<Rule> page = paging.page(book.all(),
                rule -> rule.name().toLowerCase(Locale.ROOT) + '\u0000' + rule.id());
        return paging.respond(new Paging.Page<>(page.items().stream().map(rule -> RuleView.of(rule, book)).toList(),
                page.nextAfter()), uri);
    }

    /** Rules per page when a listing does not say. */
    static final int PAGE = 100;

    @GET
    @Path("{id}")
    public RuleView get(@PathParam("id") String id) {
        return view(store.get(id).orElseThrow(() -> ApiException.notFound("rule " + id)));
    }

    /** Creates a rule; 201 with the stored rule, its {@code id} included. An id in the body must be new. */
    @POST
    public Response create(RuleRequest request) {
        String id = request == null ? null : request.id();
        if (id == null) {
            id = newId(request);
        } else if (store.get(id).isPresent()) {
            throw new ApiException(409, "rule " + id + " exists already: PUT /rules/" + id + " replaces it", "id",
                    null);
        }
        Rule rule = write(id, request, null);
        return Response.created(URI.create("/rules/" + rule.id())).entity(view(rule)).build();
    }

    /** Replaces a rule (or creates it under this id): 200, or 201 when it is new. */
    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, RuleRequest request) {
        Rule existing = store.get(id).orElse(null);
        Rule rule = write(id, request, existing);
        return existing != null ? Response.ok(view(rule)).build()
                : Response.created(URI.create("/rules/" + rule.id())).entity(view(rule)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (store.get(id).isEmpty()) {
            throw ApiException.notFound("rule " + id);
        }
        unavailableAsServiceError(() -> store.delete(id));
        return Response.noContent().build();
    }

    /**
     * What the rule would have matched in the article history (count, alerts, newest hits); with an edited
     * {@code query} in the body, what the edit would gain and lose over the same period.
     */
    @POST
    @Path("{id}/backtest")
    public BacktestResponse backtest(@PathParam("id") String id, BacktestRequest request) {
        Rule rule = store.get(id).orElseThrow(() -> ApiException.notFound("rule " + id));
        Query query = store.book().query(id).orElseThrow(() -> new ApiException(409, "rule " + id
                + " has a query that cannot be used: " + store.book().problem(id).map(RuleBook.Problem::reason).orElse("unknown"), "query", null));
        return backtests.backtest(rule, query, request);
    }

    /** What a query would have matched, before it is saved as a rule. */
    @POST
    @Path("backtest")
    public BacktestResponse backtest(BacktestRequest request) {
        return backtests.backtest(request);
    }

    private RuleView view(Rule rule) {
        return RuleView.of(rule, store.book());
    }

    private Rule write(String id, RuleRequest request, Rule existing) {
        Rule rule;
        try {
            rule = store.factory().build(id, request, existing);
        } catch (InvalidRuleException e) {
            throw new ApiException(400, e.getMessage(), e.field(), e.position());
        }
        Rule[] stored = new Rule[1];
        unavailableAsServiceError(() -> stored[0] = store.put(rule));
        return stored[0];
    }

    private String newId(RuleRequest request) {
        String seed = request == null || request.name() == null ? String.valueOf(request == null ? "" : request.query())
                : request.name();
        Instant now = clock.instant();
        String id = Ids.rule(seed + "\n" + now);
        while (store.get(id).isPresent()) {
            now = now.plusNanos(1);
            id = Ids.rule(seed + "\n" + now);
        }
        return id;
    }

    private static void unavailableAsServiceError(Runnable write) {
        try {
            write.run();
        } catch (RuleStore.RuleStoreException e) {
            throw new ApiException(503, e.getMessage(), null, null);
        }
    }
}
