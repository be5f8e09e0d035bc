package io.newswatch.enricher.eval;

import io.newswatch.contract.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The scoring itself, on small documents whose right answers are known. */
class ScoresTest {

    private static final String TEXT = "Lavrov met Vučić\n\nSergei Lavrov met Aleksandar Vučić in Belgrade and said NATO erred. Lavrov left.";

    private static EvalDocument gold() {
        GoldArticles.Article article = new GoldArticles.Article("d1", "en", "Lavrov met Vučić",
                "Sergei Lavrov met Aleksandar Vučić in Belgrade and said NATO erred. Lavrov left.", List.of("diplomacy"),
                List.of(new GoldArticles.Entity(EntityType.PERSON, "Sergey Lavrov", "person/sergey-lavrov",
                                List.of("Sergei Lavrov", "Lavrov")),
                        new GoldArticles.Entity(EntityType.PERSON, "Aleksandar Vučić", null, List.of("Aleksandar Vučić", "Vučić")),
                        new GoldArticles.Entity(EntityType.LOCATION, "Belgrade", "location/belgrade", List.of("Belgrade")),
                        new GoldArticles.Entity(EntityType.ORGANIZATION, "NATO", "organization/nato", List.of("NATO"))));
        return GoldArticles.toDocument("test", article);
    }

