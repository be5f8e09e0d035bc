package io.newswatch.poller.http;

import java.net.URI;

/**
 * One GET.
 *
 * @param uri          what to fetch
 * @param accept       the {@code Accept} header
 * @param etag         validator from the last answer, sent as {@code If-None-Match}; null for none
 * @param lastModified validator from the last answer, sent as {@code If-Modified-Since}; null for none
 */
public record FetchRequest(URI uri, String accept, String etag, String lastModified) {

    /** What feed readers accept. */
    public static final String ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/rdf+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";
    /** What a browser accepts for a page. */
    public static final String ACCEPT_PAGE = "text/html, application/xhtml+xml, */*;q=0.8";

    /** An unconditional GET of a feed. */
    public static FetchRequest feed(URI uri) {
        return new FetchRequest(uri, ACCEPT_FEED, null, null);
    }

    /** A GET of an article page. */
    public static FetchRequest page(URI uri) {
        return new FetchRequest(uri, ACCEPT_PAGE, null, null);
    }

    /** The same request with validators from an earlier answer (conditional GET). */
    public FetchRequest conditional(String newEtag, String newLastModified) {
        return new FetchRequest(uri, accept, newEtag, newLastModified);
    }
}
