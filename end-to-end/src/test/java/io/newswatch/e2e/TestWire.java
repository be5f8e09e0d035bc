package io.newswatch.e2e;

import io.newswatch.stack.NewswatchService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaffolding of the end-to-end tests that run the packaged services against a news site of their own
 * ({@link PipelineIT}, {@link ConsoleIT}, {@link ServiceSurfaceIT}): names reserved on an {@link Infrastructure},
 * the site (the test wire), a {@link WebhookRecorder}, the feeds and rules files the services start with, and the
 * {@link Pipeline}. {@link #close()} stops and releases all of it, whatever was started. The stream tests have
 * {@link StreamedPipeline}.
 */
final class TestWire implements AutoCloseable {

    private final Infrastructure infrastructure;
    private final GrowingFeedServer site;
    private final WebhookRecorder webhook;
    private Pipeline pipeline;

    private TestWire(Infrastructure infrastructure, GrowingFeedServer site, WebhookRecorder webhook) {
        this.infrastructure = infrastructure;
        this.site = site;
        this.webhook = webhook;
    }

    /** A site and a webhook for a test whose names are reserved on {@code infrastructure}. */
    static TestWire open(Infrastructure infrastructure) throws IOException {
        GrowingFeedServer site = null;
        try {
            site = new GrowingFeedServer();
            return new TestWire(infrastructure, site, new WebhookRecorder());
        } catch (IOException | RuntimeException e) {
            if (site != null) {
                site.close();
            }
            infrastructure.close();
            throw e;
        }
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The test's news site. */
    GrowingFeedServer site() {
        return site;
    }

    /** Records what the rules' {@link WebhookRecorder#channel()} delivers. */
    WebhookRecorder webhook() {
        return webhook;
    }

    /**
     * The services (not started yet): the poller reads {@code feedsYaml} and may poll every second (the sites are
     * the test's own), the alerter reads {@code rulesYaml}, both written to {@code files}; {@code extra} settings
     * per service on top.
     */
    Pipeline pipeline(Path files, String feedsYaml, String rulesYaml, List<NewswatchService> services,
                      Map<NewswatchService, Map<String, String>> extra) throws IOException {
        Path feeds = Files.writeString(files.resolve("feeds.yaml"), feedsYaml);
        Path rules = Files.writeString(files.resolve("rules.yaml"), rulesYaml);
        Map<NewswatchService, Map<String, String>> settings = new EnumMap<>(NewswatchService.class);
        extra.forEach((service, values) -> settings.put(service, new HashMap<>(values)));
        settings.computeIfAbsent(NewswatchService.FEED_POLLER, service -> new HashMap<>()).putAll(Map.of(
                "NEWSWATCH_FEEDS_FILE", feeds.toString(), "NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S"));
        settings.computeIfAbsent(NewswatchService.ALERTER, service -> new HashMap<>())
                .put("NEWSWATCH_RULES_FILE", rules.toString());
        pipeline = new Pipeline(infrastructure, settings, 1, services);
        return pipeline;
    }

    @Override
    public void close() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            site.close();
            webhook.close();
            infrastructure.close();
        }
    }
}
