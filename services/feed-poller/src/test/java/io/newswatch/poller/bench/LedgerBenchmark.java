package io.newswatch.poller.bench;

import io.newswatch.contract.Json;
import io.newswatch.poller.state.ItemLedger;
import io.newswatch.poller.state.SeenItem;
import io.newswatch.poller.state.StateStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What keeping one feed's item ledger costs per poll, as a function of its size: a feed of 30 items with 2 new
 * ones per poll (the bench's feeds) and {@code remembered} items that left it. "whole" is the way before
 * 2026-12-06 (every poll encoded the whole ledger as one record, and the instance decoded it again when the
 * state topic echoed it back and re-indexed every item); "per item" writes and reads back only the records the
 * poll changed. Both include building the poll's ledger from the store and the poll's own bookkeeping. Thread CPU
 * per poll, one thread, warm.
 *
 * <pre>./mvnw -q -pl services/feed-poller -Pbench test-compile exec:exec -Dbench.main=io.newswatch.poller.bench.LedgerBenchmark</pre>
 */
public final class LedgerBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.out.printf("item ledger per poll (a 30-item feed, 2 new items per poll), %s, load %.1f%n", Instant.now(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  %-10s %14s %14s %10s%n", "ledger", "whole µs/poll", "per item µs/poll", "ratio");
        for (int size : new int[] {30, 100, 300, 530}) {
            double whole = 0;
            double perItem = 0;
            for (int round = 0; round < 5; round++) {
                whole = best(whole, run(size, true));
                perItem = best(perItem, run(size, false));
            }
            System.out.printf(Locale.ROOT, "  %-10d %14.1f %14.1f %9.1fx%n", size, whole, perItem, whole / perItem);
        }
    }

    private static double best(double held, double fresh) {
        return held == 0 ? fresh : Math.min(held, fresh);
    }

    /** Thread CPU µs per poll over 2,000 polls after as many to warm up. */
    private static double run(int size, boolean whole) {
        StateStore store = new StateStore();
        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        String feed = "feed-1";
        // a ledger of `size` items, the newest 30 in the feed
        List<SeenItem> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(item(i, i >= size - 30 ? null : now));
        }
        int next = size;
        if (whole) {
            store.apply(ItemLedger.legacyKey(feed), Json.encode(new ItemLedger.Snapshot(1, ItemLedger.Snapshot.TYPE,
                    feed, now, items)));
        } else {
            ItemLedger.of(null, items).changes(feed, now).writes().forEach((key, entry) ->
                    store.apply(key, Json.encode(entry)));
        }
        long cpu = 0;
        for (int poll = 0; poll < 4000; poll++) {
            if (poll == 2000) {
                cpu = THREADS.getCurrentThreadCpuTime();
            }
            now = now.plusSeconds(1);
            ItemLedger ledger = store.ledger(feed);
            for (int i = next - 28; i < next; i++) {
                SeenItem known = ledger.byGuid("g" + i);
                if (known != null) {
                    ledger.found(known);
                }
            }
            ledger.record(item(next++, null));
            ledger.record(item(next++, null));
            ledger.settle(now, size);
            if (whole) {
                // as before: the whole ledger in one record, applied, written, echoed back and decoded
                ItemLedger.Snapshot snapshot = new ItemLedger.Snapshot(1, ItemLedger.Snapshot.TYPE, feed, now,
                        ledger.items());
                store.putLedger(feed, snapshot);
                String value = Json.encode(snapshot);
                store.apply(ItemLedger.legacyKey(feed), value);
            } else {
                ItemLedger.Changes changes = ledger.changes(feed, now);
                store.apply(changes);
                changes.writes().forEach((key, entry) -> {
                    String value = entry == null ? null : Json.encode(entry);
                    store.apply(key, value);
                });
            }
        }
        return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / 2000;
    }

    private static SeenItem item(int n, Instant seen) {
        return new SeenItem("g" + n, "l" + n, "f" + Integer.toHexString(n * 7919), "article-" + Integer.toHexString(n * 104729),
                "c" + Integer.toHexString(n * 31337), 1, Instant.parse("2026-12-05T00:00:00Z").plusSeconds(n), seen);
    }
}
