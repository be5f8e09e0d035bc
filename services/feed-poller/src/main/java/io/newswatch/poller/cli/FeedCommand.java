package io.newswatch.poller.cli;

import io.newswatch.poller.http.FetchRequest;
import io.newswatch.poller.parse.FeedParseException;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.ParsedFeed;
import io.newswatch.poller.parse.ParsedItem;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.poll.FeedPoller;
import io.newswatch.poller.poll.ItemKeys;
import io.newswatch.contract.Ids;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./newswatch feed URL|FILE [--base URL]}: parses one feed exactly as the poller does and prints one JSON
 * line per item (id, canonical URL, title, published time, summary...), then one per warning and error. Exit
 * status 0 when the feed was parsed, 1 when not, 2 on wrong arguments.
 */
public final class FeedCommand {

    private FeedCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<Cli.Arguments> arguments = Cli.Arguments.parse(args);
        if (arguments.isEmpty()) {
            err.println("usage: ./newswatch feed URL|FILE [--base URL]   (--base resolves a file's relative links)");
            return Cli.USAGE;
        }
        Instant fetched = Instant.now();
        Optional<Cli.Input> read = Cli.readOrReport(arguments.get(), FetchRequest.ACCEPT_FEED, out, false);
        if (read.isEmpty()) {
            return Cli.FAILED;
        }
        Cli.Input input = read.get();
        ParsedFeed feed;
        try {
            feed = new FeedParser().parse(input.body(), input.charset(), input.base());
        } catch (FeedParseException e) {
            Cli.printJson(out, Map.of("error", e.getMessage(), "kind", "PARSE"), false);
            return Cli.FAILED;
        }
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        String feedUrl = input.base() == null ? "file:" + arguments.get().target() : input.base().toString();
        for (ParsedItem item : feed.items()) {
            Cli.printJson(out, line(item, ItemKeys.of(item, feedUrl, canonicalizer), fetched), false);
        }
        for (String warning : feed.warnings()) {
            Cli.printJson(out, Map.of("warning", warning), false);
        }
        err.printf("%s: %d item(s), format %s, language %s%n", arguments.get().target(), feed.items().size(),
                feed.format(), feed.language() == null ? "not given" : feed.language());
        return Cli.OK;
    }

    private static Map<String, Object> line(ParsedItem item, ItemKeys keys, Instant fetched) {
        Instant published = FeedPoller.plausible(item.published(), fetched);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", Ids.article(keys.url()));
        line.put("url", keys.url());
        line.put("title", item.title());
        line.put("published", published != null ? published : fetched);
        if (published == null) {
            line.put("publishedEstimated", true);
        }
        line.put("summary", item.summary());
        if (item.guid() != null) {
            line.put("guid", item.guid());
        }
        if (item.link() != null && !item.link().equals(keys.url())) {
            line.put("link", item.link());
        }
        if (item.author() != null) {
            line.put("author", item.author());
        }
        if (!item.categories().isEmpty()) {
            line.put("categories", item.categories());
        }
        if (!item.content().isEmpty()) {
            line.put("contentWords", item.content().split("\\s+").length);
        }
        return line;
    }
}
