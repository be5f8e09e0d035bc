package io.newswatch.poller.parse;

import java.time.Instant;
import java.util.List;

/**
 * One item of a feed, as the feed gives it: text already freed of markup, links absolute.
 *
 * @param guid       the RSS guid, the Atom id or the RSS 1.0 {@code rdf:about}; null when missing
 * @param link       the item's link resolved against the feed's base; null when missing
 * @param title      plain text
 * @param summary    plain text of the description or summary, one paragraph
 * @param content    plain text of the full content ({@code content:encoded}, Atom content), paragraphs separated
 *                   by blank lines; empty when the feed has none
 * @param author     plain name, or null
 * @param categories in the feed's order, without duplicates
 * @param published  publication time as the feed gives it (its updated time when it gives no other), or null
 *                   when missing or unreadable
 * @param publishedFrom the date element {@code published} was read from ({@code pubDate}, {@code dc:date},
 *                   {@code updated}...: see {@link ItemDates}), or null
 * @param itemHash   the {@link ItemHash} of the item's element when the parse was given {@link KnownItems} and its
 *                   reading noticed nothing (no repair, no unreadable date: a skipped reading would lose that
 *                   warning); null otherwise
 * @param known      true when the parse skipped reading the item because the caller holds {@code itemHash} (or
 *                   {@code rawHash}): only {@code itemHash}, {@code rawHash} and {@code published} (the caller's)
 *                   are set
 * @param rawHash    the {@link RawItems} hash of the item's text, when it has an {@code itemHash}, the parse found
 *                   the items in the feed's text and the XML read did not correct the item's element; null otherwise
 */
public record ParsedItem(String guid, String link, String title, String summary, String content, String author,
                         List<String> categories, Instant published, String publishedFrom, String itemHash,
                         boolean known, String rawHash) {

    public ParsedItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An item read in full, without its element's hash. */
    public ParsedItem(String guid, String link, String title, String summary, String content, String author,
                      List<String> categories, Instant published, String publishedFrom) {
        this(guid, link, title, summary, content, author, categories, published, publishedFrom, null, false, null);
    }

    /** An item whose element the caller already read with this hash: not read again. */
    public static ParsedItem known(String itemHash, Instant published) {
        return new ParsedItem(null, null, "", "", "", null, List.of(), published, null, itemHash, true, null);
    }

    /** The same item, with the hash of its element. */
    ParsedItem withItemHash(String hash) {
        return new ParsedItem(guid, link, title, summary, content, author, categories, published, publishedFrom, hash,
                false, null);
    }

    /** The same item, with the hash of its text. */
    ParsedItem withRawHash(String hash) {
        return new ParsedItem(guid, link, title, summary, content, author, categories, published, publishedFrom,
                itemHash, known, hash);
    }
}
