package io.newswatch.alerter.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.EntityType;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.LocalStackTestResource.InjectTestStack;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.newswatch.alerter.Articles.article;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Backtests over an article history in the test's own Elasticsearch index: for every query below, the backtest
 * finds exactly the fixture articles that live matching finds; an edited query is compared with the current one.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(AlerterTestResource.class)
class BacktestIT {

    /** Queries over every field and feature; each must give the same articles in a backtest as live. */
    private static final List<String> QUERIES = List.of(
            "Montenegro", "\"NATO-Russia Council\"", "Djukanovic", "Vucic", "OTAN", "sanction*", "\"Lavrov guarantees\"~5",
            "title:Montenegro", "body:Montenegro", "person:\"Milo Djukanovic\"", "person:Lavrov",
            "topic:enlargement AND location:Georgia", "organization:nato", "source:\"Balkan Wire\"",
            "Montenegro AND language:en", "Montenegro NOT football", "(Serbia OR Kosovo) AND dialogue",
            "Sarajevo OR (budget NOT football)", "Stoltenbreg~1", "entity:djukanovi*", "*grad", "Вучић",
            "\"Vucic Beogradu\"", "person:\"Sergei Lavrov\"", "person:Лавров", "entity:person/sergey-lavrov",
            "entity:\"person/sergey-lavrov\" AND language:ru");

    @InjectTestStack
    TestStack stack;

    private final List<EnrichedArticle> fixtures = new ArrayList<>();

    @BeforeEach
    void history() throws IOException {
        if (!fixtures.isEmpty()) {
            return;
        }
        fixtures.add(article().url("https://wire.example/1").title("Montenegro’s parliament backs the budget")
                .body("The vote came before a meeting of the NATO-Russia Council.").source("Balkan Wire",
                        "balkanwire.example").location("Montenegro").organization("NATO").story("s1", 1, 1).build());
        fixtures.add(article().url("https://wire.example/2").title("Đukanović meets envoys")
                .body("Milo Đukanović said reforms would continue.").person("Milo Đukanović", "Đukanović")
                .location("Montenegro").story("s2", 1, 1).build());
        fixtures.add(article().url("https://other.example/3").title("Council in Brussels")
                .body("The NATO Russia Council met for the first time in years. Lavrov asked for written guarantees.")
                .person("Sergey Lavrov", "Lavrov").organization("NATO").story("s3", 2, 1).build());
        fixtures.add(article().url("https://other.example/4").title("Football in Podgorica")
                .body("Montenegro beat Serbia at football. The football budget grew.").story("s4", 1, 1).build());
        fixtures.add(article().url("https://fr.example/5").title("Sommet").language("fr")
                .body("Les ministres de l’OTAN se réunissent à Bruxelles.").organization("OTAN").story("s5", 1, 1)
                .build());
        fixtures.add(article().url("https://wire.example/6").title("Tbilisi talks").topic("enlargement")
                .location("Georgia").body("Officials from Georgia discussed enlargement.").story("s6", 1, 1).build());
        fixtures.add(article().url("https://wire.example/7").title("Georgia Brown wins").person("Georgia Brown")
                .topic("enlargement").body("A singer won a prize.").story("s7", 1, 1).build());
        fixtures.add(article().url("https://wire.example/8").title("New sanctions on shipping")
                .body("Kosovo and Serbia resumed the dialogue. Stoltenberg spoke.").story("s8", 1, 1).build());
        fixtures.add(article().url("https://wire.example/9").title("Train to Beograd")
                .body("The train reached Beograd on time.").language("sr").story("s9", 1, 1).build());
        fixtures.add(article().url("https://wire.example/10").title("Budget day").body("Parliament passed the budget.")
                .story("s10", 1, 1).build());
        // an entity of the knowledge base, named in the text by a variant only: rules on any of its names find it
        fixtures.add(article().url("https://ru.example/12").title("Переговоры в Москве").language("ru")
                .body("Лавров провёл переговоры с делегацией.").known("person/sergey-lavrov", "Sergey Lavrov",
                        EntityType.PERSON, "Sergei Lavrov", "Лавров").story("s12", 1, 1).build());
        List<ObjectNode> documents = new ArrayList<>();
        fixtures.forEach(article -> documents.add(IndexedArticles.document(article, null)));
        EnrichedArticle cyrillic = article().url("https://rs.example/11").title("Вучић у Београду").language("sr")
                .body("Председник Вучић говорио је у Београду.").story("s11", 1, 1).build();
        fixtures.add(cyrillic);
        // the indexer transliterates Cyrillic into text_folded with the folding live matching uses
        documents.add(IndexedArticles.document(cyrillic, null));
        IndexedArticles.index(stack, documents);
    }

    @Test
    void aBacktestFindsExactlyWhatLiveMatchingFinds() throws InvalidQueryException {
        for (String query : QUERIES) {
            JsonPath result = admin().body(Map.of("query", query, "size", 100)).post("/rules/backtest").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(result.getBoolean("result.complete")).as(query).isTrue();
            assertThat(new HashSet<>(result.getList("result.hits.url", String.class))).as(query)
                    .isEqualTo(live(query));
            assertThat(result.getInt("result.matched")).as(query).isEqualTo(live(query).size());
        }
    }

