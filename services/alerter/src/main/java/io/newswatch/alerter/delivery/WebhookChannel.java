package io.newswatch.alerter.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.addressguard.BlockedAddressException;
import io.newswatch.addressguard.GuardedDnsResolver;
import io.newswatch.retry.RetryAfter;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code webhook:NAME-or-URL}: a JSON POST of the {@link Alert} (a digest: {@code {"type": "alert.digest",
 * "alerts": [...]}}); {@code slack:NAME-or-URL}: the message format of Slack-compatible incoming webhooks
 * (Slack, Mattermost, Rocket.Chat). Every request carries the alert id in {@code Idempotency-Key}, so a receiver
 * can drop the rare duplicate that at-least-once delivery allows after a crash.
 *
 * <p>Only public addresses are reached: the host is resolved once through the {@link AddressGuard} (libs/address-guard,
 * the poller's guard) and the connection goes to the addresses it checked, so a host that resolves to an internal
 * address (loopback, private, cloud metadata...) and is not allow-listed fails the delivery for good, and a DNS answer
 * that changes after the check is never used. Redirects are not followed: a webhook is a POST carrying the alert to a
 * URL that is itself a secret, and a receiver that moved is a configuration to fix, not a hop to trust.
 *
 * <p>Only the status code of the answer counts: its body is read up to {@link #MAX_ANSWER_BYTES} (so that the
 * connection can be reused) and dropped, never stored; a longer or slower one is cut off. Failures name the
 * channel by its label, never by its URL. User information in a URL ({@code user:password@}) is sent as HTTP Basic
 * authentication.
 */
public final class WebhookChannel implements Channel {

    /** Header with the alert id (or digest id): the same value on every retry of one notification. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The most of a receiver's answer that is read; the rest is not waited for. */
    static final int MAX_ANSWER_BYTES = 4 * 1024;

    private final ChannelTarget.Kind kind;
    private final CloseableHttpAsyncClient http;
    private final Duration requestTimeout;
    private final Map<String, URI> named;

    /**
     * @param kind  {@link ChannelTarget.Kind#WEBHOOK} or {@link ChannelTarget.Kind#SLACK}
     * @param http  a client made by {@link #client}
     * @param named configured webhook URLs by name
     */
    public WebhookChannel(ChannelTarget.Kind kind, CloseableHttpAsyncClient http, Duration requestTimeout,
                          Map<String, URI> named) {
        this.kind = kind;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.named = Map.copyOf(named);
    }

    /**
     * The HTTP client both webhook kinds share, started: every connection through the guard, bounded connect and
     * answer times, no redirects, no retries of its own (the {@link Deliverer} retries), no cookies, HTTP/1.1.
     * Close it at shutdown.
     */
    public static CloseableHttpAsyncClient client(AddressGuard guard, Duration connectTimeout,
                                                  Duration requestTimeout) {
        Timeout connect = Timeout.of(connectTimeout);
        Timeout answer = Timeout.of(requestTimeout);
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(answer).setTimeToLive(TimeValue.ofMinutes(5)).build())
                        .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect)
                                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .setMaxConnTotal(128)
                        .setMaxConnPerRoute(16)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setSoTimeout(answer).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(answer)
                        .setConnectionRequestTimeout(answer).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("newswatch-alerter")
                .build();
        client.start();
        return client;
    }

    @Override
    public ChannelTarget.Kind kind() {
        return kind;
    }

    @Override
    public CompletionStage<Void> send(ChannelTarget target, Notification notification) {
        URI url = target.url(named).orElse(null);
        if (url == null) {
            return CompletableFuture.failedFuture(DeliveryException.permanentFailure(
                    "no webhook named '" + target.target() + "' is configured"));
        }
        String label = target.label();
        String body = kind == ChannelTarget.Kind.SLACK ? SlackMessage.of(notification) : json(notification);
        SimpleRequestBuilder builder = SimpleRequestBuilder.post(withoutUserInfo(url))
                .setBody(body, ContentType.APPLICATION_JSON)
                .addHeader(IDEMPOTENCY_KEY, notificationId(notification));
        String authorization = basicAuthorization(url);
        if (authorization != null) {
            builder.addHeader("Authorization", authorization);
        }
        SimpleHttpRequest request = builder.build();
        CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
        Future<Void> exchange = http.execute(SimpleRequestProducer.create(request),
                new BoundedAnswer(MAX_ANSWER_BYTES, answer), new FutureCallback<>() {
                    @Override
                    public void completed(Void result) {
                        // the answer completed when its head came
                    }

                    @Override
                    public void failed(Exception error) {
                        answer.completeExceptionally(error);
                    }

                    @Override
                    public void cancelled() {
                        answer.completeExceptionally(new CancellationException());
                    }
                });
        // The timeouts bound connecting and each wait for bytes; this bounds the whole exchange, a body that trickles
        // on included.
        CompletableFuture.delayedExecutor(requestTimeout.toMillis() * 2, TimeUnit.MILLISECONDS).execute(() -> {
            answer.completeExceptionally(new CancellationException());
            exchange.cancel(true);
        });
        return answer.handle((response, error) -> {
            if (error != null) {
                throw failure(label, error instanceof CompletionException ? error.getCause() : error);
            }
            check(label, response);
            return null;
        });
    }

    /** The URL without {@code user:password@}: those go into the Authorization header. */
    static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String authority = url.getRawAuthority();
        return URI.create(url.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    private static String basicAuthorization(URI url) {
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return null;
        }
        String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }

    static String notificationId(Notification notification) {
        if (!notification.digest()) {
            return notification.first().id();
        }
        return "digest-" + notification.first().ruleId() + "-" + notification.alerts().getLast().id();
    }

    private static String json(Notification notification) {
        if (!notification.digest()) {
            return Json.encode(notification.first());
        }
        ObjectNode digest = Json.mapper().createObjectNode();
        digest.put("type", "alert.digest");
        digest.put("ruleId", notification.first().ruleId());
        digest.put("ruleName", notification.first().ruleName());
        digest.put("count", notification.alerts().size());
        ArrayNode alerts = digest.putArray("alerts");
        notification.alerts().forEach(alert -> alerts.add(Json.mapper().valueToTree(alert)));
        return Json.encode(digest);
    }

    private static DeliveryException failure(String label, Throwable error) {
        if (error instanceof DeliveryException delivery) {
            return delivery;
        }
        if (error instanceof BlockedAddressException blocked) {
            // permanent: the same DNS answer would be refused again, and a retry storm helps no one
            return DeliveryException.permanentFailure("POST to " + label + " refused: " + blocked.getMessage()
                    + "; webhooks go to public addresses only (newswatch.alerter.ssrf.allow lists exceptions)");
        }
        return DeliveryException.transientFailure("POST to " + label + " " + reason(error), error);
    }

    /** What went wrong, in our words: exception messages may quote the URL or the receiver. */
    static String reason(Throwable error) {
        if (error instanceof InterruptedIOException || error instanceof TimeoutException) {
            return "timed out";
        }
        if (error instanceof CancellationException) {
            return "was cut off: the answer took longer than twice the request timeout";
        }
        if (error instanceof java.net.ConnectException) {
            return "could not connect";
        }
        if (error instanceof javax.net.ssl.SSLException) {
            return "failed in TLS (" + error.getClass().getSimpleName() + ")";
        }
        if (error instanceof java.net.UnknownHostException) {
            return "failed: unknown host";
        }
        return "failed (" + error.getClass().getSimpleName() + ")";
    }

    private static void check(String label, HttpResponse response) {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = "POST to " + label + " answered HTTP " + status + " (" + meaning(status) + ")";
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        Header header = response.getFirstHeader("Retry-After");
        Duration retryAfter = header == null ? null : RetryAfter.parse(header.getValue(), Instant.now()).orElse(null);
        throw new DeliveryException(message, !transientStatus, retryAfter, null);
    }

    /** A status code in a few words of our own: the receiver's own words are not kept. */
    static String meaning(int status) {
        return switch (status) {
            case 400 -> "the receiver refused the request";
            case 401, 403 -> "the receiver refused our credentials: check the URL's token";
            case 404, 410 -> "no receiver at this URL";
            case 408 -> "the receiver timed out";
            case 413 -> "the message is too large for the receiver";
            case 429 -> "too many requests";
            default -> status >= 500 ? "the receiver failed" : status >= 300 && status < 400
                    ? "the receiver moved: redirects are not followed" : "refused";
        };
    }

}
