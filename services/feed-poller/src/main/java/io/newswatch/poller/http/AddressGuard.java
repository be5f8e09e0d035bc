package io.newswatch.poller.http;

import java.net.URI;

/** Decides, before each request and each redirect hop, whether a URL may be contacted at all. */
@FunctionalInterface
public interface AddressGuard {

    /** Lets everything through: for URLs the operator typed in. */
    AddressGuard NONE = uri -> {
    };

    /**
     * @throws FetchException of kind {@link FetchException.Kind#BLOCKED} when the URL must not be fetched, or
     *                        {@link FetchException.Kind#CONNECT} when its host does not resolve
     */
    void check(URI uri) throws FetchException;
}
