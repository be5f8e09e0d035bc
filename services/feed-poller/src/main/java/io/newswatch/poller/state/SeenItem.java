package io.newswatch.poller.state;

import java.time.Instant;

/**
 * One item already published from a feed.
 *
 * @param guidKey     hash of the item's guid, or null when it had none
 * @param linkKey     hash of the item's link and title
 * @param fingerprint hash of what the feed said about the item; when it is unchanged the page is not fetched again
 * @param id          the article id it was published under
 * @param contentHash the content hash it was published with
 * @param revision    the revision it was published as
 * @param time        its publication time, or when it was first seen: the adaptive schedule reads these
 * @param seen        when a poll first no longer found it in the feed; null while it is in the feed (so that an
 *                    item staying in the feed is not written again at every poll)
 */
public record SeenItem(String guidKey, String linkKey, String fingerprint, String id, String contentHash,
                       int revision, Instant time, Instant seen) {

    public SeenItem seenAt(Instant now) {
        return new SeenItem(guidKey, linkKey, fingerprint, id, contentHash, revision, time, now);
    }
}
