package io.newswatch.poller.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The benchmark's news site, in a process of its own so that its CPU is not counted as the poller's: N feeds at
 * {@code /feeds/I.xml} on every loopback address, each with 20 items, answering conditional GETs with 304 until
 * {@code POST /bump?percent=P&seed=S} gives P percent of them a new item (and a new ETag).
 *
 * <p>{@code java ... BenchSite PORT FEEDS}
 */
public final class BenchSite {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final AtomicIntegerArray versions;

    BenchSite(int feeds) {
        versions = new AtomicIntegerArray(feeds);
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        BenchSite site = new BenchSite(Integer.parseInt(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 1000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/feeds/", site::feed);
        server.createContext("/bump", site::bump);
        server.start();
        System.out.println("bench site on port " + port);
    }

    private void feed(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
            int feed = Integer.parseInt(name.substring(0, name.indexOf('.')));
            int version = versions.get(feed);
            String etag = "\"" + feed + "-" + version + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = document(feed, version).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void bump(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            int percent = Integer.parseInt(query.replaceAll(".*percent=(\\d+).*", "$1"));
            Random random = new Random(Long.parseLong(query.replaceAll(".*seed=(\\d+).*", "$1")));
            int bumped = 0;
            for (int i = 0; i < versions.length(); i++) {
                if (random.nextInt(100) < percent) {
                    versions.incrementAndGet(i);
                    bumped++;
                }
            }
            byte[] body = String.valueOf(bumped).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Feed {@code feed} at {@code version}: its 20 newest items, item numbers version+19 down to version. */
    static String document(int feed, int version) {
        StringBuilder xml = new StringBuilder(12_000).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\"><channel><title>Bench wire ").append(feed)
                .append("</title><link>http://bench.example/</link><description>Benchmark feed</description>\n");
        for (int n = version + 19; n >= version; n--) {
            xml.append(item(feed, n));
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String item(int feed, int n) {
        return "<item><title>Wire " + feed + " story " + n + ": council debates the harbour budget</title>"
                + "<link>http://bench.example/" + feed + "/story-" + n + ".html?utm_source=rss</link>"
                + "<guid isPermaLink=\"false\">bench-" + feed + "-" + n + "</guid>"
                + "<pubDate>" + RFC_1123.format(EPOCH.plusSeconds(600L * n)) + "</pubDate>"
                + "<category>Politics</category><category>Region</category>"
                + "<description>&lt;p&gt;The council met on Tuesday to debate the budget for the harbour, the "
                + "ferry terminal and the coastal road, which together account for a third of spending. Story " + n
                + " of wire " + feed + ".&lt;/p&gt;</description></item>\n";
    }
}
