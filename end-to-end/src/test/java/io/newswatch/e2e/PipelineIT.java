package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Ids;
import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline, as {@code ./newswatch up} runs it, on the real local stack: a news site publishes stories
 * while the four packaged services run; every story becomes one searchable document with entities and topics; a
 * {@code Montenegro} rule alerts on exactly the stories that mention it, once each, although all four services
 * are restarted in the middle of the stream. {@link ContainerPipelineIT} runs the same scenario against the official
 * images.
 */
class PipelineIT {

    private TestWire wire;
    private Infrastructure infrastructure;
    private GrowingFeedServer site;
    private WebhookRecorder webhook;
    private Pipeline pipeline;
    private Search search;

    @TempDir
    Path files;

    /** Where Kafka and Elasticsearch run, with names reserved for this test: the build's local stack. */
    Infrastructure infrastructure() {
        return LocalInfrastructure.reserve();
    }

    @BeforeEach
    void start() throws IOException {
        wire = TestWire.open(infrastructure());
        infrastructure = wire.infrastructure();
        site = wire.site();
        webhook = wire.webhook();
        search = new Search(infrastructure.setup());
        pipeline = wire.pipeline(files, """
                feeds:
                  - url: %s
                    name: Test Wire
                    pollInterval: PT1S
                    fullText: true
                    language: en
                    tags: [test]
                """.formatted(site.feedUrl()), """
                rules:
                  - id: montenegro
                    name: Montenegro
                    query: Montenegro
                    channels: [log, "%s"]
                """.formatted(webhook.channel()), NewswatchService.pipeline(), Map.of());
    }

    @AfterEach
    void stop() {
        if (wire != null) {
            wire.close();
        }
    }

    @Test
    void storiesBecomeSearchableAndAlertOnceAcrossARestartOfEveryService() throws Exception {
        List<TestWireStories.Story> stories = TestWireStories.ALL;
        int half = stories.size() / 2;
        publish(stories.subList(0, 5));
        pipeline.start();
        publishSlowly(stories.subList(5, half));
        pipeline.restartAll();
        publishSlowly(stories.subList(half, stories.size()));

        String articles = infrastructure.indices().articles();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(search.count(articles, "*")).isEqualTo(stories.size()));
        Set<String> montenegro = stories.stream().filter(TestWireStories.Story::mentionsMontenegro)
                .map(this::urlOf).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(deliveredUrls()).containsExactlyInAnyOrderElementsOf(montenegro));

        // Nothing more arrives later: no duplicate document, no second notification.
        Thread.sleep(10_000);
        assertThat(search.count(articles, "*")).isEqualTo(stories.size());
        assertThat(deliveredUrls()).hasSize(montenegro.size());

        // Entities and topics are there for analysts to filter on.
        JsonNode accession = search.document(articles, Ids.article(urlOf(stories.get(0))));
        assertThat(accession.path("location").toString()).contains("Montenegro");
        assertThat(accession.path("organization").toString()).contains("NATO");
        assertThat(search.count(articles, "location:Montenegro")).isGreaterThanOrEqualTo(montenegro.size());
        JsonNode syria = search.document(articles, Ids.article(urlOf(stories.get(2))));
        assertThat(syria.path("topic").toString()).contains("syria");

        // The alerter's own view agrees with what was delivered.
        JsonNode alerts = Http.get(pipeline.url(NewswatchService.ALERTER) + "/alerts?rule=montenegro&limit=100").body();
        assertThat(alerts.findValuesAsText("url")).containsExactlyInAnyOrderElementsOf(montenegro);
    }

    private String urlOf(TestWireStories.Story story) {
        return site.articleUrl(story.slug());
    }

    /** The article URL of each webhook delivery; a URL twice would be a duplicate notification. */
    private List<String> deliveredUrls() {
        return webhook.deliveries().stream().map(body -> body.path("url").asText()).toList();
    }

    private void publish(List<TestWireStories.Story> stories) {
        stories.forEach(story -> site.publish(story.slug(), story.title(), story.body()));
    }

    private void publishSlowly(List<TestWireStories.Story> stories) throws InterruptedException {
        for (TestWireStories.Story story : stories) {
            site.publish(story.slug(), story.title(), story.body());
            Thread.sleep(700);
        }
    }
}
