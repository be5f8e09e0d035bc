package io.newswatch.alerter.bench;

import io.newswatch.alerter.MutableClock;
import io.newswatch.alerter.alert.AlertHistory;
import io.newswatch.alerter.alert.StoryAlerts;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Whether the alerter's memory stays flat however many alerts it has raised: pushes synthetic alerts through the
 * alert state logic ({@link AlertHistory}) as the service does for each (raised here, its state encoded for the
 * state topic, read back from the alerts topic, a delivery status read back, the story's articles noted) while a
 * fake clock runs through a year of news, and closed stories are forgotten once a simulated hour. Prints, at
 * intervals, the open rule-and-story pairs, the alert ids held, heap used after a full GC, and CPU per alert of
 * the thread (the machine is shared: CPU, not wall time).
 * A benchmark, not a test: {@code ./mvnw -q -pl services/alerter -Pbench-state test-compile exec:exec}.
 *
 * <p>Arguments: alerts (default 1,000,000), rules (default 500), days the alerts span (default 365), and
 * {@code never-close} to keep every story open, as the alerter did before stories closed (for comparison), or
 * {@code per-article}: every alert is an article-scoped rule's, on one of 12 stories that run the whole time (what
 * the pipeline bench's five webhook rules do: a pair's alerts grow with its story), its state record read back
 * from the state topic as the service does.
 */
public final class AlertStateBenchmark {

    private static final long SEED = 20261205L;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STORY_WINDOW = Duration.ofDays(3);
    /** Stories taking alerts at any moment; a new one opens every {@link #ALERTS_PER_NEW_STORY} alerts. */
    private static final int RUNNING_STORIES = 200;
    private static final int ALERTS_PER_NEW_STORY = 10;
    private static final int REPORTS = 10;

    private AlertStateBenchmark() {
    }

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Duration span = Duration.ofDays(args.length > 2 ? Long.parseLong(args[2]) : 365);
        Duration step = span.dividedBy(total);
        MutableClock clock = new MutableClock(START);
        Duration horizon = STORY_WINDOW.plus(STORY_WINDOW.dividedBy(12));
        boolean neverClose = args.length > 3 && args[3].equals("never-close");
        boolean perArticle = args.length > 3 && args[3].equals("per-article");
        AlertHistory history = new AlertHistory(1000, clock, neverClose ? AlertHistory.NEVER_CLOSED
                : ruleId -> horizon);
        Random random = new Random(SEED);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "newswatch alerter state benchmark: %,d alerts over %d days (one every %d s)"
                        + ", %d rules, %d stories running at once, story window %s%s; %s, max heap %d MB%n",
                total, span.toDays(), step.toSeconds(), rules, RUNNING_STORIES, STORY_WINDOW,
                neverClose ? " (stories never close)" : perArticle ? " (per-article alerts on 12 stories)" : "",
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("alerts      simulated day   open rule×story   alert ids held   heap used MB   "
                + "CPU us/alert");
        long cpuBefore = threads.getCurrentThreadCpuTime();
        Instant nextClose = START.plus(Duration.ofHours(1));
        long bytes = 0;
        for (int i = 1; i <= total; i++) {
            clock.advance(step);
            int newest = i / ALERTS_PER_NEW_STORY;
            String story = perArticle ? "story-" + random.nextInt(12)
                    : "story-" + Math.max(0, newest - random.nextInt(RUNNING_STORIES));
            String rule = "rule-" + random.nextInt(rules);
            Alert alert = perArticle ? perArticle(rule, story, i, clock.instant())
                    : next(history, rule, story, clock.instant(), random);
            // raised here: the state goes to the state topic and is read back; the alert is folded in, then settled
            StoryAlerts state = history.raised(alert, STORY_WINDOW.dividedBy(12)).orElse(null);
            if (state != null) {
                String json = Json.encode(state);
                bytes += json.length();
                history.stored(state);
                if (perArticle) {
                    history.applyStored(state.key(), Json.decode(json, StoryAlerts.class));
                }
            }
            history.apply(alert, 0);
            history.apply(AlertHistory.withDeliveries(alert, List.of(
                    new Alert.Delivery("log", "delivered", 1, clock.instant(), null))), 0);
            for (StoryAlerts stored : history.seen(story, clock.instant(), STORY_WINDOW.dividedBy(12))) {
                bytes += Json.encode(stored).length();
            }
            if (!clock.instant().isBefore(nextClose)) {
                history.closeStories();
                nextClose = clock.instant().plus(Duration.ofHours(1));
            }
            if (i % (total / REPORTS) == 0) {
                long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                long used = runtime.totalMemory() - runtime.freeMemory();
                System.out.printf(Locale.ROOT, "%,9d   %13d   %15d   %14d   %12.1f   %12.2f%n", i,
                        Duration.between(START, clock.instant()).toDays(), history.size(), history.alertIds(),
                        used / 1048576.0, cpu / 1000.0 / (total / REPORTS));
                cpuBefore = threads.getCurrentThreadCpuTime();
            }
        }
        System.out.printf(Locale.ROOT, "state records written: %.1f MB of JSON in all%n", bytes / 1048576.0);
    }

    /** An article-scoped rule's alert on the {@code n}th article, of the story. */
    private static Alert perArticle(String rule, String story, int n, Instant now) {
        String article = story + "-" + n;
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, Ids.alert(rule, article, 0), now, rule, "Rule " + rule,
                "montenegro", article, "https://news.example/" + article, "Montenegro joins the talks",
                "News Example", story, 3, 0, "Montenegro joins the talks on enlargement", null, List.of("log"),
                List.of(), now);
    }

    /** The rule's next alert on the story, as the planner would raise it: first, a realert or an escalation. */
    private static Alert next(AlertHistory history, String rule, String story, Instant now, Random random) {
        StoryAlerts before = history.onStory(rule, story).orElse(null);
        String id;
        int level = 0;
        if (before == null) {
            id = Ids.alert(rule, story, 0);
        } else if (random.nextInt(5) == 0 && before.maxLevel() < 2) {
            level = before.maxLevel() + 1;
            id = Ids.alert(rule, story, level);
        } else {
            id = Ids.alert(rule, story + "@" + before.rounds(), 0);
        }
        String article = story + "-" + random.nextInt(1_000_000);
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, now, rule, "Rule " + rule, "montenegro", article,
                "https://news.example/" + article, "Montenegro joins the talks", "News Example", story, 3, level,
                "Montenegro joins the talks on enlargement", null, List.of("log"), List.of(), now);
    }
}
