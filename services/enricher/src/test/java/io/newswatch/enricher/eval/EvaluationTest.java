package io.newswatch.enricher.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.contract.TopicScore;
import io.newswatch.enricher.Fixtures;
import io.newswatch.enricher.entity.FoundEntity;
import io.newswatch.enricher.pipeline.Tagging;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision, recall and F1 of entities (per type) and topics (per topic) on the evaluation set
 * ({@code src/test/resources/eval/}: articles written for newswatch with hand-made gold annotations; {@code
 * held-out.yaml} was never used for tuning and is also reported on its own).
 * Prints the scores and every error; fails when entities fall below precision 0.90 or recall 0.85.
 */
class EvaluationTest {

    static final double MIN_ENTITY_PRECISION = 0.90;
    static final double MIN_ENTITY_RECALL = 0.85;
    static final double MIN_TOPIC_F1 = 0.75;

    record Article(String id, String title, String body, List<String> entities, List<String> topics) {
    }

    record EvalSet(List<Article> articles) {
    }

    /** True positives, false positives and false negatives of one class. */
    static final class Counts {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static EvalSet load(String file) throws IOException {
        try (InputStream in = EvaluationTest.class.getResourceAsStream("/eval/" + file)) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, EvalSet.class);
        }
    }

    /** The set the knowledge base and taxonomy were tuned on, plus the held-out articles never tuned on. */
    @Test
    void entitiesAndTopicsMeetTheBar() throws IOException {
        EvalSet tuned = load("articles.yaml");
        EvalSet heldOut = load("held-out.yaml");
        assertThat(tuned.articles().size() + heldOut.articles().size()).isGreaterThanOrEqualTo(20);
        evaluate("held-out articles only", heldOut);
        List<Article> all = new ArrayList<>(tuned.articles());
        all.addAll(heldOut.articles());
        Counts[] totals = evaluate("all articles", new EvalSet(all));
        Counts entities = totals[0];
        Counts topics = totals[1];
        assertThat(entities.precision()).as("entity precision").isGreaterThanOrEqualTo(MIN_ENTITY_PRECISION);
        assertThat(entities.recall()).as("entity recall").isGreaterThanOrEqualTo(MIN_ENTITY_RECALL);
        assertThat(topics.f1()).as("topic F1").isGreaterThanOrEqualTo(MIN_TOPIC_F1);
    }

    /** Prints the scores of one set; returns the entity and topic totals. */
    private static Counts[] evaluate(String name, EvalSet set) {
        Map<String, Counts> byType = new TreeMap<>();
        Map<String, Counts> byTopic = new TreeMap<>();
        Counts entities = new Counts();
        Counts topics = new Counts();
        List<String> errors = new ArrayList<>();
        for (Article a : set.articles()) {
            String text = a.title() + "\n\n" + a.body();
            Tagging tagging = Fixtures.enricher().tag(text, a.title().length(), "en");
            Set<String> found = new HashSet<>(tagging.entities().stream().map(FoundEntity::id).toList());
            compare(a.id(), "entity", new HashSet<>(a.entities()), found, entities, byType, EvaluationTest::typeOf, errors);
            Set<String> foundTopics = new HashSet<>(tagging.topics().stream().map(TopicScore::id).toList());
            compare(a.id(), "topic", new HashSet<>(a.topics()), foundTopics, topics, byTopic, t -> t, errors);
        }
        StringBuilder report = new StringBuilder("\nEvaluation, " + name + ": " + set.articles().size() + " articles\n");
        table(report, "entity type", byType, entities);
        table(report, "topic", byTopic, topics);
        report.append("\nErrors (FP: found but not gold, FN: gold but not found):\n");
        errors.forEach(e -> report.append("  ").append(e).append('\n'));
        System.out.println(report);
        return new Counts[] {entities, topics};
    }

    private interface Classifier {
        String classOf(String item);
    }

    private static void compare(String article, String what, Set<String> gold, Set<String> found, Counts total,
                                Map<String, Counts> byClass, Classifier classifier, List<String> errors) {
        for (String item : found) {
            Counts c = byClass.computeIfAbsent(classifier.classOf(item), k -> new Counts());
            if (gold.contains(item)) {
                c.tp++;
                total.tp++;
            } else {
                c.fp++;
                total.fp++;
                errors.add(article + " FP " + what + " " + item);
            }
        }
        for (String item : gold) {
            if (!found.contains(item)) {
                byClass.computeIfAbsent(classifier.classOf(item), k -> new Counts()).fn++;
                total.fn++;
                errors.add(article + " FN " + what + " " + item);
            }
        }
    }

    private static String typeOf(String id) {
        return switch (id.substring(0, id.indexOf('/'))) {
            case "person" -> "PERSON";
            case "organization" -> "ORGANIZATION";
            default -> "LOCATION";
        };
    }

    private static void table(StringBuilder out, String title, Map<String, Counts> rows, Counts total) {
        Map<String, Counts> all = new LinkedHashMap<>(rows);
        all.put("(all, micro)", total);
        out.append(String.format("%n%-28s %5s %5s %5s %9s %7s %6s%n", title, "TP", "FP", "FN", "precision", "recall", "F1"));
        all.forEach((name, c) -> out.append(String.format("%-28s %5d %5d %5d %9.3f %7.3f %6.3f%n", name, c.tp, c.fp, c.fn,
                c.precision(), c.recall(), c.f1())));
    }
}
