package io.newswatch.poller.poll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The local site of the feed corpus: each path answers as a test tells it to (a document, a status, a redirect, a
 * slow or endless body...), and every request is recorded. Documents come from {@code src/test/resources/corpus},
 * with {@code ${base}} replaced by this site's address.
 */
public final class CorpusSite implements AutoCloseable {

    /** How one path answers. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** One request as the site saw it. */
    public record Request(String path, Map<String, List<String>> headers) {
        /** A request header, its name in any case. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> variables = new ConcurrentHashMap<>();

    public CorpusSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders())));
                Route route = routes.get(exchange.getRequestURI().getPath());
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    route.answer(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (timeouts, size limits): nothing to answer
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The site as {@code http://127.0.0.1:port}; {@code http://localhost:port} reaches it too. */
    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /** Another value for {@code ${name}} in documents. */
    public void variable(String name, String value) {
        variables.put(name, value);
    }

    public void route(String path, Route route) {
        routes.put(path, route);
    }

    /** Forgets the requests recorded so far. */
    public void clearRequests() {
        requests.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** A corpus document, placeholders filled in, as text. */
    public String document(String name, String base) {
        try (InputStream in = CorpusSite.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus document " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${base}", base);
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                text = text.replace("${" + variable.getKey() + "}", variable.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- routes ---------------------------------------------------------------------------------------------------

    /** A document with a content type, encoded in a charset. */
    public Route document(String name, String contentType, Charset charset) {
        return exchange -> send(exchange, 200, contentType, document(name, base()).getBytes(charset));
    }

    /** A UTF-8 feed document as {@code application/rss+xml} without a charset parameter. */
    public Route feed(String name) {
        return document(name, "application/rss+xml", StandardCharsets.UTF_8);
    }

    /**
     * An RSS item {@code title} with the link {@code base + path + i}, the guid {@code name-i} and a date {@code i}
     * minutes after two hours before {@link PollHarness#START} (so items 1, 2... are oldest first).
     */
    public static String item(String title, String base, String path, String name, int i, String description) {
        return "<item><title>" + title + "</title><link>" + base + path + i + "</link><guid>" + name + "-" + i
                + "</guid><pubDate>" + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.withZone(
                java.time.ZoneOffset.UTC).format(PollHarness.START.minus(java.time.Duration.ofHours(2))
                .plus(java.time.Duration.ofMinutes(i))) + "</pubDate><description>" + description
                + "</description></item>";
    }

    /** Bytes as they are. */
    public static Route bytes(int status, String contentType, byte[] body) {
        return exchange -> send(exchange, status, contentType, body);
    }

    /** A status with headers and no body. */
    public static Route status(int status, Map<String, String> headers) {
        return exchange -> {
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, -1);
        };
    }

    public static Route redirect(int status, String location) {
        return status(status, Map.of("Location", location));
    }

    /** A document compressed with gzip or deflate, said so in {@code Content-Encoding}. */
    public Route compressed(String name, String encoding) {
        return exchange -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (OutputStream out = encoding.equals("gzip") ? new GZIPOutputStream(buffer) : new DeflaterOutputStream(buffer)) {
                out.write(document(name, base()).getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Encoding", encoding);
            send(exchange, 200, "application/rss+xml", buffer.toByteArray());
        };
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
