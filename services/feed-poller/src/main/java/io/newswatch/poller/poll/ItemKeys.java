package io.newswatch.poller.poll;

import io.newswatch.poller.parse.ParsedItem;
import io.newswatch.poller.parse.UrlCanonicalizer;
import io.newswatch.poller.state.SeenItem;

import java.util.Optional;

/**
 * How an item is recognised from one poll to the next.
 *
 * @param guidKey     hash of its guid, null when it has none
 * @param linkKey     hash of its canonical URL and title: the identity when guids are unusable
 * @param url         its canonical URL; for an item with no usable link, the feed's URL with a fragment made from
 *                    the item's guid or text
 * @param linkMissing true when {@link #url()} had to be made up
 */
public record ItemKeys(String guidKey, String linkKey, String url, boolean linkMissing) {

    public static ItemKeys of(ParsedItem item, String feedUrl, UrlCanonicalizer canonicalizer) {
        Optional<String> url = Optional.ofNullable(item.link()).flatMap(canonicalizer::canonical);
        boolean missing = url.isEmpty();
        String resolved = url.orElseGet(() -> feedUrl + "#item-"
                + Hashes.key(item.guid() != null ? item.guid() : item.title() + "\n" + item.summary()));
        String guidKey = item.guid() == null ? null : Hashes.key(item.guid());
        return new ItemKeys(guidKey, Hashes.key(resolved, item.title()), resolved, missing);
    }

    /**
     * The keys of a ledger item whose element a poll found unchanged (not read again): its URL is not known, and
     * not needed (such an item is never fetched nor published).
     */
    public static ItemKeys of(SeenItem known) {
        return new ItemKeys(known.guidKey(), known.linkKey(), null, false);
    }
}
