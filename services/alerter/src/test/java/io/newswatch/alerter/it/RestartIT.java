package io.newswatch.alerter.it;

import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.TestStack;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ServiceProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged alerter as a process, restarted in the middle of a stream of articles: every alert is delivered,
 * and none twice. Runs the jar that {@code package} built, as the launcher does.
 */
class RestartIT {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path files;

    private TestStack test;
    private WebhookStub webhook;
    private ServiceProcesses processes;
    private String instance;
    private int port;
    private Map<String, String> env;
    /** The stream of articles has a thread of its own: the common pool may be busy with what earlier tests left. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws IOException {
        test = TestStack.reserve();
        webhook = new WebhookStub();
        processes = new ServiceProcesses(test.stack().home());
        instance = "alerter-" + test.indexPrefix();
        port = freePort();
        Path rules = Files.writeString(files.resolve("rules.yaml"), """
                rules:
                  - id: harbour
                    name: Harbour
                    query: harbour
                    channels: ["webhook:%s"]
                """.formatted(webhook.url("/harbour")));
        env = ServiceEnvironment.of(test).withRulesFile(rules).allowing("127.0.0.1:" + webhook.url("").getPort())
                .of(NewswatchService.ALERTER);
    }

    @AfterEach
    void stop() {
        if (processes != null) {
            processes.stop(instance, Duration.ofSeconds(20));
        }
        publisher.shutdownNow();
        webhook.close();
        test.release();
    }

    @Test
    void aRestartInTheMiddleOfAStreamLosesNoAlertAndRepeatsNone() throws Exception {
        startAlerter();
        List<String> expected = new ArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publish(0, 40, expected), publisher);
        await().atMost(PATIENCE).until(() -> webhook.requests("/harbour").size() >= 5);
        processes.stop(instance, Duration.ofSeconds(30));
        startAlerter();
        stream.get();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveredKeys().keySet())
                .containsExactlyInAnyOrderElementsOf(expected));
        assertThat(deliveredKeys()).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
    }

    @Test
    void aKilledAlerterLosesNoAlert() throws Exception {
        startAlerter();
        List<String> expected = new ArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publish(0, 30, expected), publisher);
        await().atMost(PATIENCE).until(() -> webhook.requests("/harbour").size() >= 5);
        processes.kill(instance);
        startAlerter();
        stream.get();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveredKeys().keySet())
                .containsExactlyInAnyOrderElementsOf(expected));
        // A kill between a webhook's answer and the status write can repeat the notifications whose status was not
        // yet written, with the same Idempotency-Key: a few, never a different alert (0 in CI, 3 once at load 64).
        // At least 5 were delivered before the kill, so an alerter that forgot its statuses repeats 5 or more.
        long repeats = deliveredKeys().values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("kill -9 in mid-stream: %d alerts, %d repeated notifications%n", expected.size(), repeats);
        assertThat(repeats).isLessThan(5);
    }

    /**
     * Months later: the alerts topic has dropped the alerts (retention), the alerter restarts, and the story it
     * alerted on is still running. Its next articles notify nothing again; a new story still notifies.
     */
    @Test
    void aRestartAfterRetentionEmptiedTheAlertsTopicReNotifiesNothing() throws Exception {
        startAlerter();
        Topics topics = new Topics(test);
        String running = "story-harbour-running";
        String notified = Ids.alert("harbour", running, 0);
        sendArticle(topics, "https://wire.example/harbour-running-1", running);
        await().atMost(PATIENCE).until(() -> deliveredKeys().containsKey(notified));
        // the alert's state is in the state topic once its article is acknowledged
        await().atMost(PATIENCE).until(() -> topics.readAll(test.topics().alertState()).stream()
                .anyMatch(r -> r.key().equals("harbour/" + running) && r.value() != null));
        processes.stop(instance, Duration.ofSeconds(30));

        topics.deleteAllRecords(test.topics().alerts());
        assertThat(topics.readAll(test.topics().alerts())).isEmpty();
        startAlerter();
        sendArticle(topics, "https://wire.example/harbour-running-2", running);
        sendArticle(topics, "https://wire.example/harbour-running-3", running);
        String fresh = "story-harbour-fresh";
        sendArticle(topics, "https://wire.example/harbour-fresh-1", fresh);

        await().atMost(PATIENCE).until(() -> articlesMatched() >= 3
                && deliveredKeys().containsKey(Ids.alert("harbour", fresh, 0)));
        // all three articles were matched and the new story notified: the running story raised nothing again
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(deliveredKeys()).containsOnlyKeys(notified, Ids.alert("harbour", fresh, 0))
                    .containsEntry(notified, 1L);
            assertThat(topics.readAll(test.topics().alerts())).extracting(r -> r.key()).doesNotContain(notified);
        });
    }

    /** Articles the running alerter has matched since it started (its {@code alerter.articles} counter). */
    private double articlesMatched() throws IOException, InterruptedException {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith("alerter_articles_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void sendArticle(Topics topics, String url, String storyId) {
        EnrichedArticle article = article().url(url).title("Harbour news").body("Boats left the harbour at dawn.")
                .story(storyId, 1, 1).build();
        topics.send(test.topics().articlesEnriched(), article.id(), Json.encode(article));
    }

    private void startAlerter() {
        processes.start(instance, NewswatchService.ALERTER, port, NewswatchService.ALERTER.heap(), env);
        processes.awaitReady(instance, port, STARTUP);
    }

    /** Articles of stories of their own, all matching the rule, a few per second. */
    private void publish(int from, int to, List<String> alertIds) {
        Topics topics = new Topics(test);
        for (int i = from; i < to; i++) {
            EnrichedArticle article = article().url("https://wire.example/harbour-" + i)
                    .title("Harbour news " + i).body("Boats left the harbour at dawn.")
                    .story("story-harbour-" + i, 1, 1).build();
            topics.send(test.topics().articlesEnriched(), article.id(), Json.encode(article));
            synchronized (alertIds) {
                alertIds.add(Ids.alert("harbour", "story-harbour-" + i, 0));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Successful deliveries by Idempotency-Key (the alert id), with how often. */
    private Map<String, Long> deliveredKeys() {
        return webhook.requests("/harbour").stream().filter(r -> r.answeredWith() == 200)
                .collect(Collectors.groupingBy(WebhookStub.Request::idempotencyKey, Collectors.counting()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
