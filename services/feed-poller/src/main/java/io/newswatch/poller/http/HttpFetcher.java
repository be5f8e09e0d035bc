package io.newswatch.poller.http;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.addressguard.BlockedAddressException;
import io.newswatch.addressguard.GuardedDnsResolver;
import io.newswatch.retry.RetryAfter;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * GETs feeds and pages the way a polite, careful client does: an honest User-Agent, conditional GET, gzip and
 * deflate, redirects followed by hand (bounded, loops detected), per-host politeness, and every wait bounded:
 * connect, read (headers, then between body chunks) and total timeouts, and a maximum body size that applies
 * after decompression as well.
 *
 * <p>Every host of every hop is resolved once through the {@link AddressGuard}, and the connection goes to the
 * addresses it checked (Apache HttpClient 5 with a {@link GuardedDnsResolver}): internal addresses are refused
 * unless allow-listed, and a DNS answer that changes after the check is never used. Credentials in a URL
 * ({@code user:password@}) are sent as HTTP Basic authentication to that URL's own origin only, never to a host
 * it redirects to.
 */
public final class HttpFetcher implements AutoCloseable {

    private final HttpSettings settings;
    private final HostPoliteness politeness;
    private final Clock clock;
    private final AddressGuard guard;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;
    private final BodyDecoding decoding;
    private final BodyMemory memory;

    public HttpFetcher(HttpSettings settings, HostPoliteness politeness, Clock clock, AddressGuard guard) {
        this(settings, politeness, clock, guard, BodyMemory.unlimited());
    }

