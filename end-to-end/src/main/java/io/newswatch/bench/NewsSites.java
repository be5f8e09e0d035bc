package io.newswatch.bench;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's news sites: many RSS feeds spread over several loopback addresses (127.0.0.2, 127.0.0.3...), one
 * HTTP server per address, so that the poller's per-host politeness sees several sites, as it would on the web.
 * Each feed lists its newest {@code window} items and grows as the benchmark publishes; each item links to an article
 * page on the same host (headline, byline, paragraphs, a canonical link, navigation and footer to strip). Feeds answer
 * conditional GETs ({@code If-None-Match}) with 304 while nothing was published, as news sites' CDNs do. With
 * {@code contentInFeed}, items also carry the whole text as {@code content:encoded}, for feeds registered without
 * full-text extraction.
 */
public final class NewsSites implements AutoCloseable {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One item as a feed lists it. */
    private record Item(NewsArticle article, Instant published) {
    }

    /** One feed: its items, newest last, and its rendered XML while nothing changes. */
    private final class Feed {
        final int index;
        final String base;
        final ArrayDeque<Item> items = new ArrayDeque<>();
        long version;
        byte[] rendered;

        Feed(int index, String base) {
            this.index = index;
            this.base = base;
        }

        String url() {
            return base + "/f" + index + "/rss.xml";
        }

        String articleUrl(NewsArticle article) {
            return base + "/f" + index + "/news/" + article.slug() + ".html";
        }

        synchronized void add(NewsArticle article, Instant now) {
            items.addLast(new Item(article, now));
            // Pages stay reachable a while after their item leaves the feed, as on real sites.
            while (items.size() > 2 * window) {
                items.removeFirst();
            }
            version++;
            rendered = null;
        }

        synchronized byte[] xml() {
            if (rendered == null) {
                rendered = render().getBytes(StandardCharsets.UTF_8);
            }
            return rendered;
        }

        synchronized String etag() {
            return "\"v" + version + "\"";
        }

        synchronized NewsArticle page(String slug) {
            for (Item item : items) {
                if (item.article().slug().equals(slug)) {
                    return item.article();
                }
            }
            return null;
        }

        private String render() {
            StringBuilder xml = new StringBuilder(4096 + window * (contentInFeed ? 4000 : 600));
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                    .append("xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>")
                    .append("<title>Bench Wire ").append(index).append("</title><link>").append(base)
                    .append("/f").append(index).append("/</link><description>Generated news for the newswatch ")
                    .append("benchmark</description><language>en</language>\n");
            int listed = 0;
            for (Iterator<Item> it = items.descendingIterator(); it.hasNext() && listed < window; listed++) {
                Item item = it.next();
                NewsArticle article = item.article();
                xml.append("<item><title>").append(escape(article.title())).append("</title><link>")
                        .append(articleUrl(article)).append("</link><guid isPermaLink=\"false\">bench-")
                        .append(article.slug()).append("</guid><pubDate>").append(RFC_1123.format(item.published()))
                        .append("</pubDate><author>").append(escape(article.byline())).append("</author>")
                        .append("<category>").append(article.desk()).append("</category><description>")
                        .append(escape(article.lead())).append("</description>");
                if (contentInFeed) {
                    xml.append("<content:encoded>").append(escape(paragraphsHtml(article))).append("</content:encoded>");
                }
                xml.append("</item>\n");
            }
            return xml.append("</channel></rss>\n").toString();
        }
    }

    private final int window;
    private final boolean contentInFeed;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Feed> feeds = new ArrayList<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param hosts         loopback addresses to serve on (127.0.0.2 onwards)
     * @param feeds         feeds, spread round robin over the hosts
     * @param window        items a feed lists
     * @param contentInFeed whether items carry the article's whole text
     */
    public NewsSites(int hosts, int feeds, int window, boolean contentInFeed) throws IOException {
        this.window = window;
        this.contentInFeed = contentInFeed;
        List<String> bases = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String address = "127.0.0." + (2 + h);
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 256);
            server.createContext("/", this::handle);
            server.setExecutor(workers);
            server.start();
            servers.add(server);
            bases.add("http://" + address + ":" + server.getAddress().getPort());
        }
        for (int f = 0; f < feeds; f++) {
            this.feeds.add(new Feed(f, bases.get(f % hosts)));
        }
    }

    /** Every feed's URL, in feed order. */
    public List<String> feedUrls() {
        return feeds.stream().map(Feed::url).toList();
    }

    /** Adds an article to the feed it belongs to (its number modulo the feeds); returns its article id. */
    public String publish(NewsArticle article) {
        Feed feed = feedOf(article);
        feed.add(article, Instant.now());
        return Ids.article(feed.articleUrl(article));
    }

    /** The id the pipeline gives an article (its canonical URL, hashed), published or not. */
    public String articleId(NewsArticle article) {
        return Ids.article(feedOf(article).articleUrl(article));
    }

    private Feed feedOf(NewsArticle article) {
        return feeds.get((int) (article.number() % feeds.size()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            // /f<index>/rss.xml or /f<index>/news/<slug>.html
            if (parts.length < 3 || !parts[1].startsWith("f")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int index;
            try {
                index = Integer.parseInt(parts[1].substring(1));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (index < 0 || index >= feeds.size()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Feed feed = feeds.get(index);
            if (parts.length == 3 && parts[2].equals("rss.xml")) {
                byte[] xml;
                String etag;
                synchronized (feed) {
                    xml = feed.xml();
                    etag = feed.etag();
                }
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                reply(exchange, "application/rss+xml; charset=utf-8", xml);
                return;
            }
            if (parts.length == 4 && parts[2].equals("news") && parts[3].endsWith(".html")) {
                NewsArticle article = feed.page(parts[3].substring(0, parts[3].length() - ".html".length()));
                if (article != null) {
                    reply(exchange, "text/html; charset=utf-8", page(feed, article).getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private String page(Feed feed, NewsArticle article) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | Bench Wire %d</title>
                <link rel="canonical" href="%s"><meta name="author" content="%s"></head><body>
                <header><a href="/">Bench Wire</a><nav><a href="/world">World</a> <a href="/business">Business</a>
                <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
                <main><article><h1>%s</h1><p class="byline">By %s</p>
                %s</article>
                <aside><h2>Most read</h2><ul><li><a href="/a">Council approves budget</a></li>
                <li><a href="/b">Rail strike called off</a></li></ul></aside></main>
                <footer>© Bench Wire. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>
                """.formatted(escape(article.title()), feed.index, feed.articleUrl(article), escape(article.byline()),
                escape(article.title()), escape(article.byline()), paragraphsHtml(article));
    }

    private static String paragraphsHtml(NewsArticle article) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : article.paragraphs()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        return html.toString();
    }

    private static void reply(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        workers.shutdownNow();
    }
}
