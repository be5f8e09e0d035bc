package io.newswatch.poller.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small news site for tests: documents by path, answering conditional GETs with 304 when the ETag matches, and
 * recording every request (path and User-Agent).
 */
public final class FeedSite implements AutoCloseable {

    /** One request as the site saw it. */
    public record Request(String path, String userAgent, String ifNoneMatch, java.time.Instant at) {
    }

    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Map.Entry<Integer, String>> redirects = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FeedSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String path, String body) {
        documents.put(path, body.replace("${base}", base()));
    }

    /** Answers {@code path} with a redirect. */
    public void redirect(String path, int status, String location) {
        redirects.put(path, Map.entry(status, location));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent"), ifNoneMatch,
                    java.time.Instant.now()));
            Map.Entry<Integer, String> redirect = redirects.get(path);
            if (redirect != null) {
                exchange.getResponseHeaders().set("Location", redirect.getValue());
                exchange.sendResponseHeaders(redirect.getKey(), -1);
                return;
            }
            String body = documents.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".xml")
                    ? "application/rss+xml; charset=utf-8" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
