package io.newswatch.poller.poll;

import io.newswatch.poller.state.ItemLedger;
import io.newswatch.poller.state.SeenItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPolicyTest {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");

    @Test
    void oneReissuedItemAmongManyDoesNotCondemnTheFeedsGuids() {
        ItemLedger ledger = new ItemLedger();
        for (int i = 0; i < 10; i++) {
            ledger.record(new SeenItem("g" + i, "l" + i, "f", "id" + i, "h", 1, T, T));
        }
        List<ItemKeys> items = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new ItemKeys(i == 3 ? "new-guid" : "g" + i, "l" + i, "https://a.example/" + i, false));
        }
        assertThat(IdentityPolicy.decide(false, null, items, ledger).linkIdentity()).isFalse();
    }

    @Test
    void aFewItemsWithoutGuidAreToldApartByLinkOneByOne() {
        List<ItemKeys> items = List.of(new ItemKeys("g1", "l1", "u1", false), new ItemKeys(null, "l2", "u2", false),
                new ItemKeys("g3", "l3", "u3", false));
        assertThat(IdentityPolicy.decide(false, null, items, new ItemLedger()).linkIdentity()).isFalse();
    }

    @Test
    void onceDroppedGuidsStayDroppedWithTheirReason() {
        IdentityPolicy.Decision decision = IdentityPolicy.decide(true, "guids changed", List.of(), new ItemLedger());
        assertThat(decision.linkIdentity()).isTrue();
        assertThat(decision.reason()).isEqualTo("guids changed");
    }
}
