package io.newswatch.poller.feed;

import io.newswatch.contract.Feed;
import io.newswatch.poller.config.PollerConfig;
import io.newswatch.poller.config.PollerConfigCheck;
import io.newswatch.poller.http.UrlSecrets;
import io.newswatch.poller.poll.PollService;
import io.newswatch.poller.publish.KafkaPublisher;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.FeedStatus;
import io.newswatch.poller.state.StateStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The feed registry's operations: registering from {@code deploy/feeds.yaml} at start and from the REST API,
 * deleting, and the views with status. A change is written to the compacted feeds topic and acknowledged before
 * it is answered, and applied to this instance's registry at once.
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final PollerConfig config;
    private final FeedDefinitions definitions;
    private final FeedRegistry registry;
    private final StateStore store;
    private final KafkaPublisher publisher;
    private final PollService polls;
    private final Clock clock;

    public FeedService(PollerConfig config, FeedDefinitions definitions, FeedRegistry registry, StateStore store,
                       KafkaPublisher publisher, PollService polls, Clock clock) {
        this.config = config;
        this.definitions = definitions;
        this.registry = registry;
        this.store = store;
        this.publisher = publisher;
        this.polls = polls;
        this.clock = clock;
    }

    /** Checks the configuration, reads the feeds file (both fail the start when wrong), starts polling. */
    void start(@Observes StartupEvent event) throws FeedsFile.FileException {
        PollerConfigCheck.check(config);
        List<Feed> fromFile = config.feedsFile().isPresent()
                ? FeedsFile.load(config.feedsFile().get(), definitions, clock.instant()) : List.of();
        if (config.feedsFile().isPresent()) {
            LOG.infof("%d feed(s) in %s", fromFile.size(), config.feedsFile().get());
        }
        polls.start();
        polls.loaded().thenRunAsync(() -> applyFile(fromFile));
    }

    /** Registers the file's feeds that are new or changed; re-applying an unchanged file writes nothing. */
    void applyFile(List<Feed> feeds) {
        int written = 0;
        for (Feed feed : feeds) {
            Optional<Feed> existing = registry.get(feed.id()).map(FeedRegistry.Entry::feed);
            Feed wanted = existing.map(old -> keepMovedUrl(old, feed)).orElse(feed);
            if (existing.isPresent() && sameRegistration(existing.get(), wanted)) {
                continue;
            }
            try {
                put(wanted);
                written++;
            } catch (RegistryUnavailableException e) {
                LOG.errorf("could not register %s from the feeds file: %s", UrlSecrets.redact(feed.url()), e.getMessage());
            }
        }
        LOG.infof("feeds file applied: %d registration(s) written, %d unchanged", written, feeds.size() - written);
    }

    /**
     * A feed the publisher moved permanently keeps its new URL when the file still names the old one (the file is
     * re-applied at every start; the registry knows better).
     */
    private Feed keepMovedUrl(Feed registered, Feed fromFile) {
        String movedFrom = store.state(registered.id()).map(FeedState::status).map(FeedStatus::movedFrom).orElse(null);
        // movedFrom is kept with its secrets hidden (it is status), so it is compared as such
        if (!registered.url().equals(fromFile.url()) && movedFrom != null
                && (fromFile.url().equals(movedFrom) || UrlSecrets.redact(fromFile.url()).equals(movedFrom))) {
            return new Feed(fromFile.schemaVersion(), fromFile.type(), fromFile.id(), fromFile.timestamp(),
                    registered.url(), fromFile.name(), fromFile.pollInterval(), fromFile.fullText(),
                    fromFile.language(), fromFile.tags());
        }
        return fromFile;
    }

    static boolean sameRegistration(Feed a, Feed b) {
        return a.url().equals(b.url()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.pollInterval(), b.pollInterval()) && a.fullText() == b.fullText()
                && Objects.equals(a.language(), b.language()) && a.tags().equals(b.tags());
    }

    /**
     * Every feed with its status.
     *
     * @param reveal show feed URLs with their secrets (credentials, token parameters); status never shows them
     */
    public List<FeedView> list(boolean reveal) {
        List<FeedView> views = new ArrayList<>();
        for (FeedRegistry.Entry entry : registry.all()) {
            views.add(view(entry.feed(), reveal));
        }
        return views;
    }

    public Optional<FeedView> get(String id, boolean reveal) {
        return registry.get(id).map(entry -> view(entry.feed(), reveal));
    }

    /** A registration and whether it is new. */
    public record Registered(FeedView view, boolean created) {
    }

    /**
     * Registers a feed, or changes the registration of the same id.
     *
     * @throws InvalidFeedException          when the definition is wrong
     * @throws RegistryUnavailableException when Kafka did not acknowledge the registration
     */
    public Registered register(FeedDefinition definition, boolean reveal)
            throws InvalidFeedException, RegistryUnavailableException {
        Feed feed = definitions.toFeed(definition, clock.instant());
        boolean created = registry.get(feed.id()).isEmpty();
        put(feed);
        return new Registered(view(feed, reveal), created);
    }

    /**
     * Changes the registration of an existing feed; its id stays. When the URL changes, the feed's poll state
     * (validators, backoff, items seen) starts afresh, as for a new feed.
     *
     * @return empty when there is no such feed
     * @throws InvalidFeedException          when the definition is wrong, or names another id
     * @throws RegistryUnavailableException when Kafka did not acknowledge the change
     */
    public Optional<FeedView> edit(String id, FeedDefinition definition, boolean reveal)
            throws InvalidFeedException, RegistryUnavailableException {
        Optional<FeedRegistry.Entry> existing = registry.get(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (definition != null && definition.id() != null && !definition.id().isBlank()
                && !definition.id().strip().equals(id)) {
            throw new InvalidFeedException("id", "the id of a feed does not change (" + id + ", not "
                    + definition.id().strip() + "): register a new feed instead");
        }
        Feed feed = definitions.toFeed(definition == null ? null : new FeedDefinition(id, definition.url(),
                definition.name(), definition.pollInterval(), definition.fullText(), definition.language(),
                definition.tags()), clock.instant());
        if (!feed.url().equals(existing.get().feed().url())) {
            await(polls.forget(id), "reset the state of feed " + id);
        }
        put(feed);
        return Optional.of(view(feed, reveal));
    }

    /**
     * Deletes a feed: a tombstone in the registry and in its state.
     *
     * @return false when there is no such feed
     */
    public boolean delete(String id) throws RegistryUnavailableException {
        if (registry.get(id).isEmpty()) {
            return false;
        }
        await(publisher.deregister(id).toCompletableFuture(), "delete feed " + id);
        registry.remove(id);
        await(polls.forget(id), "delete the state of feed " + id);
        return true;
    }

    private void put(Feed feed) throws RegistryUnavailableException {
        await(publisher.register(feed).toCompletableFuture(), "register feed " + UrlSecrets.redact(feed.url()));
        registry.put(feed, polls.partitionOf(feed.id()));
    }

    private FeedView view(Feed feed, boolean reveal) {
        FeedStatus status = store.state(feed.id()).map(FeedState::status)
                .orElseGet(() -> FeedStatus.pending(null));
        return FeedView.of(feed, status, reveal);
    }

    private static void await(CompletableFuture<Void> write, String what) throws RegistryUnavailableException {
        try {
            write.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RegistryUnavailableException("could not " + what + ": Kafka refused the write: "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new RegistryUnavailableException("could not " + what + ": Kafka did not acknowledge within "
                    + WRITE_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while trying to " + what, e);
        }
    }

    /** The registry topic cannot be written now; the caller may retry. */
    public static class RegistryUnavailableException extends Exception {
        public RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
