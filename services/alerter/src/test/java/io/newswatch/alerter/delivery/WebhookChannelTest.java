package io.newswatch.alerter.delivery;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.contract.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A receiver's answer is read only so far and never kept: an endless answer does not hold or fill the alerter, and
 * what a failure says names the channel by its label, without the URL's secret or the receiver's words.
 */
class WebhookChannelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpServer server;
    private final AtomicLong written = new AtomicLong();
    private final WebhookChannel channel = new WebhookChannel(ChannelTarget.Kind.WEBHOOK,
            WebhookChannel.client(TIMEOUT), TIMEOUT, Map.of());

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
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
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
    void aReceiverThatIsNotThereIsNamedByItsLabel() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ChannelTarget nowhere = ChannelTarget.parse("webhook:http://user:pw@127.0.0.1:" + closed + "/T1/s3cr3t");
        Throwable failure = catchThrowable(() -> channel.send(nowhere, Channel.Notification.of(alert()))
                .toCompletableFuture().get(15, TimeUnit.SECONDS));
        assertThat(failure.getCause().getMessage()).contains("webhook:127.0.0.1:" + closed)
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
