package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's Chromium through Selenium) against the packaged services on the local
 * Kafka and Elasticsearch: live alerts arrive without a reload, a facet narrows a search, a rule made in the page
 * is previewed, saved and alerts on the next matching article, a feed added in the page is polled and shows its
 * status, a broken rule is marked with the alerter's reason, and without a key nothing changes and no page shows a
 * secret. A failing test leaves a screenshot in {@code target/screenshots/}.
 */
class ConsoleIT {

    private static final Duration PIPELINE = Duration.ofSeconds(120);
    private static final String CHANNEL_SECRET = "ChannelToken" + UUID.randomUUID().toString().substring(0, 8);
    private static final String FEED_SECRET = "FeedPassword" + UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    static Path files;

    private static TestWire wire;
    private static Infrastructure infrastructure;
    private static GrowingFeedServer site;
    private static GrowingFeedServer lakeSite;
    private static Pipeline pipeline;
    private static Search search;
    private static String apiKey;
    private static String console;

    @BeforeAll
    static void start() throws IOException {
        wire = TestWire.open(LocalInfrastructure.reserve());
        infrastructure = wire.infrastructure();
        site = wire.site();
        search = new Search(infrastructure.setup());
        lakeSite = new GrowingFeedServer();
        lakeSite.publish("skadar-birds", "Pelicans return to Lake Skadar",
                "Dalmatian pelicans returned to Lake Skadar this spring in the largest numbers for a decade.");
        apiKey = "console-it-" + UUID.randomUUID();
        TestWireStories.ALL.subList(0, 8).forEach(story -> site.publish(story.slug(), story.title(), story.body()));
        pipeline = wire.pipeline(files, """
                feeds:
                  - url: %s
                    name: Test Wire
                    pollInterval: PT1S
                    fullText: true
                    language: en
                """.formatted(site.feedUrl()), """
                rules:
                  - id: montenegro
                    name: Montenegro
                    query: Montenegro
                    channels: [log]
                """, List.of(NewswatchService.values()), Map.of(
                NewswatchService.FEED_POLLER, Map.of("NEWSWATCH_API_KEY", apiKey),
                NewswatchService.ALERTER, Map.of("NEWSWATCH_API_KEY", apiKey))).start();
        console = pipeline.url(NewswatchService.CONSOLE);
        await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).until(() ->
                search.count(infrastructure.indices().articles(), "*") == 8);
    }

    @AfterAll
    static void stop() {
        try {
            if (lakeSite != null) {
                lakeSite.close();
            }
        } finally {
            if (wire != null) {
                wire.close();
            }
        }
    }

    @BeforeEach
    void signedOut() {
        BROWSER.open(console + "/signin");
        BROWSER.driver().manage().deleteAllCookies();
        BROWSER.resize(1280, 1000);
    }

    @Test
    void anAlertRaisedWhileTheAlertsPageIsOpenAppearsWithoutAReload() {
        BROWSER.open(console + "/");
        BROWSER.await(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector("#live[data-connected='true']")));
        BROWSER.script("window.stillTheSamePage = true;");
        String title = "Montenegro opens its first undersea research station " + UUID.randomUUID().toString()
                .substring(0, 6);
        site.publish("research-station", title, "Scientists in Montenegro opened a research station under the sea "
                + "off the coast near Bar on Friday.");

        WebElement alert = BROWSER.await(PIPELINE, d -> d.findElements(By.cssSelector("#alerts li.alert")).stream()
                .filter(item -> item.getText().contains(title)).findFirst().orElse(null));
        assertThat(BROWSER.script("return window.stillTheSamePage === true;")).isEqualTo(true);
        assertThat(alert.getAttribute("class")).contains("unread");
        assertThat(alert.findElement(By.cssSelector(".rule-chip")).getText()).isEqualTo("Montenegro");
        assertThat(alert.findElement(By.cssSelector(".snippet em")).getText()).isEqualTo("Montenegro");
        assertThat(BROWSER.driver().getTitle()).matches("\\(\\d+\\) Alerts · newswatch");
        BROWSER.screenshot("alerts-live");

        BROWSER.find(By.id("mark-read")).click();
        assertThat(BROWSER.driver().getTitle()).isEqualTo("Alerts · newswatch");
        assertThat(alert.getAttribute("class")).doesNotContain("unread");
    }

    @Test
    void anArticleNotYetIndexedIsLookedForUntilItIsAndShownAtOnceWhenWritten() throws IOException {
        // An alert can arrive before its article is in the index: the page says so and looks again by itself.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String slug = "night-ferry-" + suffix;
        String title = "A night ferry links Bar and Bari again " + suffix;
        BROWSER.open(console + "/articles/" + site.articleId(slug));
        assertThat(BROWSER.find(By.id("pending")).getText()).contains("not in the index yet");
        BROWSER.screenshot("article-pending");
        site.publish(slug, title, "The night ferry between Bar and Bari sailed again on Saturday after two years, "
                + "its operator said, with 300 passengers on board.");
        BROWSER.await(Duration.ofSeconds(60), d -> d.findElement(By.cssSelector("article h1")).getText()
                .equals(title) ? Boolean.TRUE : null);

        // An article is read in real time: shown as soon as it is written, before the index's next refresh.
        String id = "written-" + suffix;
        String written = "Harbour cranes arrive in Kotor " + suffix;
        String at = Instant.now().toString();
        ElasticsearchSchema.Response put = infrastructure.setup().send("PUT", "/" + infrastructure.indices()
                .articles() + "/_doc/" + id + "?refresh=false", """
                {"id": "%s", "title": "%s", "body": "Two harbour cranes arrived by sea.", "language": "en",
                 "fetched": "%s", "published": "%s", "source": {"name": "Test Wire", "domain": "wire.test"},
                 "story": {"id": "story-%s", "articles": 1, "outlets": 1, "first_seen": "%s"}}"""
                .formatted(id, written, at, at, id, at));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        BROWSER.open(console + "/articles/" + id);
        assertThat(BROWSER.all(By.id("pending"))).as("found before the refresh").isEmpty();
        assertThat(BROWSER.find(By.cssSelector("article h1")).getText()).isEqualTo(written);
    }

    @Test
    void aFacetNarrowsASearchToExactlyTheArticlesItCounts() {
        BROWSER.open(console + "/search");
        int everything = total();
        WebElement montenegro = BROWSER.all(By.cssSelector(".facets a[data-facet='location']")).stream()
                .filter(link -> link.findElement(By.className("value")).getText().equals("Montenegro")).findFirst()
                .orElseThrow(() -> new AssertionError("no location facet Montenegro on " + BROWSER.driver()
                        .getPageSource()));
        int counted = Integer.parseInt(montenegro.findElement(By.className("count")).getText().trim());
        assertThat(counted).isBetween(1, everything - 1);

        montenegro.click();
        BROWSER.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("location"));
        assertThat(BROWSER.find(By.id("q")).getAttribute("value")).isEqualTo("location:Montenegro");
        assertThat(total()).isEqualTo(counted);
        assertThat(BROWSER.all(By.cssSelector("#hits li.hit"))).hasSize(counted);
        BROWSER.screenshot("search-facet");

        // the query can be typed further, in the rule language
        WebElement box = BROWSER.find(By.id("q"));
        box.sendKeys(" AND Kotor", Keys.ENTER);
        BROWSER.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("Kotor"));
        assertThat(total()).isEqualTo(1);
        assertThat(BROWSER.find(By.cssSelector("#hits .snippet em")).getText()).isEqualTo("Kotor");
    }

    @Test
    void aRuleCreatedInThePageIsPreviewedSavedAndAlertsOnTheNextMatchingArticle() {
        signIn("/rules/new");
        BROWSER.find(By.id("name")).sendKeys("Podgorica and Skadar");
        BROWSER.find(By.id("query")).sendKeys("Podgorica OR Skadar");
        WebElement matched = BROWSER.await(Duration.ofSeconds(30), d -> d.findElement(
                By.cssSelector("#preview strong[data-count='matched']")));
        assertThat(Integer.parseInt(matched.getText())).isPositive(); // the Podgorica story published at start
        assertThat(BROWSER.find(By.cssSelector("#preview .preview-hits")).getText())
                .contains("Parliament in Podgorica backs defence reform");
        BROWSER.screenshot("rule-preview");

        BROWSER.find(By.cssSelector("#rule-form button[type='submit']")).click();
        WebElement row = BROWSER.await(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector("table.rules tr"))
                .stream().filter(r -> r.getText().contains("Podgorica and Skadar")).findFirst().orElse(null));
        assertThat(BROWSER.find(By.cssSelector(".notice.ok")).getText()).contains("Saved the rule");
        String ruleId = row.getAttribute("data-rule-id");

        String title = "Fishermen on Lake Skadar report a record carp catch " + UUID.randomUUID().toString()
                .substring(0, 6);
        site.publish("skadar-carp", title, "Fishermen on Lake Skadar landed the largest carp catch in years.");
        BROWSER.open(console + "/?rule=" + ruleId);
        BROWSER.await(PIPELINE, d -> {
            if (d.findElements(By.cssSelector("#alerts li.alert")).stream().noneMatch(a -> a.getText().contains(title))) {
                return null;
            }
            return true;
        });
        // its preview now counts the new article too, and editing shows what an edit gains and loses
        BROWSER.open(console + "/rules/" + ruleId + "/edit");
        WebElement query = BROWSER.find(By.id("query"));
        query.sendKeys(Keys.END, " OR Kotor");
        BROWSER.await(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector("#preview strong[data-count='gained']")));
        assertThat(BROWSER.find(By.cssSelector("#preview strong[data-count='gained']")).getText()).isEqualTo("1");
        assertThat(BROWSER.find(By.cssSelector("#preview strong[data-count='lost']")).getText()).isEqualTo("0");
    }

    @Test
    void aFeedAddedInThePageIsPolledAndShowsItsStatus() {
        signIn("/feeds");
        BROWSER.find(By.id("url")).sendKeys(lakeSite.feedUrl());
        BROWSER.find(By.id("name")).sendKeys("Lake Wire");
        BROWSER.find(By.cssSelector(".feed-form button[type='submit']")).click();
        assertThat(BROWSER.find(By.cssSelector(".notice.ok")).getText()).contains("Added the feed Lake Wire");
        WebElement lake = BROWSER.await(PIPELINE, d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("li.feed.ok")).stream()
                    .filter(feed -> feed.getText().contains("Lake Wire")).findFirst().orElse(null);
        });
        assertThat(lake.findElement(By.cssSelector(".http-status")).getText()).isEqualTo("200");
        BROWSER.screenshot("feeds-added");
        await().atMost(PIPELINE).until(() -> search.count(infrastructure.indices().articles(), "Pelicans") == 1);
    }

    @Test
    void withoutAKeyNothingChangesAndNoPageShowsASecret() throws Exception {
        // A rule that notifies a webhook with a token in its URL, a feed with a password in its URL.
        Http.Answer rule = Http.send("POST", pipeline.url(NewswatchService.ALERTER) + "/rules", """
                {"id": "secret-hook", "name": "Secret hook", "query": "Montenegro AND submarine",
                 "channels": ["webhook:https://hooks.example.org/services/T1/B2/%s"]}""".formatted(CHANNEL_SECRET),
                Map.of("X-Api-Key", apiKey));
        assertThat(rule.status()).isEqualTo(201);
        String securedFeed = lakeSite.base().replace("http://", "http://reader:" + FEED_SECRET + "@") + "/private.xml";
        Http.Answer feed = Http.send("POST", pipeline.url(NewswatchService.FEED_POLLER) + "/feeds",
                "{\"url\": \"" + securedFeed + "\", \"name\": \"Private Wire\"}", Map.of("X-Api-Key", apiKey));
        assertThat(feed.status()).as("the poller registers a feed with credentials").isIn(200, 201);

        // Signed out: no page offers a change, and none shows a secret.
        for (String page : List.of("/", "/rules", "/feeds", "/search?q=Montenegro", "/stories",
                "/articles/" + site.articleId(TestWireStories.ALL.getFirst().slug()))) {
            BROWSER.open(console + page);
            assertThat(BROWSER.driver().getPageSource()).as(page).doesNotContain(CHANNEL_SECRET)
                    .doesNotContain(FEED_SECRET).doesNotContain(apiKey);
        }
        BROWSER.open(console + "/rules");
        assertThat(BROWSER.all(By.linkText("New rule"))).isEmpty();
        assertThat(BROWSER.all(By.cssSelector("form[action$='/delete']"))).isEmpty();
        BROWSER.open(console + "/feeds");
        assertThat(BROWSER.all(By.cssSelector(".feed-form"))).isEmpty();
        BROWSER.open(console + "/rules/new");
        assertThat(BROWSER.driver().getCurrentUrl()).contains("/signin");

        // Changing requests without a key, with a valid CSRF token: refused by the console, nothing changes.
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(console + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfCookie = form.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("newswatch-csrf="))
                .findFirst().orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String csrf = "csrf-token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        for (String[] change : List.of(new String[]{"/rules/montenegro/delete", ""},
                new String[]{"/rules", "&name=Sneaky&query=Montenegro&channels=log&enabled=on"},
                new String[]{"/feeds", "&url=" + URLEncoder.encode(lakeSite.feedUrl() + "?x", StandardCharsets.UTF_8)},
                new String[]{"/feeds/" + feed.body().path("id").asText() + "/delete", ""})) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(console + change[0]))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrfCookie)
                    .POST(HttpRequest.BodyPublishers.ofString(csrf + change[1])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(change[0]).isEqualTo(401);
        }
        // and a changing request without the CSRF token is refused even with a key
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(console + "/rules/montenegro/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        JsonNode rules = Http.get(pipeline.url(NewswatchService.ALERTER) + "/rules").body();
        assertThat(rules.findValuesAsText("id")).contains("montenegro").doesNotContain("Sneaky");
        assertThat(rules.findValuesAsText("name")).doesNotContain("Sneaky");
        JsonNode feeds = Http.get(pipeline.url(NewswatchService.FEED_POLLER) + "/feeds").body();
        assertThat(feeds.findValuesAsText("name")).contains("Private Wire");

        // A wrong key does not sign in; the right one does, and still no page shows a secret or the key.
        BROWSER.open(console + "/signin");
        BROWSER.find(By.id("key")).sendKeys("not-the-key", Keys.ENTER);
        assertThat(BROWSER.find(By.id("signin-error")).getText()).contains("refused");
        signIn("/rules");
        for (String page : List.of("/rules", "/feeds", "/rules/secret-hook/edit", "/rules/new")) {
            BROWSER.open(console + page);
            assertThat(BROWSER.driver().getPageSource()).as(page).doesNotContain(CHANNEL_SECRET)
                    .doesNotContain(FEED_SECRET).doesNotContain(apiKey);
        }
        assertThat(BROWSER.driver().manage().getCookieNamed("newswatch-key").isHttpOnly()).isTrue();
        assertThat(BROWSER.driver().manage().getCookieNamed("newswatch-key").getSameSite()).isEqualTo("Strict");
    }

    @Test
    void aBrokenRuleIsMarkedWithTheAlertersReason() {
        // A rule the API would refuse (1,200 clauses, more than Lucene runs), written to the rules topic around the
        // API as an older version or another writer could: the alerter keeps it, marks it broken and says why.
        StringBuilder bomb = new StringBuilder("(the");
        for (int i = 0; i < 599; i++) {
            bomb.append(" OR w").append(i);
        }
        bomb.append(") AND (of");
        for (int i = 0; i < 599; i++) {
            bomb.append(" OR v").append(i);
        }
        bomb.append(')');
        Rule rule = new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "clause-bomb", Instant.now(), "Clause bomb",
                bomb.toString(), List.of("log"), true, null, List.of(), Rule.Scope.STORY, null, Rule.Mode.INSTANT,
                null, null);
        new Kafka(infrastructure.kafkaBootstrapServers()).send(infrastructure.topics().rules(),
                Kafka.partitionOf(rule.id(), Infrastructure.PARTITIONS), rule.id(), Json.encode(rule));

        // (the alerter lists a rule as it reads it, and marks it once its query is compiled: a moment later)
        WebElement row = BROWSER.await(PIPELINE, d -> {
            d.get(console + "/rules");
            return d.findElements(By.cssSelector("tr.broken[data-rule-id='clause-bomb']")).stream().findFirst()
                    .orElse(null);
        });
        assertThat(row.findElement(By.cssSelector(".badge.broken")).getText()).isEqualToIgnoringCase("broken");
        assertThat(row.findElement(By.cssSelector(".problem")).getText()).contains("1200 clauses");
        assertThat(row.findElement(By.tagName("code")).getText()).endsWith("…").hasSizeLessThan(300);
        // every other rule is shown as matching
        assertThat(BROWSER.all(By.cssSelector("tr[data-rule-id='montenegro'] .badge.broken"))).isEmpty();
        BROWSER.screenshot("rules-broken");
    }

    /** Signs in through the form, then opens {@code next}. */
    private static void signIn(String next) {
        BROWSER.open(console + "/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        BROWSER.find(By.id("key")).sendKeys(apiKey, Keys.ENTER);
        BROWSER.await(Duration.ofSeconds(20), d -> !d.getCurrentUrl().contains("/signin"));
        assertThat(BROWSER.find(By.className("signed-in")).getText()).isEqualTo("Signed in");
    }

    /** The number of articles the search page says it found. */
    private static int total() {
        String text = BROWSER.find(By.cssSelector(".total")).getText();
        Matcher number = Pattern.compile("([\\d,]+) articles?").matcher(text);
        assertThat(number.find()).as(text).isTrue();
        return Integer.parseInt(number.group(1).replace(",", ""));
    }
}
