package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint that records every delivery it receives, as the analyst's chat tool would. */
final class WebhookRecorder implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> deliveries = new CopyOnWriteArrayList<>();

    WebhookRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                deliveries.add(Json.mapper().readTree(exchange.getRequestBody()));
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
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
