package io.newswatch.poller.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.poller.http.UrlSecrets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a feed is doing, as {@code GET /feeds/{id}} shows it under {@code status} and {@code ./newswatch status}
 * prints it.
 *
 * @param lastPoll            when the last poll ended
 * @param lastSuccess         when a poll last succeeded (200 or 304)
 * @param httpStatus          the HTTP status of the last answer, null when there was none (timeout, refused)
 * @param error               what went wrong in the last poll, for a human; null when it succeeded
 * @param errorKind           the kind of failure, for machines: {@code TIMEOUT}, {@code CONNECT}, {@code HTTP},
 *                            {@code PARSE}, {@code TOO_LARGE}, {@code REDIRECT_LOOP}, {@code TOO_MANY_REDIRECTS},
 *                            {@code BLOCKED}, {@code PROTOCOL}, {@code PUBLISH}, {@code BUDGET} (the poll ran out of
 *                            time or CPU), {@code THROTTLED} (the host asked us to wait: polled when it is free)
 * @param consecutiveFailures failed polls in a row (0 after a success)
 * @param itemsPublished      articles published from this feed since it was registered (revisions included)
 * @param itemsInFeed         items in the feed at the last successful parse
 * @param nextPoll            when the next poll is due
 * @param interval            the current interval between polls, adapted to how often the feed publishes
 * @param backoff             while failing: the wait before the next retry (exponential, capped, with jitter)
 * @param retryAfter          the wait the server asked for with {@code Retry-After}, when it did in the last poll
 * @param conditionalGet      the validators held for the next poll: {@code etag}, {@code last-modified}, both
 *                            ({@code etag+last-modified}) or {@code none}
 * @param identity            how items are told apart: {@code guid}, or {@code link+title} when the feed's guids
 *                            are unusable
 * @param identityReason      why the guids are not used, when they are not
 * @param movedFrom           the URL the feed had before the publisher redirected it permanently, when it did
 * @param linksRefused        article links the address guard refused to fetch, in total
 * @param lastRefusedLink     the last refused link and why
 * @param pagesDisallowed     article pages not fetched because their site's robots.txt disallows them for us, in
 *                            total (the feed's own text was used)
 * @param lastDisallowedPage  the last such page and the robots.txt that said so
 * @param robots              what the robots.txt of the feed's own site, when it has been read for the feed's pages,
 *                            says about the feed URL: a registered feed is fetched whatever it says
 * @param lastNewItem         when this feed last had an item that was published
 * @param warnings            what the last poll repaired or worked around (encoding, markup, dates, pages)
 * @param owner               the poller instance that polls this feed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedStatus(
        Instant lastPoll,
        Instant lastSuccess,
        Integer httpStatus,
        String error,
        String errorKind,
        int consecutiveFailures,
        long itemsPublished,
        Integer itemsInFeed,
        Instant nextPoll,
        Duration interval,
        Duration backoff,
        Duration retryAfter,
        String conditionalGet,
        String identity,
        String identityReason,
        String movedFrom,
        long linksRefused,
        String lastRefusedLink,
        long pagesDisallowed,
        String lastDisallowedPage,
        String robots,
        Instant lastNewItem,
        List<String> warnings,
        String owner) {

    /**
     * The same status with the secrets of every URL in its texts hidden (states written before they were hidden at
     * the source may still hold them).
     */
    public FeedStatus withoutSecrets() {
        return new FeedStatus(lastPoll, lastSuccess, httpStatus, UrlSecrets.redactText(error), errorKind,
                consecutiveFailures, itemsPublished, itemsInFeed, nextPoll, interval, backoff, retryAfter, conditionalGet,
                identity, UrlSecrets.redactText(identityReason), UrlSecrets.redact(movedFrom), linksRefused,
                UrlSecrets.redactText(lastRefusedLink), pagesDisallowed, UrlSecrets.redactText(lastDisallowedPage),
                UrlSecrets.redactText(robots), lastNewItem,
                warnings == null ? null : warnings.stream().map(UrlSecrets::redactText).toList(), owner);
    }

    /** The same status with another count of articles published. */
    public FeedStatus withItemsPublished(long count) {
        return new FeedStatus(lastPoll, lastSuccess, httpStatus, error, errorKind, consecutiveFailures, count,
                itemsInFeed, nextPoll, interval, backoff, retryAfter, conditionalGet, identity, identityReason, movedFrom,
                linksRefused, lastRefusedLink, pagesDisallowed, lastDisallowedPage, robots, lastNewItem, warnings, owner);
    }

    /** The same status with other times of the last poll, the last success and the next poll. */
    public FeedStatus withTimes(Instant newLastPoll, Instant newLastSuccess, Instant newNextPoll) {
        return new FeedStatus(newLastPoll, newLastSuccess, httpStatus, error, errorKind, consecutiveFailures,
                itemsPublished, itemsInFeed, newNextPoll, interval, backoff, retryAfter, conditionalGet, identity,
                identityReason, movedFrom, linksRefused, lastRefusedLink, pagesDisallowed, lastDisallowedPage, robots,
                lastNewItem, warnings, owner);
    }

    /** The status of a feed that has not been polled yet. */
    public static FeedStatus pending(Instant nextPoll) {
        return new FeedStatus(null, null, null, null, null, 0, 0, null, nextPoll, null, null, null, "none", "guid",
                null, null, 0, null, 0, null, null, null, List.of(), null);
    }
}
