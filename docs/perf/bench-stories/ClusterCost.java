import io.newswatch.bench.CorpusGenerator;
import io.newswatch.bench.NewsArticle;
import io.newswatch.contract.Article;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.enricher.story.StoryState;
import io.newswatch.tagging.Fixtures;
import io.newswatch.tagging.Tagging;
import io.newswatch.tagging.text.Boilerplate;
import io.newswatch.tagging.text.Tokenizer;
import io.newswatch.tagging.text.Tokens;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The story clusterer's CPU per assignment against the number of open stories, over the bench corpus (seed 42):
 * articles are tokenized (the story signature's only input; no tagging) and assigned until the clusterer holds each
 * level of open stories, then the next BATCH articles are assigned alone under the thread's CPU clock. Also prints
 * a checksum of every story returned and every state written, to compare two builds' assignments.
 *
 * <p>Usage: ClusterCost LEVELS BATCH [churn]. LEVELS like 1000,10000,20000,50000. With {@code churn}, the clock
 * moves 7 hours every 500 articles (stories close after 3 days) and one article in ten is a replay of an earlier one:
 * the checksum then covers expiry and replays too (no timing levels are reached past the window).
 */
public class ClusterCost {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Item(Article article, Tagging tagging) {
    }

    static long checksum = 1;
    static long states;

    static void fold(String s) {
        checksum = checksum * 31 + s.hashCode();
    }

    public static void main(String[] args) {
        List<Integer> levels = new ArrayList<>();
        for (String l : args[0].split(",")) {
            levels.add(Integer.parseInt(l));
        }
        int batch = Integer.parseInt(args[1]);
        boolean churn = args.length > 2 && args[2].equals("churn");
        MovingClock clock = new MovingClock();
        StoryClusterer clusterer = new StoryClusterer(clock, 0.3, Duration.ofDays(3), s -> {
            states++;
            fold(s.id());
            fold(String.valueOf(s.articles()));
            s.articleIds().forEach(ClusterCost::fold);
            s.signatures().forEach(sig -> fold(java.util.Arrays.toString(sig)));
            fold(s.lastSeen().toString());
        });
        CorpusGenerator corpus = new CorpusGenerator(42);
        var thread = ManagementFactory.getThreadMXBean();
        List<Item> earlier = new ArrayList<>();
        long assigned = 0;
        int level = 0;
        long articlesSeen = 0;
        while (level < levels.size()) {
            if (!churn && clusterer.size() >= levels.get(level)) {
                List<Item> items = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    items.add(next(corpus, clock, articlesSeen++));
                }
                int open = clusterer.size();
                long cpu0 = thread.getCurrentThreadCpuTime();
                List<String> ids = new ArrayList<>(batch);
                for (Item item : items) {
                    ids.add(clusterer.assign(item.article(), item.tagging()).id());
                }
                long cpu = thread.getCurrentThreadCpuTime() - cpu0;
                ids.forEach(ClusterCost::fold);
                assigned += batch;
                Runtime rt = Runtime.getRuntime();
                System.out.printf("%,7d open stories (%,d articles before): %,8.1f µs of thread CPU per assignment "
                                + "(%,d articles); heap used %,d MiB%n", open, articlesSeen - batch, cpu / 1e3 / batch,
                        batch, (rt.totalMemory() - rt.freeMemory()) >> 20);
                level++;
                continue;
            }
            Item item = next(corpus, clock, articlesSeen++);
            if (churn) {
                if (articlesSeen % 500 == 0) {
                    clock.now = clock.now.plus(Duration.ofHours(7));
                }
                if (articlesSeen % 10 == 0 && !earlier.isEmpty()) {
                    item = earlier.get((int) ((articlesSeen * 7919) % earlier.size()));
                } else if (earlier.size() < 5000) {
                    earlier.add(item);
                } else {
                    earlier.set((int) (articlesSeen % 5000), item);
                }
                if (articlesSeen >= levels.get(level)) {
                    level++;
                }
            }
            fold(clusterer.assign(item.article(), item.tagging()).id());
            assigned++;
        }
        System.out.printf("%,d assignments, %,d states written, %,d stories open; checksum %016x%n", assigned, states,
                clusterer.size(), checksum);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after GC with the clusterer: %,d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (clusterer.size() < 0) {
            throw new IllegalStateException(); // keeps the clusterer reachable until here
        }
    }

    static Item next(CorpusGenerator corpus, MovingClock clock, long n) {
        NewsArticle a = corpus.next();
        String body = String.join("\n\n", a.paragraphs());
        String domain = "site" + (n % 7) + ".example";
        Article article = Fixtures.article("https://" + domain + "/" + a.slug() + "/" + n, a.title(), body, domain,
                "en", clock.instant());
        String text = article.fullText();
        Tokens tokens = Tokenizer.tokenize(text, "en");
        for (int i = 0; i < tokens.size() && tokens.start(i) < a.title().length(); i++) {
            tokens.mark(i, Tokens.TITLE);
        }
        Boilerplate.mark(tokens);
        return new Item(article, new Tagging("en", tokens, List.of(), List.of(), List.of()));
    }
}
