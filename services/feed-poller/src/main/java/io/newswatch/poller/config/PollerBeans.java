package io.newswatch.poller.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.poller.feed.FeedDefinitions;
import io.newswatch.poller.feed.FeedRegistry;
import io.newswatch.poller.http.BodyMemory;
import io.newswatch.poller.http.HostPoliteness;
import io.newswatch.poller.http.HttpFetcher;
import io.newswatch.poller.http.HttpSettings;
import io.newswatch.poller.http.RobotsTxt;
import io.newswatch.poller.parse.ArticleExtractor;
import io.newswatch.poller.parse.FeedParser;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.poll.FeedPoller;
import io.newswatch.poller.poll.PageWorkers;
import io.newswatch.poller.poll.PollLimits;
import io.newswatch.poller.poll.PollMetrics;
import io.newswatch.poller.poll.Schedule;
import io.newswatch.poller.state.StateStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** Makes the poller's plain classes from its configuration. */
public class PollerBeans {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PollerBeans.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    TopicNames topics(@ConfigProperty(name = "newswatch.topic-prefix", defaultValue = TopicNames.DEFAULT_PREFIX) String prefix) {
        return new TopicNames(prefix);
    }

    @Produces
    @Singleton
    InstanceId instanceId(PollerConfig config) {
        return new InstanceId(config.instanceId().filter(id -> !id.isBlank()).orElseGet(() -> {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "poller";
            }
            return host + "-" + ProcessHandle.current().pid();
        }));
    }

    @Produces
    @Singleton
    HttpFetcher fetcher(PollerConfig config, Clock clock) {
        PollerConfig.Http http = config.http();
        PollerConfig.Politeness politeness = config.politeness();
        HeapPlan heap = HeapPlan.of(Runtime.getRuntime().maxMemory(), config.maxConcurrentPolls(),
                config.maxConcurrentPages(), http.maxBodyBytes());
        LOG.info(heap.describe(config.maxConcurrentPolls(), config.maxConcurrentPages(), http.maxBodyBytes()));
        return new HttpFetcher(new HttpSettings(http.userAgent(), http.connectTimeout(), http.readTimeout(),
                http.totalTimeout(), http.maxBodyBytes(), http.maxRedirects()),
                new HostPoliteness(politeness.maxConcurrentPerHost(), politeness.minDelayPerHost(),
                        politeness.maxRetryAfter(), clock, Thread::sleep), clock,
                new AddressGuard(config.ssrf().allow().orElse(List.of())), new BodyMemory(Math.max(1, heap.largeBodies())));
    }

    void close(@Disposes HttpFetcher fetcher) {
        fetcher.close();
    }

    @Produces
    @Singleton
    FeedDefinitions definitions(PollerConfig config) {
        return new FeedDefinitions(config.defaultInterval());
    }

    @Produces
    @Singleton
    FeedRegistry registry() {
        return new FeedRegistry();
    }

    @Produces
    @Singleton
    StateStore store() {
        return new StateStore();
    }

    @Produces
    @Singleton
    UrlCanonicalizer canonicalizer(PollerConfig config) {
        return new UrlCanonicalizer(config.trackingParameters().orElse(List.of()));
    }

    @Produces
    @Singleton
    PageWorkers pageWorkers(PollerConfig config) {
        return new PageWorkers(config.maxConcurrentPages(), config.politeness().maxConcurrentPerHost());
    }

    void close(@Disposes PageWorkers workers) {
        workers.close();
    }

    @Produces
    @Singleton
    FeedPoller poller(PollerConfig config, HttpFetcher fetcher, UrlCanonicalizer canonicalizer, MeterRegistry meters,
                      Clock clock, InstanceId instance, PageWorkers workers) {
        Schedule schedule = new Schedule(config.minInterval(), config.maxInterval(), config.backoff().max(),
                config.adaptive().enabled(), config.adaptive().factor(), RandomGenerator.getDefault());
        PollerConfig.Robots robots = config.robots();
        RobotsTxt robotsTxt = new RobotsTxt(fetcher, clock, config.http().userAgent(), robots.cacheSize(),
                robots.expiry(), robots.errorExpiry(), robots.enabled());
        return new FeedPoller(fetcher, robotsTxt, new FeedParser(config.maxItemsPerFeed(), config.cutKnownItems()),
                new ArticleExtractor(), canonicalizer, schedule, new PollMetrics(meters), clock, instance.value(),
                new PollLimits(config.rememberedItems(), Duration.ofMinutes(2), config.pollTimeout(),
                        config.pollCpuLimit(), config.maxItemsPerPoll()), workers);
    }
}
