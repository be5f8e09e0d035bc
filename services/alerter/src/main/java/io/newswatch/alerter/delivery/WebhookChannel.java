package io.newswatch.alerter.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code webhook:NAME-or-URL}: a JSON POST of the {@link Alert} (a digest: {@code {"type": "alert.digest",
 * "alerts": [...]}}); {@code slack:NAME-or-URL}: the message format of Slack-compatible incoming webhooks
 * (Slack, Mattermost, Rocket.Chat). Every request carries the alert id in {@code Idempotency-Key}, so a receiver
 * can drop the rare duplicate that at-least-once delivery allows after a crash.
 *
 * <p>Only the status code of the answer counts: its body is read up to {@link #MAX_ANSWER_BYTES} (so that the
 * connection can be reused) and dropped, never stored; a longer or slower one is cut off. Failures name the
 * channel by its label, never by its URL.
 */
public final class WebhookChannel implements Channel {

    /** Header with the alert id (or digest id): the same value on every retry of one notification. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The most of a receiver's answer that is read; the rest is not waited for. */
    static final int MAX_ANSWER_BYTES = 4 * 1024;

    private final ChannelTarget.Kind kind;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<String, URI> named;

    /**
     * @param kind  {@link ChannelTarget.Kind#WEBHOOK} or {@link ChannelTarget.Kind#SLACK}
     * @param named configured webhook URLs by name
     */
    public WebhookChannel(ChannelTarget.Kind kind, HttpClient http, Duration requestTimeout, Map<String, URI> named) {
        this.kind = kind;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.named = Map.copyOf(named);
    }

    /** The HTTP client both webhook kinds share: bounded connect time, no redirects (a moved hook is a config error). */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        String body = kind == ChannelTarget.Kind.SLACK ? SlackMessage.of(notification) : json(notification);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "newswatch-alerter")
                .header(IDEMPOTENCY_KEY, notificationId(notification))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        String label = target.label();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request,
                info -> new BoundedAnswer(MAX_ANSWER_BYTES));
        // The request timeout ends with the answer's headers; a body that trickles on must not hold the attempt.
        CompletableFuture.delayedExecutor(requestTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .execute(() -> exchange.cancel(true));
        return exchange.handle((response, error) -> {
            if (error != null) {
                throw failure(label, error instanceof CompletionException ? error.getCause() : error);
            }
            check(label, response);
            return null;
        });
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
        return DeliveryException.transientFailure("POST to " + label + " " + reason(error), error);
    }

    /** What went wrong, in our words: exception messages may quote the URL or the receiver. */
    static String reason(Throwable error) {
        if (error instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (error instanceof java.util.concurrent.CancellationException) {
            return "was cut off: the answer took longer than twice the request timeout";
        }
        if (error instanceof java.net.ConnectException) {
            return "could not connect";
        }
        if (error instanceof javax.net.ssl.SSLException) {
            return "failed in TLS (" + error.getClass().getSimpleName() + ")";
        }
        if (error instanceof java.nio.channels.UnresolvedAddressException
                || error instanceof java.net.UnknownHostException) {
            return "failed: unknown host";
        }
        return "failed (" + error.getClass().getSimpleName() + ")";
    }

    private static void check(String label, HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = "POST to " + label + " answered HTTP " + status + " (" + meaning(status) + ")";
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        Duration retryAfter = response.headers().firstValue("Retry-After").map(WebhookChannel::retryAfter)
                .orElse(null);
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

    /** Retry-After in seconds or as an HTTP date. */
    static Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
