package io.newswatch.poller.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * robots.txt for article pages (RFC 9309, parsed by crawler-commons): fetched once per origin through the same
 * {@link HttpFetcher} (address guard, timeouts, body limit, politeness) and kept in a bounded cache until it
 * expires. Feeds a user registered are fetched whatever robots.txt says; only the pages found in them are asked
 * about.
 *
 * <p>What an answer means follows Google's conventions: 2xx is parsed (the first 500 KiB, invalid lines ignored,
 * whatever the content type); 4xx other than 429, a redirect loop or too many redirects mean "no robots.txt":
 * every page allowed; 429, 5xx, a timeout, a refused connection or a body beyond the fetcher's limit mean "the
 * site cannot say": its pages are not fetched until {@code errorExpiry} has passed, then robots.txt is asked
 * again. A host the address guard refuses, or one that asked us to wait ({@code Retry-After}), is not decided
 * here: the page fetch fails on its own for the same reason.
 */
public final class RobotsTxt {

    /** The part of a robots.txt that is read (RFC 9309 section 2.5 asks for at least 500 KiB). */
    static final int MAX_BYTES = 500 * 1024;

    /** What the rules say about one URL. */
    public enum Verdict {
        /** Allowed, or no rules apply. */
        ALLOWED,
        /** robots.txt disallows it for us. */
        DISALLOWED,
        /** robots.txt could not be read (5xx, 429, timeout, unreachable): pages wait until it can. */
        UNAVAILABLE
    }

    /**
     * A decision on one URL.
     *
     * @param verdict what to do
     * @param reason  for a human: why (the robots.txt's URL and its answer)
     */
    public record Decision(Verdict verdict, String reason) {
        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    /**
     * The rules of one origin as last read.
     *
     * @param rules   the parsed rules
     * @param verdict {@link Verdict#UNAVAILABLE} when robots.txt could not be read, else null (the rules decide)
     * @param reason  what the answer was, for status and warnings
     * @param expires when to ask again
     */
    private record Entry(BaseRobotRules rules, Verdict verdict, String reason, Instant expires) {
    }

    private final HttpFetcher fetcher;
    private final Clock clock;
    private final List<String> robotNames;
    private final int maxOrigins;
    private final Duration expiry;
    private final Duration errorExpiry;
    private final boolean enabled;
    /** Origin to its rules, least recently used first; a pending read is shared by every page that waits on it. */
    private final Map<String, CompletableFuture<Entry>> cache;

    /**
     * @param userAgent   the User-Agent sent; its product token ({@code newswatch-feed-poller}) and {@code newswatch}
     *                    are the names whose groups apply, else {@code *}
     * @param maxOrigins  origins whose rules are kept at most (least recently used dropped first)
     * @param expiry      how long rules read (or a 4xx) are kept (RFC 9309: at most 24 hours)
     * @param errorExpiry how long an origin whose robots.txt cannot be read keeps its pages waiting
     * @param enabled     false: every page allowed, nothing fetched
     */
    public RobotsTxt(HttpFetcher fetcher, Clock clock, String userAgent, int maxOrigins, Duration expiry,
                     Duration errorExpiry, boolean enabled) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.robotNames = robotNames(userAgent);
        this.maxOrigins = maxOrigins;
        this.expiry = expiry;
        this.errorExpiry = errorExpiry;
        this.enabled = enabled;
        this.cache = new LinkedHashMap<>(64, 0.75f, true);
    }

    /** The defaults of the service: 10,000 origins, rules kept 24 h, an unreadable robots.txt asked again after 1 h. */
    public static RobotsTxt defaults(HttpFetcher fetcher, Clock clock, String userAgent) {
        return new RobotsTxt(fetcher, clock, userAgent, 10_000, Duration.ofHours(24), Duration.ofHours(1), true);
    }

    /** Robot names whose groups apply to a User-Agent: its product token and {@code newswatch}, lower case. */
    static List<String> robotNames(String userAgent) {
        String token = userAgent == null ? "" : userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return token.isEmpty() || token.equals("newswatch") ? List.of("newswatch") : List.of(token, "newswatch");
    }

