package io.newswatch.poller.state;

import java.time.Instant;

/**
 * What the poller keeps about one feed between polls, across restarts and instances: the value of
 * {@code newswatch.feeds.state} under the feed's id. Written by the instance that polls the feed after each poll;
 * read by every instance (for status, and to take the feed over). The items already published are kept apart,
 * one record per item under {@link ItemLedger#entryKey(String, SeenItem)}, because they change less often and weigh
 * more.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param type          {@link #TYPE}
 * @param feedId        the feed
 * @param timestamp     when this state was written
 * @param etag          the feed's last {@code ETag}, sent back as {@code If-None-Match}
 * @param lastModified  the feed's last {@code Last-Modified}, sent back as {@code If-Modified-Since}
 * @param linkIdentity  true once the feed's guids proved unusable: items are told apart by link and title
 * @param status        how the feed is doing
 * @param bodyHash      SHA-256 (128 bits) of the feed's last body, when all its new items were taken: the same body
 *                      again (a site that sends no validators) is not parsed again; null when unknown
 */
public record FeedState(int schemaVersion, String type, String feedId, Instant timestamp, String etag,
                        String lastModified, boolean linkIdentity, FeedStatus status, String bodyHash) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "feed-state";

    /** The state of a feed never polled. */
    public static FeedState initial(String feedId, Instant now) {
        return new FeedState(SCHEMA_VERSION, TYPE, feedId, now, null, null, false, FeedStatus.pending(now), null);
    }

    /**
     * True when {@code other} says the same as this state but for when it was written, polled, last succeeded and is
     * due next: what a poll that found nothing new (a {@code 304}, the same body) changes and nothing else.
     */
    public boolean sameButTimes(FeedState other) {
        return other != null && withTimes(null).equals(other.withTimes(null));
    }

    private FeedState withTimes(Instant time) {
        return new FeedState(schemaVersion, type, feedId, time, etag, lastModified, linkIdentity,
                status == null ? null : status.withTimes(time, time, time), bodyHash);
    }

    /** The same state with another status. */
    public FeedState withStatus(FeedStatus newStatus) {
        return new FeedState(schemaVersion, type, feedId, timestamp, etag, lastModified, linkIdentity, newStatus, bodyHash);
    }
}
