package io.newswatch.alerter.cli;

import io.newswatch.alerter.Articles;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.topic.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./newswatch match} on a text file answers as the live pipeline does on the same article: the live side is
 * the raw article as the poller publishes it, enriched by the enricher's code (what its Kafka handler runs), sent as
 * JSON and matched by the alerter's matcher; the other side is the command on the article as a plain-text file.
 */
class MatchAgreesWithPipelineTest {

    /** The shipped knowledge base and taxonomy, compiled once for every test of the command. */
    static final Enricher ENRICHER = new Enricher(KnowledgeBaseLoader.load(List.of()),
            Taxonomy.load(List.of()), Clock.systemUTC());
    private static final RuleMatcher MATCHER = new RuleMatcher();

    /** Written for this test in the style of wire copy; a Russian one for names in another script. */
    private static final Map<String, String[]> ARTICLES = Map.of(
            "en.txt", new String[]{"Lavrov presses Damascus on Idlib ceasefire",
                    "Russian Foreign Minister Sergei Lavrov said on Tuesday that the ceasefire in Idlib must hold, "
                            + "after talks with Syrian officials in Damascus. Lavrov told reporters that the Syrian "
                            + "government and the opposition had agreed to new talks on the civil war. Iraqi forces "
                            + "meanwhile cleared the last districts of Mosul, where the Islamic State held out."},
            "ru.txt", new String[]{"Лавров обсудил с коллегами ситуацию в Сирии",
                    "Министр иностранных дел России Сергей Лавров провёл в Москве переговоры о прекращении огня в "
                            + "Сирии. По словам Лаврова, сирийское правительство готово к новому раунду переговоров в "
                            + "Женеве. Иракские войска тем временем вошли в Мосул."});

    private static final List<String> QUERIES = List.of("topic:syria", "person:\"Sergei Lavrov\"",
            "person:\"Sergey Lavrov\"", "person:Лавров", "entity:person/sergey-lavrov", "location:Mosul",
            "location:Мосул", "entity:location/mosul", "location:Damascus", "organization:\"Islamic State\"",
            "topic:crimea", "person:\"Sergei Shoigu\"");

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        MATCHER.close();
    }

    @Test
    void matchAnswersAsTheLivePipelineDoes() throws Exception {
        for (Map.Entry<String, String[]> text : ARTICLES.entrySet()) {
            String title = text.getValue()[0];
            String body = text.getValue()[1];
            Path file = Files.writeString(dir.resolve(text.getKey()), title + "\n\n" + body + "\n");
            Article raw = Articles.article().title(title).body(body).language(null).raw();
            String onTheTopic = Json.encode(ENRICHER.enrich(raw, StoryAssigner.SINGLE));
            ArticleDocument live = ArticleDocument.of(Json.decode(onTheTopic, EnrichedArticle.class));
            Map<String, Boolean> liveAnswers = new LinkedHashMap<>();
            Map<String, Boolean> commandAnswers = new LinkedHashMap<>();
            for (String query : QUERIES) {
                MATCHER.put("rule", QueryCompiler.compile(query));
                liveAnswers.put(query, MATCHER.match(live).contains("rule"));
                commandAnswers.put(query, command(query, file) == MatchCommand.MATCH);
            }
            assertThat(commandAnswers).as(text.getKey()).isEqualTo(liveAnswers);
            // and what analysts expect of both, whatever the script
            assertThat(liveAnswers).as(text.getKey()).containsEntry("topic:syria", true)
                    .containsEntry("person:\"Sergei Lavrov\"", true).containsEntry("person:Лавров", true)
                    .containsEntry("entity:person/sergey-lavrov", true).containsEntry("location:Mosul", true)
                    .containsEntry("location:Мосул", true).containsEntry("topic:crimea", false)
                    .containsEntry("person:\"Sergei Shoigu\"", false);
        }
    }

    private static int command(String query, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MatchCommand.run(new String[]{query, file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                System.in, options -> ENRICHER);
        assertThat(err.toString(StandardCharsets.UTF_8)).as(query).isEmpty();
        return status;
    }
}
