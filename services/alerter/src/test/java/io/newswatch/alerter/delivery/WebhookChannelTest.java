package io.newswatch.alerter.delivery;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.contract.Alert;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A receiver's answer is read only so far and never kept: an endless answer does not hold or fill the alerter, and
 * what a failure says names the channel by its label, without the URL's secret or the receiver's words. Only the
 * allow-listed receiver is reached among internal addresses: another local port, the cloud metadata address, a name
 * that resolves to an internal address and a redirect to an internal host are refused for good, and never contacted.
 */
class WebhookChannelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpServer server;
    /** A service on this machine that webhooks must not reach: it records what reaches it. */
    private final HttpServer internal;
    private final List<String> reachedInternal = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final CloseableHttpAsyncClient client;
    private final WebhookChannel channel;
    private final int closed;

    WebhookChannelTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/endless", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < 2L << 30) {
                    out.write(chunk);
                    out.flush();
                    written.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheClient) {
                // what should happen
            }
        });
        server.createContext("/T123/B456/s3cr3t", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\": \"invalid_token xoxb-s3cr3t\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            reachedInternal.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        internal.start();
        server.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + internal.getAddress().getPort()
                    + "/admin");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        // the allow-list names the receiver's port (and one where nothing listens) only; "rebound.example" is a name whose DNS answer is internal
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1:" + port(), "127.0.0.1:" + closed), host -> host.equals("rebound.example")
                ? new InetAddress[]{InetAddress.getByName("127.0.0.1")} : InetAddress.getAllByName(host));
        client = WebhookChannel.client(guard, TIMEOUT, TIMEOUT);
        channel = new WebhookChannel(ChannelTarget.Kind.WEBHOOK, client, TIMEOUT, Map.of());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.stop(0);
        internal.stop(0);
    }

    @Test
    void theAllowListedReceiverIsReachedWithTheUrlsCredentialsAsBasicAuthentication() throws Exception {
        channel.send(ChannelTarget.parse("webhook:http://bot:pa55@127.0.0.1:" + port() + "/ok"),
                Channel.Notification.of(alert())).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertThat(authorizations).containsExactly("Basic Ym90OnBhNTU="); // bot:pa55
    }

    @Test
    void anotherLoopbackPortIsRefusedForGoodAndNeverContacted() {
        DeliveryException failure = refused("webhook:http://127.0.0.1:" + internal.getAddress().getPort()
                + "/admin?token=s3cr3t");
        assertThat(failure.getMessage()).isEqualTo("POST to webhook:127.0.0.1:" + internal.getAddress().getPort()
                + " refused: 127.0.0.1 is a loopback address; webhooks go to public addresses only"
                + " (newswatch.alerter.ssrf.allow lists exceptions)");
    }

    @Test
    void theCloudMetadataAddressIsRefusedWithoutAnAttemptToConnect() {
        long started = System.nanoTime();
        DeliveryException failure = refused("slack:http://169.254.169.254/latest/meta-data/iam/s3cr3t");
        assertThat(failure.getMessage()).contains("slack:169.254.169.254 refused", "link-local (cloud metadata)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void aNameThatResolvesToAnInternalAddressAtSendTimeIsRefused() {
        DeliveryException failure = refused("webhook:http://rebound.example:" + internal.getAddress().getPort()
                + "/admin?token=s3cr3t");
        assertThat(failure.getMessage()).contains("rebound.example resolves to 127.0.0.1, a loopback address");
    }

    @Test
    void aRedirectToAnInternalHostIsNotFollowed() {
        Throwable failure = catchThrowable(() -> channel.send(target("/moved"), Channel.Notification.of(alert()))
                .toCompletableFuture().get(15, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOf(DeliveryException.class);
        assertThat(((DeliveryException) failure.getCause()).permanent()).isTrue();
        assertThat(failure.getCause().getMessage()).contains("HTTP 307", "redirects are not followed");
        assertThat(reachedInternal).isEmpty();
    }

    /** Sends to a channel the guard must refuse: a permanent failure, the internal service untouched. */
    private DeliveryException refused(String channelText) {
        Throwable failure = catchThrowable(() -> channel.send(ChannelTarget.parse(channelText),
                Channel.Notification.of(alert())).toCompletableFuture().get(15, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(DeliveryException.class);
        DeliveryException delivery = (DeliveryException) failure.getCause();
        assertThat(delivery.permanent()).as("a refused address is not retried").isTrue();
        assertThat(delivery.getMessage()).doesNotContain("s3cr3t", "token", "meta-data", "/admin");
        assertThat(reachedInternal).isEmpty();
        return delivery;
    }

    @Test
    void anEndlessAnswerIsCutOffAndTheDeliveryCounts() throws Exception {
        long started = System.nanoTime();
        channel.send(target("/endless"), Channel.Notification.of(alert())).toCompletableFuture()
                .get(15, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        Thread.sleep(200);
        // what the server could write before the socket closed: socket buffers, not the answer's 2 GB
        assertThat(written.get()).isLessThan(64L << 20);
    }

    @Test
    void aFailureNamesTheLabelAndTheStatusButNotTheSecretNorTheReceiversWords() {
        Throwable failure = catchThrowable(() -> channel.send(target("/T123/B456/s3cr3t"),
                Channel.Notification.of(alert())).toCompletableFuture().get(15, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(DeliveryException.class);
        String message = failure.getCause().getMessage();
        assertThat(message).contains("webhook:127.0.0.1:" + port(), "HTTP 500")
                .doesNotContain("s3cr3t", "T123", "xoxb", "invalid_token");
    }

    @Test
    void aReceiverThatIsNotThereIsNamedByItsLabel() {
        ChannelTarget nowhere = ChannelTarget.parse("webhook:http://user:pw@127.0.0.1:" + closed + "/T1/s3cr3t");
        Throwable failure = catchThrowable(() -> channel.send(nowhere, Channel.Notification.of(alert()))
                .toCompletableFuture().get(15, TimeUnit.SECONDS));
        assertThat(failure.getCause().getMessage()).contains("webhook:127.0.0.1:" + closed, "could not connect")
                .doesNotContain("s3cr3t", "user", "pw@");
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private ChannelTarget target(String path) {
        return ChannelTarget.parse("webhook:http://127.0.0.1:" + port() + path);
    }

    private static Alert alert() {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, "a1", Instant.EPOCH, "rule", "Rule", "q", "art",
                "https://wire.example/a", "Title", "Wire", "story", 1, 0, null, null, List.of("webhook:x"), List.of(),
                Instant.EPOCH);
    }
}
