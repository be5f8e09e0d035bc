package io.newswatch.poller.rest;

import io.newswatch.poller.feed.FeedDefinition;
import io.newswatch.poller.feed.FeedService;
import io.newswatch.poller.feed.FeedView;
import io.newswatch.poller.feed.InvalidFeedException;
import io.newswatch.rest.ApiException;
import io.newswatch.rest.ApiKeyFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.List;

/**
 * The feed registry over HTTP: {@code GET /feeds}, {@code POST /feeds}, {@code GET /feeds/{id}},
 * {@code DELETE /feeds/{id}}. Changing requests need the {@code X-Api-Key} header when a key is configured; reads
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

    /** Every feed with its status, by name. */
    @GET
    public List<FeedView> list(@HeaderParam(ApiKeyFilter.HEADER) String apiKey) {
        return feeds.list(access.revealsSecrets(apiKey));
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

    private static ApiException unavailable(Exception e) {
        return new ApiException(503, e.getMessage(), null, null);
    }
}
