package io.newswatch.poller.it;

import io.newswatch.contract.Article;
import io.newswatch.contract.Feed;
import io.newswatch.contract.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The poller end to end against the real broker: a feed served by a local site is registered over REST, polled,
 * its pages fetched and extracted, and its articles read back from the raw topic; polled again, nothing is
 * published twice; deleted, it is gone.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FeedPollingIT {

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    static FeedSite site;

    @BeforeAll
    static void serve() throws Exception {
        site = new FeedSite();
        site.put("/rss.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Harbour Gazette</title><link>${base}/</link><description>Local news</description>
                  <item>
                    <title>Port of Bar opens a second ferry terminal</title>
                    <link>${base}/news/ferry-terminal.html?utm_source=rss&amp;utm_medium=feed</link>
                    <guid>harbour-1001</guid>
                    <pubDate>Tue, 03 Mar 2020 09:15:00 GMT</pubDate>
                    <description>The new terminal doubles capacity for summer crossings.</description>
                  </item>
                  <item>
                    <title>Coastal road closed for resurfacing</title>
                    <link>${base}/news/coastal-road.html</link>
                    <guid>harbour-1002</guid>
                    <pubDate>Tue, 03 Mar 2020 11:40:00 GMT</pubDate>
                    <description>Works between Budva and Petrovac last two weeks.</description>
                  </item>
                </channel></rss>
                """);
        site.put("/news/ferry-terminal.html", page("Port of Bar opens a second ferry terminal",
                "The port authority opened a second passenger terminal on Tuesday, doubling the number of ferries "
                        + "that can dock at once during the summer season.",
                "Officials said the terminal, built over three years, will also handle cargo in the winter months "
                        + "when passenger traffic falls."));
        site.put("/news/coastal-road.html", page("Coastal road closed for resurfacing",
                "The coastal road between Budva and Petrovac closed on Tuesday morning for two weeks of "
                        + "resurfacing works, the roads directorate said.",
                "Drivers are asked to use the inland route through Cetinje, which adds about forty minutes."));
    }

    static String page(String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<p>").append(paragraph).append("</p>");
        }
        return "<!doctype html><html lang=\"en\"><head><title>" + title + " | Harbour Gazette</title></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a> <a href=\"/weather\">Weather</a></nav>"
                + "<article><h1>" + title + "</h1>" + body
                + "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>"
                + "</article><aside><h3>Most read</h3><ul><li><a href=\"/x\">Festival tickets on sale</a></li></ul>"
                + "</aside><footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>";
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void registersPollsPublishesOnceAndDeletes() {
        String feedUrl = site.base() + "/rss.xml";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("url", feedUrl, "name", "Harbour Gazette", "pollInterval", "PT1S", "language", "en",
                        "tags", List.of("balkans", "local")))
                .post("/feeds")
                .then().statusCode(201)
                .body("url", equalTo(feedUrl))
                .body("fullText", equalTo(true))
                .body("pollInterval", equalTo("PT1S"))
                .extract().path("id");
        assertThat(id).isEqualTo(Ids.feed(feedUrl));

        String ferryUrl = site.base() + "/news/ferry-terminal.html";
        try (TopicReader raw = new TopicReader(stack.kafkaBootstrapServers(), stack.topics().articlesRaw())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ofFeed(raw, id).size() >= 2);
            Map<String, Article> articles = ofFeed(raw, id).stream()
                    .collect(Collectors.toMap(Article::id, a -> a, (a, b) -> b));
            assertThat(articles).containsOnlyKeys(Ids.article(ferryUrl),
                    Ids.article(site.base() + "/news/coastal-road.html"));

            Article ferry = articles.get(Ids.article(ferryUrl));
            assertThat(ferry.url()).isEqualTo(ferryUrl);
            assertThat(ferry.title()).isEqualTo("Port of Bar opens a second ferry terminal");
            assertThat(ferry.summary()).isEqualTo("The new terminal doubles capacity for summer crossings.");
            assertThat(ferry.body()).startsWith("The port authority opened a second passenger terminal")
                    .contains("\n\nOfficials said the terminal")
                    .doesNotContain("Share on", "Most read", "newsletter", "Weather");
            assertThat(ferry.language()).isEqualTo("en");
            assertThat(ferry.published()).isEqualTo("2020-03-03T09:15:00Z");
            assertThat(ferry.publishedEstimated()).isFalse();
            assertThat(ferry.revision()).isEqualTo(1);
            assertThat(ferry.source().name()).isEqualTo("Harbour Gazette");
            assertThat(ferry.source().domain()).isEqualTo("127.0.0.1");
            assertThat(ferry.source().feedId()).isEqualTo(id);
            assertThat(ferry.source().tags()).containsExactly("balkans", "local");

            // polled again (conditional GET answered 304), nothing is published twice
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/feeds/" + id).then()
                    .statusCode(200)
                    .body("status.httpStatus", equalTo(304))
                    .body("status.itemsPublished", equalTo(2))
                    .body("status.conditionalGet", equalTo("etag"))
                    .body("status.nextPoll", notNullValue()));
            assertThat(site.requests()).anyMatch(r -> r.path().equals("/rss.xml") && r.ifNoneMatch() != null);
            assertThat(site.requests()).allMatch(r -> r.userAgent().startsWith("newswatch-feed-poller/"));
            assertThat(ofFeed(raw, id)).hasSize(2);
        }

        given().get("/feeds").then().statusCode(200).body("find { it.id == '" + id + "' }.name",
                equalTo("Harbour Gazette"));
        given().delete("/feeds/" + id).then().statusCode(204);
        given().get("/feeds/" + id).then().statusCode(404);
        given().delete("/feeds/" + id).then().statusCode(404);
    }

    /** The articles of one feed in the raw topic (the tests of this class share the topic). */
    private static List<Article> ofFeed(TopicReader raw, String feedId) {
        return raw.records().stream().map(r -> Json.decode(r.value(), Article.class))
                .filter(a -> a.source().feedId().equals(feedId)).toList();
    }

    @Test
    void aPermanentRedirectMovesTheRegistration() {
        site.put("/moved/new.xml", """
                <rss version="2.0"><channel><title>Moved Desk</title><link>${base}/</link><description>d</description>
                <item><title>Desk moves to a new address</title><link>${base}/moved/story.html</link>
                <guid>moved-1</guid><pubDate>Wed, 04 Mar 2020 10:00:00 GMT</pubDate></item></channel></rss>
                """);
        site.redirect("/moved/old.xml", 301, "/moved/new.xml");
        String oldUrl = site.base() + "/moved/old.xml";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("url", oldUrl, "pollInterval", "PT1S", "fullText", false))
                .post("/feeds").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/feeds/" + id).then()
                .body("url", equalTo(site.base() + "/moved/new.xml"))
                .body("status.movedFrom", equalTo(oldUrl))
                .body("status.itemsPublished", equalTo(1)));
        // the registry topic has the new URL: what a restarted or another instance reads
        try (TopicReader feeds = new TopicReader(stack.kafkaBootstrapServers(), stack.topics().feeds())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> feeds.records().stream().anyMatch(r -> r.key().equals(id)
                    && r.value() != null && Json.decode(r.value(), Feed.class).url().endsWith("/moved/new.xml")));
        }
        given().delete("/feeds/" + id).then().statusCode(204);
    }

    @Test
    void readsShowNoCredentialsOrTokensOfFeedUrls() {
        String hostAndPort = site.base().substring("http://".length());
        String secretUrl = "http://reader:pw@" + hostAndPort + "/private.xml?token=abc&page=2";
        String shown = "http://***@" + hostAndPort + "/private.xml?token=***&page=2";
        String id = given().contentType(ContentType.JSON).body(Map.of("url", secretUrl, "id", "secret-feed"))
                .post("/feeds").then().statusCode(201).body("url", equalTo(shown)).extract().path("id");
        given().get("/feeds/" + id).then().statusCode(200).body("url", equalTo(shown));
        assertThat(given().get("/feeds").then().statusCode(200).extract().asString()).doesNotContain("pw@", "abc");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/feeds/" + id).then()
                .body("status.errorKind", equalTo("HTTP"))
                .body("status.error", equalTo("HTTP 404 from " + site.base() + "/private.xml?token=***&page=2")));
        given().delete("/feeds/" + id).then().statusCode(204);
    }

    @Test
    void aBadRegistrationInTheTopicGoesToTheDeadLetterTopicAndPollingGoesOn() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(stack.topics().feeds(), "broken-feed", "{\"url\": 42, \"id\": ")).get();
        }
        try (TopicReader dlq = new TopicReader(stack.kafkaBootstrapServers(), stack.topics().deadLetters())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.records().stream()
                    .anyMatch(r -> "broken-feed".equals(r.key())));
            ConsumerRecord<String, String> dead = dlq.records().stream().filter(r -> "broken-feed".equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value()))
                    .startsWith("not a valid record of " + stack.topics().feeds());
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.CAUSE).value()))
                    .startsWith("not a valid Feed");
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.TOPIC).value()))
                    .isEqualTo(stack.topics().feeds());
        }
        given().get("/feeds/broken-feed").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsSayHowThePollerIsDoing() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'feed-registry' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'poll-scheduler' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newswatch_poller_feeds{"))
                .body(org.hamcrest.Matchers.containsString("newswatch_poller_poll_lag_seconds"));
    }

    @Test
    void refusesBadRegistrationsWithTheFieldAtFault() {
        given().contentType(ContentType.JSON).body(Map.of("name", "no url")).post("/feeds")
                .then().statusCode(400).body("field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/feed")).post("/feeds")
                .then().statusCode(400).body("field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/rss", "pollInterval", "5 minutes"))
                .post("/feeds").then().statusCode(400).body("field", equalTo("pollInterval"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.org/rss", "language", "English!"))
                .post("/feeds").then().statusCode(400).body("field", equalTo("language"));
    }
}
