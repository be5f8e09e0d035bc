package io.newswatch.poller.poll;

import io.newswatch.contract.Feed;
import io.newswatch.poller.state.FeedState;
import io.newswatch.poller.state.ItemLedger;

/**
 * What a poll changed.
 *
 * @param state     the feed's new state, status included
 * @param ledger    the feed's new item ledger, or null when it did not change
 * @param moved     the feed's registration with its new URL, when the publisher redirected it permanently
 * @param published articles published by this poll
 */
public record PollResult(FeedState state, ItemLedger.Snapshot ledger, Feed moved, int published) {
}
