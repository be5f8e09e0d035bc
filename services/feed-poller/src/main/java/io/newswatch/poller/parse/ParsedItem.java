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
 */
public record ParsedItem(String guid, String link, String title, String summary, String content, String author,
                         List<String> categories, Instant published, String publishedFrom) {

    public ParsedItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
