package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Companies that business news name without a legal suffix, found by what the sentence says about them: "shares of
 * X", "a stake in X", "a unit of X", "a spokesman for X", "X's chief executive", "X shareholders", "X, a maker of
 * ...". Once a text has named a company, its other mentions follow it: the same words again, or the first word of a
 * company named with a corporate ending ("Carbrook Holdings", then "Carbrook").
 */
final class CompanyCues {

    private static final int MAX_WORDS = 4;
    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;

    /** Nouns after "X's" that only a company has: "Norvale's chief executive", "Kestrel's shareholders". */
    private static final Set<String> OWNED_BY_COMPANY = Set.of("shares", "shareholders", "stock", "board",
            "subsidiary", "subsidiaries", "unit", "ceo", "cfo", "chairman", "chairwoman", "headquarters", "earnings",
            "revenue", "revenues", "profit", "profits", "takeover", "customers", "stockholders", "bondholders");
    /** Nouns before "of" or "in" and a company: "shares of X", "a stake in X", "a unit of X". */
    private static final Set<String> PART_OF_COMPANY = Set.of("shares", "stake", "unit", "subsidiary", "division",
            "shareholders", "stockholders");
    /** Roles of a spokesperson for a body: "a spokesman for X". */
    private static final Set<String> SPOKESPEOPLE = Set.of("spokesman", "spokeswoman", "spokesperson");
    /** What a company is, in apposition: "X, a maker of marine radar". */
    private static final Set<String> KINDS = Set.of("maker", "unit", "subsidiary", "division", "supplier",
            "producer", "manufacturer", "operator", "provider", "distributor", "retailer", "lender", "insurer",
            "shipbuilder", "firm", "company", "conglomerate", "startup", "brokerage", "miner", "refiner",
            "chipmaker", "automaker", "carmaker", "drugmaker", "airline", "carrier", "bank", "utility");
    /** Words after the kind that end its noun phrase: "a maker of", "a firm that", "a lender based in". */
    private static final Set<String> AFTER_KIND = Set.of("of", "that", "which", "in", "with", "based", "owned",
            "controlled", "listed", "for", "whose");
    /** Corporate last words whose first word alone names the company again ("Carbrook Holdings" → "Carbrook"). */
    private static final Set<String> CORPORATE_ENDINGS = Set.of("corp", "corporation", "inc", "incorporated", "co",
            "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "group", "holdings", "holding", "instruments", "industries",
            "technologies", "systems", "capital", "partners", "securities", "motors", "airlines", "airways",
            "electronics", "pharmaceuticals", "petroleum", "investments", "resources", "bank", "energy", "mining");

    /** Every word above that can start a cue, asked by its hash for every lower-case token before any string. */
    private static final FoldedWords TRIGGERS = FoldedWords.of(union(OWNED_BY_COMPANY, PART_OF_COMPANY, SPOKESPEOPLE,
            KINDS, Set.of("chief")));

