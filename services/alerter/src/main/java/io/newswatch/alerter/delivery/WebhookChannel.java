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

/**
 * {@code webhook:NAME-or-URL}: a JSON POST of the {@link Alert} (a digest: {@code {"type": "alert.digest",
 * "alerts": [...]}}); {@code slack:NAME-or-URL}: the message format of Slack-compatible incoming webhooks
 * (Slack, Mattermost, Rocket.Chat). Every request carries the alert id in {@code Idempotency-Key}, so a receiver
 * can drop the rare duplicate that at-least-once delivery allows after a crash.
 */
public final class WebhookChannel implements Channel {

    /** Header with the alert id (or digest id): the same value on every retry of one notification. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(url, error instanceof CompletionException ? error.getCause() : error);
                    }
                    check(url, response);
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

    private static DeliveryException failure(URI url, Throwable error) {
        if (error instanceof DeliveryException delivery) {
            return delivery;
        }
        String what = error instanceof HttpTimeoutException ? "timed out" : "failed";
        String message = error instanceof IOException || error.getMessage() != null
                ? error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage())
                : error.toString();
        return DeliveryException.transientFailure("POST " + redact(url) + " " + what + ": " + message, error);
    }

    private static void check(URI url, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = response.body() == null ? "" : response.body().strip();
        String message = "POST " + redact(url) + " answered HTTP " + status
                + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        Duration retryAfter = response.headers().firstValue("Retry-After").map(WebhookChannel::retryAfter)
                .orElse(null);
        throw new DeliveryException(message, !transientStatus, retryAfter, null);
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

    /** Webhook URLs carry secrets in their path (Slack's do): logs and dead letters show only the host. */
    static String redact(URI url) {
        return url.getScheme() + "://" + url.getAuthority() + (url.getPath() == null || url.getPath().isEmpty()
                ? "" : "/…");
    }
}
