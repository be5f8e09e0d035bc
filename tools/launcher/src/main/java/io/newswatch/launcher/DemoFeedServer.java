package io.newswatch.launcher;

import io.newswatch.stack.BindAddress;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the bundled demo site ({@code deploy/demo-feed/}: an RSS 2.0 and an Atom feed and the article pages they
 * link to) on the launcher's {@link BindAddress} (loopback unless configured), so that a fresh machine without
 * internet has news to watch. {@code ${base}} in a file becomes this server's address. Answers conditional GETs with
 * 304, as a well-behaved news site does.
 */
public final class DemoFeedServer {

    /** Default port: {@code NEWSWATCH_DEMO_FEED_PORT} overrides it. */
    public static final int DEFAULT_PORT = 8090;

    private static final Map<String, String> TYPES = Map.of(
            "xml", "application/xml; charset=utf-8",
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "html", "text/html; charset=utf-8");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Path root;
    private final BindAddress bind;
    private final int port;
    private final String base;
    private final Instant lastModified = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private HttpServer server;

    public DemoFeedServer(Path root, BindAddress bind, int port) {
        this.root = root.toAbsolutePath().normalize();
        this.bind = bind;
        this.port = port;
        this.base = bind.url(port);
    }

    public static int port() {
        String value = System.getenv("NEWSWATCH_DEMO_FEED_PORT");
        return value == null || value.isBlank() ? DEFAULT_PORT : Integer.parseInt(value.trim());
    }

    /** {@code java ... DemoFeedServer DIR PORT HOST}: serves until killed. */
    public static void main(String[] args) throws IOException {
        DemoFeedServer server = new DemoFeedServer(Path.of(args[0]), new BindAddress(args[2]),
                Integer.parseInt(args[1]));
        server.start();
        System.out.println("demo feed at " + server.base + "/rss.xml and /atom.xml");
    }

    /** Where the feeds are: {@code http://HOST:PORT}. */
    public String base() {
        return base;
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind.host(), port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                reply(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = Files.readString(file).replace("${base}", base).getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + HexFormat.of().toHexDigits(java.util.Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", HTTP_DATE.format(lastModified));
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            reply(exchange, 200, type, body);
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
