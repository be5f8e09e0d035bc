package io.newswatch.alerter.match;

import io.newswatch.alerter.Articles;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static io.newswatch.alerter.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What analysts can write in a rule, each with a case that matches and one that does not. Matching goes through the
 * same {@link RuleMatcher} (Lucene Monitor) as the service.
 */
class QuerySemanticsTest {

    private static final RuleMatcher MATCHER = new RuleMatcher();

    @AfterAll
    static void close() {
        MATCHER.close();
    }

    @Test
    void aWordMatchesInAnyCase() {
        assertMatches("montenegro", article().title("MONTENEGRO opens a new chapter"));
        assertNoMatch("montenegro", article().title("Serbia opens a new chapter"));
    }

    @Test
    void aWordMatchesItsPossessive() {
        assertMatches("Montenegro", article().body("Montenegro’s coalition agreed on a budget."));
        assertNoMatch("Montenegro", article().body("Montenegrin wine won a prize."));
    }

    @Test
    void aPhraseNeedsItsWordsInOrder() {
        assertMatches("\"security guarantees\"", article().body("Moscow asked for written security guarantees."));
        assertNoMatch("\"security guarantees\"", article().body("Guarantees of security were not discussed."));
    }

    @Test
    void hyphensAreSeparators() {
        assertMatches("\"NATO-Russia Council\"", article().body("The NATO Russia Council met in Brussels."));
        assertMatches("\"NATO-Russia Council\"", article().body("The NATO-Russia Council met in Brussels."));
        assertMatches("NATO-Russia", article().body("Talks between NATO and Russia resumed. NATO-Russia ties."));
        assertNoMatch("\"NATO-Russia Council\"", article().body("NATO and Russia discussed the council."));
    }

    @Test
    void diacriticsAreIgnoredAndDjFoldsLikeD() {
        assertMatches("Djukanovic", article().body("Milo Đukanović met the ambassador."));
        assertMatches("Đukanović", article().body("Milo Djukanovic met the ambassador."));
        assertMatches("Vucic", article().body("Aleksandar Vučić spoke in Belgrade."));
        assertNoMatch("Djukanovic", article().body("Jovanović met the ambassador."));
    }

    @Test
    void cyrillicWordsAlsoReadInLatin() {
        assertMatches("Lavrov", article().language("ru").body("Сергей Лавров заявил о гарантиях."));
        assertMatches("Vucic", article().language("sr").body("Председник Вучић у Београду."));
        assertMatches("\"Sergey Lavrov\"", article().language("ru").body("Сергей Лавров заявил."));
        assertMatches("Шойгу", article().language("ru").body("Министр Шойгу прибыл."));
        assertMatches("Shoygu", article().language("ru").body("Министр Шойгу прибыл."));
        assertMatches("Yevgeny", article().language("ru").body("Евгений Пригожин."));
        assertNoMatch("Lavrov", article().language("ru").body("Министр Шойгу прибыл."));
    }

    @Test
    void andOrNotAndGrouping() {
        String query = "(Serbia OR Kosovo) AND dialogue NOT football";
        assertMatches(query, article().body("Kosovo and Serbia resumed the dialogue in Brussels."));
        assertNoMatch(query, article().body("Kosovo and Serbia resumed the dialogue on football."));
        assertNoMatch(query, article().body("Albania resumed the dialogue."));
    }

    @Test
    void theDefaultOperatorIsOr() {
        assertMatches("Skopje Tirana", article().body("The summit moved to Tirana."));
        assertNoMatch("Skopje Tirana", article().body("The summit moved to Sarajevo."));
    }

    @Test
    void aGroupThatOnlyExcludesMeansEverythingElse() {
        String query = "Sarajevo OR (budget NOT football)";
        assertMatches(query, article().body("Parliament passed the budget."));
        assertNoMatch(query, article().body("The football club's budget grew."));
    }

    @Test
    void proximity() {
        String query = "\"Lavrov guarantees\"~5";
        assertMatches(query, article().body("Lavrov said Moscow wants firm guarantees."));
        assertNoMatch(query, article().body("Lavrov spoke first. After a long pause in the afternoon session, "
                + "the delegation asked about guarantees."));
    }

    @Test
    void wildcards() {
        assertMatches("sanction*", article().body("New sanctions were announced."));
        assertMatches("Djukanovi?", article().body("Đukanović arrived."));
        assertMatches("*grad", article().body("The train reached Beograd."));
        assertNoMatch("sanction*", article().body("Sanitation workers went on strike."));
    }

    @Test
    void titleAndBodyFields() {
        assertMatches("title:Montenegro", article().title("Montenegro votes").body("Turnout was high."));
        assertNoMatch("title:Montenegro", article().title("A vote").body("Montenegro votes."));
        assertMatches("body:Montenegro", article().title("A vote").summary("Montenegro votes.").body("Turnout."));
        assertNoMatch("body:Montenegro", article().title("Montenegro votes").body("Turnout was high."));
    }

