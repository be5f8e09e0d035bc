package io.newswatch.enricher.story;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BandIndexTest {

    /** What the index replaces: a map of bands to sets in insertion order (the clusterer's former Band). */
    private static List<Integer> slotsOf(BandIndex index, long band) {
        int n = index.count(band);
        int[] slots = index.slots(band, new int[1]);
        List<Integer> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            list.add(slots[k]);
        }
        return list;
    }

    @Test
    void holdsEachBandsSlotsOnceInTheOrderAddedThroughAddsRemovesAndGrowth() {
        Random random = new Random(5);
        for (int run = 0; run < 4; run++) {
            BandIndex index = new BandIndex();
            Map<Long, LinkedHashSet<Integer>> model = new HashMap<>();
            // few distinct keys and slots: bands of several stories, slots added twice, removed and added again;
            // keys 0..n and Long.MIN_VALUE (the table's empty marker) collide in probe runs and wrap the table
            int keys = 50 + random.nextInt(3000);
            for (int op = 0; op < 40_000; op++) {
                long band = random.nextInt(40) == 0 ? Long.MIN_VALUE : random.nextInt(keys) * (random.nextBoolean() ? 1L : 1L << 32);
                int slot = random.nextInt(6);
                if (random.nextInt(100) < 55) {
                    index.add(band, slot);
                    model.computeIfAbsent(band, k -> new LinkedHashSet<>()).add(slot);
                } else {
                    index.remove(band, slot);
                    LinkedHashSet<Integer> set = model.get(band);
                    if (set != null) {
                        set.remove(slot);
                        if (set.isEmpty()) {
                            model.remove(band);
                        }
                    }
                }
                if (op % 4999 == 0) {
                    for (long b : model.keySet()) {
                        assertThat(slotsOf(index, b)).containsExactlyElementsOf(model.get(b));
                    }
                    assertThat(index.size()).isEqualTo(model.size());
                }
            }
            for (long b = 0; b < keys; b++) {
                assertThat(slotsOf(index, b)).containsExactlyElementsOf(model.getOrDefault(b, new LinkedHashSet<>()));
            }
        }
    }
}
