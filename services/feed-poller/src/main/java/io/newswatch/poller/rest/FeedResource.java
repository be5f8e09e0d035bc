package io.newswatch.poller.rest;

import io.newswatch.poller.feed.FeedDefinition;
import io.newswatch.poller.feed.FeedService;
import io.newswatch.poller.feed.FeedView;
import io.newswatch.poller.feed.InvalidFeedException;
import io.newswatch.rest.ApiException;
import io.newswatch.rest.ApiKeyFilter;
import io.newswatch.rest.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Locale;

/**
 * The feed registry over HTTP: {@code GET /feeds} (paged), {@code POST /feeds}, {@code GET|PUT|DELETE /feeds/{id}}. Changing requests need the {@code X-Api-Key} header when a key is configured; reads
 * show feed URLs with their secrets only to a request that carries it ({@link ReadAccess}).
 */
@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedService feeds;
    private final ReadAccess access;

    public FeedResource(FeedService feeds, ReadAccess access) {
        this.feeds = feeds;
        this.access = access;
    }

    /**
     * The feeds with their status, by name, a page at a time ({@code ?limit=} up to 1000, default 100; the next
     * page's address in the {@code Link} header, see {@link Paging}).
     */
    @GET
    public RestResponse<List<FeedView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                             @HeaderParam(ApiKeyFilter.HEADER) String apiKey, @Context UriInfo uri) {
        Paging paging = Paging.of(limit, cursor, PAGE);
        return paging.respond(paging.page(feeds.list(access.revealsSecrets(apiKey)), FeedResource::sortKey), uri);
    }

    /** Name (the URL for a feed without one), case aside, then id: the order of the listing. */
    private static String sortKey(FeedView feed) {
        return (feed.name() == null ? feed.url() : feed.name()).toLowerCase(Locale.ROOT) + '\u0000' + feed.id();
    }

    /**
     * Registers a feed ({@code {"url", "name", "pollInterval", "fullText", "language", "tags"}}; only {@code url} is
     * required): 201 with the feed, or 200 when a feed with that id was registered already (its registration is
     * updated).
     */
    @POST
    public Response register(FeedDefinition definition, @Context UriInfo uri,
                             @HeaderParam(ApiKeyFilter.HEADER) String apiKey) {
        try {
            FeedService.Registered registered = feeds.register(definition, access.revealsSecrets(apiKey));
            if (!registered.created()) {
                return Response.ok(registered.view()).build();
            }
            return Response.created(uri.getAbsolutePathBuilder().path(registered.view().id()).build())
                    .entity(registered.view()).build();
        } catch (InvalidFeedException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        } catch (FeedService.RegistryUnavailableException e) {
            throw unavailable(e);
        }
    }

    /**
     * Changes a feed's registration ({@code {"url", "name", "pollInterval", "fullText", "language", "tags"}}): 200
     * with the feed, 404 when there is no such feed. The id stays the feed's, even when the URL changes; a body with
     * another id is refused.
     */
    @PUT
    @Path("{id}")
    public FeedView edit(@PathParam("id") String id, FeedDefinition definition,
                         @HeaderParam(ApiKeyFilter.HEADER) String apiKey) {
        try {
            return feeds.edit(id, definition, access.revealsSecrets(apiKey))
                    .orElseThrow(() -> ApiException.notFound("feed " + id));
        } catch (InvalidFeedException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        } catch (FeedService.RegistryUnavailableException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Path("{id}")
    public FeedView get(@PathParam("id") String id, @HeaderParam(ApiKeyFilter.HEADER) String apiKey) {
        return feeds.get(id, access.revealsSecrets(apiKey)).orElseThrow(() -> ApiException.notFound("feed " + id));
    }

    /** Deletes a feed and its state: 204, or 404 when there is no such feed. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        try {
            if (!feeds.delete(id)) {
                throw ApiException.notFound("feed " + id);
            }
            return Response.noContent().build();
        } catch (FeedService.RegistryUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** Feeds per page when a listing does not say. */
    static final int PAGE = 100;

    private static ApiException unavailable(Exception e) {
        return new ApiException(503, e.getMessage(), null, null);
    }
}
