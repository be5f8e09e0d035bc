package io.newswatch.poller.poll;

import io.newswatch.contract.Feed;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.ItemLedger;

/**
 * What a poll changed.
 *
 * @param state     the feed's new state, status included
 * @param ledger    what the poll changed in the feed's item ledger, or null when it did not read the items
 * @param moved     the feed's registration with its new URL, when the publisher redirected it permanently
 * @param published articles published by this poll
 */
public record PollResult(FeedState state, ItemLedger.Changes ledger, Feed moved, int published) {
}
