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
 * @param itemHash    hash of the item's element as the feed wrote it, with what its reading depends on
 *                    ({@code parse.ItemHash}): a later poll that finds an element with this hash skips reading
 *                    it, since it would read the same keys and fingerprint; null when the item's reading noticed
 *                    something (a repair, a bad date) or in records written before this field (read in full)
 * @param itemPublished the feed's own date of the item as read with {@link #itemHash} (null when it had none): a
 *                    skipped item keeps its place among the poll's items by it
 * @param itemRawHash hash of the item's element as the feed's text writes it, with the text its reading depends on
 *                    ({@code parse.RawItems}), taken with {@link #itemHash}: a later poll that finds an element with
 *                    this text cuts it out of the document before the XML read; null when it has no
 *                    {@link #itemHash}, the XML read corrected its element, or in records written before this field
 */
public record SeenItem(String guidKey, String linkKey, String fingerprint, String id, String contentHash,
                       int revision, Instant time, Instant seen, String itemHash, Instant itemPublished,
                       String itemRawHash) {

    /** An item without its element's hash (as records before {@code itemHash} were). */
    public SeenItem(String guidKey, String linkKey, String fingerprint, String id, String contentHash, int revision,
                    Instant time, Instant seen) {
        this(guidKey, linkKey, fingerprint, id, contentHash, revision, time, seen, null, null, null);
    }

    public SeenItem seenAt(Instant now) {
        return new SeenItem(guidKey, linkKey, fingerprint, id, contentHash, revision, time, now, itemHash, itemPublished,
                itemRawHash);
    }

    /** The same item with the hashes of its element and text as read now. */
    public SeenItem withItemHash(String hash, Instant published, String rawHash) {
        return new SeenItem(guidKey, linkKey, fingerprint, id, contentHash, revision, time, seen, hash, published,
                rawHash);
    }
}