    /** @param memory shares the heap between the bodies held at once */
    public HttpFetcher(HttpSettings settings, HostPoliteness politeness, Clock clock, AddressGuard guard,
                       BodyMemory memory) {
        this.settings = settings;
        this.memory = memory;
        this.politeness = politeness;
        this.clock = clock;
        this.guard = guard;
        this.decoding = new BodyDecoding(settings.maxBodyBytes());
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2)).setTimeToLive(TimeValue.ofMinutes(5)).build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                .setMaxConnTotal(512)
                .setMaxConnPerRoute(16)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "http-total-timeouts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Fetches a URL, following redirects. HTTP error statuses are answers, not exceptions: the caller decides.
     * Close the response when done with its body: a large body holds memory until then ({@link BodyMemory}).
     *
     * @throws FetchException       when there is no answer to read (see {@link FetchException.Kind})
     * @throws InterruptedException when interrupted while waiting for the host or the answer
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException, InterruptedException {
        BodyMemory.Lease lease = memory.lease();
        try {
            return fetch(request, lease);
        } catch (FetchException | InterruptedException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private FetchResponse fetch(FetchRequest request, BodyMemory.Lease lease) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        URI original = request.uri();
        String authorization = basicAuthorization(original);
        URI uri = withoutUserInfo(original);
        List<Redirect> redirects = new ArrayList<>();
        Set<URI> visited = new HashSet<>();
        visited.add(withoutFragment(uri));
        long wireBytes = 0;
        while (true) {
            try {
                guard.checkUrl(uri);
            } catch (BlockedAddressException e) {
                throw new FetchException(FetchException.Kind.BLOCKED, "refused " + uri + ": " + e.getMessage());
            }
            Exchange response = exchange(uri, request, deadline, sameOrigin(uri, original) ? authorization : null, lease);
            wireBytes += response.wireBytes();
            int status = response.status();
            String location = response.header("Location");
            if (isRedirect(status) && location != null) {
                URI next = resolve(uri, location);
                if (!visited.add(withoutFragment(next))) {
                    throw new FetchException(FetchException.Kind.REDIRECT_LOOP, "redirect loop: " + chain(redirects, uri, next));
                }
                if (redirects.size() >= settings.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, "more than "
                            + settings.maxRedirects() + " redirects: " + chain(redirects, uri, next));
                }
                redirects.add(new Redirect(status, uri, next));
                uri = next;
                continue;
            }
            Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
            if ((status == 429 || status == 503) && retryAfter.isPresent()) {
                retryAfter = Optional.of(politeness.block(uri.getHost(), retryAfter.get()));
            }
            URI from = uri;
            byte[] body = decoding.decode(response.body(), response.header("Content-Encoding"), uri,
                    size -> lease.grow(size, deadline, from.getHost()));
            return new FetchResponse(status, uri, body, response.header("Content-Type"), response.header("ETag"),
                    response.header("Last-Modified"), response.header("Content-Location"), retryAfter,
                    List.copyOf(redirects), wireBytes, lease);
        }
    }

    /** One answer as it came: status, the headers the fetcher reads, the body still encoded. */
    private record Exchange(int status, Header[] headers, byte[] body, long wireBytes) {
        String header(String name) {
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }

    private Exchange exchange(URI uri, FetchRequest request, long deadline, String authorization,
                              BodyMemory.Lease lease) throws FetchException, InterruptedException {
        HttpGet get;
        try {
            get = new HttpGet(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "cannot request " + uri + ": " + e.getMessage(), e);
        }
        Timeout wait = Timeout.of(min(settings.readTimeout(), remaining(deadline, uri)));
        get.setConfig(RequestConfig.custom().setResponseTimeout(wait).setConnectionRequestTimeout(wait).build());
        get.setHeader("User-Agent", settings.userAgent());
        get.setHeader("Accept", request.accept());
        get.setHeader("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        if (authorization != null) {
            get.setHeader("Authorization", authorization);
        }
        try (HostPoliteness.Permit permit = politeness.acquire(uri.getHost(), remaining(deadline, uri))) {
            // the watchdog's cancel (the total deadline) is told apart from readBody's (a body given up on)
            java.util.concurrent.atomic.AtomicBoolean deadlinePassed = new java.util.concurrent.atomic.AtomicBoolean();
            ScheduledFuture<?> totalTimeout = watchdog.schedule(() -> {
                deadlinePassed.set(true);
                get.cancel();
            }, remaining(deadline, uri).toNanos(), TimeUnit.NANOSECONDS);
            boolean[] readingBody = new boolean[1];
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                int status = response.getCode();
                HttpEntity entity = response.getEntity();
                byte[] body = new byte[0];
                if (entity != null && !isRedirect(status) && status != 304) {
                    readingBody[0] = true;
                    body = readBody(entity, uri, deadline, lease, get);
                }
                return new Exchange(status, response.getHeaders(), body, body.length);
            } catch (FetchException | InterruptedException e) {
                throw e;
            } catch (IOException e) {
                throw failure(uri, e, deadlinePassed.get(), readingBody[0]);
            } finally {
                totalTimeout.cancel(false);
            }
        } finally {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while fetching " + uri.getHost());
            }
        }
    }

    /**
     * The body as it came (still encoded), up to the limit; the total deadline is checked between chunks. A body
     * given up on (too large, too slow, no memory) is given up on by dropping the connection: closing the stream of
     * an unfinished HttpClient 5 entity would otherwise read the rest to the end to keep the connection (the whole
     * gigabyte of a hostile feed).
     */
    private byte[] readBody(HttpEntity entity, URI uri, long deadline, BodyMemory.Lease lease, HttpGet get)
            throws IOException, InterruptedException {
        try {
            long length = entity.getContentLength();
            if (length > settings.maxBodyBytes()) {
                throw tooLarge();
            }
            lease.grow(length, deadline, uri.getHost());
            BodyBuffer buffer = new BodyBuffer(length >= 0 ? length : 16384, settings.maxBodyBytes());
            byte[] chunk = new byte[16384];
            InputStream in = entity.getContent();
            int read;
            while ((read = in.read(chunk)) != -1) {
                lease.grow(buffer.size() + (long) read, deadline, uri.getHost());
                if (!buffer.write(chunk, read)) {
                    throw tooLarge();
                }
                remaining(deadline, uri);
            }
            in.close();
            return buffer.toByteArray();
        } catch (IOException | InterruptedException | RuntimeException e) {
            get.cancel();
            throw e;
        }
    }

    private FetchException tooLarge() {
        return new FetchException(FetchException.Kind.TOO_LARGE, "the body is larger than " + settings.maxBodyBytes()
                + " bytes; cut off there");
    }

    private FetchException failure(URI uri, IOException cause, boolean cancelled, boolean readingBody) {
        String host = uri.getHost();
        Throwable root = cause;
        while (!(root instanceof BlockedAddressException) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof BlockedAddressException blocked) {
            return new FetchException(FetchException.Kind.BLOCKED, "refused " + uri + ": " + blocked.getMessage());
        }
        if (cancelled) {
            return new FetchException(FetchException.Kind.TIMEOUT, "no complete answer from " + host + " within "
                    + settings.totalTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "no connection to " + host + " free in time ("
                    + cause.getMessage() + ")", cause);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "cannot connect to " + host + " within "
                    + settings.connectTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof SocketTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, readingBody
                    ? "no data from " + host + " for " + settings.readTimeout().toSeconds() + " s while reading the body"
                    : "no answer from " + host + " within " + settings.readTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.CONNECT, "unknown host " + host, cause);
        }
        if (cause instanceof HttpHostConnectException) {
            return new FetchException(FetchException.Kind.CONNECT, "cannot connect to " + host + ":" + port(uri)
                    + " (connection refused)", cause);
        }
        if (cause instanceof SSLException) {
            return new FetchException(FetchException.Kind.CONNECT, "TLS with " + host + " failed: " + cause.getMessage(),
                    cause);
        }
        if (cause.getCause() instanceof ProtocolException || cause instanceof org.apache.hc.core5.http.MalformedChunkCodingException) {
            return new FetchException(FetchException.Kind.PROTOCOL, host + " broke HTTP: " + cause.getMessage(), cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FetchException(FetchException.Kind.CONNECT, "request to " + host + " failed: " + message, cause);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** {@code Basic} credentials from a URL's {@code user:password@}, or null when it has none. */
    private static String basicAuthorization(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            return new URI(uri.getScheme() + "://" + authority + Objects.requireNonNullElse(uri.getRawPath(), "")
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.trim().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, base.getHost() + " redirected to an invalid URL: "
                    + location, e);
        }
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static String chain(List<Redirect> redirects, URI last, URI next) {
        StringBuilder text = new StringBuilder();
        for (Redirect redirect : redirects) {
            text.append(redirect.from()).append(" -> ");
        }
        return text.append(last).append(" -> ").append(next).toString();
    }

    private Duration remaining(long deadline, URI uri) throws FetchException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no complete answer from " + uri.getHost()
                    + " within " + settings.totalTimeout().toSeconds() + " s");
        }
        return Duration.ofNanos(nanos);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            // closing sockets: nothing left to do
        }
    }
}
