package io.newswatch.poller.parse;

/**
 * The items a caller already holds from earlier parses of a feed, by {@link ItemHash}: a parse given them hashes
 * each item's element and reads only the items it does not hold (a poll finds a few new items among a feed's 30).
 */
public interface KnownItems {

    /**
     * What the caller's use of an item depends on besides the document (such as the feed's address and how links
     * are canonicalised): mixed into every item's hash, so that a hash held under other settings is not taken.
     */
    String context();

    /**
     * The item held under this hash, as {@link ParsedItem#known(String, java.time.Instant)} gives it; null when
     * none is held: the item is read.
     */
    ParsedItem known(String itemHash);

    /**
     * The item held under this hash of its text ({@link ParsedItem#rawHash()}), as {@link #known} gives it; null
     * when none is held (by default: a caller that keeps no such hashes). A parse cuts such items out of the text
     * before the XML read.
     */
    default ParsedItem knownRaw(String rawHash) {
        return null;
    }
}
