package io.newswatch.poller.parse;

/**
 * The longest value kept of each field of a feed item, applied before any further processing (markup removal,
 * pattern matching, hashing), so that no field of a hostile feed can make later steps slow or articles huge. Each
 * is far above what real feeds write; a longer value is cut at the limit (at a character boundary).
 */
public final class FieldLimits {

    /** Raw markup of a short field (title, author, category) before its text is taken out: 16,384 characters. */
    public static final int RAW = 16_384;
    /** Title text: 1,000 characters (real headlines stay under 300). */
    public static final int TITLE = 1_000;
    /** Author name: 200 characters. */
    public static final int AUTHOR = 200;
    /** A link or an {@code xml:base}: 4,096 characters (browsers and servers reject much shorter URLs). */
    public static final int LINK = 4_096;
    /** Guid, Atom id: 2,048 characters. */
    public static final int GUID = 2_048;
    /** Summary (description) text: 20,000 characters. */
    public static final int SUMMARY = 20_000;
    /** Full content of an item, markup included, before its text is taken out: 1,000,000 characters. */
    public static final int CONTENT = 1_000_000;
    /** One category: 200 characters. */
    public static final int CATEGORY = 200;
    /** Categories per item: 50. */
    public static final int CATEGORIES = 50;
    /** A language tag: 35 characters (the longest BCP 47 tags registered). */
    public static final int LANGUAGE = 35;

    private FieldLimits() {
    }

    /** The text cut to at most {@code max} characters, never in the middle of a surrogate pair; null stays null. */
    public static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) && Character.isHighSurrogate(text.charAt(max - 1))
                ? max - 1 : max;
        return text.substring(0, end);
    }
}