    @Test
    void personField() {
        String query = "person:\"Sergey Lavrov\" AND \"security guarantees\"~5";
        assertMatches(query, article().person("Sergey Lavrov", "Lavrov")
                .body("Lavrov repeated that the security demands include guarantees."));
        assertNoMatch(query, article().organization("Lavrov Foundation")
                .body("Lavrov repeated that the security demands include guarantees."));
        assertMatches("person:Lavrov", article().person("Sergey Lavrov"));
    }

    @Test
    void entityFieldsFollowEveryKnownNameOfTheEntity() {
        Articles lavrov = article().language("ru").body("Глава МИД России заявил о гарантиях.")
                .known("person/sergey-lavrov", "Sergey Lavrov", EntityType.PERSON, "Sergei Lavrov", "Сергей Лавров",
                        "Лавров")
                .known("location/mosul", "Mosul", EntityType.LOCATION, "Мосул", "Mossoul");
        assertMatches("person:\"Sergei Lavrov\"", lavrov);
        assertMatches("person:\"Сергей Лавров\"", lavrov);
        assertMatches("entity:\"Sergei Lavrov\"", lavrov);
        assertMatches("location:Mossoul", lavrov);
        assertMatches("location:Мосул", lavrov);
        assertNoMatch("organization:\"Sergei Lavrov\"", lavrov);
        assertNoMatch("person:\"Sergei Shoigu\"", lavrov);
        // a phrase never runs from one name into the next
        assertNoMatch("person:\"Lavrov Sergei\"", lavrov);
    }

    @Test
    void entityWithAnIdMatchesThatEntityOnly() {
        Articles lavrov = article().body("The minister spoke.")
                .known("person/sergey-lavrov", "Sergey Lavrov", EntityType.PERSON, "Sergei Lavrov");
        assertMatches("entity:person/sergey-lavrov", lavrov);
        assertMatches("entity:\"person/sergey-lavrov\"", lavrov);
        assertMatches("entity:person/sergey-lavrov AND NOT entity:location/mosul", lavrov);
        assertMatches("(entity:person/sergey-lavrov)", lavrov);
        assertNoMatch("entity:person/sergey-shoigu", lavrov);
        assertNoMatch("entity:location/sergey-lavrov", lavrov);
        // a name that looks like an id's words is no id
        assertNoMatch("entity:person/sergey-lavrov", article().body("Person Sergey Lavrov.").person("Person Sergey"));
    }

    @Test
    void entityNamesDoNotRunIntoEachOther() {
        assertNoMatch("person:\"Lavrov Milo\"", article().person("Sergey Lavrov").person("Milo Đukanović"));
        assertMatches("entity:\"Milo Djukanovic\"", article().person("Sergey Lavrov").person("Milo Đukanović"));
    }

    @Test
    void topicAndLocationFields() {
        String query = "topic:enlargement AND location:Georgia";
        assertMatches(query, article().topic("enlargement").location("Georgia"));
        assertNoMatch(query, article().topic("enlargement").person("Georgia Brown"));
        assertMatches("topic:\"Western Balkans\"", article().topic("western-balkans"));
        assertMatches("topic:western-balkans", article().topic("western-balkans"));
        assertNoMatch("topic:balkans", article().topic("western-balkans"));
    }

    @Test
    void organizationField() {
        assertMatches("organization:nato", article().organization("NATO"));
        assertNoMatch("organization:nato", article().location("NATO Square"));
    }

    @Test
    void sourceAndLanguageFields() {
        assertMatches("source:\"Balkan Wire\"", article().source("Balkan Wire", "balkanwire.example"));
        assertMatches("source:balkanwire.example", article().source("Balkan Wire", "balkanwire.example"));
        assertNoMatch("source:\"Balkan Wire\"", article().source("Baltic Wire", "balticwire.example"));
        assertMatches("Montenegro AND language:en", article().language("en").body("Montenegro"));
        assertNoMatch("Montenegro AND language:en", article().language("sr").body("Montenegro"));
    }

    @Test
    void fuzzy() {
        assertMatches("Stoltenbreg~1", article().body("Stoltenberg spoke."));
        assertNoMatch("Stoltenbreg", article().body("Stoltenberg spoke."));
    }

    private static void assertMatches(String query, Articles article) {
        assertThat(matches(query, article.build())).as("%s matches", query).isTrue();
    }

    private static void assertNoMatch(String query, Articles article) {
        assertThat(matches(query, article.build())).as("%s does not match", query).isFalse();
    }

    private static boolean matches(String query, EnrichedArticle article) {
        try {
            MATCHER.put("rule", QueryCompiler.compile(query));
            return MATCHER.match(ArticleDocument.of(article)).contains("rule");
        } catch (InvalidQueryException e) {
            throw new AssertionError(query + ": " + e.getMessage() + " at " + e.position(), e);
        }
    }
}
