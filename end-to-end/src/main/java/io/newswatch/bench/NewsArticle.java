package io.newswatch.bench;

import java.util.List;

/**
 * One generated article as a news site publishes it.
 *
 * @param number     its place in the corpus (0, 1, 2...), unique per run
 * @param slug       the last part of its URL, unique per run
 * @param desk       what it is about: security, economy, sport, weather, science, culture
 * @param title      the headline
 * @param byline     the author
 * @param paragraphs the text, paragraph by paragraph (the first is the lead)
 * @param copyOf     the number of the first article of its story when this one is a later article of the story (another
 *                   outlet's write-up or syndicated copy), or -1 for the first
 */
public record NewsArticle(long number, String slug, String desk, String title, String byline, List<String> paragraphs,
                          long copyOf) {

    public NewsArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The lead paragraph, which feeds carry as the item's description. */
    public String lead() {
        return paragraphs.getFirst();
    }

    /** Title and paragraphs, as a reader sees them. */
    public String text() {
        return title + "\n\n" + String.join("\n\n", paragraphs);
    }

    /** Size of {@link #text()} in UTF-8 bytes. */
    public int bytes() {
        return text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** True for a later article of a story (not its first). */
    public boolean syndicated() {
        return copyOf >= 0;
    }

    /** The number of its story's first article: the same for every article of one story. */
    public long story() {
        return copyOf >= 0 ? copyOf : number;
    }
}
