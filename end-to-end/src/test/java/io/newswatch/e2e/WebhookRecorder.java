package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook endpoint that records every delivery it receives, as the analyst's chat tool would. It keeps every
 * request, repeats included (it does not drop repeats by their {@code Idempotency-Key}), so that tests can count
 * deliveries per alert id.
 */
final class WebhookRecorder implements AutoCloseable {

    /** One request received: when, its {@code Idempotency-Key} header (null if none), and its JSON body (an alert). */
    record Delivery(Instant at, String idempotencyKey, JsonNode body) {

        String alertId() {
            return body.path("id").asText();
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                deliveries.add(new Delivery(Instant.now(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        Json.mapper().readTree(exchange.getRequestBody())));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    /** The channel that delivers here. */
    String channel() {
        return "webhook:http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** Every body received, in order. */
    List<JsonNode> deliveries() {
        return deliveries.stream().map(Delivery::body).toList();
    }

    /** The alert id of every request received, in order; an id twice is a second notification of one alert. */
    List<String> alertIds() {
        return deliveries.stream().map(Delivery::alertId).toList();
    }

    /** Every request received, in order. */
    List<Delivery> requests() {
        return List.copyOf(deliveries);
    }

    /** Each request for the alert, in order of arrival. */
    List<Delivery> requests(String alertId) {
        return deliveries.stream().filter(delivery -> delivery.alertId().equals(alertId)).toList();
    }

    /** How many requests arrived after an instant. */
    long countSince(Instant instant) {
        return deliveries.stream().filter(delivery -> delivery.at().isAfter(instant)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
