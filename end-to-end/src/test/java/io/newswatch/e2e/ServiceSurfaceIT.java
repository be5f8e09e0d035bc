package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.KafkaSasl;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.Ports;
import io.newswatch.stack.StackHome;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The five packaged services (the pipeline and the console) on the local stack, given the broker's SASL/PLAIN
 * listener and nothing else, started once for three checks (one start instead of three saves CI one to two
 * minutes):
 *
 * <ul>
 * <li>The README's promise that the {@code KAFKA_*} client settings reach every Kafka client: with
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and {@code KAFKA_SASL_JAAS_CONFIG}, an article goes
 * from a feed registered through the poller's API, past a rule written through the alerter's API, to an indexed
 * document, an alert the webhook receives and the console's live reader sees. A client that ignored the settings
 * (the poller's feed registry and state tables, its producers or its ownership, the enricher's story restore, the
 * alerter's rule, alert and state tables, its rule producer or its delivery ownership, the console's alert reader, a
 * channel) would speak plaintext to a listener that wants SASL, and its service would never be ready, never answer
 * the write, or never deliver.</li>
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
 *
 * <p>The SASL check runs first: it counts the alerts of the one story published so far; the API check then
 * publishes a second story, for a second page of alerts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceSurfaceIT {

    /** HTTP/1.1: the JDK client's h2c upgrade once read a large /q/metrics answer as HTTP/2 frames (a CI failure). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

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

    private static TestWire wire;
    private static LocalInfrastructure infrastructure;
    private static KafkaSasl sasl;
    private static GrowingFeedServer site;
    private static WebhookRecorder webhook;
    private static Pipeline pipeline;
    private static long readyAfterMillis;
    private static long readyNanos;
    private static final AtomicBoolean SECOND_STORY = new AtomicBoolean();

    @BeforeAll
    static void start() throws IOException {
        infrastructure = LocalInfrastructure.reserve();
        wire = TestWire.open(infrastructure);
        sasl = infrastructure.test().stack().kafkaSasl();
        site = wire.site();
        webhook = wire.webhook();
        Map<NewswatchService, Map<String, String>> saslOnly = new EnumMap<>(NewswatchService.class);
        for (NewswatchService service : NewswatchService.values()) {
            saslOnly.put(service, sasl.environment());
        }
        // the test wire is registered and the Montenegro rule written through the APIs below, over SASL
        pipeline = wire.pipeline(files, """
                feeds:
                  - url: http://localhost:%d/gone.xml
                    name: A feed whose server is gone
                    pollInterval: PT1S
                """.formatted(Ports.free(1).getFirst()), """
                rules:
                  - {id: crimea, name: Crimea, query: Crimea, channels: ["%1$s"]}
                  - {id: syria, name: Syria, query: Syria, channels: ["%1$s"]}
                """.formatted(webhook.channel()), List.of(NewswatchService.values()), saslOnly);

        long started = System.nanoTime();
        pipeline.start();
        readyNanos = System.nanoTime();
        readyAfterMillis = (readyNanos - started) / 1_000_000;
        // the writes answer once Kafka has them (the rule: once the alerter has read it back)
        assertThat(Http.send("PUT", pipeline.url(NewswatchService.ALERTER) + "/rules/montenegro",
                "{\"name\": \"Montenegro\", \"query\": \"Montenegro\", \"channels\": [\"%s\"]}"
                        .formatted(webhook.channel())).status()).isEqualTo(201);
        TestWireStories.Story story = firstStory();
        site.publish(story.slug(), story.title(), story.body());
        assertThat(Http.send("POST", pipeline.url(NewswatchService.FEED_POLLER) + "/feeds",
                "{\"url\": \"%s\", \"pollInterval\": \"PT1S\", \"language\": \"en\"}"
                        .formatted(site.feedUrl())).status()).isEqualTo(201);
        // a record that is not an event in every consumed topic, written by the test on the plain listener
        TopicNames topics = infrastructure.topics();
        Kafka kafka = new Kafka(infrastructure.kafkaBootstrapServers());
        for (String topic : List.of(topics.articlesRaw(), topics.articlesEnriched(), topics.alerts())) {
            kafka.send(topic, 0, "not-an-event", "this is not JSON");
        }
    }

    @AfterAll
    static void stop() {
        if (wire != null) {
            wire.close();
        }
    }

    /** The story published at the start: it mentions Montenegro and neither Crimea nor Syria, one alert. */
    private static TestWireStories.Story firstStory() {
        return TestWireStories.ALL.stream().filter(TestWireStories.Story::mentionsMontenegro).findFirst()
                .orElseThrow();
    }

    /** Publishes a second Montenegro story (once), for a second alert. */
    private static void publishSecondStory() {
        if (SECOND_STORY.compareAndSet(false, true)) {
            TestWireStories.Story story = TestWireStories.ALL.stream()
                    .filter(TestWireStories.Story::mentionsMontenegro).skip(1).findFirst().orElseThrow();
            site.publish(story.slug(), story.title(), story.body());
        }
    }

    @Test
    @Order(1)
    void everyServiceWorksThroughASaslListenerAlone() throws Exception {
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

        String url = site.articleUrl(firstStory().slug());
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
                readyAfterMillis, (System.nanoTime() - readyNanos) / 1_000_000);
    }

    @Test
    @Order(2)
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
    @Order(3)
    void everyServiceDescribesItsApiAndTheAnswersMatchTheDescription() throws Exception {
        publishSecondStory();
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

    /** Alerts the console's live reader has taken from Kafka, as its readiness check counts them. */
    private static long receivedByConsole() {
        JsonNode checks = Http.get(pipeline.url(NewswatchService.CONSOLE) + "/q/health/ready").body().path("checks");
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals("live-alerts")) {
                return check.path("data").path("received").asLong();
            }
        }
        return -1;
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
