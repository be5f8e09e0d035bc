package io.newswatch.poller.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * GETs feeds and pages the way a polite, careful client does: an honest User-Agent, conditional GET, gzip and
 * deflate, redirects followed by hand (bounded, loops detected, each hop checked by the request's
 * {@link AddressGuard}), per-host politeness, and every wait bounded: connect, read (headers, then between body
 * chunks) and total timeouts, and a maximum body size that applies after decompression as well.
 */
public final class HttpFetcher implements AutoCloseable {

    private final HttpSettings settings;
    private final HostPoliteness politeness;
    private final Clock clock;
    private final HttpClient client;
    private final ScheduledExecutorService watchdog;

    public HttpFetcher(HttpSettings settings, HostPoliteness politeness, Clock clock) {
        this.settings = settings;
        this.politeness = politeness;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "http-read-timeouts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Fetches a URL, following redirects. HTTP error statuses are answers, not exceptions: the caller decides.
     *
     * @throws FetchException       when there is no answer to read (see {@link FetchException.Kind})
     * @throws InterruptedException when interrupted while waiting for the host or the answer
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        URI uri = request.uri();
        List<Redirect> redirects = new ArrayList<>();
        Set<URI> visited = new HashSet<>();
        visited.add(withoutFragment(uri));
        long wireBytes = 0;
        while (true) {
            request.guard().check(uri);
            HttpResponse<byte[]> response = exchange(uri, request, deadline);
            wireBytes += response.body().length;
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (isRedirect(status) && location.isPresent()) {
                URI next = resolve(uri, location.get());
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
            HttpHeaders headers = response.headers();
            Optional<Duration> retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null),
                    clock.instant());
            if ((status == 429 || status == 503) && retryAfter.isPresent()) {
                retryAfter = Optional.of(politeness.block(uri.getHost(), retryAfter.get()));
            }
            byte[] body = decode(response.body(), headers.firstValue("Content-Encoding").orElse(""), uri);
            return new FetchResponse(status, uri, body, headers.firstValue("Content-Type").orElse(null),
                    headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null),
                    retryAfter, List.copyOf(redirects), wireBytes);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, FetchRequest request, long deadline)
            throws FetchException, InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "cannot request " + uri + ": " + e.getMessage(), e);
        }
        builder.GET()
                .timeout(min(settings.readTimeout(), remaining(deadline, uri)))
                .header("User-Agent", settings.userAgent())
                .header("Accept", request.accept())
                .header("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        try (HostPoliteness.Permit permit = politeness.acquire(uri.getHost())) {
            AtomicReference<LimitedBody> body = new AtomicReference<>();
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), info -> {
                LimitedBody subscriber = new LimitedBody(settings.maxBodyBytes());
                body.set(subscriber);
                return subscriber;
            });
            long readTimeoutNanos = settings.readTimeout().toNanos();
            long period = Math.max(50, settings.readTimeout().toMillis() / 4);
            ScheduledFuture<?> idleCheck = watchdog.scheduleAtFixedRate(() -> {
                LimitedBody subscriber = body.get();
                if (subscriber != null && subscriber.idleNanos() > readTimeoutNanos) {
                    subscriber.abort(new FetchException(FetchException.Kind.TIMEOUT, "no data from " + uri.getHost()
                            + " for " + settings.readTimeout().toSeconds() + " s while reading the body"));
                }
            }, period, period, TimeUnit.MILLISECONDS);
            try {
                return future.get(remaining(deadline, uri).toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abort(future, body.get());
                throw new FetchException(FetchException.Kind.TIMEOUT, "no complete answer from " + uri.getHost()
                        + " within " + settings.totalTimeout().toSeconds() + " s");
            } catch (InterruptedException e) {
                abort(future, body.get());
                throw e;
            } catch (ExecutionException e) {
                throw failure(uri, e.getCause());
            } finally {
                idleCheck.cancel(false);
            }
        }
    }

    private static void abort(CompletableFuture<?> future, LimitedBody body) {
        if (body != null) {
            body.abort(new FetchException(FetchException.Kind.TIMEOUT, "aborted"));
        }
        future.cancel(true);
    }

    private FetchException failure(URI uri, Throwable cause) {
        while (cause instanceof ExecutionException || (cause instanceof IOException && cause.getCause() instanceof FetchException)) {
            cause = cause.getCause();
        }
        if (cause instanceof FetchException fetch) {
            return fetch;
        }
        String host = uri.getHost();
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "cannot connect to " + host + " within "
                    + settings.connectTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "no answer from " + host + " within "
                    + settings.readTimeout().toSeconds() + " s", cause);
        }
        if (cause instanceof UnknownHostException || (cause instanceof ConnectException
                && cause.getCause() instanceof UnknownHostException)) {
            return new FetchException(FetchException.Kind.CONNECT, "unknown host " + host, cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.Kind.CONNECT, "cannot connect to " + host + ":"
                    + port(uri) + " (connection refused)", cause);
        }
        String message = cause == null ? "unknown error" : cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FetchException(FetchException.Kind.CONNECT, "request to " + host + " failed: " + message, cause);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private byte[] decode(byte[] body, String contentEncoding, URI uri) throws FetchException {
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (body.length == 0 || encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        try {
            return switch (encoding) {
                case "gzip", "x-gzip" -> readLimited(new GZIPInputStream(new ByteArrayInputStream(body)), uri);
                case "deflate" -> inflate(body, uri);
                default -> throw new FetchException(FetchException.Kind.PROTOCOL,
                        uri.getHost() + " sent an unsupported Content-Encoding: " + contentEncoding);
            };
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "corrupt " + encoding + " body from "
                    + uri.getHost() + ": " + e.getMessage(), e);
        }
    }

    /** "deflate" is zlib-wrapped by the standard and raw from some servers; accept both. */
    private byte[] inflate(byte[] body, URI uri) throws IOException {
        try {
            Inflater probe = new Inflater();
            probe.setInput(body);
            probe.inflate(new byte[1]);
            probe.end();
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body)), uri);
        } catch (DataFormatException e) {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), uri);
        }
    }

    /** Decompresses with the body limit applied to the output: a small gzip bomb is still cut off. */
    private byte[] readLimited(InputStream in, URI uri) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > settings.maxBodyBytes()) {
                    throw new FetchException(FetchException.Kind.TOO_LARGE, "the body from " + uri.getHost()
                            + " is larger than " + settings.maxBodyBytes() + " bytes once decompressed");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
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
        client.shutdownNow();
    }

    /** Collects a body up to a limit; cancels the exchange beyond it, or when told to (timeouts). */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private volatile long lastActivity = System.nanoTime();

        LimitedBody(long max) {
            this.max = max;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            lastActivity = System.nanoTime();
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastActivity = System.nanoTime();
            synchronized (out) {
                for (ByteBuffer buffer : buffers) {
                    if (out.size() + (long) buffer.remaining() > max) {
                        abort(new FetchException(FetchException.Kind.TOO_LARGE,
                                "the body is larger than " + max + " bytes; cut off there"));
                        return;
                    }
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    out.write(bytes, 0, bytes.length);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            synchronized (out) {
                result.complete(out.toByteArray());
            }
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        long idleNanos() {
            return result.isDone() ? 0 : System.nanoTime() - lastActivity;
        }

        void abort(FetchException reason) {
            if (result.completeExceptionally(reason)) {
                Flow.Subscription current = subscription;
                if (current != null) {
                    current.cancel();
                }
            }
        }
    }
}
