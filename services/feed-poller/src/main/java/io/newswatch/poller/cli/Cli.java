package io.newswatch.poller.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.Json;
import io.newswatch.poller.http.FetchException;
import io.newswatch.poller.http.FetchRequest;
import io.newswatch.poller.http.FetchResponse;
import io.newswatch.poller.http.HostPoliteness;
import io.newswatch.poller.http.HttpFetcher;
import io.newswatch.poller.http.HttpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command-line tools share: their arguments (several files or URLs, {@code -} for standard input), reading
 * each (a URL with the poller's HTTP rules), printing JSON in UTF-8 whatever the locale, and exit statuses that
 * tell the failures apart.
 */
final class Cli {

    /** Exit status: every input done. */
    static final int OK = 0;
    /** Exit status: an input could not be read or is not what the tool reads (a missing file, not a feed). */
    static final int UNREADABLE = 1;
    /** Exit status: wrong arguments. */
    static final int USAGE = 2;
    /** Exit status: an input could not be fetched (network error, timeout, HTTP error status). */
    static final int FETCH_FAILED = 3;
    /** Exit status: a page was read but no main text was found in it. */
    static final int NO_TEXT = 4;

    private Cli() {
    }

    /** A document to work on: its bytes, the HTTP charset if any, and the URL it came from (or the --base). */
    record Input(byte[] body, Optional<String> charset, URI base, int status) {
    }

    /**
     * The arguments: files or URLs ({@code -} is standard input), an optional {@code --base URL} for files' relative
     * links, and {@code --help}.
     */
    record Arguments(List<String> targets, URI base, boolean help) {

        /**
         * The arguments as picocli reads them: files, URLs or {@code -}, {@code --base URL} (or {@code --base=URL}),
         * {@code -h}/{@code --help}; empty when they are wrong (no input, an unknown option, a bad URL). The usage
         * texts stay the commands' own.
         */
        static Optional<Arguments> parse(List<String> args) {
            CommandSpec spec = CommandSpec.create()
                    .addOption(OptionSpec.builder("--base").paramLabel("URL").type(String.class).build())
                    .addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build())
                    .addPositional(PositionalParamSpec.builder().paramLabel("FILE|URL|-").arity("0..*").type(List.class)
                            .auxiliaryTypes(String.class).build());
            ParseResult result;
            try {
                result = new CommandLine(spec).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                return Optional.empty();
            }
            if (result.isUsageHelpRequested()) {
                return Optional.of(new Arguments(List.of(), null, true));
            }
            List<String> targets = result.matchedPositionalValue(0, List.<String>of());
            URI base = null;
            if (result.hasMatchedOption("--base")) {
                try {
                    base = URI.create(result.<String>matchedOptionValue("--base", null));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return targets.isEmpty() ? Optional.empty() : Optional.of(new Arguments(List.copyOf(targets), base, false));
        }
    }

    /** Standard output or error as UTF-8, whatever the locale ({@code LC_ALL=C} would turn letters into '?'). */
    static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }

    /** The input could not be read: what to print and the exit status. */
    record Failure(String message, String kind, int exit) {
    }

    static boolean isUrl(String target) {
        return target.startsWith("http://") || target.startsWith("https://");
    }

    /**
     * Reads a target: a URL through the poller's own HTTP client (timeouts, size limit, redirects, User-Agent,
     * address guard; the host and port the operator typed are allowed even when internal, any other host of a
     * redirect is checked), a file, or standard input for {@code -}.
     */
    static Input read(String target, URI base, String accept, InputStream stdin) throws IOException, InterruptedException {
        if (target.equals("-")) {
            return new Input(stdin.readAllBytes(), Optional.empty(), base, 200);
        }
        if (!isUrl(target)) {
            return new Input(Files.readAllBytes(Path.of(target)), Optional.empty(), base, 200);
        }
        URI uri = URI.create(target);
        String typed = uri.getHost() == null ? "" : uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
        AddressGuard guard = new AddressGuard(uri.getHost() == null ? List.of()
                : List.of(typed + ":" + (uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80)));
        try (HttpFetcher fetcher = new HttpFetcher(HttpSettings.defaults(), HostPoliteness.unlimited(Clock.systemUTC()),
                Clock.systemUTC(), guard)) {
            FetchRequest request = new FetchRequest(uri, accept, null, null);
            FetchResponse response = fetcher.fetch(request);
            return new Input(response.body(), response.charset(), response.base(), response.status());
        }
    }

    /** The events' JSON mapping, but with absent values written as null: a reader of the output sees every field. */
    private static final ObjectMapper OUTPUT = Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    /**
     * Reads a target and checks that it answered 2xx.
     *
     * @return the input, or the failure to report
     */
    static Result readChecked(String target, URI base, String accept, InputStream stdin) {
        try {
            Input input = read(target, base, accept, stdin);
            if (input.status() >= 200 && input.status() < 300) {
                return new Result(input, null);
            }
            return new Result(null, new Failure("HTTP " + input.status() + " from " + input.base(), "HTTP", FETCH_FAILED));
        } catch (FetchException e) {
            return new Result(null, new Failure(e.getMessage(), e.kind().name(), FETCH_FAILED));
        } catch (IllegalArgumentException e) {
            return new Result(null, new Failure("not a URL: " + target, "USAGE", UNREADABLE));
        } catch (IOException e) {
            return new Result(null, new Failure("cannot read " + target + ": " + describe(e), "READ", UNREADABLE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, new Failure("interrupted", "READ", FETCH_FAILED));
        }
    }

    /** What was read, or why not: exactly one of the two is set. */
    record Result(Input input, Failure failure) {
    }

    /** A file error in words ("no such file" rather than a Java class name). */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Prints a failure on standard error as one JSON line, with the input it is about. */
    static void printFailure(PrintStream err, String target, Failure failure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", target);
        json.put("error", failure.message());
        json.put("kind", failure.kind());
        printJson(err, json, false);
    }

    static void printJson(PrintStream out, Object value, boolean pretty) {
        try {
            out.println(pretty ? OUTPUT.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : OUTPUT.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
