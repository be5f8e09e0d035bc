package io.newswatch.alerter.backtest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /search?q=QUERY&from=&to=&size=&after=}: the article history searched with the rule language, exactly as
 * a rule with that query would match (the analysts' console uses it for its search page and rule previews). Reading
 * only, so no API key is needed. A blank {@code q} lists every article, newest first.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService searches;

    SearchResource(SearchService searches) {
        this.searches = searches;
    }

    @GET
    public SearchResult search(@QueryParam("q") String query, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("size") Integer size,
                               @QueryParam("after") String after) {
        return searches.search(query, from, to, size, after);
    }
}
