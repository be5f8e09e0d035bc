package io.newswatch.e2e;

import io.newswatch.stack.Ports;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules use is one the packaged services really export
 * on {@code /q/metrics}, with the label values they select (as {@code KibanaSavedObjectsTest} checks the Kibana
 * objects against the mappings). The five services (the pipeline and the console) run on the local stack and are
 * given the traffic that makes the metrics that only appear with it appear: articles that raise an alert delivered
 * to a webhook, a feed that fails, and a record that is not an event in every topic they consume (dead letters).
 * A metric that still cannot appear here is listed in {@link #NOT_HERE} with the reason; such a metric that does
 * appear fails the test, so the list stays true.
 */
class ExportedMetricsIT {

    /** Labels Prometheus adds to every series it scrapes; the services do not export them. */
    private static final Set<String> PROMETHEUS_LABELS = Set.of("job", "instance");

    /** Series Prometheus makes itself for each target. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    /** Metrics used on purpose that this test cannot make the services export, and why. */
    private static final Map<String, String> NOT_HERE = Map.of(
            "newswatch_indexer_retries_total", "appears with the first transient Elasticsearch failure; "
                    + "ElasticsearchAwayIT and ElasticsearchStoppedIT make and check it");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? \\S+$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path files;

    private Infrastructure infrastructure;
    private GrowingFeedServer site;
    private WebhookRecorder webhook;
    private Pipeline pipeline;

    @BeforeEach
    void start() throws IOException {
        infrastructure = LocalInfrastructure.reserve();
        site = new GrowingFeedServer();
        webhook = new WebhookRecorder();
        Path feeds = Files.writeString(files.resolve("feeds.yaml"), """
                feeds:
                  - url: %s
                    name: Test Wire
                    pollInterval: PT1S
                    fullText: true
                    language: en
                  - url: http://localhost:%d/gone.xml
                    name: A feed whose server is gone
                    pollInterval: PT1S
                """.formatted(site.feedUrl(), Ports.free(1).getFirst()));
        Path rules = Files.writeString(files.resolve("rules.yaml"), """
                rules:
                  - id: montenegro
                    name: Montenegro
                    query: Montenegro
                    channels: ["%s"]
                """.formatted(webhook.channel()));
        pipeline = new Pipeline(infrastructure, Map.of(
                NewswatchService.FEED_POLLER, Map.of("NEWSWATCH_FEEDS_FILE", feeds.toString(),
                        "NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S"),
                NewswatchService.ALERTER, Map.of("NEWSWATCH_RULES_FILE", rules.toString())), 1,
                List.of(NewswatchService.values()));
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        site.close();
        webhook.close();
        infrastructure.close();
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertRulesIsExported() throws Exception {
        pipeline.start();
        TestWireStories.ALL.stream().filter(TestWireStories.Story::mentionsMontenegro).limit(2)
                .forEach(story -> site.publish(story.slug(), story.title(), story.body()));
        TopicNames topics = infrastructure.topics();
        Kafka kafka = new Kafka(infrastructure.kafkaBootstrapServers());
        for (String topic : List.of(topics.articlesRaw(), topics.articlesEnriched(), topics.alerts())) {
            kafka.send(topic, 0, "not-an-event", "this is not JSON");
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(webhook.deliveries()).isNotEmpty();
            for (NewswatchService service : List.of(NewswatchService.ENRICHER, NewswatchService.INDEXER)) {
                assertThat(Metrics.sum(pipeline.url(service), "kafka_producer_topic_record_send_total",
                        Map.of("topic", topics.deadLetters()))).as(service + " dead letters").isPositive();
            }
            assertThat(Metrics.sum(pipeline.url(NewswatchService.FEED_POLLER), "newswatch_poller_polls_total",
                    Map.of("outcome", "failed"))).isPositive();
        });

        Map<String, List<Map<String, String>>> exported = new HashMap<>();
        for (NewswatchService service : NewswatchService.values()) {
            parse(scrape(pipeline.url(service)), exported);
        }

        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        OpsQueries.expressions(StackHome.locate().project()).forEach((where, expression) -> {
            for (PromQl.Selector selector : PromQl.selectors(expression)) {
                String metric = selector.metric();
                used.add(metric);
                if (PROMETHEUS_SERIES.contains(metric) || NOT_HERE.containsKey(metric)) {
                    continue;
                }
                List<Map<String, String>> series = exported.get(metric);
                if (series == null) {
                    problems.add(where + ": " + metric + " is not exported by any service");
                    continue;
                }
                for (PromQl.Matcher matcher : selector.matchers()) {
                    if (PROMETHEUS_LABELS.contains(matcher.label()) || matcher.label().equals("__name__")
                            || matcher.op().startsWith("!")) {
                        continue;
                    }
                    Pattern value = Pattern.compile(matcher.op().equals("=~") ? matcher.value()
                            : Pattern.quote(matcher.value()));
                    boolean found = series.stream().anyMatch(labels -> labels.containsKey(matcher.label())
                            && value.matcher(labels.get(matcher.label())).matches());
                    if (!found) {
                        problems.add(where + ": no series of " + metric + " has " + matcher.label() + matcher.op()
                                + "\"" + matcher.value() + "\"");
                    }
                }
            }
        });
        assertThat(problems).as("selectors of deploy/grafana/dashboards and deploy/prometheus/alerts.yml that the "
                + "services do not export").isEmpty();
        for (Map.Entry<String, String> absent : NOT_HERE.entrySet()) {
            assertThat(used).as("NOT_HERE lists only metrics in use").contains(absent.getKey());
            assertThat(exported).as(absent.getKey() + " is exported now: remove it from NOT_HERE ("
                    + absent.getValue() + ")").doesNotContainKey(absent.getKey());
        }
    }

    /** Adds each series of a Prometheus text exposition to {@code series}, by metric name. */
    private static void parse(String exposition, Map<String, List<Map<String, String>>> series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            java.util.regex.Matcher sample = SERIES.matcher(line);
            if (!sample.matches()) {
                throw new IllegalStateException("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(3) != null) {
                java.util.regex.Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            series.computeIfAbsent(sample.group(1), name -> new ArrayList<>()).add(labels);
        }
    }

    private static String scrape(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(serviceUrl + "/q/metrics").isEqualTo(200);
        return response.body();
    }
}
