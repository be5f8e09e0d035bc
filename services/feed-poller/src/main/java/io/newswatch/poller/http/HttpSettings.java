package io.newswatch.poller.http;

import java.time.Duration;

/**
 * How the poller talks HTTP, for the service and for the command-line tools alike.
 *
 * @param userAgent      sent with every request
 * @param connectTimeout to establish a connection
 * @param readTimeout    for the response headers, and between two chunks of the body
 * @param totalTimeout   for a whole request, body included
 * @param maxBodyBytes   largest body accepted after decompression
 * @param maxRedirects   redirects followed per request
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                           long maxBodyBytes, int maxRedirects) {

    /** The service's defaults (see {@code PollerConfig.Http}). */
    public static HttpSettings defaults() {
        return new HttpSettings("newswatch-feed-poller/0.1 (+https://github.com/newswatch/newswatch; media monitoring)",
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), 10L << 20, 5);
    }
}