    /**
     * Whether a page may be fetched, reading its origin's robots.txt first when it is not cached (or has expired).
     *
     * @throws InterruptedException when interrupted while robots.txt is read
     */
    public Decision check(URI page) throws InterruptedException {
        if (!enabled) {
            return new Decision(Verdict.ALLOWED, "robots.txt not consulted (newswatch.poller.robots.enabled=false)");
        }
        Optional<URI> robots = robotsUri(page);
        if (robots.isEmpty()) {
            return new Decision(Verdict.ALLOWED, "no robots.txt for " + page.getScheme() + " URLs");
        }
        Entry entry = entry(robots.get());
        if (entry == null) {
            return new Decision(Verdict.ALLOWED, "robots.txt not read");
        }
        if (entry.verdict() != null) {
            return new Decision(entry.verdict(), entry.reason());
        }
        return entry.rules().isAllowed(page.toString())
                ? new Decision(Verdict.ALLOWED, entry.reason())
                : new Decision(Verdict.DISALLOWED, entry.reason());
    }

    /**
     * What the cached rules say about a URL without reading anything: empty when its origin's robots.txt is not
     * cached. For a registered feed, which is fetched whatever the answer is.
     */
    public Optional<Decision> peek(URI uri) {
        Optional<URI> robots = enabled ? robotsUri(uri) : Optional.empty();
        if (robots.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<Entry> pending;
        synchronized (cache) {
            pending = cache.get(origin(robots.get()));
        }
        if (pending == null || !pending.isDone() || pending.isCompletedExceptionally()) {
            return Optional.empty();
        }
        Entry entry = pending.join();
        if (entry == null || entry.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        if (entry.verdict() != null) {
            return Optional.of(new Decision(entry.verdict(), entry.reason()));
        }
        return Optional.of(new Decision(entry.rules().isAllowed(uri.toString()) ? Verdict.ALLOWED : Verdict.DISALLOWED,
                entry.reason()));
    }

    /** Origins whose rules are held. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private Entry entry(URI robots) throws InterruptedException {
        String origin = origin(robots);
        CompletableFuture<Entry> pending;
        boolean mine = false;
        synchronized (cache) {
            pending = cache.get(origin);
            Instant now = clock.instant();
            if (pending == null || (pending.isDone() && (pending.isCompletedExceptionally() || pending.join() == null
                    || pending.join().expires().isBefore(now)))) {
                pending = new CompletableFuture<>();
                cache.put(origin, pending);
                mine = true;
                while (cache.size() > maxOrigins) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
        }
        if (mine) {
            try {
                Entry read = read(robots);
                pending.complete(read);
                if (read == null) {
                    synchronized (cache) {
                        cache.remove(origin, pending);
                    }
                }
                return read;
            } catch (InterruptedException | RuntimeException e) {
                synchronized (cache) {
                    cache.remove(origin, pending);
                }
                pending.complete(null);
                throw e;
            }
        }
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Reads one robots.txt; null when it is not for robots.txt to decide (address guard, Retry-After). */
    private Entry read(URI robots) throws InterruptedException {
        Instant now = clock.instant();
        try (FetchResponse response = fetcher.fetch(new FetchRequest(robots, "text/plain, */*;q=0.5", null, null))) {
            int status = response.status();
            if (status >= 200 && status < 300) {
                byte[] body = response.body().length > MAX_BYTES ? Arrays.copyOf(response.body(), MAX_BYTES)
                        : response.body();
                BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(robots.toString(), body,
                        response.contentType(), robotNames);
                return new Entry(rules, null, robots.toString(), now.plus(expiry));
            }
            if (status == 429 || status >= 500) {
                return unavailable(robots + " answered HTTP " + status, now);
            }
            // 4xx, and a 3xx without a Location: there is no robots.txt, every page may be fetched
            return new Entry(allowAll(), null, robots + " (HTTP " + status + ": no rules)", now.plus(expiry));
        } catch (FetchException e) {
            return switch (e.kind()) {
                case REDIRECT_LOOP, TOO_MANY_REDIRECTS -> new Entry(allowAll(), null, robots + " (not found at the end "
                        + "of its redirects: no rules)", now.plus(expiry));
                case BLOCKED, THROTTLED -> null;
                default -> unavailable("robots.txt of " + robots.getHost() + " unreadable: " + e.getMessage(), now);
            };
        }
    }

    private Entry unavailable(String why, Instant now) {
        Instant until = now.plus(errorExpiry);
        return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Verdict.UNAVAILABLE,
                UrlSecrets.redactText(why) + "; its pages wait until " + until, until);
    }

    private static BaseRobotRules allowAll() {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }

    /** {@code scheme://host[:port]/robots.txt} of an http(s) URL. */
    static Optional<URI> robotsUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), "/robots.txt",
                    null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String origin(URI robots) {
        return robots.getScheme() + "://" + robots.getHost() + ":" + robots.getPort();
    }
}
