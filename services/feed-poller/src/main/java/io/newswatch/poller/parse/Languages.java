package io.newswatch.poller.parse;

import java.util.Locale;

/** Language tags as feeds and pages write them ("en-US", "sr_Latn", "EN") to ISO 639 codes ("en", "sr"). */
public final class Languages {

    private Languages() {
    }

    /** The primary language subtag in lower case, or null when there is none or it is not a code. */
    public static String code(String tag) {
        if (tag == null) {
            return null;
        }
        String text = tag.strip();
        int end = 0;
        while (end < text.length() && end <= 3 && isAsciiLetter(text.charAt(end))) {
            end++;
        }
        boolean delimited = end == text.length() || "-_,;".indexOf(text.charAt(end)) >= 0
                || Character.isWhitespace(text.charAt(end));
        return end >= 2 && end <= 3 && delimited ? text.substring(0, end).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
