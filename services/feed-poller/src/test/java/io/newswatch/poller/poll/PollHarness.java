package io.newswatch.poller.poll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.Article;
import io.newswatch.contract.Feed;
import io.newswatch.contract.Ids;
import io.newswatch.poller.http.HostPoliteness;
import io.newswatch.poller.http.HttpFetcher;
import io.newswatch.poller.http.HttpSettings;
import io.newswatch.poller.http.RobotsTxt;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.FeedStatus;
import io.newswatch.poller.state.ItemLedger;
import io.newswatch.poller.state.StateStore;
import io.newswatch.contract.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The real poller (HTTP client, parser, extractor, schedule) against a local site, with a clock that tests move and
 * articles collected instead of sent to Kafka: one feed's polls in a row, state carried from one to the next as
 * the service carries it through Kafka.
 */
public final class PollHarness implements AutoCloseable {

    /** Short limits, so that timeouts and size limits trip fast. */
    public static final HttpSettings HTTP = new HttpSettings("newswatch-feed-poller/test", Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(3), 256 * 1024, 3);
    public static final Instant START = Instant.parse("2020-04-01T12:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HttpFetcher fetcher;
    private final FeedPoller poller;
    private final PageWorkers workers;
    private ArticleSink sink;
    private Feed feed;
    private FeedState state;
    /** The feed's ledger as the service keeps it: each poll's changes written through JSON, read back per poll. */
    private final StateStore store = new StateStore();
    private final List<Article> published = new ArrayList<>();
    private ArticlePace pace = ArticlePace.unlimited();
    private java.util.function.UnaryOperator<String> asWritten = java.util.function.UnaryOperator.identity();

    /** Limits of the tests: generous, so that only the tests about limits meet them. */
    public static final PollLimits LIMITS = new PollLimits(500, Duration.ofSeconds(5), Duration.ofMinutes(1),
            Duration.ofMinutes(1), 100);

    public PollHarness(String feedUrl, boolean fullText) {
        this(feedUrl, fullText, LIMITS);
    }

    public PollHarness(String feedUrl, boolean fullText, PollLimits limits) {
        this(feedUrl, fullText, limits, LOCAL_SITES);
    }

    /** The corpus site is on the loopback interface: allowed, as an operator allows a feed on their own network. */
    public static final List<String> LOCAL_SITES = List.of("127.0.0.0/8", "localhost");

    public PollHarness(String feedUrl, boolean fullText, PollLimits limits, List<String> allow) {
        this(feedUrl, fullText, limits, allow, new PageWorkers(2, 4));
    }

    /** @param workers where the polls' pages are fetched (closed with the harness) */
    public PollHarness(String feedUrl, boolean fullText, PollLimits limits, List<String> allow, PageWorkers workers) {
        this(feedUrl, fullText, limits, allow, workers, new FeedParser());
    }

    /** @param parser the poller's parser */
    public PollHarness(String feedUrl, boolean fullText, FeedParser parser) {
        this(feedUrl, fullText, LIMITS, LOCAL_SITES, new PageWorkers(2, 4), parser);
    }

    private PollHarness(String feedUrl, boolean fullText, PollLimits limits, List<String> allow, PageWorkers workers,
                        FeedParser parser) {
        this.workers = workers;
        this.fetcher = new HttpFetcher(HTTP, new HostPoliteness(4, Duration.ZERO, Duration.ofHours(6), clock,
                duration -> { }), clock, new AddressGuard(allow));
        Schedule schedule = new Schedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), true, 4,
                () -> 0L);
        this.poller = new FeedPoller(fetcher, RobotsTxt.defaults(fetcher, clock, HTTP.userAgent()), parser,
                new ArticleExtractor(),
                new UrlCanonicalizer(), schedule, new PollMetrics(meters), clock, "test-instance", limits, workers);
        this.feed = new Feed(Feed.SCHEMA_VERSION, Feed.TYPE, Ids.feed(feedUrl), START, feedUrl, "Corpus Feed",
                Duration.ofMinutes(5), fullText, null, List.of("corpus"));
        this.state = FeedState.initial(feed.id(), START);
    }

    /**
     * How the next polls' ledger records reach the store, as JSON (such as another version's code writes them);
     * unchanged unless set.
     */
    public void ledgerWrittenAs(java.util.function.UnaryOperator<String> asWritten) {
        this.asWritten = asWritten;
    }

    /** The pace of the next polls' new items (unlimited unless set). */
    public void pace(ArticlePace pace) {
        this.pace = pace;
    }

    /**
     * What the broker says to the next polls' articles, asked before each is collected: one that fails is not
     * collected (as a record Kafka did not acknowledge).
     */
    public void broker(ArticleSink sink) {
        this.sink = sink;
    }

    /** Polls once; the articles this poll published. */
    public List<Article> poll() throws InterruptedException {
        int before = published.size();
        PollResult result = poller.poll(feed, state, store.ledger(feed.id()), store::published, article -> {
            if (sink != null) {
                CompletableFuture<Void> sent = sink.publish(article).toCompletableFuture();
                if (sent.isCompletedExceptionally()) {
                    return sent;
                }
            }
            published.add(article);
            return CompletableFuture.completedFuture(null);
        }, pace);
        if (result.ledger() != null) {
            result.ledger().writes().forEach((key, entry) -> store.apply(key, entry == null ? null
                    : asWritten.apply(Json.encode(entry))));
        }
        state = result.state();
        if (result.moved() != null) {
            feed = result.moved();
        }
        return List.copyOf(published.subList(before, published.size()));
    }

    /** The feed's ledger as it would be read back now. */
    public ItemLedger ledger() {
        return store.ledger(feed.id());
    }

    public FeedStatus status() {
        return state.status();
    }

    public FeedState state() {
        return state;
    }

    public Feed feed() {
        return feed;
    }

    public List<Article> published() {
        return List.copyOf(published);
    }

    @Override
    public void close() {
        workers.close();
        fetcher.close();
    }
}
