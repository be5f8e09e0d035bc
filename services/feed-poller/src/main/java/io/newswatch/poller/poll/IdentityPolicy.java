package io.newswatch.poller.poll;

import io.newswatch.poller.state.ItemLedger;
import io.newswatch.poller.state.SeenItem;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a feed's guids can be trusted to tell its items apart. They cannot when most items have none, when one
 * guid is used by different items, or when the same item (same link and title) comes back under a new guid poll
 * after poll. Then the feed falls back, for good, to link and title as the identity, and its status says why.
 */
final class IdentityPolicy {

    /** The identity to use, and why guids are not used (null while they are). */
    record Decision(boolean linkIdentity, String reason) {
    }

    private IdentityPolicy() {
    }

    static Decision decide(boolean alreadyLinkIdentity, String previousReason, List<ItemKeys> items, ItemLedger ledger) {
        if (alreadyLinkIdentity) {
            return new Decision(true, previousReason);
        }
        if (items.isEmpty()) {
            return new Decision(false, null);
        }
        int missing = 0;
        Map<String, Set<String>> linksByGuid = new HashMap<>();
        int matched = 0;
        int changed = 0;
        for (ItemKeys item : items) {
            if (item.guidKey() == null) {
                missing++;
                continue;
            }
            linksByGuid.computeIfAbsent(item.guidKey(), k -> new HashSet<>()).add(item.linkKey());
            SeenItem known = ledger.byLink(item.linkKey());
            if (known != null && known.guidKey() != null) {
                matched++;
                if (!known.guidKey().equals(item.guidKey())) {
                    changed++;
                }
            }
        }
        if (missing * 2 > items.size()) {
            return new Decision(true, missing + " of " + items.size() + " items have no guid");
        }
        long reused = linksByGuid.values().stream().filter(links -> links.size() > 1).count();
        if (reused > 0) {
            return new Decision(true, reused + " guid(s) used by different items");
        }
        if (changed > 0 && changed * 2 >= matched && (changed >= 2 || changed == matched)) {
            return new Decision(true, "guids changed between polls for " + changed + " of " + matched
                    + " known items");
        }
        return new Decision(false, null);
    }
}