    private static EvalDocument.Mention at(String text, int occurrence, EntityType type, String entity) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = TEXT.indexOf(text, at + 1);
        }
        return new EvalDocument.Mention(at, at + text.length(), text, type, entity);
    }

    @Test
    void goldFormsBecomeEveryMentionLongestFirst() {
        EvalDocument d = gold();
        assertThat(d.text()).isEqualTo(TEXT);
        assertThat(d.mentions()).extracting(EvalDocument.Mention::text)
                .containsExactly("Lavrov", "Vučić", "Sergei Lavrov", "Aleksandar Vučić", "Belgrade", "NATO", "Lavrov");
        assertThat(d.titleEnd()).isEqualTo("Lavrov met Vučić".length());
    }

    @Test
    void goldWithAFormThatDoesNotOccurIsRefused() {
        GoldArticles.Article article = new GoldArticles.Article("d2", "en", "Title", "Body text.", List.of(),
                List.of(new GoldArticles.Entity(EntityType.PERSON, "Nobody", null, List.of("Nobody"))));
        assertThatThrownBy(() -> GoldArticles.toDocument("test", article)).hasMessageContaining("does not occur");
    }

    @Test
    void perfectPredictionScoresOne() {
        EvalDocument d = gold();
        Scores s = new Scores("t");
        s.add(d, new Prediction("d1", d.mentions(), d.entities(), List.of("diplomacy"), "en"));
        assertThat(s.mentions(Scores.ALL).f1()).isEqualTo(1.0);
        assertThat(s.names(Scores.ALL).f1()).isEqualTo(1.0);
        assertThat(s.topics().f1()).isEqualTo(1.0);
        assertThat(s.errors()).isEmpty();
    }

    @Test
    void missesWrongTypesBoundariesAndSpuriousMentionsAreCountedApart() {
        EvalDocument d = gold();
        List<EvalDocument.Mention> predicted = List.of(
                at("Lavrov", 0, EntityType.PERSON, "person/sergey-lavrov"),
                at("Sergei Lavrov", 0, EntityType.PERSON, "person/sergey-lavrov"),
                at("Lavrov", 2, EntityType.PERSON, "person/sergey-lavrov"),
                at("Vučić in Belgrade", 0, EntityType.PERSON, "person/x"),      // boundary: overlaps Vučić and Belgrade
                at("NATO", 0, EntityType.LOCATION, "location/nato"),            // wrong type
                at("left", 0, EntityType.LOCATION, "location/left"));           // spurious
        Scores s = new Scores("t");
        s.add(d, new Prediction("d1", predicted, Map.of(), List.of("diplomacy", "sanctions"), "sr"));
        // gold mentions 7, found exactly: Lavrov x2, Sergei Lavrov = 3; predicted 6, right 3
        assertThat(s.mentions(Scores.ALL).recall()).isCloseTo(3 / 7.0, within(1e-9));
        assertThat(s.mentions(Scores.ALL).precision()).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(s.errors()).extracting(Scores.Error::kind).contains("FN missed", "FN wrong type", "FN boundary",
                "FP wrong type", "FP spurious", "FP boundary");
        // document level: Lavrov found; Vučić found through the overlapping mention; Belgrade and NATO not
        assertThat(s.names("PERSON").recall()).isEqualTo(1.0);
        assertThat(s.names("LOCATION").recall()).isEqualTo(0.0);
        assertThat(s.names(Scores.ALL).recall()).isCloseTo(2 / 4.0, within(1e-9));
        // predicted entities: sergey-lavrov right, x right (overlaps Vučić), nato and left wrong
        assertThat(s.names(Scores.ALL).precision()).isCloseTo(2 / 4.0, within(1e-9));
        assertThat(s.topics().precision()).isEqualTo(0.5);
        assertThat(s.errors()).extracting(Scores.Error::level).contains("language");
    }

    @Test
    void ungroupedGoldComparesDistinctNamesAndIgnoredSpansDoNotCount() {
        String text = "Reuters said Apple Inc. and Apple rose in New York; Nasdaq-listed Tesla fell.";
        int apple = text.indexOf("Apple Inc.");
        int apple2 = text.indexOf("Apple rose");
        int ny = text.indexOf("New York");
        int nasdaq = text.indexOf("Nasdaq-listed");
        EvalDocument d = new EvalDocument("s", "x", "en", text, 0, List.of(
                new EvalDocument.Mention(apple, apple + 10, "Apple Inc.", EntityType.ORGANIZATION, null),
                new EvalDocument.Mention(apple2, apple2 + 5, "Apple", EntityType.ORGANIZATION, null),
                new EvalDocument.Mention(ny, ny + 8, "New York", EntityType.LOCATION, null)),
                List.of(new EvalDocument.Mention(nasdaq, nasdaq + 13, "Nasdaq-listed", null, null)), Map.of(), null);
        List<EvalDocument.Mention> predicted = List.of(
                new EvalDocument.Mention(apple2, apple2 + 5, "Apple", EntityType.ORGANIZATION, null),
                new EvalDocument.Mention(ny, ny + 3, "New", EntityType.LOCATION, null),
                new EvalDocument.Mention(nasdaq, nasdaq + 6, "Nasdaq", EntityType.ORGANIZATION, null));
        Scores s = new Scores("s");
        s.add(d, new Prediction("x", predicted, Map.of(), null, null));
        // names: gold {ORG Apple Inc., ORG Apple, LOC New York}; predicted {ORG Apple, LOC New} (Nasdaq ignored);
        // overlapping mentions of the same type match: Apple and New York are found, Apple Inc. is not
        assertThat(s.names(Scores.ALL).recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(s.names(Scores.ALL).precision()).isEqualTo(1.0);
        assertThat(s.mentions(Scores.ALL).precision()).isEqualTo(0.5);
        assertThat(s.topics().gold()).isZero();
    }

    @Test
    void untypedGoldAcceptsAnyType() {
        String text = "Siemens bought a plant in Erlangen.";
        EvalDocument d = new EvalDocument("s", "u", "de", text, 0, List.of(
                new EvalDocument.Mention(0, 7, "Siemens", null, null),
                new EvalDocument.Mention(26, 34, "Erlangen", null, null)), List.of(), Map.of(), null);
        Scores s = new Scores("s");
        s.add(d, new Prediction("u", List.of(new EvalDocument.Mention(0, 7, "Siemens", EntityType.LOCATION, null)),
                Map.of(), null, null));
        assertThat(s.mentions(Scores.ANY).precision()).isEqualTo(1.0);
        assertThat(s.mentions(Scores.ANY).recall()).isEqualTo(0.5);
    }
}
