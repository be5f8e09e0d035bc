package io.newswatch.enricher.story;

import io.newswatch.contract.Article;
import io.newswatch.contract.Story;
import io.newswatch.tagging.Fixtures;
import io.newswatch.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.newswatch.enricher.story.StoryTexts.*;
import static org.assertj.core.api.Assertions.assertThat;

class StoryClustererTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private final List<StoryState> written = new ArrayList<>();
    private MutableClock clock = new MutableClock(T0);
    private StoryClusterer clusterer = new StoryClusterer(clock, 0.3, Duration.ofDays(3), written::add);

    private Story assign(StoryClusterer c, String domain, String title, String body, String language, Instant fetched) {
        Article article = Fixtures.article("https://" + domain + "/" + title.hashCode(), title, body, domain, language, fetched);
        Tagging tagging = Fixtures.enricher().tag(article.fullText(), title.length(), language);
        return c.assign(article, tagging);
    }

    @Test
    void copiesAndRewritesShareAStoryAndDifferentStoriesDoNot() {
        Story wire = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        Story copy = assign(clusterer, "daily.example", COPY_TITLE, COPY, "en", T0.plusSeconds(600));
        Story rewrite = assign(clusterer, "herald.example", REWRITE_TITLE, REWRITE, "en", T0.plusSeconds(1200));
        Story other = assign(clusterer, "wire.example", OTHER_TITLE, OTHER, "en", T0.plusSeconds(1800));

        assertThat(copy.id()).isEqualTo(wire.id());
        assertThat(rewrite.id()).isEqualTo(wire.id());
        assertThat(other.id()).isNotEqualTo(wire.id());
        assertThat(rewrite.firstArticleId()).isEqualTo(wire.firstArticleId());
        assertThat(rewrite.firstSeen()).isEqualTo(T0);
        assertThat(rewrite.articles()).isEqualTo(3);
        assertThat(rewrite.outlets()).isEqualTo(3);
        assertThat(rewrite.languages()).isEqualTo(1);
    }

    @Test
    void similarityIsHighForCopiesAndLowForOtherStories() {
        int[] wire = signature(WIRE_TITLE, WIRE);
        assertThat(MinHasher.similarity(wire, signature(COPY_TITLE, COPY))).isGreaterThan(0.6);
        assertThat(MinHasher.similarity(wire, signature(REWRITE_TITLE, REWRITE))).isGreaterThan(0.3);
        assertThat(MinHasher.similarity(wire, signature(OTHER_TITLE, OTHER))).isLessThan(0.15);
    }

    private static int[] signature(String title, String body) {
        return MinHasher.signature(Fixtures.enricher().tag(title + "\n\n" + body, title.length(), "en").tokens());
    }

    @Test
    void shortItemsJoinOnlyWhenTheyReallyAreTheSameHeadline() {
        Story a = assign(clusterer, "one.example", "Russia says it will respond to NATO move", "", "en", T0);
        Story b = assign(clusterer, "two.example", "Ukraine says it will respond to Russian strike", "", "en", T0);
        Story c = assign(clusterer, "three.example", "Russia says it will respond to NATO move in the Baltic", "", "en", T0);
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(c.id()).isEqualTo(a.id());
    }

    @Test
    void aReplayedArticleIsNotCountedTwice() {
        Story first = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        Story again = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        assertThat(again).isEqualTo(first);
        assertThat(written).hasSize(1);
    }

    @Test
    void aRestartRebuildsTheClustersFromWhatWasWritten() {
        Story wire = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        assign(clusterer, "daily.example", COPY_TITLE, COPY, "en", T0.plusSeconds(60));

        StoryClusterer restarted = new StoryClusterer(clock, 0.3, Duration.ofDays(3), s -> { });
        written.forEach(restarted::apply);
        Story rewrite = assign(restarted, "presse.example", REWRITE_TITLE, REWRITE, "fr", T0.plusSeconds(120));
        assertThat(rewrite.id()).isEqualTo(wire.id());
        assertThat(rewrite.articles()).isEqualTo(3);
        assertThat(rewrite.languages()).isEqualTo(2);
    }

    @Test
    void storiesCloseAfterTheWindowWithATombstone() {
        Story wire = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        clock.now = T0.plus(Duration.ofDays(4));
        Story late = assign(clusterer, "daily.example", COPY_TITLE, COPY, "en", clock.now);
        assertThat(late.id()).isNotEqualTo(wire.id());
        assertThat(written).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(wire.id());
            assertThat(s.articles()).isZero();
        });
    }

    @Test
    void thePrintsCountTheEqualNibblesOfTheValuesSoNeverFewerThanTheEqualValues() {
        java.util.Random random = new java.util.Random(13);
        for (int run = 0; run < 20_000; run++) {
            int[] a = new int[MinHasher.SIZE];
            int[] b = new int[MinHasher.SIZE];
            int sharedRate = random.nextInt(101);
            for (int i = 0; i < MinHasher.SIZE; i++) {
                a[i] = random.nextInt() & 0x7ffffffe;
                // a few values differ from a's in one bit only (never the same nibble then)
                b[i] = random.nextInt(100) < sharedRate ? a[i]
                        : random.nextBoolean() ? a[i] ^ (1 << random.nextInt(31)) : random.nextInt() & 0x7ffffffe;
            }
            long[] printA = StoryClusterer.print(a);
            long[] printB = StoryClusterer.print(b);
            int equalValues = 0;
            int equalNibbles = 0;
            for (int i = 0; i < MinHasher.SIZE; i++) {
                equalValues += a[i] == b[i] ? 1 : 0;
                equalNibbles += (printA[i / 16] >>> (i % 16 * 4) & 0xF) == (printB[i / 16] >>> (i % 16 * 4) & 0xF) ? 1 : 0;
            }
            long[] stored = new long[3 * StoryClusterer.PRINT_LONGS];
            System.arraycopy(printB, 0, stored, StoryClusterer.PRINT_LONGS, StoryClusterer.PRINT_LONGS);
            int counted = StoryClusterer.sharedNibbles(printA, stored, StoryClusterer.PRINT_LONGS);
            assertThat(counted).isEqualTo(equalNibbles).isGreaterThanOrEqualTo(equalValues);
        }
    }

    @Test
    void theEarlyExitComparisonAgreesWithTheFullSimilarity() {
        java.util.Random random = new java.util.Random(11);
        for (int run = 0; run < 20_000; run++) {
            int[] a = new int[MinHasher.SIZE];
            int[] b = new int[MinHasher.SIZE];
            int sharedRate = random.nextInt(101);
            for (int i = 0; i < MinHasher.SIZE; i++) {
                a[i] = random.nextInt(8);
                b[i] = random.nextInt(100) < sharedRate ? a[i] : random.nextInt(8);
            }
            double similarity = MinHasher.similarity(a, b);
            double best = random.nextInt(66) / 64.0 - (random.nextBoolean() ? 0 : 0.001);
            int shared = MinHasher.sharedAtLeast(a, b, StoryClusterer.needed(best));
            if (similarity >= best) {
                assertThat(shared / (double) MinHasher.SIZE).isEqualTo(similarity);
            } else if (shared != -1) { // told apart by the full comparison (a best above 1 needs all 64 and more)
                assertThat(shared / (double) MinHasher.SIZE).isEqualTo(similarity);
            }
            if (similarity < best && best <= 1) {
                assertThat(shared).isEqualTo(-1);
            }
        }
        assertThat(StoryClusterer.needed(0.3)).isEqualTo(20);
        assertThat(StoryClusterer.needed(20 / 64.0)).isEqualTo(20);
    }

    @Test
    void aClosedStorysPlaceInTheIndexIsTakenByLaterStoriesWithoutMixingThemUp() {
        Story wire = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        clock.now = T0.plus(Duration.ofDays(4));
        Story other = assign(clusterer, "wire.example", OTHER_TITLE, OTHER, "en", clock.now); // closes wire's story
        Story wireAgain = assign(clusterer, "two.example", WIRE_TITLE, WIRE, "en", clock.now);
        Story copy = assign(clusterer, "daily.example", COPY_TITLE, COPY, "en", clock.now);
        assertThat(wireAgain.id()).isNotEqualTo(wire.id()).isNotEqualTo(other.id());
        assertThat(copy.id()).isEqualTo(wireAgain.id());
        assertThat(clusterer.size()).isEqualTo(2);
    }

    @Test
    void aStoryPastItsCapOfArticleIdsStillKnowsTheIdsItKeeps() {
        Story first = assign(clusterer, "outlet0.example", WIRE_TITLE, WIRE, "en", T0);
        for (int k = 1; k <= StoryClusterer.MAX_ARTICLE_IDS + 2; k++) {
            assertThat(assign(clusterer, "outlet" + k + ".example", WIRE_TITLE, WIRE, "en", T0).id()).isEqualTo(first.id());
        }
        int articles = StoryClusterer.MAX_ARTICLE_IDS + 3;
        // a kept article's replay is the same story, not counted again; the first three ids fell off the list
        Story replay = assign(clusterer, "outlet10.example", WIRE_TITLE, WIRE, "en", T0);
        assertThat(replay.articles()).isEqualTo(articles);
        Story again = assign(clusterer, "outlet0.example", WIRE_TITLE, WIRE, "en", T0);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.articles()).isEqualTo(articles + 1);
    }

    @Test
    void anArticleNamedByTwoStoriesBelongsToTheOneChangedLast() {
        Story wire = assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0);
        String articleId = Fixtures.article("https://wire.example/" + WIRE_TITLE.hashCode(), WIRE_TITLE, WIRE,
                "wire.example", "en", T0).id();
        // another instance's story that names the same article (written later)
        StoryState elsewhere = new StoryState("story-elsewhere", "other-article", T0, T0, 2, List.of("x.example"),
                List.of("en"), List.of("other-article", articleId), List.of(), T0.plusSeconds(5));
        clusterer.apply(elsewhere);
        assertThat(assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0).id()).isEqualTo("story-elsewhere");
        // the wire's story changes again: its articles are its own again
        assertThat(assign(clusterer, "daily.example", COPY_TITLE, COPY, "en", T0.plusSeconds(60)).id())
                .isEqualTo(wire.id());
        assertThat(assign(clusterer, "wire.example", WIRE_TITLE, WIRE, "en", T0).id()).isEqualTo(wire.id());
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
