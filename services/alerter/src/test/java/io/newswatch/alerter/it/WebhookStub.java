package io.newswatch.alerter.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for tests: records every request, and answers 200, or for a path scripted with
 * {@link #failFirst}, a given status the first n times.
 */
public final class WebhookStub implements AutoCloseable {

    /** One request received. */
    public record Request(String path, String idempotencyKey, String body, int answeredWith) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int status, AtomicInteger left) {
    }

    public WebhookStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a path on this server. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers {@code status} to the first {@code times} requests to {@code path}, then 200. */
    public void failFirst(String path, int times, int status) {
        failures.put(path, new Failures(status, new AtomicInteger(times)));
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests to one path. */
    public List<Request> requests(String path) {
        List<Request> matching = new ArrayList<>();
        requests.forEach(r -> {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        });
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Failures failing = failures.get(path);
        int status = failing != null && failing.left().getAndDecrement() > 0 ? failing.status() : 200;
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, status));
        byte[] answer = (status == 200 ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
