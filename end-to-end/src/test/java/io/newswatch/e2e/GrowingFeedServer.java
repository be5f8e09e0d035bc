package io.newswatch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.contract.Ids;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A news site whose RSS feed grows while the test runs: {@link #publish} adds an item (newest first, at most the
 * latest {@code window} in the feed, 50 by default, as real sites do) and its article page. Stories are short texts
 * written for the tests. Each site may have a host name of its own in the loopback range (127.0.0.2...), as
 * different sites have, so that one site's troubles do not count against another's politeness slots.
 */
final class GrowingFeedServer implements AutoCloseable {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One published story. */
    record Story(String slug, String title, String body, Instant published) {
    }

    private final HttpServer server;
    private final String host;
    private final int window;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Story> stories = new CopyOnWriteArrayList<>();

    GrowingFeedServer() throws IOException {
        this("localhost", 50);
    }

    /**
     * @param host   a loopback name or address the site answers on ("localhost", "127.0.0.2")
     * @param window how many of the newest stories the feed lists
     */
    GrowingFeedServer(String host, int window) throws IOException {
        this.host = host;
        this.window = window;
        server = HttpServer.create(new InetSocketAddress(host, 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String base() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    String feedUrl() {
        return base() + "/feed.xml";
    }

    /** The canonical URL the poller should derive for a story. */
    String articleUrl(String slug) {
        return base() + "/news/" + slug + ".html";
    }

    void publish(String slug, String title, String body) {
        stories.add(new Story(slug, title, body, Instant.now()));
    }

    /** The article id the pipeline must give a story's page (canonical URL hashed). */
    String articleId(String slug) {
        return Ids.article(articleUrl(slug));
    }

    List<Story> stories() {
        return List.copyOf(stories);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/feed.xml")) {
                reply(exchange, "application/rss+xml; charset=utf-8", feed());
                return;
            }
            for (Story story : stories) {
                if (path.equals("/news/" + story.slug() + ".html")) {
                    reply(exchange, "text/html; charset=utf-8", page(story));
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private String feed() {
        List<Story> newestFirst = new ArrayList<>(stories).reversed();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test Wire</title><link>%s/</link>
                <description>Stories written for the end-to-end tests</description>
                """.formatted(base()));
        for (Story story : newestFirst.subList(0, Math.min(window, newestFirst.size()))) {
            xml.append("<item><title>").append(escape(story.title())).append("</title>")
                    .append("<link>").append(articleUrl(story.slug())).append("?utm_source=rss</link>")
                    .append("<guid isPermaLink=\"false\">test-wire-").append(story.slug()).append("</guid>")
                    .append("<pubDate>").append(RFC_1123.format(story.published())).append("</pubDate>")
                    .append("<description>").append(escape(story.body().split("\n")[0])).append("</description>")
                    .append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String page(Story story) {
        StringBuilder paragraphs = new StringBuilder();
        for (String paragraph : story.body().split("\n")) {
            paragraphs.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        return """
                <!doctype html><html><head><title>%s</title><link rel="canonical" href="%s"></head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>%s</h1>
                %s</article>
                <footer>© Test Wire. All rights reserved.</footer></body></html>
                """.formatted(escape(story.title()), articleUrl(story.slug()), escape(story.title()), paragraphs);
    }

    private static void reply(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
