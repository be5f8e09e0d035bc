package io.newswatch.poller.http;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.poller.poll.CorpusSite;
import io.newswatch.poller.poll.MutableClock;
import io.newswatch.poller.poll.PollHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetcher with the address guard: every host of every hop is checked by its resolved address, the feed's own
 * host included, and the connection goes to the address checked.
 */
class HttpFetcherGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    private CorpusSite site;
    private HttpServer other;

    @BeforeEach
    void serve() throws Exception {
        site = new CorpusSite();
        site.route("/feed.xml", CorpusSite.bytes(200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        site.close();
        if (other != null) {
            other.stop(0);
        }
    }

    private HttpFetcher fetcher(AddressGuard guard) {
        HttpSettings http = new HttpSettings("newswatch-feed-poller/test", Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(20), 1 << 20, 3);
        return new HttpFetcher(http, new HostPoliteness(4, Duration.ZERO, Duration.ofHours(1), clock,
                d -> { }), clock, guard);
    }

    private static FetchException.Kind kind(Throwable e) {
        return ((FetchException) e).kind();
    }

    @Test
    void aFeedOnAnInternalHostIsRefusedUnlessAllowed() throws Exception {
        try (HttpFetcher fetcher = fetcher(new AddressGuard(List.of()))) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.feed(URI.create(site.base() + "/feed.xml"))))
                    .isInstanceOf(FetchException.class).satisfies(e -> assertThat(kind(e)).isEqualTo(FetchException.Kind.BLOCKED))
                    .hasMessage("refused " + site.base() + "/feed.xml: 127.0.0.1 is a loopback address");
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.feed(URI.create("http://169.254.169.254/latest/meta-data/"))))
                    .hasMessage("refused http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local "
                            + "(cloud metadata) address");
        }
        assertThat(site.requests()).isEmpty();
        try (HttpFetcher fetcher = fetcher(new AddressGuard(List.of("127.0.0.1:" + site.port())))) {
            assertThat(fetcher.fetch(FetchRequest.feed(URI.create(site.base() + "/feed.xml"))).status()).isEqualTo(200);
        }
    }

    @Test
    void aRedirectToAnotherPortOfTheSameHostIsChecked() throws Exception {
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        AtomicInteger reached = new AtomicInteger();
        other.createContext("/", exchange -> {
            reached.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        other.start();
        String internal = "http://localhost:" + other.getAddress().getPort() + "/_cluster/settings";
        site.route("/moved.xml", CorpusSite.redirect(301, internal));
        try (HttpFetcher fetcher = fetcher(new AddressGuard(List.of("localhost:" + site.port())))) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.feed(URI.create("http://localhost:" + site.port()
                    + "/moved.xml")))).satisfies(e -> assertThat(kind(e)).isEqualTo(FetchException.Kind.BLOCKED))
                    .hasMessageStartingWith("refused " + internal + ": localhost resolves to ");
        }
        assertThat(reached).hasValue(0);
        assertThat(site.requests("/moved.xml")).hasSize(1);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressEvenWhenDnsChangesItsAnswer() throws Exception {
        other = HttpServer.create(new InetSocketAddress("127.0.0.2", site.port()), 10);
        AtomicInteger reached = new AtomicInteger();
        other.createContext("/", exchange -> {
            reached.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        other.start();
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1"), host -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")});
        try (HttpFetcher fetcher = fetcher(guard)) {
            FetchResponse response = fetcher.fetch(FetchRequest.feed(URI.create("http://rebind.test:" + site.port()
                    + "/feed.xml")));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        }
        assertThat(reached).hasValue(0);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void onlyHttpAndHttps() throws Exception {
        try (HttpFetcher fetcher = fetcher(new AddressGuard(List.of()))) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(URI.create("file:///etc/passwd"))))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(FetchException.Kind.BLOCKED))
                    .hasMessage("refused file:///etc/passwd: only http and https URLs are fetched");
        }
    }

    @Test
    void credentialsInTheUrlGoToItsOwnOriginOnly() throws Exception {
        site.route("/private.xml", CorpusSite.redirect(302, "http://localhost:" + site.port() + "/feed.xml"));
        try (HttpFetcher fetcher = fetcher(new AddressGuard(PollHarness.LOCAL_SITES))) {
            fetcher.fetch(FetchRequest.feed(URI.create("http://reader:s%40cret@127.0.0.1:" + site.port() + "/private.xml")));
        }
        assertThat(site.requests("/private.xml").getFirst().header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("reader:s@cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(site.requests("/feed.xml").getFirst().header("Authorization")).as("another host: no credentials").isNull();
    }
}
