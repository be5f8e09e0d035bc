package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Ids;
import io.newswatch.stack.KafkaSasl;
import io.newswatch.stack.NewswatchService;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's promise that the {@code KAFKA_*} client settings reach every Kafka client: all five services that
 * talk to Kafka are given the local broker's SASL/PLAIN listener and nothing else, with
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and {@code KAFKA_SASL_JAAS_CONFIG}, and an article
 * goes from a feed registered through the poller's API, past a rule written through the alerter's API, to an indexed
 * document, an alert the webhook receives and the console's live reader sees. A client that ignored the settings
 * (the poller's feed registry and state tables, its producers or its ownership, the enricher's story restore, the
 * alerter's rule, alert and state tables, its rule producer or its delivery ownership, the console's alert reader, a
 * channel) would speak plaintext to a listener that wants SASL, and its service would never be ready, never answer
 * the write, or never deliver.
 */
class SaslPassthroughIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final LocalInfrastructure infrastructure = LocalInfrastructure.reserve();
    private GrowingFeedServer site;
    private WebhookRecorder webhook;
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        infrastructure.close();
    }

    @Test
    void everyServiceWorksThroughASaslListenerAlone() throws Exception {
        KafkaSasl sasl = infrastructure.test().stack().kafkaSasl();
        assertThat(sasl.bootstrapServers()).isNotEqualTo(infrastructure.kafkaBootstrapServers());
        // the listener admits no client that ignores the settings: one given its address alone gets nowhere
        try (Admin plain = Admin.create(Map.of("bootstrap.servers", sasl.bootstrapServers(),
                "request.timeout.ms", 2_000, "default.api.timeout.ms", 3_000))) {
            assertThatThrownBy(() -> plain.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        try (Admin authenticated = Admin.create(Map.copyOf(sasl.clientSettings()))) {
            assertThat(authenticated.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
        }
        site = new GrowingFeedServer();
        webhook = new WebhookRecorder();
        Map<NewswatchService, Map<String, String>> environment = new EnumMap<>(NewswatchService.class);
        for (NewswatchService service : NewswatchService.values()) {
            environment.put(service, new HashMap<>(sasl.environment()));
        }
        environment.get(NewswatchService.FEED_POLLER).put("NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S");

        long started = System.nanoTime();
        pipeline = new Pipeline(infrastructure, environment, 1, List.of(NewswatchService.values())).start();
        long ready = System.nanoTime();
        // the writes answer once Kafka has them (the rule: once the alerter has read it back)
        assertThat(Http.send("PUT", pipeline.url(NewswatchService.ALERTER) + "/rules/sasl-montenegro",
                "{\"query\": \"Montenegro\", \"channels\": [\"%s\"]}".formatted(webhook.channel())).status())
                .isEqualTo(201);
        TestWireStories.Story story = TestWireStories.ALL.getFirst();
        assertThat(story.mentionsMontenegro()).isTrue();
        site.publish(story.slug(), story.title(), story.body());
        assertThat(Http.send("POST", pipeline.url(NewswatchService.FEED_POLLER) + "/feeds",
                "{\"url\": \"%s\", \"pollInterval\": \"PT1S\", \"language\": \"en\"}"
                        .formatted(site.feedUrl())).status()).isEqualTo(201);
        String url = site.articleUrl(story.slug());

        Search search = new Search(infrastructure.setup());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(search.count(infrastructure.indices().articles(), "*")).isEqualTo(1));
        JsonNode document = search.document(infrastructure.indices().articles(), Ids.article(url));
        assertThat(document.path("location").toString()).contains("Montenegro");

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(webhook.deliveries()).singleElement()
                        .satisfies(alert -> assertThat(alert.path("url").asText()).isEqualTo(url)));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(receivedByConsole()).isEqualTo(1));
        System.out.printf("SASL passthrough: five services ready in %d ms, feed to alert and console %d ms later%n",
                (ready - started) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);
    }

    /** Alerts the console's live reader has taken from Kafka, as its readiness check counts them. */
    private long receivedByConsole() {
        JsonNode checks = Http.get(pipeline.url(NewswatchService.CONSOLE) + "/q/health/ready").body().path("checks");
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals("live-alerts")) {
                return check.path("data").path("received").asLong();
            }
        }
        return -1;
    }
}