    private CompanyCues() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /** Adds the companies named by a cue to {@code found}, skipping spans already there. */
    static void find(Tokens t, List<NameFinder.Found> found) {
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if (t.shape(i) != Tokens.LOWER || !TRIGGERS.contains(t, i) || t.has(i, Tokens.BOILERPLATE)) {
                continue;
            }
            String word = t.folded(i);
            // "X's chief executive", "X's shares"
            if (i > 0 && t.has(i - 1, Tokens.POSSESSIVE) && (OWNED_BY_COMPANY.contains(word)
                    || "chief".equals(word) && i + 1 < n && t.is(i + 1, "executive"))) {
                add(t, found, nameBefore(t, i - 1), i - 1);
            }
            // "Kestrel shareholders"
            if (i > 0 && ("shareholders".equals(word) || "stockholders".equals(word)) && glued(t, i)
                    && !t.has(i - 1, Tokens.POSSESSIVE)) {
                add(t, found, nameBefore(t, i - 1), i - 1);
            }
            // "shares of X", "a stake in X", "a unit of X", "a spokesman for (the) X"
            boolean part = PART_OF_COMPANY.contains(word) && i + 2 < n && (t.is(i + 1, "of") || t.is(i + 1, "in"));
            boolean spokesperson = SPOKESPEOPLE.contains(word) && i + 2 < n && t.is(i + 1, "for");
            if ((part || spokesperson) && glued(t, i + 1)) {
                int from = t.is(i + 2, "the") && spokesperson && i + 3 < n ? i + 3 : i + 2;
                // "a spokesman for Operation Inherent Resolve": a named operation is an event, not a body
                if (glued(t, from) && !GivenNames.contains(t, from, "en") && !t.is(from, "operation")) {
                    int to = nameAfter(t, from);
                    add(t, found, from, to);
                }
            }
            // "X, a maker of ...", "X, a Falmouth-based lender"
            if (KINDS.contains(word) && (i + 1 >= n || (t.flags(i + 1) & GLUE) != 0 || AFTER_KIND.contains(t.folded(i + 1)))) {
                int article = i - 1;
                while (article > 0 && i - article <= 3 && glued(t, article + 1) && !isArticle(t, article)) {
                    article--;
                }
                if (article > 0 && isArticle(t, article) && t.has(article, Tokens.AFTER_COMMA)
                        && !t.has(article, Tokens.SENTENCE_START)) {
                    add(t, found, nameBefore(t, article - 1), article - 1);
                }
            }
        }
    }

    /** The other mentions of the companies in {@code found}: the same words again, or a corporate name's first word. */
    static List<NameFinder.Found> repeats(Tokens t, List<NameFinder.Found> found) {
        Map<String, NameFinder.Found> forms = new HashMap<>();
        Set<String> clashes = new HashSet<>();
        for (NameFinder.Found f : found) {
            if (f.type() != EntityType.ORGANIZATION || f.to() - f.from() >= MAX_WORDS) {
                continue;
            }
            register(forms, clashes, key(t, f.from(), f.to()), f);
            if (f.to() > f.from() && CORPORATE_ENDINGS.contains(t.folded(f.to())) && t.shape(f.from()) == Tokens.CAPITALIZED
                    && t.end(f.from()) - t.start(f.from()) >= 3 && !Cues.NOT_NAME_WORDS.contains(t, f.from())
                    && !GivenNames.contains(t, f.from(), "en")) {
                register(forms, clashes, t.folded(f.from()), f);
            }
        }
        clashes.forEach(forms::remove);
        List<NameFinder.Found> more = new ArrayList<>();
        if (forms.isEmpty()) {
            return more;
        }
        // the first words of the forms, so that most capitalised words cost one look-up and no string building
        Set<String> firstWords = new HashSet<>();
        for (String form : forms.keySet()) {
            int space = form.indexOf(' ');
            firstWords.add(space < 0 ? form : form.substring(0, space));
        }
        // asked of every capitalised word by its hash: no string made of each
        FoldedWords firstWordSet = FoldedWords.of(firstWords);
        boolean[] taken = new boolean[t.size()];
        for (NameFinder.Found f : found) {
            java.util.Arrays.fill(taken, f.from(), f.to() + 1, true);
        }
        for (int i = 0; i < t.size(); i++) {
            if (taken[i] || !t.capitalized(i) || t.has(i, Tokens.BOILERPLATE) || !firstWordSet.contains(t, i)) {
                continue;
            }
            for (int to = Math.min(t.size() - 1, i + MAX_WORDS - 1); to >= i; to--) {
                NameFinder.Found f = forms.get(key(t, i, to));
                // the whole run of capitalised words, not the start of a longer name ("Carbrook Street")
                if (f != null && (to + 1 >= t.size() || !t.capitalized(to + 1) || (t.flags(to + 1) & GLUE) != 0
                        || t.has(to, Tokens.POSSESSIVE)) && !anyTaken(taken, i, to)) {
                    more.add(new NameFinder.Found(i, to, EntityType.ORGANIZATION, f.name()));
                    i = to;
                    break;
                }
            }
        }
        return more;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (taken[k]) {
                return true;
            }
        }
        return false;
    }

    private static void register(Map<String, NameFinder.Found> forms, Set<String> clashes, String key, NameFinder.Found f) {
        NameFinder.Found other = forms.putIfAbsent(key, f);
        if (other != null && !other.name().equals(f.name())) {
            clashes.add(key);
        }
    }

    private static String key(Tokens t, int from, int to) {
        StringBuilder key = new StringBuilder(t.folded(from));
        for (int k = from + 1; k <= to; k++) {
            key.append(' ').append(t.folded(k));
        }
        return key.toString();
    }

    private static boolean isArticle(Tokens t, int i) {
        return t.is(i, "a") || t.is(i, "an") || t.is(i, "the");
    }

    private static boolean glued(Tokens t, int i) {
        return (t.flags(i) & GLUE) == 0;
    }

    private static boolean nameWord(Tokens t, int i) {
        return t.capitalized(i) && !t.has(i, Tokens.BOILERPLATE) && !Cues.NOT_NAME_WORDS.contains(t, i)
                && !PersonFinder.title(t, i) && t.end(i) - t.start(i) >= 2;
    }

    /** The first token of the capitalised name that ends at {@code to}, or -1. */
    private static int nameBefore(Tokens t, int to) {
        if (to < 0 || !nameWord(t, to)) {
            return -1;
        }
        int from = to;
        while (from > 0 && to - from + 1 < MAX_WORDS && glued(t, from) && nameWord(t, from - 1)
                && !t.has(from - 1, Tokens.POSSESSIVE)) {
            from--;
        }
        return from;
    }

    /** The last token of the capitalised name that starts at {@code from}, or -1. */
    private static int nameAfter(Tokens t, int from) {
        if (!nameWord(t, from)) {
            return -1;
        }
        int to = from;
        while (to + 1 < t.size() && to - from + 1 < MAX_WORDS && !t.has(to, Tokens.POSSESSIVE) && glued(t, to + 1)
                && nameWord(t, to + 1)) {
            to++;
        }
        return to;
    }

    private static void add(Tokens t, List<NameFinder.Found> found, int from, int to) {
        if (from >= 0 && to >= from && !NameFinder.overlaps(found, from, to)
                && !(to == from && GivenNames.contains(t, from, "en"))) {
            found.add(new NameFinder.Found(from, to, EntityType.ORGANIZATION, t.surface(from, to)));
        }
    }
}
