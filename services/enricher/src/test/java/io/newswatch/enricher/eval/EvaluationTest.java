package io.newswatch.enricher.eval;

import io.newswatch.tagging.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI gate on the gold articles in the repository ({@code src/test/resources/eval/}): prints the same report as
 * {@link EvaluationTool} for the held-out articles and for all of them, checks that the gold itself keeps its shape
 * (size, languages, held-out share), and fails when the enricher's precision on persons or organisations falls below
 * 0.90 (document level, all articles), or when recall or topic F1 drop below the floors measured on the current
 * tagger (raise the floors as the tagger improves; never lower them to make a change pass).
 */
class EvaluationTest {

    static final double MIN_PERSON_ORGANIZATION_PRECISION = 0.90;
    /**
     * Floors, a little below the scores of the tagger when they were set: a drop below them is a regression.
     * Document recall 0.91 until session 18, whose 13 new articles (recall-names' nine in ru, sr, cnr, de, fr and
     * topics-towns' four) hold names no tagger of ours found before: main's tagger of that morning scored 0.905 on
     * the 164 articles of the recall branch, that session's rules 0.910, and all 168 articles after both merges
     * 0.909. The tagger gained on the same gold; the floor follows the harder gold, to 0.90. Session 19 (recall-surnames)
     * added eight articles (five tuned, three held out) whose people are named by the surname alone with no cue; its
     * rules were measured and not kept (they lowered persons' precision on public sets), so main's unchanged tagger
     * scores 0.895 on the 176 articles and 0.848 on the 60 held out (0.866 on the 57 before): floors 0.89 and 0.84.
     * Merged with loc-precision's nine articles (places outside the knowledge base by design, written first) and its
     * place rules, all 185 articles score 0.889: the floor follows the harder gold, to 0.88.
     */
    static final double MIN_DOCUMENT_RECALL = 0.88;
    /**
     * The same on the held-out articles alone, which no rule was tuned on. 0.86 until session 19, whose new held-out
     * articles (recall-surnames' three: surnames alone; loc-precision's two: places outside the knowledge base by
     * design; all written first, their errors not read) put main's tagger at 0.848 on recall-surnames' 60 and at 0.851
     * on loc-precision's 59; all 62 after both merges 0.839. The floor follows the harder gold, to 0.83.
     */
    static final double MIN_HELD_OUT_RECALL = 0.83;
    /**
     * 0.76 until session 16, whose new court article (embezzlement: the corruption topic) the tagger misses; the topics
     * of every older article unchanged, all gold 0.762 → 0.759 from that one gold topic alone. 0.75 until session 17,
     * whose three new place articles carry topics the tagger misses (syria never named, terrorism under its threshold:
     * services/enricher/docs/evaluation.md), all gold 0.761 → 0.749; every older article's topics unchanged. 0.74
     * until session 18, whose linked places count toward their country's topic (syria, ukraine) and whose Russian
     * missile terms (every language) made all gold 0.738 → 0.779 (159 articles, 4 new) and held-out 0.659 → 0.729,
     * with no new false topic. 0.77 until session 19 (loc-precision), whose nine new conflict articles (seven tuned,
     * two held out) carry topics the tagger misses: a displacement that is migration, dams that are energy security,
     * the Lebanese border that is israel-palestine, all below their thresholds; all gold 0.774 → 0.767 from the new
     * gold alone (main's tagger and this session's give the same topics on all 177 articles).
     */
    static final double MIN_TOPIC_F1 = 0.76;

    static List<EvalDocument> tuned;
    static List<EvalDocument> heldOut;

    @BeforeAll
    static void load() {
        tuned = GoldArticles.load(GoldArticles.TUNED);
        heldOut = GoldArticles.load(GoldArticles.HELD_OUT);
    }

    @Test
    void goldKeepsItsShape() {
        List<EvalDocument> all = all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().filter(d -> !d.language().equals("en"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(heldOut.size() * 3).as("held-out share").isGreaterThanOrEqualTo(all.size());
        assertThat(all.stream().map(EvalDocument::language).collect(Collectors.toSet()))
                .containsAll(Set.of("en", "ru", "uk", "sr-Cyrl", "sr-Latn", "cnr-Latn", "hr", "bs", "de", "fr"));
        assertThat(heldOut.stream().map(EvalDocument::language).filter(l -> !l.equals("en")).distinct().count())
                .as("held-out languages other than English").isGreaterThanOrEqualTo(5);
        assertThat(all.stream().map(EvalDocument::id).distinct()).hasSize(all.size());
        assertThat(all).allSatisfy(d -> assertThat(d.mentions()).isNotEmpty());
    }

    @Test
    void enricherMeetsTheBarOnTheGold() {
        Scores held = score(EvaluationTool.HELD_OUT_NAME, heldOut);
        Scores scores = score(EvaluationTool.ALL_NAME, all());
        System.out.println(Report.format(held, 0, "held-out articles are scored, not studied"));
        System.out.println(Report.format(scores, 0, "the test prints scores only"));
        System.out.println(Report.summaryHeader() + Report.summaryLine(held) + "\n" + Report.summaryLine(scores));
        assertThat(scores.names("PERSON").precision()).as("person precision")
                .isGreaterThanOrEqualTo(MIN_PERSON_ORGANIZATION_PRECISION);
        assertThat(scores.names("ORGANIZATION").precision()).as("organisation precision")
                .isGreaterThanOrEqualTo(MIN_PERSON_ORGANIZATION_PRECISION);
        assertThat(scores.names(Scores.ALL).recall()).as("document-level recall").isGreaterThanOrEqualTo(MIN_DOCUMENT_RECALL);
        assertThat(held.names(Scores.ALL).recall()).as("held-out document-level recall")
                .isGreaterThanOrEqualTo(MIN_HELD_OUT_RECALL);
        assertThat(scores.topics().f1()).as("topic F1").isGreaterThanOrEqualTo(MIN_TOPIC_F1);
    }

    private static Scores score(String name, List<EvalDocument> documents) {
        Scores scores = new Scores(name);
        documents.forEach(d -> scores.add(d, Prediction.ofEnricher(Fixtures.enricher(), d)));
        return scores;
    }

    private static List<EvalDocument> all() {
        List<EvalDocument> all = new ArrayList<>(tuned);
        all.addAll(heldOut);
        return all;
    }
}
