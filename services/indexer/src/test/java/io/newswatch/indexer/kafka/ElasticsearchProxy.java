package io.newswatch.indexer.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A reverse proxy in front of the shared Elasticsearch that a test can take away (connection refused) or make
 * answer 503, without touching the Elasticsearch other engineers' tests use.
 */
public final class ElasticsearchProxy {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final byte[] UNAVAILABLE = "{\"error\":{\"type\":\"unavailable\",\"reason\":\"the proxy says 503\"},\"status\":503}"
            .getBytes(StandardCharsets.UTF_8);

    private final URI target;
    private int port;
    private HttpServer server;
    private volatile boolean unavailable;

    public ElasticsearchProxy(URI target) {
        this.target = target;
    }

    /** Starts answering (again, on the same port); does nothing when it is answering. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Closes the port: clients get "connection refused". */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Answers 503 to everything while true. */
    public void unavailable(boolean value) {
        unavailable = value;
    }

    /** The URL clients use. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (unavailable) {
                respond(exchange, 503, UNAVAILABLE, "application/json");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            respond(exchange, response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse("application/json"));
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String contentType)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
