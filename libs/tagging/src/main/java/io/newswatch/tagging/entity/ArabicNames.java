package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.List;
import java.util.Set;

/**
 * Places and armed groups of Syria and Iraq as English news transliterate them: the first word is an Arabic noun that
 * says what the name is. A place starts with a landform or a building ("Tal Qasab", "Ain al-Arab", "Deir Hafer", "Wadi
 * Hajar", "Jisr al-Shughur", "Kafr Nabl", "Marj al-Sultan", "Hayy al-Nasr"), a group with a word for a body of
 * fighters ("Jaish al-Islam", "Liwa al-Quds", "Kataib Hezbollah", "Harakat Nour al-Din al-Zenki"). The rest of the
 * name is capitalised words and the particles "al", "el", "ad", "ash", "bu" between them. The knowledge base's own
 * entries win where they cover the name.
 */
final class ArabicNames {

    private static final int MAX_WORDS = 5;
    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;

    /** Hill, spring, monastery, cape, mountain, valley, gate, village, inn, castle, well, bridge, river, bend... */
    private static final FoldedWords PLACE_HEADS = FoldedWords.of(Set.of("tal", "tall", "tell", "tel", "ain", "ayn", "deir", "dayr",
            "ras", "jabal", "jebel", "jabel", "wadi", "bab", "kafr", "kfar", "khan", "qasr", "bir", "jisr", "maarat",
            "maaret", "marat", "hawijat", "hawija", "qalaat", "qalat", "beit", "bayt", "nahr", "suq", "souq", "hammam",
            "qaryat", "mazraat", "khirbet", "khirbat", "marj", "hayy", "jazrat", "jazirat", "madinat", "hisn"));
    /** Army, brigade, battalions, movement, front, supporters, companies, legion, league, party, gathering, forces... */
    private static final FoldedWords GROUP_HEADS = FoldedWords.of(Set.of("jaish", "jaysh", "liwa", "kataib", "kataeb", "harakat",
            "jabhat", "ansar", "saraya", "faylaq", "failaq", "asaib", "hizb", "hezb", "tajammu",
            "hayat", "tanzim", "quwat", "jamaat", "jamaah", "junud", "usbat", "ahrar", "thuwar", "fursan"));
    /** Lower-case particles inside such names. */
    private static final Set<String> PARTICLES = Set.of("al", "el", "ad", "ash", "as", "at", "ar", "az", "an", "bu",
            "bin", "ibn", "abu", "wa", "ul", "ud", "ed", "es", "ez", "er");

    private ArabicNames() {
    }

    /**
     * Adds the places or the groups of a text to {@code found}, skipping spans already there. Not in German, where
     * every noun is capitalised and "Tal" is a valley.
     */
    static void find(Tokens t, List<NameFinder.Found> found, EntityType type, String language) {
        if ("de".equals(language) || "lb".equals(language)) {
            return;
        }
        int n = t.size();
        for (int i = 0; i + 1 < n; i++) {
            boolean place = type == EntityType.LOCATION;
            // the word list before the script: a code point's script is a table search, asked of few words so
            if (t.shape(i) != Tokens.CAPITALIZED || t.has(i, Tokens.BOILERPLATE)
                    || !(place ? PLACE_HEADS : GROUP_HEADS).contains(t, i) || !latin(t, i)) {
                continue; // "Марат Ганиев" is a Tatar name, not the "Maarat" of a Syrian town
            }
            // "Imran Khan", "William Tell": a capitalised word glued before makes it a person's surname
            if (i > 0 && (t.flags(i) & GLUE) == 0 && t.capitalized(i - 1) && !t.has(i - 1, Tokens.SENTENCE_START)
                    && !t.has(i - 1, Tokens.POSSESSIVE)) {
                continue;
            }
            int end = nameEnd(t, i);
            if (end > i && !NameFinder.overlaps(found, i, end)) {
                found.add(new NameFinder.Found(i, end, place ? EntityType.LOCATION : EntityType.ORGANIZATION,
                        t.surface(i, end)));
                i = end;
            }
        }
    }

    /** True when the token is written in Latin letters, as English news transliterate Arabic names. */
    private static boolean latin(Tokens t, int i) {
        return Character.UnicodeScript.of(t.text().codePointAt(t.start(i))) == Character.UnicodeScript.LATIN;
    }

    /** The last token of the name that starts at {@code i}, or {@code i} when no capitalised word follows. */
    private static int nameEnd(Tokens t, int i) {
        int end = i;
        int k = i + 1;
        while (k < t.size() && k - i < MAX_WORDS && (t.flags(k) & GLUE) == 0 && !t.has(k - 1, Tokens.POSSESSIVE)) {
            if (t.capitalized(k) && !t.has(k, Tokens.BOILERPLATE) && !Cues.NOT_NAME_WORDS.contains(t, k)) {
                end = k++;
            } else if (t.shape(k) == Tokens.LOWER && PARTICLES.contains(t.folded(k)) && k + 1 < t.size()
                    && (t.flags(k + 1) & GLUE) == 0 && t.capitalized(k + 1)) {
                k++;
            } else {
                break;
            }
        }
        return end;
    }
}
