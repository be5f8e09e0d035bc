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

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the command-line tools share: reading a URL (with the poller's HTTP rules) or a file, and printing JSON. */
final class Cli {

    /** Exit status: done. */
    static final int OK = 0;
    /** Exit status: the input could not be read or parsed. */
    static final int FAILED = 1;
    /** Exit status: wrong arguments. */
    static final int USAGE = 2;

    private Cli() {
    }

    /** A document to work on: its bytes, the HTTP charset if any, and the URL it came from (or the --base). */
    record Input(byte[] body, Optional<String> charset, URI base, int status) {
    }

    /** The arguments: one URL or file, and an optional {@code --base URL} for a file's relative links. */
    record Arguments(String target, URI base) {

        static Optional<Arguments> parse(List<String> args) {
            String target = null;
            URI base = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--base") && i + 1 < args.size()) {
                    base = URI.create(args.get(++i));
                } else if (arg.startsWith("-") && !arg.equals("-")) {
                    return Optional.empty();
                } else if (target == null) {
                    target = arg;
                } else {
                    return Optional.empty();
                }
            }
            return target == null ? Optional.empty() : Optional.of(new Arguments(target, base));
        }

        boolean isUrl() {
            return target.startsWith("http://") || target.startsWith("https://");
        }
    }

    /**
     * Reads the target: a URL through the poller's own HTTP client (timeouts, size limit, redirects, User-Agent,
     * address guard; the host and port the operator typed are allowed even when internal, any other host of a
     * redirect is checked), or a file.
     */
    static Input read(Arguments arguments, String accept) throws IOException, InterruptedException {
        if (!arguments.isUrl()) {
            Path file = Path.of(arguments.target());
            return new Input(Files.readAllBytes(file), Optional.empty(), arguments.base(), 200);
        }
        URI uri = URI.create(arguments.target());
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
     * Reads the target and checks that it answered 2xx; otherwise prints the error as JSON and returns empty (the
     * tool then exits with {@link #FAILED}).
     */
    static Optional<Input> readOrReport(Arguments arguments, String accept, PrintStream out, boolean pretty) {
        try {
            Input input = read(arguments, accept);
            if (input.status() >= 200 && input.status() < 300) {
                return Optional.of(input);
            }
            printJson(out, Map.of("error", "HTTP " + input.status() + " from " + input.base(), "kind", "HTTP"), pretty);
        } catch (FetchException e) {
            printJson(out, Map.of("error", e.getMessage(), "kind", e.kind().name()), pretty);
        } catch (IOException e) {
            printJson(out, Map.of("error", "cannot read " + arguments.target() + ": " + e.getMessage()), pretty);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
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
