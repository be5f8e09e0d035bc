package io.newswatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The webhook the benchmark's hook rules notify: notes when each alert arrived, with the alert's own times (when the
 * poller fetched the article, when the alerter raised the alert). Keeps only those, not the bodies.
 */
final class AlertHook implements AutoCloseable {

    /** One notification received. */
    record Arrival(String alertId, String ruleId, String articleId, Instant fetched, Instant raised, Instant arrived) {
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    AlertHook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()));
        server.createContext("/hook", exchange -> {
            try (exchange) {
                Instant arrived = Instant.now();
                JsonNode alert = Json.mapper().readTree(exchange.getRequestBody());
                arrivals.add(new Arrival(alert.path("id").asText(), alert.path("ruleId").asText(),
                        alert.path("articleId").asText(), instant(alert.path("articleFetched")), instant(alert.path("timestamp")), arrived));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }

    /** The URL rules notify. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
