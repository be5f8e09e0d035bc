package io.newswatch.tagging.entity;

import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds people the knowledge base does not know, from the cues reporters use: a title or role before the name
 * ("President X", "spokesman X Y", "Gen. X Y"), a verb of saying after or before it ("X Y said", "said X Y",
 * "according to X Y"), or a role in apposition ("X Y, the chair of..."). A name is two to four capitalised words
 * (lower-case particles such as "al" or "von" allowed inside), or one word after Mr, Mrs, Ms or Dr.
 */
final class PersonFinder {

    private static final int MAX_NAME_WORDS = 4;
    private static final int NAME_GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;

    /** A discovered name: token span and the name as written. */
    record Found(int from, int to, String name) {
    }

    List<Found> find(Tokens t, int[] owner) {
        List<Found> found = new ArrayList<>();
        int n = t.size();
        int i = 0;
        while (i < n) {
            int end = nameEnd(t, owner, i);
            if (end < 0) {
                i++;
                continue;
            }
            int words = end - i + 1;
            boolean honorific = i > 0 && isHonorific(t.folded(i - 1)) && glued(t, i);
            if ((words >= 2 || honorific) && hasCue(t, i, end, honorific)) {
                found.add(new Found(i, end, t.surface(i, end)));
            }
            i = end + 1;
        }
        return found;
    }

    /** The last token of a name starting at {@code i}, or -1 when no name starts there. */
    private static int nameEnd(Tokens t, int[] owner, int i) {
        if (!nameWord(t, owner, i)) {
            return -1;
        }
        // "the Grand Canal Authority": a name glued to a capitalised word before it is part of a longer proper noun
        if (i > 0 && glued(t, i) && t.capitalized(i - 1) && !Cues.TITLES.contains(t.folded(i - 1))
                && !t.has(i - 1, Tokens.SENTENCE_START)) {
            return -1;
        }
        if (Cues.NOT_PERSON_STARTS.contains(t.folded(i))) {
            return -1;
        }
        int end = i;
        int k = i + 1;
        int initials = 0;
        while (k < t.size() && k - i < MAX_NAME_WORDS + 1 + initials && !t.has(k - 1, Tokens.POSSESSIVE)
                && (t.flags(k) & NAME_GLUE) == 0 && (t.start(k) - t.end(k - 1) <= 1 || afterInitial(t, k))) {
            if (nameWord(t, owner, k)) {
                end = k;
                k++;
            } else if (initial(t, owner, k) && k + 1 < t.size() && nameWord(t, owner, k + 1)) {
                initials++; // a middle initial: "Stephen J. Townsend"
                k++;
            } else if (t.shape(k) == Tokens.LOWER && Cues.PARTICLES.contains(t.folded(k)) && k + 1 < t.size()
                    && (t.flags(k + 1) & NAME_GLUE) == 0 && t.start(k + 1) - t.end(k) <= 1 && nameWord(t, owner, k + 1)) {
                k++;
            } else {
                break;
            }
        }
        if (end - i + 1 - initials > MAX_NAME_WORDS || Cues.NOT_PERSON_ENDINGS.contains(t.folded(end))) {
            return -1;
        }
        return end;
    }

    /** A single capital followed by a full stop, inside a name. */
    private static boolean initial(Tokens t, int[] owner, int i) {
        return owner[i] < 0 && t.shape(i) == Tokens.UPPER && t.end(i) - t.start(i) == 1 && t.end(i) < t.text().length()
                && t.text().charAt(t.end(i)) == '.';
    }

    /** The word follows an initial and its full stop: "J. Townsend". */
    private static boolean afterInitial(Tokens t, int k) {
        return t.shape(k - 1) == Tokens.UPPER && t.end(k - 1) - t.start(k - 1) == 1
                && t.start(k) - t.end(k - 1) == 2 && t.text().charAt(t.end(k - 1)) == '.';
    }

    private static boolean nameWord(Tokens t, int[] owner, int i) {
        return owner[i] < 0 && t.shape(i) == Tokens.CAPITALIZED && !t.has(i, Tokens.BOILERPLATE)
                && t.end(i) - t.start(i) >= 2 && !Cues.NOT_NAMES.contains(t.folded(i))
                && !Cues.TITLES.contains(t.folded(i));
    }

    private static boolean hasCue(Tokens t, int from, int to, boolean honorific) {
        if (honorific) {
            return true;
        }
        // a title or role right before: "President X Y", "spokesman X Y"; or before a comma: "the Iraqi Foreign
        // Minister, Ibrahim al-Jaafari"
        if (from > 0 && glued(t, from) && Cues.TITLES.contains(t.folded(from - 1))) {
            return true;
        }
        if (from > 1 && t.has(from, Tokens.AFTER_COMMA) && !t.has(from, Tokens.SENTENCE_START)
                && Cues.TITLES.contains(t.folded(from - 1)) && t.text().charAt(t.start(from) - 2) == ',') {
            return true;
        }
        // a verb of saying right after: "X Y said"
        int after = to + 1;
        if (after < t.size() && !t.has(to, Tokens.POSSESSIVE) && (t.flags(after) & (Tokens.SENTENCE_START | Tokens.LINE_START)) == 0
                && Cues.SPEECH_VERBS.contains(t.folded(after))) {
            return true;
        }
        // "said X Y", "according to X Y"
        if (from > 0 && glued(t, from)) {
            String before = t.folded(from - 1);
            if (Cues.SPEECH_VERBS.contains(before)
                    || ("to".equals(before) && from > 1 && t.is(from - 2, "according"))) {
                return true;
            }
        }
        // apposition: "X Y, the chair of ...", "X Y, a spokesman for ..."
        if (after < t.size() && t.has(after, Tokens.AFTER_COMMA)) {
            for (int k = after; k < Math.min(t.size(), after + 5); k++) {
                if (k > after && (t.flags(k) & (Tokens.SENTENCE_START | Tokens.AFTER_COMMA)) != 0) {
                    break;
                }
                if (Cues.TITLES.contains(t.folded(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when nothing but spaces separates token {@code i} from the one before. */
    private static boolean glued(Tokens t, int i) {
        return (t.flags(i) & NAME_GLUE) == 0;
    }

    private static boolean isHonorific(String folded) {
        return folded.equals("mr") || folded.equals("mrs") || folded.equals("ms") || folded.equals("dr");
    }
}
