package io.newswatch.poller.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP answer, body decompressed.
 *
 * @param status       the status code of the final answer
 * @param uri          the URL that gave the final answer (after redirects)
 * @param body         the body, empty for 304 and bodiless answers
 * @param contentType  the {@code Content-Type} header, or null
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 * @param contentLocation the {@code Content-Location} header, or null
 * @param retryAfter   the {@code Retry-After} header as a wait from now, when given and understood
 * @param redirects    the redirects followed, in order
 * @param wireBytes    bytes received before decompression
 * @param memory       the body's claim on memory: close the response when done with the body
 */
public record FetchResponse(int status, URI uri, byte[] body, String contentType, String etag, String lastModified,
                            String contentLocation, Optional<Duration> retryAfter, List<Redirect> redirects, long wireBytes,
                            BodyMemory.Lease memory) implements AutoCloseable {

    /** The same answer without its body (for what follows parsing: validators, status, URL). */
    public FetchResponse withoutBody() {
        return new FetchResponse(status, uri, new byte[0], contentType, etag, lastModified, contentLocation, retryAfter, redirects,
                wireBytes, memory);
    }

    /** Gives back the memory the body claimed ({@link BodyMemory}); the body must not be used after. */
    @Override
    public void close() {
        memory.close();
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }

    /** The charset of the {@code Content-Type} header, when it names one. */
    public Optional<String> charset() {
        return MediaTypes.charset(contentType);
    }

    /**
     * The base URI of the body: the {@code Content-Location} resolved against the URL when the server gives one
     * (the document's own address, RFC 9110 8.7), otherwise the URL.
     */
    public URI base() {
        if (contentLocation == null || contentLocation.isBlank() || contentLocation.length() > 4_096) {
            return uri;
        }
        try {
            URI location = uri.resolve(contentLocation.strip());
            return location.getScheme() != null && (location.getScheme().equals("http") || location.getScheme().equals("https"))
                    ? location : uri;
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    /**
     * The target of the redirect chain when every redirect in it was permanent: the URL the resource now lives at.
     */
    public Optional<URI> movedPermanently() {
        return !redirects.isEmpty() && redirects.stream().allMatch(Redirect::permanent)
                ? Optional.of(uri) : Optional.empty();
    }
}
