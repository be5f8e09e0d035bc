package io.newswatch.poller.cli;

import io.newswatch.contract.Ids;
import io.newswatch.poller.http.FetchRequest;
import io.newswatch.poller.parse.FeedParseException;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.ParsedFeed;
import io.newswatch.poller.parse.ParsedItem;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.poll.FeedPoller;
import io.newswatch.poller.poll.ItemKeys;

import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./newswatch feed FILE|URL|- ... [--base URL]}: parses each feed exactly as the poller does and prints one
 * JSON object per feed on one line: the feed's format, title, link and language, its items (id, canonical URL,
 * title, published time, summary, the item's own link or null, content...) and the warnings of the parse. A feed that cannot be read or parsed
 * is reported on standard error as one JSON line. Exit status: {@link Cli#OK} when every feed was parsed, otherwise
 * that of the first failure ({@link Cli#UNREADABLE}, {@link Cli#FETCH_FAILED}); {@link Cli#USAGE} on wrong
 * arguments.
 */
public final class FeedCommand {

    static final String USAGE = """
            usage: ./newswatch feed FILE|URL|- ... [--base URL]
              Parses each feed as the poller does and prints one JSON object per feed and line:
              {"input", "format", "title", "link", "language", "items": [...], "warnings": [...]}.
              -           read a feed from standard input
              --base URL  resolve the relative links of files and standard input against URL
            Errors go to standard error, one JSON object per failed input.
            Exit status: 0 all parsed, 1 unreadable input or not a feed, 2 wrong arguments, 3 fetch failed.""";

    private FeedCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.in, Cli.utf8(FileDescriptor.out), Cli.utf8(FileDescriptor.err)));
    }

    static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        Optional<Cli.Arguments> parsed = Cli.Arguments.parse(args);
        if (parsed.isEmpty()) {
            err.println(USAGE);
            return Cli.USAGE;
        }
        if (parsed.get().help()) {
            out.println(USAGE);
            return Cli.OK;
        }
        Cli.Arguments arguments = parsed.get();
        FeedParser parser = new FeedParser();
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        int exit = Cli.OK;
        for (String target : arguments.targets()) {
            int status = one(target, arguments, parser, canonicalizer, stdin, out, err);
            exit = exit == Cli.OK ? status : exit;
        }
        return exit;
    }

    private static int one(String target, Cli.Arguments arguments, FeedParser parser, UrlCanonicalizer canonicalizer,
                           InputStream stdin, PrintStream out, PrintStream err) {
        Instant fetched = Instant.now();
        Cli.Result read = Cli.readChecked(target, arguments.base(), FetchRequest.ACCEPT_FEED, stdin);
        if (read.failure() != null) {
            Cli.printFailure(err, target, read.failure());
            return read.failure().exit();
        }
        Cli.Input input = read.input();
        ParsedFeed feed;
        try {
            feed = parser.parse(input.body(), input.charset(), input.base());
        } catch (FeedParseException e) {
            Cli.printFailure(err, target, new Cli.Failure(e.getMessage(), "PARSE", Cli.UNREADABLE));
            return Cli.UNREADABLE;
        }
        String feedUrl = input.base() != null ? input.base().toString() : "file:" + target;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", target);
        json.put("format", feed.format());
        json.put("title", feed.title());
        json.put("link", feed.link());
        json.put("language", feed.language());
        json.put("items", feed.items().stream()
                .map(item -> item(item, ItemKeys.of(item, feedUrl, canonicalizer), fetched)).toList());
        json.put("warnings", feed.warnings());
        Cli.printJson(out, json, false);
        return Cli.OK;
    }

    private static Map<String, Object> item(ParsedItem item, ItemKeys keys, Instant fetched) {
        Instant published = FeedPoller.plausible(item.published(), fetched);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", Ids.article(keys.url()));
        line.put("url", keys.url());
        line.put("title", item.title());
        line.put("published", published != null ? published : fetched);
        if (published == null) {
            line.put("publishedEstimated", true);
        } else if (item.publishedFrom() != null) {
            line.put("publishedFrom", item.publishedFrom());
        }
        line.put("summary", item.summary());
        if (item.guid() != null) {
            line.put("guid", item.guid());
        }
        line.put("link", item.link());
        if (item.author() != null) {
            line.put("author", item.author());
        }
        if (!item.categories().isEmpty()) {
            line.put("categories", item.categories());
        }
        if (!item.content().isEmpty()) {
            line.put("content", item.content());
        }
        return line;
    }
}
