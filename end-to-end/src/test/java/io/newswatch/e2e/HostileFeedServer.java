package io.newswatch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A feed server that misbehaves, on a loopback host of its own (as a real troublesome site is a host of its own):
 * it answers garbage, hangs half way through a feed, or sends an endless 1 GiB feed. It counts requests and bytes
 * sent, so that a test can tell it was polled and how much the poller read before giving up.
 */
final class HostileFeedServer implements AutoCloseable {

    /** What the server does with every request. */
    enum Behaviour {
        /** 200 with a feed content type and 64 KiB of random bytes and broken markup. */
        GARBAGE,
        /** 200, the start of a feed, then silence until the client gives up. */
        HANG,
        /** 200 and a well-formed start of a feed that goes on for 1 GiB, as fast as the client reads. */
        HUGE
    }

    private static final long GIGABYTE = 1L << 30;

    private final Behaviour behaviour;
    private final String host;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();

    HostileFeedServer(Behaviour behaviour, String host) throws IOException {
        this.behaviour = behaviour;
        this.host = host;
        server = HttpServer.create(new InetSocketAddress(host, 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String feedUrl() {
        return "http://" + host + ":" + server.getAddress().getPort() + "/feed.xml";
    }

    long requests() {
        return requests.get();
    }

    /** The most bytes one response got out before the client stopped reading. */
    long bytesSent() {
        return bytesSent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            switch (behaviour) {
                case GARBAGE -> {
                    byte[] garbage = new byte[64 * 1024];
                    new Random(requests.get()).nextBytes(garbage);
                    byte[] start = "<?xml version=\"1.0\"?><rss><chan<<nel>&&<item><title>".getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(start, 0, garbage, 0, start.length);
                    exchange.sendResponseHeaders(200, garbage.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(garbage);
                    }
                }
                case HANG -> {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Stalled</title>"
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the server is closing
                    }
                }
                case HUGE -> {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] item = "<item><title>More</title><link>http://example.invalid/more</link></item>\n"
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] chunk = new byte[item.length * 800];
                    for (int i = 0; i < 800; i++) {
                        System.arraycopy(item, 0, chunk, i * item.length, item.length);
                    }
                    long sent = 0;
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Endless</title>\n"
                                .getBytes(StandardCharsets.UTF_8));
                        while (sent < GIGABYTE) {
                            out.write(chunk);
                            sent += chunk.length;
                        }
                    } catch (IOException clientGaveUp) {
                        // what a well-behaved client does with an endless body
                    } finally {
                        bytesSent.accumulateAndGet(sent, Math::max);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
