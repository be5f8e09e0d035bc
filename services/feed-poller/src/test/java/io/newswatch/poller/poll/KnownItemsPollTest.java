package io.newswatch.poller.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Article;
import io.newswatch.contract.Json;
import io.newswatch.poller.state.SeenItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known items are not read again ({@code ItemLedger} keeps each item's element hash): a poll must still publish
 * exactly what it published when every item was read, item changes included, and a ledger written by the code
 * before element hashes (records without {@code itemHash}) must load and give the same polls; and the same when
 * known items are cut out of the feed's text before the XML read ({@code itemRawHash}), with a ledger written before
 * text hashes too.
 */
class KnownItemsPollTest {

    static CorpusSite site;
    static final AtomicReference<String> FEED = new AtomicReference<>();

    @BeforeAll
    static void serve() throws Exception {
        site = new CorpusSite();
        site.route("/known.xml", exchange -> CorpusSite.send(exchange, 200, "application/rss+xml",
                FEED.get().getBytes(StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The feed's versions, polled in turn: each poll has new, changed and unchanged items. */
    static List<String> versions(String base) {
        List<String> versions = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            items.add(CorpusSite.item("Story " + i, base, "/story/", "known", i, "Text of story " + i + "."));
        }
        versions.add(feed(items));
        versions.add(feed(items));
        // a description corrected, a link moved (same guid), a category added, a guid changed, a new item
        items.set(1, items.get(1).replace("Text of story 2.", "Text of story 2, corrected."));
        items.set(2, items.get(2).replace("/story/3<", "/story/3-moved<"));
        items.set(3, items.get(3).replace("</item>", "<category>Harbours</category></item>"));
        items.set(4, items.get(4).replace("<guid>known-5</guid>", "<guid>known-5b</guid>"));
        items.add(CorpusSite.item("Story 7", base, "/story/", "known", 7, "Text of story 7."));
        versions.add(feed(items));
        versions.add(feed(items));
        // the title of story 1 changed: same guid, a new link key; the date of story 6 changed (order only)
        items.set(0, items.get(0).replace("<title>Story 1</title>", "<title>Story 1, updated</title>"));
        items.set(5, items.get(5).replace("<pubDate>", "<pubDate>Sun, 01 Mar 2020 09:00:00 GMT</pubDate><x>")
                .replace("</pubDate><description>", "</x><description>"));
        versions.add(feed(items));
        versions.add(feed(items));
        return versions;
    }

    private static String feed(List<String> items) {
        StringBuilder text = new StringBuilder("<rss version=\"2.0\"><channel><title>Known</title><link>")
                .append(site.base()).append("/</link>");
        items.reversed().forEach(text::append);
        return text.append("</channel></rss>").toString();
    }

    /** What each poll published (id, revision, content hash, title), polling the versions in turn. */
    private static List<List<String>> polls(PollHarness harness) throws InterruptedException {
        List<List<String>> polls = new ArrayList<>();
        for (String version : versions(site.base())) {
            FEED.set(version);
            polls.add(harness.poll().stream().map(KnownItemsPollTest::describe).toList());
        }
        return polls;
    }

    private static String describe(Article a) {
        return a.id() + " r" + a.revision() + " " + a.contentHash() + " " + a.title() + " " + a.categories();
    }

    /**
     * A ledger record as the code before element hashes wrote it: without {@code itemHash}, {@code itemPublished}
     * (and {@code itemRawHash}).
     */
    static String withoutItemHash(String json) {
        try {
            ObjectNode entry = (ObjectNode) Json.mapper().readTree(json);
            ObjectNode item = (ObjectNode) entry.get("item");
            item.remove("itemHash");
            item.remove("itemPublished");
            item.remove("itemRawHash");
            return Json.mapper().writeValueAsString(entry);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pollsPublishTheSameWhetherKnownItemsAreReadOrSkipped() throws Exception {
        List<List<String>> skipped;
        List<List<String>> read;
        double skippedUnchanged;
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false)) {
            skipped = polls(harness);
            skippedUnchanged = harness.meters.counter("newswatch.poller.items.skipped", "reason", "unchanged").count();
            // polls 3 and 5 (each other poll's body is the last one's: not parsed): stories 1 and 6 at poll 3, stories
            // 2, 3, 5 and 7 at poll 5; story 4's element changed at poll 3 without a change of what is published: read
            // at each poll since, its first hash kept (replacing it would write the ledger at each poll)
            assertThat(harness.meters.counter("newswatch.poller.items.not.read").count()).isEqualTo(6);
            assertThat(harness.ledger().items()).allSatisfy(item -> assertThat(item.itemHash()).isNotNull());
        }
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false)) {
            // records without hashes: every item read at every poll, as before element hashes
            harness.ledgerWrittenAs(KnownItemsPollTest::withoutItemHash);
            read = polls(harness);
            assertThat(harness.meters.counter("newswatch.poller.items.skipped", "reason", "unchanged").count())
                    .isEqualTo(skippedUnchanged);
            assertThat(harness.meters.counter("newswatch.poller.items.not.read").count()).isZero();
            assertThat(harness.ledger().items()).allSatisfy(item -> assertThat(item.itemHash()).isNull());
        }
        assertThat(skipped).isEqualTo(read);
        assertThat(skipped.get(0)).hasSize(6);
        assertThat(skipped.get(1)).isEmpty();
        // story 2 corrected (revision 2), story 3 under its new link, story 7 new; story 4's category is not in the
        // fingerprint and story 5 under a new guid is the same article (a duplicate): neither is published again
        assertThat(skipped.get(2)).hasSize(3);
        assertThat(skipped.get(2)).anySatisfy(a -> assertThat(a).contains(" r2 ").contains("Story 2 "));
        assertThat(skipped.get(2)).anySatisfy(a -> assertThat(a).contains("Story 3 "));
        assertThat(skipped.get(3)).isEmpty();
        assertThat(skipped.get(4)).hasSize(1).allSatisfy(a -> assertThat(a).contains("Story 1, updated"));
        assertThat(skipped.get(5)).isEmpty();
    }

    @Test
    void aLedgerWrittenWithoutElementHashesLoadsAndGetsThemOnce() throws Exception {
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false)) {
            List<String> versions = versions(site.base());
            harness.ledgerWrittenAs(KnownItemsPollTest::withoutItemHash);
            FEED.set(versions.get(0));
            assertThat(harness.poll()).hasSize(6);
            assertThat(harness.ledger().items()).hasSize(6).allSatisfy(item -> assertThat(item.itemHash()).isNull());
            // the new code on that ledger (at the feed's next change: the same body is not parsed again): the same
            // articles as when every item is read, and each item in the feed gets its element's hash
            harness.ledgerWrittenAs(json -> json);
            FEED.set(versions.get(2));
            assertThat(harness.poll()).hasSize(3);
            assertThat(harness.ledger().items().stream().filter(item -> item.seen() == null).toList()).hasSize(7)
                    .allSatisfy(item -> assertThat(item.itemHash()).isNotNull());
            FEED.set(versions.get(4));
            assertThat(harness.poll()).hasSize(1);
        }
    }

    /** A ledger record as the code before text hashes wrote it: without {@code itemRawHash}. */
    static String withoutRawHash(String json) {
        try {
            ObjectNode entry = (ObjectNode) Json.mapper().readTree(json);
            ((ObjectNode) entry.get("item")).remove("itemRawHash");
            return Json.mapper().writeValueAsString(entry);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pollsPublishTheSameWhetherKnownItemsAreCutOutOfTheTextOrNot() throws Exception {
        List<List<String>> cut;
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false)) {
            cut = polls(harness);
            // the 6 items not read are the ones whose text is as recorded: all cut out of the text
            assertThat(harness.meters.counter("newswatch.poller.items.not.read").count()).isEqualTo(6);
            assertThat(harness.meters.counter("newswatch.poller.items.cut").count()).isEqualTo(6);
            assertThat(harness.ledger().items()).allSatisfy(item -> assertThat(item.itemRawHash()).isNotNull());
        }
        List<List<String>> notCut;
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false,
                new io.newswatch.poller.parse.FeedParser(1000, false))) {
            notCut = polls(harness);
            assertThat(harness.meters.counter("newswatch.poller.items.not.read").count()).isEqualTo(6);
            assertThat(harness.meters.counter("newswatch.poller.items.cut").count()).isZero();
            assertThat(harness.ledger().items()).allSatisfy(item -> assertThat(item.itemRawHash()).isNull());
        }
        List<List<String>> beforeTextHashes;
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false)) {
            harness.ledgerWrittenAs(KnownItemsPollTest::withoutRawHash);
            beforeTextHashes = polls(harness);
            assertThat(harness.meters.counter("newswatch.poller.items.not.read").count()).isEqualTo(6);
            assertThat(harness.meters.counter("newswatch.poller.items.cut").count()).isZero();
        }
        assertThat(cut).isEqualTo(notCut).isEqualTo(beforeTextHashes);
        assertThat(cut.get(0)).hasSize(6);
        assertThat(cut.get(2)).hasSize(3);
        assertThat(cut.get(4)).hasSize(1);
    }

    @Test
    void aLedgerWrittenWithoutTextHashesLoadsAndGetsThemOnce() throws Exception {
        try (PollHarness harness = new PollHarness(site.base() + "/known.xml", false)) {
            List<String> versions = versions(site.base());
            harness.ledgerWrittenAs(KnownItemsPollTest::withoutRawHash);
            FEED.set(versions.get(0));
            assertThat(harness.poll()).hasSize(6);
            assertThat(harness.ledger().items()).hasSize(6).allSatisfy(item -> {
                assertThat(item.itemHash()).isNotNull();
                assertThat(item.itemRawHash()).isNull();
            });
            // this code on that ledger: the known items (stories 1 and 6) are known by their element's hash and get
            // their text's; the new and changed ones are recorded with it; story 4's element changed without a
            // change of what is published: it keeps its first hashes (without a text hash) and is read
            harness.ledgerWrittenAs(json -> json);
            FEED.set(versions.get(2));
            assertThat(harness.poll()).hasSize(3);
            assertThat(harness.meters.counter("newswatch.poller.items.cut").count()).isZero();
            assertThat(harness.meters.counter("newswatch.poller.items.not.read").count()).isEqualTo(2);
            assertThat(harness.ledger().items().stream().filter(item -> item.seen() == null)
                    .filter(item -> item.itemRawHash() != null).toList()).hasSize(6);
            // the next change: stories 2, 3, 5 and 7 cut out of the text (1 and 6 changed, 4 read)
            FEED.set(versions.get(4));
            assertThat(harness.poll()).hasSize(1);
            assertThat(harness.meters.counter("newswatch.poller.items.cut").count()).isEqualTo(4);
        }
    }
}
