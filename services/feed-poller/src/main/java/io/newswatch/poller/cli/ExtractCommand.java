package io.newswatch.poller.cli;

import io.newswatch.poller.http.FetchRequest;
import io.newswatch.poller.http.MediaTypes;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.ExtractedPage;
import io.newswatch.poller.parse.UrlCanonicalizer;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./newswatch extract URL|FILE [--base URL]}: extracts one article page exactly as the poller does and
 * prints JSON: title, author, published time, language, canonical URL, main text, and how the text was found.
 * Exit status 0 when main text was found, 1 when not (or the page could not be read), 2 on wrong arguments.
 */
public final class ExtractCommand {

    private ExtractCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<Cli.Arguments> arguments = Cli.Arguments.parse(args);
        if (arguments.isEmpty()) {
            err.println("usage: ./newswatch extract URL|FILE [--base URL]");
            return Cli.USAGE;
        }
        Optional<Cli.Input> read = Cli.readOrReport(arguments.get(), FetchRequest.ACCEPT_PAGE, out, true);
        if (read.isEmpty()) {
            return Cli.FAILED;
        }
        Cli.Input input = read.get();
        Optional<String> charset = input.charset().filter(MediaTypes::supported);
        if (input.charset().isPresent() && charset.isEmpty()) {
            err.println("the page declares the charset \"" + input.charset().get() + "\", which Java does not know: "
                    + "read as its <meta> charset or UTF-8");
        }
        ExtractedPage page = new ArticleExtractor().extract(input.body(), charset, input.base());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", page.title());
        json.put("author", page.author());
        json.put("published", page.published());
        json.put("language", page.language());
        json.put("canonicalUrl", page.canonicalUrl() == null ? null
                : new UrlCanonicalizer().canonical(page.canonicalUrl()).orElse(page.canonicalUrl()));
        json.put("text", page.text());
        json.put("method", page.method());
        json.put("words", page.text().isEmpty() ? 0 : page.text().split("\\s+").length);
        Cli.printJson(out, json, true);
        return page.text().isEmpty() ? Cli.FAILED : Cli.OK;
    }
}