    @Test
    void anEditedQueryIsComparedWithTheCurrentOne() {
        admin().body(Map.of("id", "bt-montenegro", "query", "Montenegro NOT football")).post("/rules").then()
                .statusCode(201);
        JsonPath plain = admin().body(Map.of()).post("/rules/bt-montenegro/backtest").then().statusCode(200)
                .body("ruleId", equalTo("bt-montenegro")).extract().jsonPath();
        assertThat(plain.getInt("result.matched")).isEqualTo(1);
        assertThat(plain.getInt("result.alerts")).isEqualTo(1);
        assertThat(plain.getList("result.hits.snippet", String.class)).anyMatch(s -> s.contains("<em>Montenegro"));

        JsonPath compared = admin().body(Map.of("query", "Montenegro OR Djukanovic")).post("/rules/bt-montenegro/backtest")
                .then().statusCode(200).extract().jsonPath();
        assertThat(compared.getInt("current.matched")).isEqualTo(1);
        assertThat(compared.getInt("edited.matched")).isEqualTo(3);
        assertThat(compared.getInt("both")).isEqualTo(1);
        assertThat(compared.getInt("gainedCount")).isEqualTo(2);
        assertThat(compared.getInt("lostCount")).isZero();
        assertThat(compared.getList("gained.url", String.class))
                .containsExactlyInAnyOrder("https://wire.example/2", "https://other.example/4");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        admin().body(Map.of("query", "Montenegro AND (")).post("/rules/backtest").then().statusCode(400)
                .body("field", equalTo("query")).body("position", equalTo(15));
        admin().body(Map.of("query", "x", "from", "yesterday")).post("/rules/backtest").then().statusCode(400)
                .body("field", equalTo("from")).body("error", containsString("ISO-8601"));
        admin().body(Map.of()).post("/rules/unknown-rule/backtest").then().statusCode(404);
    }

    @Test
    void aSearchFindsExactlyWhatLiveMatchingFindsWithoutAKey() throws InvalidQueryException {
        for (String query : QUERIES) {
            JsonPath result = given().queryParam("q", query).queryParam("size", 100).get("/search").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(new HashSet<>(result.getList("hits.url", String.class))).as(query).isEqualTo(live(query));
            assertThat(result.getString("next")).as(query).isNull();
            assertThat(result.getBoolean("total.exact")).as(query).isTrue();
            assertThat(result.getLong("total.value")).as(query).isEqualTo(live(query).size());
            assertThat(result.getBoolean("facetsExact")).as(query).isTrue();
        }
    }

    @Test
    void aSearchHighlightsAndCountsFacetsAndTimeOverTheMatchesOnly() {
        JsonPath result = given().queryParam("q", "Montenegro").get("/search").then().statusCode(200).extract()
                .jsonPath();
        assertThat(result.getList("hits.snippet", String.class)).allMatch(s -> s.contains("<em>Montenegro"));
        // The exact translation misses "Montenegro’s" (the index keeps the possessive in the word), so only after
        // checking every candidate are the facets known to be exact: they are counted again over the matches.
        assertThat(result.getInt("total.value")).isEqualTo(2);
        assertThat(result.getBoolean("total.exact")).isTrue();
        assertThat(result.getBoolean("facetsExact")).isTrue();
        assertThat(result.getList("facets.location.value", String.class)).containsExactly("Montenegro");
        assertThat(result.getList("facets.location.count", Integer.class)).containsExactly(1);
        assertThat(result.getList("facets.source.value", String.class)).contains("Balkan Wire");
        assertThat(result.getList("histogram.buckets.count", Integer.class).stream().mapToInt(Integer::intValue)
                .sum()).isEqualTo(2);

        // Candidates that do not match are not counted: "Montenegro NOT football" leaves the football article out.
        JsonPath narrowed = given().queryParam("q", "Montenegro NOT football").get("/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(narrowed.getList("hits.url", String.class)).containsExactly("https://wire.example/1");
        assertThat(narrowed.getList("facets.source.value", String.class)).containsExactly("Balkan Wire");
    }

    @Test
    void aSearchPagesWithACursorAndListsEverythingWithoutAQuery() {
        JsonPath all = given().queryParam("size", 5).get("/search").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("hits.id", String.class)).hasSize(5);
        assertThat(all.getLong("total.value")).isGreaterThanOrEqualTo(fixtures.size());
        Set<String> seen = new HashSet<>(all.getList("hits.id", String.class));
        String next = all.getString("next");
        while (next != null) {
            JsonPath page = given().queryParam("size", 5).queryParam("after", next).get("/search").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(page.getMap("facets")).isNull();
            page.getList("hits.id", String.class).forEach(id -> assertThat(seen.add(id)).as(id).isTrue());
            next = page.getString("next");
        }
        assertThat(seen).hasSize((int) all.getLong("total.value"));
    }

    @Test
    void badSearchesSayWhatIsWrong() {
        given().queryParam("q", "Montenegro AND (").get("/search").then().statusCode(400)
                .body("field", equalTo("query")).body("position", equalTo(15));
        given().queryParam("q", "x").queryParam("from", "yesterday").get("/search").then().statusCode(400)
                .body("field", equalTo("from"));
        given().queryParam("q", "x").queryParam("after", "not-a-cursor").get("/search").then().statusCode(400)
                .body("field", equalTo("after"));
        given().queryParam("q", "x").queryParam("size", 1000).get("/search").then().statusCode(400)
                .body("field", equalTo("size"));
    }

    private Set<String> live(String query) throws InvalidQueryException {
        Set<String> urls = new HashSet<>();
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put("q", QueryCompiler.compile(query));
            for (EnrichedArticle article : fixtures) {
                if (matcher.match(ArticleDocument.of(article)).contains("q")) {
                    urls.add(article.article().url());
                }
            }
        }
        return urls;
    }

    private static RequestSpecification admin() {
        return given().contentType(ContentType.JSON).header("X-Api-Key", AlerterTestResource.API_KEY);
    }
}
