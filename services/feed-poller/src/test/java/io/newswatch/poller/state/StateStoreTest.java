package io.newswatch.poller.state;

import io.newswatch.contract.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        write(store, "feed-1", T1, item("g1", "article-a", "h1", 1));
        write(store, "feed-2", T1, item("g2", "article-a", "h2", 2), item("g3", "article-b", "h3", 1));
        assertThat(store.published("article-a")).get().extracting(SeenItem::revision).isEqualTo(2);
        assertThat(store.publishedArticles()).isEqualTo(2);

        store.apply("feed-2/item/gg2", null);
        assertThat(store.published("article-a")).get().extracting(SeenItem::contentHash).isEqualTo("h1");
        store.remove("feed-1");
        assertThat(store.published("article-a")).isEmpty();
        assertThat(store.published("article-b")).isPresent();
        assertThat(store.entryKeys("feed-2")).containsExactly("feed-2/item/gg3");
    }

    @Test
    void anOlderItemRecordDoesNotReplaceANewerOne() {
        write(store, "feed-1", T2, item("g1", "article-a", "h2", 2));
        write(store, "feed-1", T1, item("g1", "article-a", "h1", 1));
        assertThat(store.ledger("feed-1").byGuid("g1").contentHash()).isEqualTo("h2");
        assertThat(store.published("article-a")).get().extracting(SeenItem::revision).isEqualTo(2);
    }

    @Test
    void aLedgerReadBackFromItsRecordsIsTheLedgerThatWroteThem() {
        ItemLedger ledger = new ItemLedger();
        for (int i = 0; i < 40; i++) {
            ledger.record(item("g" + i, "a" + i, "h", 1));
        }
        ledger.settle(T1, 30);
        topic(store, ledger.changes("feed-1", T1));
        for (int i = 5; i < 40; i++) {
            ledger.found(ledger.byGuid("g" + i));
        }
        ledger.record(item("g40", "a40", "h", 1));
        ledger.settle(T2, 30);
        topic(store, ledger.changes("feed-1", T2));

        assertThat(store.ledger("feed-1").items()).containsExactlyInAnyOrderElementsOf(ledger.items());
        assertThat(store.ledger("feed-1").changes("feed-1", T2).isEmpty()).isTrue();
    }

    /**
     * A poll's records are written one by one: an instance that dies mid-write leaves some written and some not.
     * Whatever prefix made it, the ledger read back holds every item whose record was written as written, every
     * other item as before the poll (so an item published but not recorded is published again: at least once, as
     * with the whole-ledger record), and no item twice.
     */
    @Test
    void aLedgerReopenedAfterACrashMidWriteHoldsEachItemAsLastWritten() {
        ItemLedger first = new ItemLedger();
        for (int i = 0; i < 10; i++) {
            first.record(item("g" + i, "a" + i, "h", 1));
        }
        first.settle(T1, 10);
        ItemLedger.Changes before = first.changes("feed-1", T1);

        ItemLedger second = ItemLedger.of(null, first.items());
        for (int i = 3; i < 10; i++) {
            second.found(second.byGuid("g" + i));
        }
        second.record(item("g10", "a10", "h", 1));
        second.record(item("g11", "a11", "h", 1));
        second.record(item("g5", "a5", "h-changed", 2));
        second.settle(T2, 10);
        List<Map.Entry<String, ItemLedger.Entry>> writes = new ArrayList<>(second.changes("feed-1", T2).writes().entrySet());
        assertThat(writes).hasSizeGreaterThan(3);

        for (int written = 0; written <= writes.size(); written++) {
            StateStore reopened = new StateStore();
            topic(reopened, before);
            for (Map.Entry<String, ItemLedger.Entry> write : writes.subList(0, written)) {
                reopened.apply(write.getKey(), write.getValue() == null ? null : Json.encode(write.getValue()));
            }
            ItemLedger read = reopened.ledger("feed-1");
            for (Map.Entry<String, ItemLedger.Entry> write : writes) {
                String guid = write.getKey().substring("feed-1/item/g".length());
                boolean applied = writes.indexOf(write) < written;
                SeenItem expected = applied ? (write.getValue() == null ? null : write.getValue().item())
                        : first.byGuid(guid);
                assertThat(read.byGuid(guid)).as("%s after %d of %d writes", guid, written, writes.size())
                        .isEqualTo(expected);
            }
            assertThat(read.items()).extracting(SeenItem::guidKey).doesNotHaveDuplicates();
        }
    }

    @Test
    void anOlderVersionsSnapshotStaysUntilItsItemsAreWrittenAgain() {
        ItemLedger.Snapshot snapshot = new ItemLedger.Snapshot(1, ItemLedger.Snapshot.TYPE, "feed-1", T1,
                List.of(item("g1", "a1", "h", 1), item("g2", "a2", "h", 1)));
        store.apply(ItemLedger.legacyKey("feed-1"), Json.encode(snapshot));
        assertThat(store.published("a1")).isPresent();
        ItemLedger.Changes migration = store.ledger("feed-1").changes("feed-1", T2);
        assertThat(migration.dropLegacy()).isTrue();

        // only one item record written before a crash: the snapshot is still there, so nothing is lost
        StateStore crashed = new StateStore();
        crashed.apply(ItemLedger.legacyKey("feed-1"), Json.encode(snapshot));
        crashed.apply("feed-1/item/gg1", Json.encode(migration.writes().get("feed-1/item/gg1")));
        assertThat(crashed.ledger("feed-1").items()).extracting(SeenItem::id).containsExactlyInAnyOrder("a1", "a2");
        assertThat(crashed.ledger("feed-1").changes("feed-1", T2).dropLegacy()).as("migrated again").isTrue();

        // all written, then the snapshot deleted
        topic(store, migration);
        store.apply(ItemLedger.legacyKey("feed-1"), null);
        assertThat(store.ledger("feed-1").items()).extracting(SeenItem::id).containsExactlyInAnyOrder("a1", "a2");
        assertThat(store.ledger("feed-1").changes("feed-1", T2).isEmpty()).isTrue();
        assertThat(store.published("a2")).isPresent();
    }

    @Test
    void theEchoOfThisInstancesOwnWriteIsNotDecodedAgain() {
        FeedState state = FeedState.initial("feed-1", T1);
        String json = store.writeState("feed-1", state);
        assertThat(json).isEqualTo(Json.encode(state));
        ItemLedger ledger = new ItemLedger();
        ledger.record(item("g1", "article-a", "h1", 1));
        ledger.settle(T1, 30);
        ItemLedger.Changes changes = ledger.changes("feed-1", T1);
        store.apply(changes);
        String key = changes.writes().keySet().iterator().next();
        String entryJson = store.writeEntry("feed-1", key);

        store.apply(key, entryJson);
        store.apply("feed-1", json);
        assertThat(store.echoesSkipped()).isEqualTo(2);
        assertThat(store.state("feed-1")).contains(state);
        assertThat(store.published("article-a")).isPresent();
        // the same value again is someone else's write: decoded as any record
        store.apply("feed-1", json);
        assertThat(store.echoesSkipped()).isEqualTo(2);
        // what the echo would have put in the store is what the store holds already
        assertThat(Json.decode(json, FeedState.class)).isEqualTo(state);
        assertThat(Json.decode(entryJson, ItemLedger.Entry.class)).isEqualTo(store.entry("feed-1", key));
    }

    @Test
    void anEchoAfterAnotherRecordOfItsKeyIsAppliedAsAnyRecord() {
        String json = store.writeState("feed-1", FeedState.initial("feed-1", T1));
        store.apply("feed-1", null);
        store.apply("feed-1", json);
        assertThat(store.echoesSkipped()).isZero();
        assertThat(store.state("feed-1")).isPresent();

        String older = store.writeState("feed-2", FeedState.initial("feed-2", T1));
        store.writeState("feed-2", FeedState.initial("feed-2", T2));
        store.apply("feed-2", older);
        assertThat(store.echoesSkipped()).isZero();
        assertThat(store.state("feed-2")).get().extracting(FeedState::timestamp).isEqualTo(T2);

        String gone = store.writeState("feed-3", FeedState.initial("feed-3", T1));
        store.remove("feed-3");
        store.apply("feed-3", gone);
        assertThat(store.echoesSkipped()).isZero();
        assertThat(store.state("feed-3")).isPresent();
    }

    /** A poll's changes as the topic carries them: JSON, one record per key, read back in order. */
    private static void topic(StateStore store, ItemLedger.Changes changes) {
        changes.writes().forEach((key, entry) -> store.apply(key, entry == null ? null : Json.encode(entry)));
    }

    private static void write(StateStore store, String feedId, Instant at, SeenItem... items) {
        for (SeenItem item : items) {
            store.apply(ItemLedger.entryKey(feedId, item), Json.encode(new ItemLedger.Entry(ItemLedger.Entry.SCHEMA_VERSION,
                    ItemLedger.Entry.TYPE, feedId, at, item)));
        }
    }

    private static SeenItem item(String guid, String id, String hash, int revision) {
        return new SeenItem(guid, "link-" + guid, "fp-" + guid, id, hash, revision, T1, null);
    }
}
