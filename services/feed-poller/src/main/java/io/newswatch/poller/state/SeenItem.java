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
 * @param seen        when it was last in the feed
 */
public record SeenItem(String guidKey, String linkKey, String fingerprint, String id, String contentHash,
                       int revision, Instant time, Instant seen) {

    public SeenItem seenAt(Instant now) {
        return new SeenItem(guidKey, linkKey, fingerprint, id, contentHash, revision, time, now);
    }
}
