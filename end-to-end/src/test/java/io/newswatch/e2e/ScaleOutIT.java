package io.newswatch.e2e;

import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's scale-out test: two instances of each service on the shared stack, six feeds whose ids cover every
 * partition of the feeds topic. Nothing is indexed or notified twice ({@link ExactlyOnce}), and each instance did
 * part of the work, as its own metrics say.
 */
class ScaleOutIT {

    private static final Duration PACE = Duration.ofMillis(250);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    /** Per service, the counter of the work an instance did and the labels of the series that count. */
    private static final Map<NewswatchService, Share> WORK = Map.of(
            NewswatchService.FEED_POLLER, new Share("newswatch_poller_articles_published_total", Map.of()),
            NewswatchService.ENRICHER, new Share("newswatch_enricher_articles_total", Map.of("outcome", "enriched")),
            NewswatchService.INDEXER, new Share("newswatch_indexer_documents_total",
                    Map.of("index", "articles", "outcome", "indexed")),
            NewswatchService.ALERTER, new Share("alerter_articles_total", Map.of()));

    private record Share(String metric, Map<String, String> labels) {
    }

    @TempDir
    Path files;

    private StreamedPipeline fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = StreamedPipeline.start(LocalInfrastructure.reserve(), 6, 2, PACE, files, Map.of());
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void twoInstancesOfEachServiceShareTheWorkAndNothingIsIndexedOrNotifiedTwice() throws Exception {
        fixture.stream().around(Duration.ofSeconds(20), () -> { }, Duration.ZERO);
        fixture.verify(CATCH_UP);

        int articles = fixture.stream().published().size();
        Pipeline pipeline = fixture.pipeline();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Pipeline.Instance instance : pipeline.instances()) {
            Share share = WORK.get(instance.service());
            shares.put(instance.service().id() + "-" + instance.number(),
                    Metrics.sum(pipeline.url(instance), share.metric(), share.labels()));
        }
        double deliveries = 0;
        for (Pipeline.Instance instance : pipeline.instances()) {
            if (instance.service() == NewswatchService.ALERTER) {
                double delivered = Metrics.sum(pipeline.url(instance), "alerter_deliveries_total",
                        Map.of("channel", "webhook", "outcome", "delivered"));
                shares.put("alerter-" + instance.number() + " webhook deliveries", delivered);
                deliveries += delivered;
            }
        }
        System.out.printf("Scale-out: %d articles, %d alerts; work per instance: %s%n", articles,
                fixture.stream().alertIds().size(), shares);
        assertThat(shares).as("work done by each instance").allSatisfy((instance, work) ->
                assertThat(work).as(instance).isPositive());
        for (NewswatchService service : NewswatchService.pipeline()) {
            double total = shares.get(service.id() + "-1") + shares.get(service.id() + "-2");
            assertThat(total).as("articles handled by the two %s instances together", service.id())
                    .isEqualTo(articles);
        }
        assertThat(deliveries).as("webhook deliveries by the two alerters together")
                .isEqualTo(fixture.stream().alertIds().size());
    }
}
