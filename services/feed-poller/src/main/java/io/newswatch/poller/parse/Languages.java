package io.newswatch.poller.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/** Language tags as feeds and pages write them ("en-US", "sr_Latn", "EN") to ISO 639 codes ("en", "sr"). */
public final class Languages {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    private Languages() {
    }

    /** The primary language subtag in lower case, or null when there is none or it is not a code. */
    public static String code(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_\\s,;]", 2)[0];
        return CODE.matcher(primary).matches() ? primary : null;
    }
}
