package io.newswatch.poller.poll;

import io.newswatch.contract.Article;
import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Source;
import io.newswatch.poller.http.FetchException;
import io.newswatch.poller.http.FetchRequest;
import io.newswatch.poller.http.FetchResponse;
import io.newswatch.poller.http.HttpFetcher;
import io.newswatch.poller.http.MediaTypes;
import io.newswatch.poller.http.RobotsTxt;
import io.newswatch.poller.http.UrlSecrets;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.ExtractedPage;
import io.newswatch.poller.parse.FeedParseException;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.FieldLimits;
import io.newswatch.poller.parse.KnownItems;
import io.newswatch.poller.parse.ParsedFeed;
import io.newswatch.poller.parse.ParsedItem;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.parse.Urls;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.FeedStatus;
import io.newswatch.poller.state.ItemLedger;
import io.newswatch.poller.state.SeenItem;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One poll of one feed: a conditional GET, parsing, for each new or changed item its page fetched and its main
 * text extracted (when the feed wants full text; several pages side by side on {@link PageWorkers}), each article
 * published as soon as it and the ones before it are ready, all acknowledged, then the feed's new state. Failures
 * of the feed end up in its status, never in an exception; failures of one article page fall back to the feed's own
 * text for that article.
 */
public final class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1995-01-01T00:00:00Z");
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    /** The error kind of a poll that ran out of its {@link PollBudget}. */
    static final String BUDGET = "BUDGET";

    private final HttpFetcher fetcher;
    private final RobotsTxt robots;
    private final FeedParser parser;
    private final ArticleExtractor extractor;
    private final UrlCanonicalizer canonicalizer;
    private final Schedule schedule;
    private final PollMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final PollLimits limits;
    private final PageWorkers workers;

    /** A poller that fetches each poll's pages one after the other, on the polling thread. */
    public FeedPoller(HttpFetcher fetcher, RobotsTxt robots, FeedParser parser, ArticleExtractor extractor,
                      UrlCanonicalizer canonicalizer, Schedule schedule, PollMetrics metrics, Clock clock,
                      String owner, PollLimits limits) {
        this(fetcher, robots, parser, extractor, canonicalizer, schedule, metrics, clock, owner, limits,
                PageWorkers.sequential());
    }

    /**
     * @param robots  decides which article pages may be fetched (never the feed itself)
     * @param workers where a poll's pages are fetched and extracted, how many at once
     */
    public FeedPoller(HttpFetcher fetcher, RobotsTxt robots, FeedParser parser, ArticleExtractor extractor,
                      UrlCanonicalizer canonicalizer, Schedule schedule, PollMetrics metrics, Clock clock,
                      String owner, PollLimits limits, PageWorkers workers) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.parser = parser;
        this.extractor = extractor;
        this.canonicalizer = canonicalizer;
        this.schedule = schedule;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.limits = limits;
        this.workers = workers;
    }

    /**
     * Polls a feed.
     *
     * @param feed      the registration
     * @param state     the feed's state after its last poll
     * @param ledger    the items already published from it (updated in place)
     * @param published what any feed already published under an article id
     * @param sink      where articles go
     * @throws InterruptedException when the poller shuts down mid-poll (nothing is recorded)
     */
    public PollResult poll(Feed feed, FeedState state, ItemLedger ledger, Function<String, Optional<SeenItem>> published,
                           ArticleSink sink) throws InterruptedException {
        return poll(feed, state, ledger, published, sink, ArticlePace.unlimited());
    }

    /**
     * Polls a feed, each new item's page fetched only when {@code pace} lets it go; the items it holds back are
     * left for the feed's next poll.
     */
    public PollResult poll(Feed feed, FeedState state, ItemLedger ledger, Function<String, Optional<SeenItem>> published,
                           ArticleSink sink, ArticlePace pace) throws InterruptedException {
        long started = System.nanoTime();
        PollBudget budget = PollBudget.start(limits.wallTime(), limits.cpuTime());
        Optional<URI> feedUri = Urls.parse(feed.url());
        if (feedUri.isEmpty()) {
            return failed(feed, state, FetchException.Kind.PROTOCOL.name(), "not a URL: " + feed.url(), null,
                    Optional.empty(), started);
        }
        FetchResponse fetched;
        try {
            fetched = fetcher.fetch(FetchRequest.feed(feedUri.get()).conditional(state.etag(), state.lastModified()));
        } catch (FetchException e) {
            return failed(feed, state, e.kind().name(), e.getMessage(), null, e.retryAfter(), started);
        }
        // the body's memory is given back once it is parsed (or not needed), before any article page is fetched
        try (FetchResponse response = fetched) {
            return parsed(feed, state, ledger, published, sink, pace, response, started, budget);
        }
    }

    private PollResult parsed(Feed feed, FeedState state, ItemLedger ledger, Function<String, Optional<SeenItem>> published,
                              ArticleSink sink, ArticlePace pace, FetchResponse response, long started, PollBudget budget)
            throws InterruptedException {
        metrics.bytes(response.wireBytes());
        Feed moved = response.movedPermanently().map(uri -> movedTo(feed, uri)).orElse(null);
        if (response.notModified()) {
            return notModified(feed, state, ledger, response, moved, started, "not_modified");
        }
        if (!response.ok()) {
            return failed(feed, state, "HTTP", "HTTP " + response.status() + " from " + response.uri(),
                    response.status(), response.retryAfter(), started);
        }
        // a site that sends no validators: the same bytes as the last poll that took all its items hold nothing new
        String bodyHash = Hashes.body(response.body());
        if (bodyHash.equals(state.bodyHash())) {
            return notModified(feed, state, ledger, response, moved, started, "unchanged");
        }
        ParsedFeed parsed;
        try {
            budget.check("the start of parsing");
            parsed = parser.parse(response.body(), response.charset(), response.base(), () -> budget.check("parsing"),
                    knownItems(ledger, response.uri().toString()));
        } catch (FeedParseException e) {
            return failed(feed, state, "PARSE", e.getMessage(), response.status(), Optional.empty(), started);
        } catch (PollBudget.Exceeded e) {
            return failed(feed, state, BUDGET, e.getMessage(), response.status(), Optional.empty(), started);
        }
        metrics.parseWarnings(parsed.warnings().size());
        metrics.cut(parsed.itemsCut());
        response.close();
        return items(feed, state, ledger, published, sink, pace, response.withoutBody(), parsed, moved, started, budget,
                bodyHash);
    }

    private PollResult items(Feed feed, FeedState state, ItemLedger ledger, Function<String, Optional<SeenItem>> published,
                             ArticleSink sink, ArticlePace pace, FetchResponse response, ParsedFeed parsed, Feed moved, long started,
                             PollBudget budget, String bodyHash) throws InterruptedException {
        Instant fetched = clock.instant();
        String feedUrl = response.uri().toString();
        List<ParsedItem> items = chronological(parsed.items());
        // a known item (its element as when it was recorded, not read again) has the keys and fingerprint it was
        // recorded with: those its reading would give again
        SeenItem[] held = new SeenItem[items.size()];
        List<ItemKeys> keys = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            held[i] = items.get(i).known() ? ledger.byItemHash(items.get(i).itemHash()) : null;
            keys.add(held[i] != null ? ItemKeys.of(held[i]) : ItemKeys.of(items.get(i), feedUrl, canonicalizer));
        }
        IdentityPolicy.Decision identity = IdentityPolicy.decide(state.linkIdentity(), state.status().identityReason(),
                keys, ledger);
        if (identity.linkIdentity() && !state.linkIdentity()) {
            LOG.warnf("feed %s (%s): %s; telling items apart by link and title from now on", feed.id(),
                    UrlSecrets.redact(feed.url()),
                    identity.reason());
        }
        Progress progress = new Progress(parsed.warnings());
        List<Pending> pending = new ArrayList<>();
        Set<String> done = new HashSet<>();
        SeenItem[] seenItems = new SeenItem[items.size()];
        String[] fingerprints = new String[items.size()];
        List<Integer> work = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemKeys key = keys.get(i);
            String identityKey = identity.linkIdentity() || key.guidKey() == null ? key.linkKey() : key.guidKey();
            if (!done.add(identityKey)) {
                continue;
            }
            ParsedItem item = items.get(i);
            seenItems[i] = identity.linkIdentity() || key.guidKey() == null ? ledger.byLink(key.linkKey())
                    : ledger.byGuid(key.guidKey());
            fingerprints[i] = held[i] != null ? held[i].fingerprint()
                    : Hashes.key(item.title(), item.summary(), item.content(), key.url());
            if (seenItems[i] != null && held[i] == null && readAs(seenItems[i], key, fingerprints[i])) {
                // an unchanged item recorded without its element's hash (before hashes, or read with a warning)
                ledger.found(seenItems[i], item.itemHash(), item.published(), item.rawHash());
            } else if (seenItems[i] == held[i] && held[i] != null && held[i].itemRawHash() == null) {
                // a known item recorded without its text's hash (before text hashes)
                ledger.found(seenItems[i], item.itemHash(), item.published(), item.rawHash());
            } else if (seenItems[i] != null) {
                ledger.found(seenItems[i]);
            }
            if (seenItems[i] != null && seenItems[i].fingerprint().equals(fingerprints[i])) {
                metrics.unchanged();
                if (held[i] != null) {
                    metrics.notRead();
                }
            } else {
                work.add(i);
            }
        }
        // new or changed items beyond the cap wait for the next polls; the newest are taken first (see README)
        List<Integer> taken = work.size() > limits.maxItemsPerPoll()
                ? work.subList(work.size() - limits.maxItemsPerPoll(), work.size()) : work;
        progress.deferred = work.size() - taken.size();
        String budgetError = null;
        // pages fetched side by side (up to the workers' window), published in order as soon as each and the ones
        // before it are extracted: articles reach the topic oldest first, as when they were fetched one by one
        java.util.ArrayDeque<Fetching> inFlight = new java.util.ArrayDeque<>();
        try {
            for (int n = 0; n < taken.size(); n++) {
                try {
                    budget.check("new item " + (n + 1) + " of " + taken.size());
                } catch (PollBudget.Exceeded e) {
                    budgetError = e.getMessage() + "; the items published before are kept, the rest are taken at the next poll";
                    break;
                }
                ArticlePace.Verdict verdict = pace.admit(budget.wallLeft().dividedBy(2));
                if (verdict != ArticlePace.Verdict.GO) {
                    progress.paced = taken.size() - n;
                    progress.pacedBy = verdict;
                    metrics.paced(verdict.name().toLowerCase(java.util.Locale.ROOT), progress.paced);
                    break;
                }
                int i = taken.get(n);
                Progress itemProgress = new Progress(List.of());
                inFlight.add(new Fetching(i, itemProgress, workers.submit(
                        () -> article(feed, parsed, items.get(i), keys.get(i), fetched, itemProgress))));
                while (inFlight.size() >= workers.perPoll()) {
                    publishNext(inFlight.remove(), items, keys, seenItems, fingerprints, fetched, progress, budget,
                            ledger, published, sink, pending);
                }
            }
            while (!inFlight.isEmpty()) {
                publishNext(inFlight.remove(), items, keys, seenItems, fingerprints, fetched, progress, budget, ledger,
                        published, sink, pending);
            }
        } finally {
            inFlight.forEach(f -> f.article().cancel(true));
        }
        String publishError = awaitPublished(pending, ledger);
        ledger.settle(fetched, limits.rememberedItems());
        int count = (int) pending.stream().filter(p -> p.result().isDone() && !p.result().isCompletedExceptionally()).count();
        if (publishError != null || budgetError != null) {
            FeedState counted = state.withStatus(state.status().withItemsPublished(state.status().itemsPublished() + count));
            PollResult failed = publishError != null
                    ? failed(feed, counted, "PUBLISH", publishError, response.status(), Optional.empty(), started)
                    : failed(feed, counted, BUDGET, budgetError, response.status(), Optional.empty(), started);
            return new PollResult(failed.state(), ledger.changes(feed.id(), clock.instant()), moved, count);
        }
        Instant now = clock.instant();
        FeedStatus prior = state.status();
        Duration interval = schedule.interval(feed.pollInterval(), ledger.items().stream().map(SeenItem::time).toList(), now);
        // items left for later: poll again soon, and with the old validators, or a 304 would hide them
        boolean more = progress.deferred > 0 || progress.paced > 0;
        Instant nextPoll = now.plus(more ? schedule.soonest() : interval);
        String etag = more ? state.etag() : response.etag();
        String lastModified = more ? state.lastModified() : response.lastModified();
        List<String> warnings = progress.warnings(moved, feed, limits);
        FeedStatus status = new FeedStatus(now, now, response.status(), null, null, 0, prior.itemsPublished() + count,
                parsed.items().size(), nextPoll, interval, null, null, conditionalGet(etag, lastModified),
                identity.linkIdentity() ? "link+title" : "guid", identity.reason(),
                moved != null ? UrlSecrets.redact(feed.url()) : prior.movedFrom(), prior.linksRefused() + progress.refused,
                progress.lastRefused != null ? progress.lastRefused : prior.lastRefusedLink(),
                prior.pagesDisallowed() + progress.disallowed,
                progress.lastDisallowed != null ? progress.lastDisallowed : prior.lastDisallowedPage(),
                robotsOnFeed(response.uri(), prior.robots()), count > 0 ? now : prior.lastNewItem(), warnings, owner);
        FeedState next = new FeedState(FeedState.SCHEMA_VERSION, FeedState.TYPE, feed.id(), now, etag, lastModified,
                identity.linkIdentity(), status, more ? null : bodyHash);
        metrics.poll("ok", "none", Duration.ofNanos(System.nanoTime() - started));
        return new PollResult(next, ledger.changes(feed.id(), now), moved, count);
    }

    /** The ledger's item holds exactly what this reading of the item gives: its keys and its fingerprint. */
    private static boolean readAs(SeenItem seen, ItemKeys key, String fingerprint) {
        return Objects.equals(seen.guidKey(), key.guidKey()) && seen.linkKey().equals(key.linkKey())
                && seen.fingerprint().equals(fingerprint);
    }

    /**
     * The ledger's items by the hash of their element, for the parser to skip reading them: the context is what a
     * poll's use of an item depends on besides the document (the feed's address, which made-up links hold; how
     * links are canonicalised).
     */
    private KnownItems knownItems(ItemLedger ledger, String feedUrl) {
        String context = feedUrl + "\n" + canonicalizer.settings();
        return new KnownItems() {
            @Override
            public String context() {
                return context;
            }

            @Override
            public ParsedItem known(String itemHash) {
                SeenItem held = ledger.byItemHash(itemHash);
                return held == null ? null : ParsedItem.known(itemHash, held.itemPublished());
            }

            @Override
            public ParsedItem knownRaw(String rawHash) {
                // known by its element's hash as well: the poll takes a known item's keys by that hash
                SeenItem held = ledger.byRawHash(rawHash);
                return held == null || ledger.byItemHash(held.itemHash()) == null ? null
                        : ParsedItem.known(held.itemHash(), held.itemPublished());
            }
        };
    }

    /**
     * Items oldest first, so that articles reach the topic in the order they were published: by date where the
     * feed gives one, and undated ones in reverse feed order (feeds list the newest first).
     */
    static List<ParsedItem> chronological(List<ParsedItem> items) {
        List<ParsedItem> ordered = new ArrayList<>(items.reversed());
        ordered.sort(java.util.Comparator.comparing(ParsedItem::published,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return ordered;
    }

    /**
     * Waits for an item's page and extraction, then publishes its article (or records it as a duplicate of what
     * was published before under its id); the item's ledger entry is recorded once the broker acknowledges it.
     */
    private void publishNext(Fetching next, List<ParsedItem> items, List<ItemKeys> keys, SeenItem[] seenItems,
                             String[] fingerprints, Instant fetched, Progress progress, PollBudget budget,
                             ItemLedger ledger, Function<String, Optional<SeenItem>> published, ArticleSink sink,
                             List<Pending> pending) throws InterruptedException {
        PageWorkers.Done<Article> done;
        try {
            done = next.article().get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
        budget.addCpu(done.workerCpuNanos());
        progress.add(next.progress());
        int i = next.index();
        ItemKeys key = keys.get(i);
        SeenItem seen = seenItems[i];
        String fingerprint = fingerprints[i];
        Article article = done.value();
        SeenItem last = published.apply(article.id()).orElse(seen != null && seen.id().equals(article.id()) ? seen : null);
        Instant time = article.publishedEstimated() ? fetched : article.published();
        if (last != null && last.contentHash().equals(article.contentHash())) {
            ledger.record(new SeenItem(key.guidKey(), key.linkKey(), fingerprint, article.id(),
                    article.contentHash(), last.revision(), time, null, items.get(i).itemHash(), items.get(i).published(),
                    items.get(i).rawHash()));
            metrics.duplicate();
            return;
        }
        int revision = last == null ? 1 : last.revision() + 1;
        Article versioned = revision == 1 ? article : withRevision(article, revision);
        pending.add(new Pending(sink.publish(versioned).toCompletableFuture(), new SeenItem(key.guidKey(),
                key.linkKey(), fingerprint, versioned.id(), versioned.contentHash(), revision, time, null,
                items.get(i).itemHash(), items.get(i).published(), items.get(i).rawHash())));
    }

    /** Waits for the broker's acknowledgements; records what was stored; returns the first failure, or null. */
    private String awaitPublished(List<Pending> pending, ItemLedger ledger) throws InterruptedException {
        String error = null;
        long deadline = System.nanoTime() + limits.publishTimeout().toNanos();
        for (Pending item : pending) {
            try {
                item.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                ledger.record(item.seen());
                metrics.published();
            } catch (ExecutionException e) {
                error = error != null ? error : "publishing to Kafka failed: " + e.getCause().getMessage();
            } catch (TimeoutException e) {
                error = error != null ? error : "Kafka did not acknowledge within " + limits.publishTimeout().toSeconds()
                        + " s";
            }
        }
        return error;
    }

    private Article article(Feed feed, ParsedFeed parsed, ParsedItem item, ItemKeys key, Instant fetched,
                            Progress progress) throws InterruptedException {
        String url = key.url();
        ExtractedPage page = null;
        if (key.linkMissing()) {
            progress.linkMissing++;
        } else if (feed.fullText()) {
            page = page(item.link(), progress);
            if (page != null && page.canonicalUrl() != null) {
                url = preferCanonical(url, page.canonicalUrl());
            }
        }
        String title = !item.title().isEmpty() ? item.title() : page != null ? page.title() : "";
        String body = page != null && !page.text().isBlank() ? page.text()
                : !item.content().isEmpty() ? item.content() : item.summary();
        String author = item.author() != null ? item.author() : page != null ? page.author() : null;
        String language = feed.language() != null ? feed.language() : parsed.language() != null ? parsed.language()
                : page != null ? page.language() : null;
        Instant published = plausible(item.published(), fetched);
        if (published == null && page != null) {
            published = plausible(page.published(), fetched);
        }
        boolean estimated = published == null;
        if (estimated) {
            progress.undated++;
        }
        Source source = new Source(feed.name(), UrlCanonicalizer.domain(url), feed.id(), UrlSecrets.redact(feed.url()),
                feed.tags());
        return new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), clock.instant(), url, title,
                item.summary(), body, author, language, estimated ? fetched : published, estimated, fetched,
                item.categories(), source, Hashes.content(title, item.summary(), body), 1);
    }

    /**
     * Fetches and extracts an article page; null when that fails or robots.txt says no (the feed's text is used
     * instead).
     */
    private ExtractedPage page(String link, Progress progress) throws InterruptedException {
        Optional<URI> uri = Urls.parse(link);
        if (uri.isEmpty()) {
            return null;
        }
        RobotsTxt.Decision decision = robots.check(uri.get());
        if (decision.verdict() == RobotsTxt.Verdict.DISALLOWED) {
            progress.disallowed++;
            progress.lastDisallowed = UrlSecrets.redact(link) + " disallowed by " + decision.reason();
            metrics.page("robots_disallowed");
            return null;
        }
        if (decision.verdict() == RobotsTxt.Verdict.UNAVAILABLE) {
            progress.robotsUnavailable++;
            progress.lastRobotsUnavailable = decision.reason();
            metrics.page("robots_unavailable");
            return null;
        }
        try (FetchResponse response = fetcher.fetch(FetchRequest.page(uri.get()))) {
            metrics.bytes(response.wireBytes());
            if (!response.ok()) {
                progress.pageFailed("HTTP " + response.status() + " from " + link);
                metrics.page("failed");
                return null;
            }
            String type = MediaTypes.essence(response.contentType());
            if (!type.isEmpty() && !type.contains("html") && !type.contains("xml")) {
                progress.pageFailed("not an HTML page (" + type + "): " + link);
                metrics.page("not_html");
                return null;
            }
            metrics.page("ok");
            Optional<String> charset = response.charset();
            if (charset.isPresent() && !MediaTypes.supported(charset.get())) {
                progress.unknownCharset(charset.get(), link);
                charset = Optional.empty();
            }
            return extractor.extract(response.body(), charset, response.uri());
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.BLOCKED) {
                progress.refused++;
                progress.lastRefused = UrlSecrets.redactText(e.getMessage());
                metrics.refused();
                metrics.page("refused");
            } else {
                progress.pageFailed(e.getMessage());
                metrics.page("failed");
            }
            return null;
        } catch (RuntimeException e) {
            LOG.warnf(e, "extracting %s failed", UrlSecrets.redact(link));
            progress.pageFailed("extraction failed for " + link + ": " + e.getMessage());
            metrics.page("failed");
            return null;
        }
    }

    /**
     * The page's canonical URL when it is believable: on the same site as the link and not the site's home page
     * (a common CMS mistake gives every article the home page as canonical).
     */
    private String preferCanonical(String linkUrl, String pageCanonical) {
        Optional<String> canonical = canonicalizer.canonical(pageCanonical);
        if (canonical.isEmpty()) {
            return linkUrl;
        }
        URI page = URI.create(canonical.get());
        URI link = URI.create(linkUrl);
        boolean home = page.getRawPath() == null || page.getRawPath().equals("/") || page.getRawPath().isEmpty();
        boolean linkHome = link.getRawPath() == null || link.getRawPath().equals("/");
        if (home && !linkHome) {
            return linkUrl;
        }
        return UrlCanonicalizer.domain(canonical.get()).equals(UrlCanonicalizer.domain(linkUrl))
                || siteOf(page.getHost()).equals(siteOf(link.getHost())) ? canonical.get() : linkUrl;
    }

    /** The last two labels of a host name ("bbc.co.uk" is treated as "co.uk" here; close enough for a check). */
    private static String siteOf(String host) {
        String[] labels = host == null ? new String[0] : host.split("\\.");
        return labels.length < 2 ? String.valueOf(host) : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    /**
     * What robots.txt says about the feed's own URL, when its site's rules are at hand (read for its pages): a
     * registered feed is fetched whatever it says, and its status tells.
     */
    private String robotsOnFeed(URI feedUri, String prior) {
        return robots.peek(feedUri).map(decision -> switch (decision.verdict()) {
            case ALLOWED -> "the feed URL is allowed by " + decision.reason();
            case DISALLOWED -> "the feed URL is disallowed by " + decision.reason()
                    + "; fetched all the same because a user registered it (its article pages are asked one by one)";
            case UNAVAILABLE -> decision.reason();
        }).map(UrlSecrets::redactText).orElse(prior);
    }

    /** A poll that found nothing new: {@code 304}, or ({@code outcome} "unchanged") the same body as before. */
    private PollResult notModified(Feed feed, FeedState state, ItemLedger ledger, FetchResponse response, Feed moved,
                                   long started, String outcome) {
        Instant now = clock.instant();
        FeedStatus prior = state.status();
        Duration interval = schedule.interval(feed.pollInterval(), ledger.items().stream().map(SeenItem::time).toList(), now);
        String etag = response.etag() != null ? response.etag() : state.etag();
        String lastModified = response.lastModified() != null ? response.lastModified() : state.lastModified();
        FeedStatus status = new FeedStatus(now, now, response.status(), null, null, 0, prior.itemsPublished(), prior.itemsInFeed(),
                now.plus(interval), interval, null, null, conditionalGet(etag, lastModified), prior.identity(),
                prior.identityReason(), moved != null ? UrlSecrets.redact(feed.url()) : prior.movedFrom(),
                prior.linksRefused(), prior.lastRefusedLink(), prior.pagesDisallowed(), prior.lastDisallowedPage(),
                robotsOnFeed(response.uri(), prior.robots()), prior.lastNewItem(), prior.warnings(), owner);
        metrics.poll(outcome, "none", Duration.ofNanos(System.nanoTime() - started));
        return new PollResult(new FeedState(FeedState.SCHEMA_VERSION, FeedState.TYPE, feed.id(), now, etag,
                lastModified, state.linkIdentity(), status, state.bodyHash()), null, moved, 0);
    }

    private PollResult failed(Feed feed, FeedState state, String kind, String error, Integer httpStatus,
                              Optional<Duration> retryAfter, long started) {
        Instant now = clock.instant();
        FeedStatus prior = state.status();
        error = UrlSecrets.redactText(error);
        // a host that asked us to wait is not the feed failing: the feed is polled when the host is free again
        boolean throttled = kind.equals(FetchException.Kind.THROTTLED.name()) && retryAfter.isPresent();
        int failures = throttled ? prior.consecutiveFailures() : prior.consecutiveFailures() + 1;
        Duration interval = prior.interval() != null ? prior.interval() : schedule.nominal(feed.pollInterval());
        Duration backoff = throttled ? retryAfter.get() : schedule.backoff(interval, failures, retryAfter);
        FeedStatus status = new FeedStatus(now, prior.lastSuccess(), httpStatus, error, kind, failures,
                prior.itemsPublished(), prior.itemsInFeed(), now.plus(backoff), interval, backoff,
                retryAfter.orElse(null), prior.conditionalGet(), prior.identity(), prior.identityReason(),
                prior.movedFrom(), prior.linksRefused(), prior.lastRefusedLink(), prior.pagesDisallowed(),
                prior.lastDisallowedPage(), prior.robots(), prior.lastNewItem(), prior.warnings(), owner);
        if (!throttled && (failures == 1 || failures % 10 == 0)) {
            LOG.warnf("feed %s (%s) failed %d time(s) in a row, next try in %s: %s", feed.id(),
                    UrlSecrets.redact(feed.url()), failures,
                    backoff, error);
        }
        metrics.poll("failed", kind, Duration.ofNanos(System.nanoTime() - started));
        return new PollResult(new FeedState(FeedState.SCHEMA_VERSION, FeedState.TYPE, feed.id(), now, state.etag(),
                state.lastModified(), state.linkIdentity(), status, null), null, null, 0);
    }

    private Feed movedTo(Feed feed, URI uri) {
        LOG.infof("feed %s moved permanently from %s to %s; its registration follows", feed.id(),
                UrlSecrets.redact(feed.url()), UrlSecrets.redact(uri.toString()));
        return new Feed(feed.schemaVersion(), feed.type(), feed.id(), clock.instant(), uri.toString(), feed.name(),
                feed.pollInterval(), feed.fullText(), feed.language(), feed.tags());
    }

    /** A publication time that can be believed: not before the web had news feeds, not more than a day ahead. */
    public static Instant plausible(Instant time, Instant fetched) {
        return time != null && time.isAfter(EARLIEST_PLAUSIBLE) && !time.isAfter(fetched.plus(FUTURE_TOLERANCE))
                ? time : null;
    }

    private static String conditionalGet(String etag, String lastModified) {
        return etag != null && lastModified != null ? "etag+last-modified" : etag != null ? "etag"
                : lastModified != null ? "last-modified" : "none";
    }

    private static Article withRevision(Article a, int revision) {
        return new Article(a.schemaVersion(), a.type(), a.id(), a.timestamp(), a.url(), a.title(), a.summary(),
                a.body(), a.author(), a.language(), a.published(), a.publishedEstimated(), a.fetched(), a.categories(),
                a.source(), a.contentHash(), revision);
    }

    private record Pending(CompletableFuture<Void> result, SeenItem seen) {
    }

    /** An item whose page is being fetched and extracted, with what that noticed. */
    private record Fetching(int index, Progress progress, java.util.concurrent.Future<PageWorkers.Done<Article>> article) {
    }

    /** What one poll noticed besides its articles. */
    private static final class Progress {
        final List<String> parseWarnings;
        int undated;
        int linkMissing;
        int pagesFailed;
        String lastPageFailure;
        int refused;
        String lastRefused;
        int disallowed;
        String lastDisallowed;
        int robotsUnavailable;
        String lastRobotsUnavailable;
        int deferred;
        int paced;
        ArticlePace.Verdict pacedBy;
        int unknownCharsets;
        String lastUnknownCharset;

        void unknownCharset(String charset, String link) {
            unknownCharsets++;
            lastUnknownCharset = "\"" + FieldLimits.cap(charset, 40) + "\" at " + UrlSecrets.redact(link);
        }

        Progress(List<String> parseWarnings) {
            this.parseWarnings = parseWarnings;
        }

        /** Adds what one item's page noticed (the "last" ones in the order the items are published). */
        void add(Progress item) {
            undated += item.undated;
            linkMissing += item.linkMissing;
            pagesFailed += item.pagesFailed;
            lastPageFailure = item.lastPageFailure != null ? item.lastPageFailure : lastPageFailure;
            refused += item.refused;
            lastRefused = item.lastRefused != null ? item.lastRefused : lastRefused;
            disallowed += item.disallowed;
            lastDisallowed = item.lastDisallowed != null ? item.lastDisallowed : lastDisallowed;
            robotsUnavailable += item.robotsUnavailable;
            lastRobotsUnavailable = item.lastRobotsUnavailable != null ? item.lastRobotsUnavailable : lastRobotsUnavailable;
            unknownCharsets += item.unknownCharsets;
            lastUnknownCharset = item.lastUnknownCharset != null ? item.lastUnknownCharset : lastUnknownCharset;
        }

        void pageFailed(String why) {
            pagesFailed++;
            lastPageFailure = UrlSecrets.redactText(why);
        }

        List<String> warnings(Feed moved, Feed feed, PollLimits limits) {
            List<String> warnings = new ArrayList<>(parseWarnings);
            if (deferred > 0) {
                warnings.add((deferred + limits.maxItemsPerPoll()) + " new or changed items: the newest "
                        + limits.maxItemsPerPoll() + " were taken, the other " + deferred
                        + " are taken at the next polls (newswatch.poller.max-items-per-poll)");
            }
            if (paced > 0) {
                warnings.add(paced + " new or changed items wait for the next poll: " + (pacedBy
                        == ArticlePace.Verdict.DOWNSTREAM_BEHIND
                        ? "the next stages are far behind (drain before fill, newswatch.poller.backpressure.*max-lag)"
                        : "the ceiling of articles per second (newswatch.poller.backpressure.max-articles-per-second)"));
            }
            if (moved != null) {
                warnings.add("moved permanently from " + UrlSecrets.redact(feed.url()) + " to "
                        + UrlSecrets.redact(moved.url()) + "; registration updated");
            }
            if (undated > 0) {
                warnings.add(undated + " item(s) without a usable date: the fetch time is used");
            }
            if (linkMissing > 0) {
                warnings.add(linkMissing + " item(s) without a usable link");
            }
            if (unknownCharsets > 0) {
                warnings.add(unknownCharsets + " article page(s) declared a charset Java does not know, read as their "
                        + "<meta> charset or UTF-8 instead (last: " + lastUnknownCharset + ")");
            }
            if (pagesFailed > 0) {
                warnings.add(pagesFailed + " article page(s) not fetched, the feed's text used instead (last: "
                        + lastPageFailure + ")");
            }
            if (refused > 0) {
                warnings.add(refused + " article link(s) refused by the address guard (last: " + lastRefused + ")");
            }
            if (disallowed > 0) {
                warnings.add("pages disallowed by robots.txt: " + disallowed + ", the feed's text used instead (last: "
                        + lastDisallowed + ")");
            }
            if (robotsUnavailable > 0) {
                warnings.add(robotsUnavailable + " article page(s) not fetched while their site's robots.txt cannot "
                        + "be read, the feed's text used instead (last: " + lastRobotsUnavailable + ")");
            }
            return warnings;
        }
    }
}
