package io.newswatch.poller.http;

import java.net.URI;

/**
 * One redirect followed.
 *
 * @param status    301, 302, 303, 307 or 308
 * @param from      the URL that answered with the redirect
 * @param to        where it pointed
 */
public record Redirect(int status, URI from, URI to) {

    /** 301 and 308 say the resource has moved for good. */
    public boolean permanent() {
        return status == 301 || status == 308;
    }
}
