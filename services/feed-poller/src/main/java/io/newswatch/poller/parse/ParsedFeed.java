package io.newswatch.poller.parse;

import java.util.List;

/**
 * A feed as parsed.
 *
 * @param format   Rome's name of the format: {@code rss_2.0}, {@code rss_1.0}, {@code rss_0.91U}, {@code atom_1.0}...
 * @param title    the channel's title
 * @param link     the channel's link to its site, absolute, or null
 * @param language ISO 639 code from the channel, or null
 * @param items    in the feed's order
 * @param warnings what was wrong with the document and repaired or worked around
 * @param itemsCut how many of the items (known ones) were cut out of the text before the XML read
 */
public record ParsedFeed(String format, String title, String link, String language, List<ParsedItem> items,
                         List<String> warnings, int itemsCut) {

    public ParsedFeed(String format, String title, String link, String language, List<ParsedItem> items,
                      List<String> warnings) {
        this(format, title, link, language, items, warnings, 0);
    }
}
