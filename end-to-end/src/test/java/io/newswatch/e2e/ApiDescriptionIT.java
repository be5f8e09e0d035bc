package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newswatch.contract.Json;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service describes its API at {@code /q/openapi}, and the description is true: the packaged services run on
 * the local stack, and real answers of the listings ({@code GET /feeds}, {@code /rules}, {@code /alerts}), of single
 * resources and of {@code PUT /feeds/{id}} are validated against the response schemas their own description
 * documents. The listings page with {@code limit} and {@code cursor}, the next page named in a {@code Link} header.
 */
class ApiDescriptionIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

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
                """.formatted(site.feedUrl()));
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
    void everyServiceDescribesItsApiAndTheAnswersMatchTheDescription() throws Exception {
        pipeline.start();
        TestWireStories.ALL.stream().filter(TestWireStories.Story::mentionsMontenegro).limit(2)
                .forEach(story -> site.publish(story.slug(), story.title(), story.body()));
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
        String feedId = Json.mapper().readTree(feeds.body()).path(0).path("id").asText();
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
