package io.newswatch.poller.cli;

import io.newswatch.poller.http.FetchRequest;
import io.newswatch.poller.http.MediaTypes;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.ExtractedPage;
import io.newswatch.poller.parse.UrlCanonicalizer;

import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./newswatch extract FILE|URL|- ... [--base URL]}: extracts each article page exactly as the poller does and
 * prints one JSON object per page and line: title, author, published time, language, canonical URL, main text, and
 * how the text was found. A page that cannot be read is reported on standard error as one JSON line. Exit status:
 * {@link Cli#OK} when every page gave main text, otherwise that of the first failure ({@link Cli#UNREADABLE},
 * {@link Cli#FETCH_FAILED}, {@link Cli#NO_TEXT}); {@link Cli#USAGE} on wrong arguments.
 */
public final class ExtractCommand {

    static final String USAGE = """
            usage: ./newswatch extract FILE|URL|- ... [--base URL]
              Extracts each article page as the poller does and prints one JSON object per page and line:
              {"input", "title", "author", "published", "language", "canonicalUrl", "text", "method", "words"}.
              -           read a page from standard input
              --base URL  resolve the relative links of files and standard input against URL
            Errors go to standard error, one JSON object per failed input.
            Exit status: 0 text found in all, 1 unreadable input, 2 wrong arguments, 3 fetch failed, 4 no text found.""";

    private ExtractCommand() {
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
        ArticleExtractor extractor = new ArticleExtractor();
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        int exit = Cli.OK;
        for (String target : parsed.get().targets()) {
            int status = one(target, parsed.get().base(), extractor, canonicalizer, stdin, out, err);
            exit = exit == Cli.OK ? status : exit;
        }
        return exit;
    }

    private static int one(String target, URI base, ArticleExtractor extractor, UrlCanonicalizer canonicalizer,
                           InputStream stdin, PrintStream out, PrintStream err) {
        Cli.Result read = Cli.readChecked(target, base, FetchRequest.ACCEPT_PAGE, stdin);
        if (read.failure() != null) {
            Cli.printFailure(err, target, read.failure());
            return read.failure().exit();
        }
        Cli.Input input = read.input();
        Optional<String> charset = input.charset().filter(MediaTypes::supported);
        if (input.charset().isPresent() && charset.isEmpty()) {
            err.println("the page declares the charset \"" + input.charset().get() + "\", which Java does not know: "
                    + "read as its <meta> charset or UTF-8");
        }
        ExtractedPage page = extractor.extract(input.body(), charset, input.base());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", target);
        json.put("title", page.title());
        json.put("author", page.author());
        json.put("published", page.published());
        json.put("language", page.language());
        json.put("canonicalUrl", page.canonicalUrl() == null ? null
                : canonicalizer.canonical(page.canonicalUrl()).orElse(page.canonicalUrl()));
        json.put("text", page.text());
        json.put("method", page.method());
        json.put("words", page.text().isEmpty() ? 0 : page.text().split("\\s+").length);
        Cli.printJson(out, json, false);
        return page.text().isEmpty() ? Cli.NO_TEXT : Cli.OK;
    }
}
