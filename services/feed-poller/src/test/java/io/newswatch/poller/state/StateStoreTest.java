package io.newswatch.poller.state;

import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateStoreTest {

    private static final Instant T1 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private final StateStore store = new StateStore();

    @Test
    void anOlderStateDoesNotReplaceANewerOne() {
        store.apply("feed-1", Json.encode(FeedState.initial("feed-1", T2)));
        store.apply("feed-1", Json.encode(FeedState.initial("feed-1", T1)));
        assertThat(store.state("feed-1")).get().extracting(FeedState::timestamp).isEqualTo(T2);
        store.apply("feed-1", null);
        assertThat(store.state("feed-1")).isEmpty();
    }

    @Test
    void publishedArticlesAreIndexedAcrossFeedsAtTheirLatestRevision() {
        store.apply(ItemLedger.key("feed-1"), Json.encode(ledger("feed-1", T1, item("g1", "article-a", "h1", 1))));
        store.apply(ItemLedger.key("feed-2"), Json.encode(ledger("feed-2", T1, item("g2", "article-a", "h2", 2),
                item("g3", "article-b", "h3", 1))));
        assertThat(store.published("article-a")).get().extracting(SeenItem::revision).isEqualTo(2);
        assertThat(store.publishedArticles()).isEqualTo(2);

        store.apply(ItemLedger.key("feed-2"), Json.encode(ledger("feed-2", T2, item("g3", "article-b", "h3", 1))));
        assertThat(store.published("article-a")).get().extracting(SeenItem::contentHash).isEqualTo("h1");
        store.remove("feed-1");
        assertThat(store.published("article-a")).isEmpty();
        assertThat(store.published("article-b")).isPresent();
    }

    @Test
    void theLedgerReplacesAnItemByGuidOrLinkAndForgetsTheLeastRecentlySeen() {
        ItemLedger ledger = new ItemLedger();
        ledger.record(item("g1", "a", "h1", 1));
        ledger.record(new SeenItem("g1", "link-x", "f", "a", "h2", 2, T1, T2));
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(ledger.byGuid("g1").contentHash()).isEqualTo("h2");
        for (int i = 0; i < 5; i++) {
            ledger.record(new SeenItem("g" + (i + 10), "l" + i, "f", "id" + i, "h", 1, T1, T1.plusSeconds(i)));
        }
        ledger.prune(3, T2);
        assertThat(ledger.items()).extracting(SeenItem::id).containsExactlyInAnyOrder("a", "id3", "id4");
        assertThat(ItemLedger.feedIdOf(ItemLedger.key("feed-9"))).isEqualTo("feed-9");
        assertThat(ItemLedger.feedIdOf("feed-9")).isNull();
    }

    @Test
    void itemsStillInTheFeedAreNeverForgottenHoweverMany() {
        ItemLedger ledger = new ItemLedger();
        for (int i = 0; i < 20; i++) {
            ledger.record(new SeenItem("g" + i, "l" + i, "f", "id" + i, "h", 1, T1, i < 15 ? T2 : T1));
        }
        ledger.prune(10, T2);
        assertThat(ledger.items()).extracting(SeenItem::id).hasSize(15).doesNotContain("id15", "id19");
    }

    private static ItemLedger.Snapshot ledger(String feedId, Instant at, SeenItem... items) {
        return new ItemLedger.Snapshot(1, ItemLedger.Snapshot.TYPE, feedId, at, List.of(items));
    }

    private static SeenItem item(String guid, String id, String hash, int revision) {
        return new SeenItem(guid, "link-" + guid, "fp-" + guid, id, hash, revision, T1, T1);
    }
}
