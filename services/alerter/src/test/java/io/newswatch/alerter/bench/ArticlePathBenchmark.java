package io.newswatch.alerter.bench;

import io.newswatch.alerter.alert.AlertPlanner;
import io.newswatch.alerter.alert.AlertState;
import io.newswatch.alerter.alert.StoryAlerts;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.rule.RuleBook;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU the article consumer spends on one article, stage by stage, without Kafka: decode the enriched article's
 * JSON, build the document rules see, match it against every rule, plan its alerts (every match a first alert, each
 * explained) and encode them. One thread; CPU time of that thread, so the figures hold on a busy machine better
 * than a whole process' do; the last column is the whole process' CPU over the same work (garbage collection and
 * the JIT too: what allocation costs). A benchmark, not a test:
 * {@code ./mvnw -q -pl services/alerter -Pbench-path test-compile exec:exec [-Dbench.args="10000 3000 5"]}.
 *
 * <p>Arguments: rules (default 10000), articles measured (default 3000), rounds (default 5: each stage's time is
 * the median of the rounds).
 */
public final class ArticlePathBenchmark {

    private static final long SEED = 20261120L;

    /** No alert raised before: every match raises a first alert, and is explained. */
    private static final AlertState NOTHING_RAISED = new AlertState() {
        @Override
        public boolean isRaised(String alertId) {
            return false;
        }

        @Override
        public Optional<StoryAlerts> onStory(String ruleId, String storyId) {
            return Optional.empty();
        }

        @Override
        public Set<String> rulesOnStory(String storyId, Set<String> among) {
            return Set.of();
        }
    };

    private ArticlePathBenchmark() {
    }

    public static void main(String[] args) {
        int ruleCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        NewsCorpus corpus = new NewsCorpus(SEED);
        List<String> json = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            json.add(Json.encode(corpus.article(i)));
        }
        RuleBook book = new RuleBook();
        NewsCorpus rules = new NewsCorpus(SEED + ruleCount);
        Instant now = Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < ruleCount; i++) {
            String id = "rule-" + i;
            book.stage(id, new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, now, id, rules.rule(), List.of("log"), true,
                    null, List.of(), Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null));
        }
        book.commit();
        AlertPlanner planner = new AlertPlanner(Clock.fixed(now, ZoneOffset.UTC), Optional.empty());
        System.out.printf(Locale.ROOT, "newswatch alerter article path: %d rules, %d articles, median of %d rounds "
                + "(a warm-up round first), %s%n", ruleCount, measured, rounds, Runtime.version());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[7][rounds];
        long alerts = 0;
        for (int round = -1; round < rounds; round++) {
            long p0 = processCpu();
            long t0 = threads.getCurrentThreadCpuTime();
            List<EnrichedArticle> articles = json.stream().map(s -> Json.decode(s, EnrichedArticle.class)).toList();
            long t1 = threads.getCurrentThreadCpuTime();
            List<ArticleDocument> documents = articles.stream().map(ArticleDocument::of).toList();
            long t2 = threads.getCurrentThreadCpuTime();
            // as the service does: each match explained over the index matching built of the article
            List<RuleBook.Matched> matched = documents.stream().map(book::matchExplainable).toList();
            long t3 = threads.getCurrentThreadCpuTime();
            List<Alert> raised = new ArrayList<>();
            for (int i = 0; i < measured; i++) {
                RuleBook.Matched match = matched.get(i);
                raised.addAll(planner.plan(articles.get(i), match.explainer(), match.rules(), book::get,
                        book.escalating(), id -> book.query(id).orElse(null), NOTHING_RAISED));
            }
            long t4 = threads.getCurrentThreadCpuTime();
            long bytes = 0;
            for (Alert alert : raised) {
                bytes += Json.encode(alert).length();
            }
            long t5 = threads.getCurrentThreadCpuTime();
            long p5 = processCpu();
            if (round >= 0) {
                long[] stages = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0, p5 - p0};
                for (int s = 0; s < stages.length; s++) {
                    micros[s][round] = stages[s] / 1e3 / measured;
                }
                alerts = raised.size();
            }
            if (bytes == 0 && !raised.isEmpty()) {
                throw new IllegalStateException("nothing encoded");
            }
        }
        System.out.println("CPU us per article: decode   document   match   plan+explain   encode   total   "
                + "alerts/article   process (GC, JIT too)");
        System.out.printf(Locale.ROOT, "                    %6.0f   %8.0f   %5.0f   %12.0f   %6.0f   %5.0f   %14.2f   %21.0f%n",
                median(micros[0]), median(micros[1]), median(micros[2]), median(micros[3]), median(micros[4]),
                median(micros[5]), (double) alerts / measured, median(micros[6]));
        book.close();
    }

    private static long processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
