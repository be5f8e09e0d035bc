package io.newswatch.e2e;

import io.newswatch.stack.NewswatchService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixture of the stream tests: news sites registered in the poller's feeds file, a {@link NewsStream} over
 * them, the stream's rule alerting to a {@link WebhookRecorder}, the packaged services running against one
 * {@link Infrastructure}, and the {@link ExactlyOnce} check. Tests inject their fault between
 * {@code stream().around(...)} and {@code verify(...)}.
 */
final class StreamedPipeline implements AutoCloseable {

    /** The site's stories are small and the site is ours: the poller may ask it often. */
    private static final Map<String, String> POLLER = Map.of(
            "NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S",
            "NEWSWATCH_POLLER_POLITENESS_MIN_DELAY_PER_HOST", "PT0.05S");

    private final Infrastructure infrastructure;
    private final List<GrowingFeedServer> sites;
    private final WebhookRecorder webhook;
    private final NewsStream stream;
    private final Pipeline pipeline;
    private final ExactlyOnce exactlyOnce;

    private StreamedPipeline(Infrastructure infrastructure, List<GrowingFeedServer> sites, WebhookRecorder webhook,
                             NewsStream stream, Pipeline pipeline) {
        this.infrastructure = infrastructure;
        this.sites = sites;
        this.webhook = webhook;
        this.stream = stream;
        this.pipeline = pipeline;
        this.exactlyOnce = new ExactlyOnce(infrastructure, webhook);
    }

    /**
     * Starts it all and waits until every service is ready.
     *
     * @param feeds  sites (feeds) the stream publishes on, in turn; with several, their feed ids cover every
     *               partition of the feeds topic, so that every poller instance owns some
     * @param copies instances of each service
     * @param pace   one story per this interval
     * @param files  a folder for the feeds and rules files
     * @param extra  settings per service on top of the fixture's
     */
    static StreamedPipeline start(Infrastructure infrastructure, int feeds, int copies, Duration pace, Path files,
                                  Map<NewswatchService, Map<String, String>> extra) throws IOException {
        List<GrowingFeedServer> sites = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            sites.add(new GrowingFeedServer("localhost", 300));
        }
        WebhookRecorder webhook = new WebhookRecorder();
        NewsStream stream = new NewsStream(sites, pace);
        Path feedsFile = Files.writeString(files.resolve("feeds.yaml"), feedsYaml(sites));
        Path rulesFile = Files.writeString(files.resolve("rules.yaml"), NewsStream.rulesYaml(webhook.channel()));
        Map<NewswatchService, Map<String, String>> settings = new EnumMap<>(NewswatchService.class);
        for (NewswatchService service : NewswatchService.pipeline()) {
            settings.put(service, new HashMap<>(extra.getOrDefault(service, Map.of())));
        }
        settings.get(NewswatchService.FEED_POLLER).putAll(POLLER);
        settings.get(NewswatchService.FEED_POLLER).put("NEWSWATCH_FEEDS_FILE", feedsFile.toString());
        settings.get(NewswatchService.ALERTER).put("NEWSWATCH_RULES_FILE", rulesFile.toString());
        Pipeline pipeline = new Pipeline(infrastructure, settings, copies);
        StreamedPipeline fixture = new StreamedPipeline(infrastructure, sites, webhook, stream, pipeline);
        try {
            pipeline.start();
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    List<GrowingFeedServer> sites() {
        return sites;
    }

    WebhookRecorder webhook() {
        return webhook;
    }

    NewsStream stream() {
        return stream;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /** The alerter was just killed: a webhook it had in flight may be delivered once more ({@link ExactlyOnce}). */
    void alerterKilled(Instant at) {
        exactlyOnce.alerterKilled(at);
    }

    /** Every story published so far is one document and each of its alerts one delivery, within {@code within}. */
    void verify(Duration within) throws InterruptedException {
        exactlyOnce.verify(stream, within);
    }

    /** The feed id of a site, as the feeds file registers it. */
    static String feedId(int site) {
        return FEED_IDS.get(site);
    }

    /** Feed ids "wire-N" chosen so that consecutive sites fall in consecutive partitions of the feeds topic. */
    private static final List<String> FEED_IDS = feedIds(12);

    private static List<String> feedIds(int count) {
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int site = 0; site < count; site++) {
            int partition = site % Infrastructure.PARTITIONS;
            for (int n = 0; ; n++) {
                String id = "wire-" + n;
                if (!used.contains(id) && Kafka.partitionOf(id, Infrastructure.PARTITIONS) == partition) {
                    used.add(id);
                    ids.add(id);
                    break;
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String feedsYaml(List<GrowingFeedServer> sites) {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (int i = 0; i < sites.size(); i++) {
            yaml.append("""
                      - url: %s
                        id: %s
                        name: Wire %d
                        pollInterval: PT1S
                        fullText: true
                        language: en
                    """.formatted(sites.get(i).feedUrl(), feedId(i), i + 1));
        }
        return yaml.toString();
    }

    @Override
    public void close() {
        stream.close();
        pipeline.close();
        sites.forEach(GrowingFeedServer::close);
        webhook.close();
        infrastructure.close();
    }
}
