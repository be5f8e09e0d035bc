package io.newswatch.poller.state;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemLedgerTest {

    private static final Instant T1 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);

    @Test
    void aPollWritesOnlyTheItemsItChangedHoweverLongTheLedger() {
        List<SeenItem> known = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            known.add(item("g" + i, "id" + i, i < 30 ? null : T1));
        }
        ItemLedger ledger = ItemLedger.of(null, known);
        // the next poll: items 1..29 still in the feed, item 0 gone, one new item
        for (int i = 1; i < 30; i++) {
            ledger.found(ledger.byGuid("g" + i));
        }
        ledger.record(item("g-new", "id-new", T2));
        ledger.settle(T2, 500);

        Map<String, ItemLedger.Entry> writes = ledger.changes("feed-1", T2).writes();
        assertThat(writes).containsOnlyKeys(ItemLedger.entryKey("feed-1", item("g-new", "x", null)),
                ItemLedger.entryKey("feed-1", item("g0", "x", null)),
                ItemLedger.entryKey("feed-1", item("g30", "x", null)));
        assertThat(writes.get("feed-1/item/gg-new").item().seen()).as("in the feed").isNull();
        assertThat(writes.get("feed-1/item/gg0").item().seen()).as("gone since this poll").isEqualTo(T2);
        assertThat(writes.get("feed-1/item/gg30")).as("forgotten: the oldest gone, 501 > 500").isNull();
        assertThat(ledger.changes("feed-1", T2).dropLegacy()).isFalse();
    }

    @Test
    void anItemFoundAgainAfterLeavingTheFeedIsWrittenOnceAsPresent() {
        ItemLedger ledger = ItemLedger.of(null, List.of(item("g1", "a", T1), item("g2", "b", null)));
        ledger.found(ledger.byGuid("g1"));
        ledger.found(ledger.byGuid("g2"));
        ledger.settle(T2, 500);
        assertThat(ledger.changes("f", T2).writes()).containsOnlyKeys("f/item/gg1");
        assertThat(ledger.byGuid("g1").seen()).isNull();
    }

    @Test
    void itemsStillInTheFeedAreNeverForgottenHoweverMany() {
        ItemLedger ledger = new ItemLedger();
        for (int i = 0; i < 20; i++) {
            ledger.record(item("g" + i, "id" + i, null));
        }
        ledger.settle(T1, 10);
        assertThat(ledger.size()).isEqualTo(20);
        // five leave the feed: forgotten down to 15 at most, never one still in it
        for (int i = 0; i < 15; i++) {
            ledger.found(ledger.byGuid("g" + i));
        }
        ledger.settle(T2, 10);
        assertThat(ledger.items()).extracting(SeenItem::id).hasSize(15).doesNotContain("id15", "id19");
    }

    @Test
    void theItemsGoneLongestAgoAreForgottenFirst() {
        ItemLedger ledger = ItemLedger.of(null, List.of(item("g1", "a", T2), item("g2", "b", T1),
                item("g3", "c", T3), item("g4", "d", null)));
        ledger.found(ledger.byGuid("g4"));
        ledger.settle(T3, 2);
        assertThat(ledger.items()).extracting(SeenItem::id).containsExactlyInAnyOrder("c", "d");
        assertThat(ledger.changes("f", T3).writes()).containsOnlyKeys("f/item/gg1", "f/item/gg2")
                .containsValues(null, null);
    }

    @Test
    void everyGuidAndEveryLinkIsHeldOnceSoEveryItemHasAKeyOfItsOwn() {
        ItemLedger ledger = new ItemLedger();
        ledger.record(new SeenItem(null, "L", "f", "no-guid", "h", 1, T1, null));
        ledger.record(new SeenItem("G", "L1", "f", "a", "h", 1, T1, null));
        // the same guid under the link of the first: both earlier items are this one now
        ledger.record(new SeenItem("G", "L", "f", "a", "h2", 2, T1, null));
        ledger.record(new SeenItem(null, "L", "f", "no-guid-2", "h", 1, T1, null));
        assertThat(ledger.items()).extracting(SeenItem::id).containsExactly("no-guid-2");
        assertThat(ledger.byGuid("G")).isNull();
        assertThat(ledger.changes("f", T1).writes()).containsOnlyKeys("f/item/lL", "f/item/gG")
                .containsEntry("f/item/gG", null);
    }

    @Test
    void aLedgerFromAnOlderVersionsSnapshotIsWrittenAgainItemByItem() {
        ItemLedger.Snapshot snapshot = new ItemLedger.Snapshot(1, ItemLedger.Snapshot.TYPE, "f", T1,
                List.of(item("g1", "a", T1), item("g2", "b", T1)));
        ItemLedger ledger = ItemLedger.of(snapshot, List.of(item("g2", "b2", null)));
        assertThat(ledger.byGuid("g2").id()).as("a record overrides the snapshot's item").isEqualTo("b2");
        ItemLedger.Changes changes = ledger.changes("f", T2);
        assertThat(changes.dropLegacy()).isTrue();
        assertThat(changes.writes()).containsOnlyKeys("f/item/gg1", "f/item/gg2");
    }

    @Test
    void keysTellTheirFeedAndKind() {
        assertThat(ItemLedger.feedIdOf("feed-9/item/gabc")).isEqualTo("feed-9");
        assertThat(ItemLedger.feedIdOf(ItemLedger.legacyKey("feed-9"))).isEqualTo("feed-9");
        assertThat(ItemLedger.feedIdOf("feed-9")).isNull();
        assertThat(ItemLedger.isEntryKey("feed-9/item/gabc")).isTrue();
        assertThat(ItemLedger.isEntryKey(ItemLedger.legacyKey("feed-9"))).isFalse();
    }

    static SeenItem item(String guid, String id, Instant seen) {
        return new SeenItem(guid, "link-" + guid, "fp-" + guid, id, "h-" + id, 1, T1, seen);
    }
}
