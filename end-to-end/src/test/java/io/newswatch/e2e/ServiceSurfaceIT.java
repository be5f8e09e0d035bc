package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.Ports;
import io.newswatch.stack.StackHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five packaged services (the pipeline and the console) on the local stack, started once for two checks of
 * what they show the outside (one start instead of two saves CI about a minute):
 *
 * <ul>
 * <li>Every service describes its API at {@code /q/openapi}, and the description is true: real answers of the
 * listings ({@code GET /feeds}, {@code /rules}, {@code /alerts}), of single resources and of {@code PUT /feeds/{id}}
 * are validated against the response schemas their own description documents. The listings page with {@code limit}
 * and {@code cursor}, the next page named in a {@code Link} header.</li>
 * <li>Every metric the Grafana dashboard and the Prometheus alert rules use is one the services really export on
 * {@code /q/metrics}, with the label values they select (as {@code KibanaSavedObjectsTest} checks the Kibana objects
 * against the mappings). The services get the traffic that makes the metrics that only appear with it appear:
 * articles that raise an alert delivered to a webhook, a feed that fails, and a record that is not an event in
 * every topic they consume (dead letters). A metric that still cannot appear here is listed in {@link #NOT_HERE}
 * with the reason; such a metric that does appear fails the test, so the list stays true.</li>
 * </ul>
 */
class ServiceSurfaceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** Labels Prometheus adds to every series it scrapes; the services do not export them. */
    private static final Set<String> PROMETHEUS_LABELS = Set.of("job", "instance");

    /** Series Prometheus makes itself for each target. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    /** Metrics used on purpose that this test cannot make the services export, and why. */
    private static final Map<String, String> NOT_HERE = Map.of(
            "newswatch_indexer_retries_total", "appears with the first transient Elasticsearch failure; "
                    + "ElasticsearchAwayIT and ElasticsearchStoppedIT make and check it");

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? \\S+$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    static Path files;

    private static Infrastructure infrastructure;
    private static GrowingFeedServer site;
    private static WebhookRecorder webhook;
    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws IOException {
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
                  - {id: montenegro, name: Montenegro, query: Montenegro, channels: ["%1$s"]}
                  - {id: crimea, name: Crimea, query: Crimea, channels: ["%1$s"]}
                  - {id: syria, name: Syria, query: Syria, channels: ["%1$s"]}
                """.formatted(webhook.channel()));
        pipeline = new Pipeline(infrastructure, Map.of(
                NewswatchService.FEED_POLLER, Map.of("NEWSWATCH_FEEDS_FILE", feeds.toString(),
                        "NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S"),
                NewswatchService.ALERTER, Map.of("NEWSWATCH_RULES_FILE", rules.toString())), 1,
                List.of(NewswatchService.values()));
        pipeline.start();
        TestWireStories.ALL.stream().filter(TestWireStories.Story::mentionsMontenegro).limit(2)
                .forEach(story -> site.publish(story.slug(), story.title(), story.body()));
        TopicNames topics = infrastructure.topics();
        Kafka kafka = new Kafka(infrastructure.kafkaBootstrapServers());
        for (String topic : List.of(topics.articlesRaw(), topics.articlesEnriched(), topics.alerts())) {
            kafka.send(topic, 0, "not-an-event", "this is not JSON");
        }
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        site.close();
        webhook.close();
        infrastructure.close();
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertRulesIsExported() throws Exception {
        TopicNames topics = infrastructure.topics();
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

    @Test
    void everyServiceDescribesItsApiAndTheAnswersMatchTheDescription() throws Exception {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !webhook.deliveries().isEmpty());

        for (NewswatchService service : NewswatchService.values()) {
            JsonNode description = description(pipeline.url(service));
            assertThat(description.path("info").path("title").asText()).as(service.id())
                    .isEqualTo("newswatch " + service.id());
        }

        String alerter = pipeline.url(NewswatchService.ALERTER);
        JsonNode alerterApi = description(alerter);
        // the rules, two per page: two pages, nothing twice, nothing lost
        HttpResponse<String> first = get(alerter + "/rules?limit=2");
        valid(alerterApi, "/rules", "get", first);
        Matcher next = NEXT.matcher(first.headers().firstValue("Link").orElse(""));
        assertThat(next.find()).as("Link: rel=next on a first page of two of three").isTrue();
        HttpResponse<String> second = get(next.group(1));
        valid(alerterApi, "/rules", "get", second);
        assertThat(second.headers().firstValue("Link")).isEmpty();
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(first.body()).forEach(rule -> ids.add(rule.path("id").asText()));
        Json.mapper().readTree(second.body()).forEach(rule -> ids.add(rule.path("id").asText()));
        assertThat(ids).containsExactly("crimea", "montenegro", "syria");
        assertThat(get(alerter + "/rules?cursor=not!a!cursor").statusCode()).isEqualTo(400);
        assertThat(get(alerter + "/rules?limit=0").statusCode()).isEqualTo(400);
        valid(alerterApi, "/rules/{id}", "get", get(alerter + "/rules/montenegro"));

        HttpResponse<String> alerts = get(alerter + "/alerts?limit=1");
        valid(alerterApi, "/alerts", "get", alerts);
        assertThat(Json.mapper().readTree(alerts.body())).hasSize(1);
        await().atMost(Duration.ofMinutes(1)).until(() -> get(alerter + "/alerts?limit=1").headers()
                .firstValue("Link").isPresent());
        Matcher older = NEXT.matcher(get(alerter + "/alerts?limit=1").headers().firstValue("Link").orElseThrow());
        assertThat(older.find()).isTrue();
        HttpResponse<String> olderPage = get(older.group(1));
        valid(alerterApi, "/alerts", "get", olderPage);
        assertThat(Json.mapper().readTree(olderPage.body()).path(0).path("id").asText())
                .isNotEqualTo(Json.mapper().readTree(get(alerter + "/alerts?limit=1").body()).path(0).path("id").asText());

        String poller = pipeline.url(NewswatchService.FEED_POLLER);
        JsonNode pollerApi = description(poller);
        HttpResponse<String> feeds = get(poller + "/feeds");
        valid(pollerApi, "/feeds", "get", feeds);
        String feedId = null;
        for (JsonNode feed : Json.mapper().readTree(feeds.body())) {
            if (feed.path("url").asText().equals(site.feedUrl())) {
                feedId = feed.path("id").asText();
            }
        }
        assertThat(feedId).as("the test wire among " + feeds.body()).isNotNull();
        HttpResponse<String> edited = HTTP.send(HttpRequest.newBuilder(URI.create(poller + "/feeds/" + feedId))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"url\": \"" + site.feedUrl() + "\", \"name\": \"Test Wire, renamed\", \"pollInterval\": \"PT1S\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        valid(pollerApi, "/feeds/{id}", "put", edited);
        assertThat(Json.mapper().readTree(get(poller + "/feeds/" + feedId).body()).path("name").asText())
                .isEqualTo("Test Wire, renamed");
        HttpResponse<String> otherId = HTTP.send(HttpRequest.newBuilder(URI.create(poller + "/feeds/" + feedId))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"id\": \"another\", \"url\": \"" + site.feedUrl() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(otherId.statusCode()).isEqualTo(400);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(poller + "/feeds/no-such-feed"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"url\": \"" + site.feedUrl() + "\"}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
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

    /** The service's OpenAPI description, as JSON. */
    private static JsonNode description(String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(serviceUrl + "/q/openapi?format=json");
        assertThat(answer.statusCode()).as(serviceUrl + "/q/openapi").isEqualTo(200);
        JsonNode description = Json.mapper().readTree(answer.body());
        assertThat(description.path("openapi").asText()).startsWith("3.");
        return description;
    }

    /** The answer is a 200 whose body the description's schema for that operation's 200 accepts. */
    private static void valid(JsonNode description, String path, String method, HttpResponse<String> answer)
            throws IOException {
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
        JsonNode documented = description.path("paths").path(path).path(method).path("responses").path("200")
                .path("content").path("application/json").path("schema");
        assertThat(documented.toString()).as("a documented 200 schema of " + method + " " + path + " naming its type")
                .contains("#/components/schemas/");
        // the response schema, with the description's components beside it so that its $refs resolve
        ObjectNode schema = documented.deepCopy();
        schema.set("components", description.path("components"));
        JsonSchema validator = SCHEMAS.getSchema(schema);
        Set<ValidationMessage> problems = validator.validate(Json.mapper().readTree(answer.body()));
        assertThat(problems).as(method + " " + path + " answers as documented").isEmpty();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
