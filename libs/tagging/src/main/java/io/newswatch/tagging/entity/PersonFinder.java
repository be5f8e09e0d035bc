package io.newswatch.tagging.entity;

import io.newswatch.tagging.text.FoldedEndings;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return find(t, owner, null);
    }

    /**
     * Finds the people of a text in a known language (ISO 639-1, or null): besides the cues, a given name before a
     * capitalised word ("Рустам Минниханов", "Philippe Tabarot"), a Russian or Ukrainian patronymic ("Олег
     * Викторович Звягинцев"), a South Slavic surname in -ić ("Zoran Stevanović"), or initials ("А. А. Беспалов").
     */
    List<Found> find(Tokens t, int[] owner, String language) {
        List<Found> found = new ArrayList<>();
        int n = t.size();
        int i = 0;
        while (i < n) {
            int initialsEnd = initialsName(t, owner, i, language);
            if (initialsEnd >= 0) {
                found.add(new Found(i, initialsEnd, t.surface(i, initialsEnd)));
                i = initialsEnd + 1;
                continue;
            }
            int end = nameEnd(t, owner, i, language);
            if (end < 0) {
                i++;
                continue;
            }
            // "Глава Татарстана Рустам Минниханов", "Nothilfekoordinator Martin Griffiths": the capitalised words
            // before a given name are a title or a genitive, no part of the name
            int given = -1;
            for (int k = i; k < end; k++) {
                if (GivenNames.contains(t, k, language)) {
                    given = k;
                    break;
                }
            }
            if (given > i) {
                i = given;
            }
            int words = end - i + 1;
            boolean honorific = i > 0 && isHonorific(t, i - 1, language) && (glued(t, i) || afterInitial(t, i));
            boolean named = words >= 2 && (given == i || patronymic(t.folded(i + 1)) || slavicSurname(t, end, language)
                    || words == 2 && eastSlavicPair(t, i, end, language));
            if (given == i && kunyaPlace(t, i, end, language)) {
                i = end + 1;
                continue; // "in Abu Sudaira", "near Umm Haddad": a place the places' cues name
            }
            if ((words >= 2 || honorific) && (named || hasCue(t, i, end, honorific, language))) {
                found.add(new Found(i, end, t.surface(i, end)));
            }
            i = end + 1;
        }
        return found;
    }

    /** Masculine Russian and Ukrainian surnames in the nominative (folded): -ов, -ин, -ский/-ський, -ич, -ук, -ян. */
    private static final FoldedEndings MASCULINE_SURNAMES = FoldedEndings.of("ov", "ev", "in", "yn", "skii", "skiy",
            "sky", "skij", "skyi", "skyy", "ich", "ych", "chuk", "iuk", "yuk", "uk", "iak", "yak", "ian", "yan", "ets");
    /** Feminine surnames in the nominative that no masculine case shares: -ская, -ська, -цька. */
    private static final FoldedEndings FEMININE_SURNAMES = FoldedEndings.of("skaia", "skaya", "ska");
    /** Surnames that never decline: -енко, -ко, -дзе, -швили, -их/-ых. */
    private static final FoldedEndings INDECLINABLE_SURNAMES = FoldedEndings.of("enko", "ko", "dze", "shvili",
            "ykh", "ikh");
    /**
     * Endings (folded) of Russian and Ukrainian adjectives and neuter nouns, which a given name never has: "Верховна",
     * "Сіверський", "Российская", "Центральне".
     */
    private static final FoldedEndings NOT_GIVEN_NAMES = FoldedEndings.of("yi", "oi", "oy", "yy", "ky", "ny",
            "kii", "nii", "aia", "aya", "ska", "vna", "lna", "sna", "zna", "rna", "tna", "chna", "zhna", "e");

    /**
     * Two capitalised words of a Russian or Ukrainian text, a given name the list lacks and a surname: the commonest
     * surname endings anywhere but at a sentence's start (-ов, -ина, -енко, -чук); other masculine surnames in the
     * nominative (-ский, -ич, -ук, -ян) after a word shaped like a man's given name, also at a sentence's start, where
     * a noun before a nominative surname would be no sentence ("Авдей Хомутовский", "Филимон Рябинич"); -ская/-ська
     * after a woman's given name in -а/-я ("Агафья Ступинская"); -ко, -их mid-sentence ("Евстафий Загорулько"). Never
     * after an adjective ("Сіверський Донець").
     */
    static boolean eastSlavicPair(Tokens t, int first, int second, String language) {
        if (!LanguageGroups.eastSlavic(language)) {
            return false;
        }
        if (t.end(first) - t.start(first) < 3 || NOT_GIVEN_NAMES.endsToken(t, first, 1)) {
            return false;
        }
        boolean start = t.has(first, Tokens.SENTENCE_START | Tokens.LINE_START);
        if (!start && LoneSurnames.commonEastSlavicSurname(t, second, language)) {
            return true;
        }
        boolean feminine = t.endsWith(first, "a");
        if (MASCULINE_SURNAMES.endsToken(t, second, 3)) {
            return !feminine;
        }
        if (FEMININE_SURNAMES.endsToken(t, second, 3)) {
            return feminine;
        }
        return !start && INDECLINABLE_SURNAMES.endsToken(t, second, 3);
    }

    /** Endings of German compound titles: "Verteidigungsminister", "Vorstandschefin", "Nothilfekoordinator". */
    private static final String[] TITLE_ENDINGS = {"minister", "ministerin", "prasident", "prasidentin", "sprecher",
            "sprecherin", "chef", "chefin", "koordinator", "koordinatorin", "vorsitzender", "vorsitzende",
            "fuhrer", "fuhrerin", "direktor", "direktorin", "sekretar", "sekretarin", "kommissar", "kommissarin",
            "botschafter", "botschafterin", "general", "ministre", "directeur", "directrice", "abgeordnete",
            "abgeordneter", "politiker", "politikerin", "trainer", "trainerin", "leiter", "leiterin", "kandidat",
            "kandidatin", "anwalt", "anwaltin", "richter", "richterin", "meister", "meisterin"};

    /**
     * German councils and ranks that Swiss and older German newspapers write before a member's name as his title:
     * "Bundesrat Motta", "Nationalrat Grimm", "Regierungsrat Dr. Wettstein", "Oberstdivisionär Sonderegger". After
     * an article they name the council itself ("der Bundesrat hat beschlossen", "dem Bundesrat Bericht erstatten").
     */
    private static final Set<String> COUNCIL_TITLES = Set.of("bundesrat", "nationalrat", "standerat",
            "regierungsrat", "stadtrat", "gemeinderat", "kantonsrat", "grossrat", "staatsrat", "hofrat", "geheimrat",
            "kommerzienrat", "justizrat", "sanitatsrat", "ministerialrat", "legationsrat", "landesrat", "schulrat",
            "baurat", "landammann", "oberst", "oberstleutnant", "oberstdivisionar", "oberstkorpskommandant",
            "korpskommandant", "pfarrer");
    private static final FoldedWords COUNCIL_TITLE_WORDS = FoldedWords.of(COUNCIL_TITLES);
    /** German articles and prepositions with an article: before a council word, the council is meant. */
    private static final FoldedWords GERMAN_ARTICLES = FoldedWords.of(Set.of("der", "die", "das", "dem", "den", "des",
            "ein", "eine", "einem", "einen", "eines", "einer", "im", "vom", "zum", "beim", "am", "ins", "zur"));

    /** A council word of {@link #COUNCIL_TITLES} at {@code i} used as a title: no article before it. */
    static boolean councilTitle(Tokens t, int i) {
        return COUNCIL_TITLE_WORDS.contains(t, i) && (i == 0 || !GERMAN_ARTICLES.contains(t, i - 1));
    }

    /** A word that introduces a name: a title of {@link Cues#TITLES}, or a German compound ending like one. */
    static boolean title(String folded) {
        if (Cues.TITLES.contains(folded)) {
            return true;
        }
        for (String ending : TITLE_ENDINGS) {
            if (folded.length() > ending.length() + 2 && folded.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #title(String)} of token {@code i}, from its folded characters (no string made), or a council word used
     * as a title ({@link #councilTitle}).
     */
    static boolean title(Tokens t, int i) {
        if (Cues.TITLE_WORDS.contains(t, i) || councilTitle(t, i)) {
            return true; // a council word only without an article: "Bundesrat Motta", not "der Bundesrat"
        }
        return TITLE_ENDING_SET.endsToken(t, i, 3);
    }

    /** {@link #TITLE_ENDINGS} by their last letters: asked of every capitalised word. */
    private static final FoldedEndings TITLE_ENDING_SET = FoldedEndings.of(TITLE_ENDINGS);

    /** Endings of Russian and Ukrainian patronymics, folded, in every case. */
    private static final String[] PATRONYMIC_ENDINGS = {"ovich", "evich", "ovicha", "evicha", "ovichu", "evichu",
            "ovichem", "evichem", "ovna", "evna", "ovny", "evny", "ovnoy", "evnoy", "ovnu", "evnu", "ichna", "ichny",
            "ichnoy", "ovych", "evych", "ovycha", "evycha", "ovychu", "ovychem", "ivna", "ivny", "ivni", "ivnu",
            "ivnoiu", "ovna", "ievych", "ievycha"};

    /** A Russian or Ukrainian patronymic, in any case (folded): "Олександровича", "Викторовна". */
    static boolean patronymic(String folded) {
        for (String ending : PATRONYMIC_ENDINGS) {
            if (folded.endsWith(ending) && folded.length() > ending.length() + 1) {
                return true;
            }
        }
        return false;
    }

    /** Words between a title and what it is the title of: "the governor of Diyala", "le préfet du Gard". */
    private static final Set<String> OF_WORDS = Set.of("of", "the", "de", "du", "des", "la", "l",
            "d", "der", "von");

    /**
     * A title at {@code last}, or a title and what it is the title of ending at {@code last}: "the Iraqi Foreign
     * Minister", "the governor of Diyala", "le préfet du Gard", "la présidente de la région", "der Landrat des Kreises
     * Gütersloh" (at most four words after the title, each a linking word, a capitalised word or a lower-case noun).
     */
    private static boolean titleOfBefore(Tokens t, int last) {
        if (title(t, last)) {
            return true;
        }
        boolean linked = false;
        for (int k = last; k > 0 && k > last - 5; k--) {
            if (k < last && (t.flags(k + 1) & NAME_GLUE) != 0) {
                return false;
            }
            if (OF_WORDS.contains(t.folded(k)) && t.shape(k) == Tokens.LOWER) {
                linked = true;
            } else if (linked && title(t, k)) {
                return true;
            }
        }
        return false;
    }

    /** A South Slavic surname in -ić/-ић (any case: Vučića, Vučiću, Vučićem) in a text of that language. */
    static boolean slavicSurname(Tokens t, int i, String language) {
        if (!LanguageGroups.southSlavic(language)) {
            return false;
        }
        String text = t.text();
        int end = t.end(i);
        for (int k = end - 1; k >= Math.max(t.start(i) + 2, end - 3); k--) {
            char c = text.charAt(k);
            if (c == 'ć' || c == 'ћ') {
                return true;
            }
            if ("aeiumoаеиумо".indexOf(c) < 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * The last token of a name written with initials ("А. А. Беспалов", "V. Putin"), or -1: one or two initials,
     * each with its full stop, then a capitalised word nobody owns.
     */
    private static int initialsName(Tokens t, int[] owner, int i, String language) {
        if (!initial(t, owner, i) || "fr".equals(language) && t.is(i, "m")) {
            return -1;
        }
        int k = i + 1;
        if (k < t.size() && initial(t, owner, k) && afterInitial(t, k)) {
            k++;
        }
        if (k < t.size() && afterInitial(t, k) && nameWord(t, owner, k) && t.end(k) - t.start(k) >= 3
                && !Cues.NOT_PERSON_ENDING_WORDS.contains(t, k) && (i == 0 || !t.capitalized(i - 1)
                || t.has(i, Tokens.SENTENCE_START | Tokens.LINE_START) || title(t, i - 1))) {
            return k;
        }
        return -1;
    }

    /** The last token of a name starting at {@code i}, or -1 when no name starts there. */
    private static int nameEnd(Tokens t, int[] owner, int i, String language) {
        if (!nameWord(t, owner, i)) {
            return -1;
        }
        // "the Grand Canal Authority": a name glued to a capitalised word before it is part of a longer proper noun
        // (not after a known place, when a Slavic surname follows: "opštine Pljevlja Mirsad Šabotić")
        if (i > 0 && glued(t, i) && t.capitalized(i - 1) && !title(t, i - 1)
                && !t.has(i - 1, Tokens.SENTENCE_START) && (!GivenNames.contains(t, i, language)
                || GivenNames.contains(t, i - 1, language))
                && !(owner[i - 1] >= 0 && i + 1 < t.size() && glued(t, i + 1)
                && LoneSurnames.surnameShaped(t, i + 1, language))) {
            return -1;
        }
        if (Cues.NOT_PERSON_START_WORDS.contains(t, i)) {
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
            } else if ("fr".equals(language) && k > i && (t.is(k, "le") || t.is(k, "la")) && t.capitalized(k)
                    && k + 1 < t.size() && (t.flags(k + 1) & NAME_GLUE) == 0 && t.start(k + 1) - t.end(k) <= 1
                    && nameWord(t, owner, k + 1)) {
                k++; // a French surname with its article: "Fabienne Le Goff", "Yannick Le Bihan"
            } else if (t.shape(k) == Tokens.LOWER && Cues.PARTICLE_WORDS.contains(t, k) && k + 1 < t.size()
                    && (t.flags(k + 1) & NAME_GLUE) == 0 && t.start(k + 1) - t.end(k) <= 1 && nameWord(t, owner, k + 1)) {
                k++;
            } else {
                break;
            }
        }
        if (end - i + 1 - initials > MAX_NAME_WORDS || Cues.NOT_PERSON_ENDING_WORDS.contains(t, end)) {
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
                && t.end(i) - t.start(i) >= 2 && !Cues.NOT_NAME_WORDS.contains(t, i)
                && !title(t, i);
    }

    private static boolean hasCue(Tokens t, int from, int to, boolean honorific, String language) {
        if (honorific) {
            return true;
        }
        // a title or role right before: "President X Y", "spokesman X Y"; or before a comma: "the Iraqi Foreign
        // Minister, Ibrahim al-Jaafari"
        if (from > 0 && glued(t, from) && title(t, from - 1)) {
            return true;
        }
        if (from > 1 && t.has(from, Tokens.AFTER_COMMA) && !t.has(from, Tokens.SENTENCE_START)
                && t.text().charAt(t.start(from) - 2) == ',' && titleOfBefore(t, from - 1)) {
            return true;
        }
        // a verb of saying right after: "X Y said"; not after a preposition of place, where the verb's subject came
        // before it ("Farmers in Abu Sudaira said", "speaking from Umm Haddad, said"), nor after a comma outside
        // English, where the speaker follows the verb ("48 Millionen Euro, sagte Ebertshäuser")
        int after = to + 1;
        boolean speakerFollows = language != null && !"en".equals(language) && after < t.size()
                && t.has(after, Tokens.AFTER_COMMA);
        if (after < t.size() && !speakerFollows && !t.has(to, Tokens.POSSESSIVE)
                && (t.flags(after) & (Tokens.SENTENCE_START | Tokens.LINE_START)) == 0
                && Cues.SPEECH_VERB_WORDS.contains(t, after) && !afterPlacePreposition(t, from, after, language)) {
            return true;
        }
        // "said X Y", "according to X Y"
        if (from > 0 && glued(t, from)) {
            String before = t.folded(from - 1);
            if (Cues.SPEECH_VERBS.contains(before)
                    || ("to".equals(before) && from > 1 && t.is(from - 2, "according"))) {
                return true;
            }
            // French "selon X Y" (a name of two words or more: "selon Mediapart" may be a newspaper)
            if ("fr".equals(language) && "selon".equals(before)) {
                return true;
            }
        }
        // the verb with its auxiliary: "X Y a déclaré", "rekao je X Y", "X Y je izjavio"
        // (South Slavic: the last word in the nominative, not the one told: "izjavio je Radio Televiziji")
        if (("fr".equals(language) || LanguageGroups.southSlavic(language) && LoneSurnames.southSlavicNominative(t, to))
                && !t.has(to, Tokens.POSSESSIVE)
                && (LoneSurnames.speechBefore(t, from, language) || LoneSurnames.speechAfter(t, to, language))) {
            return true;
        }
        // an age in commas: "Salim Jabouri, 42, a shopkeeper"
        // (English only: elsewhere "rue de Rivoli, 12," is an address)
        if ((language == null || "en".equals(language)) && after + 1 < t.size()
                && t.has(after, Tokens.AFTER_COMMA) && t.shape(after) == Tokens.NUMBER
                && t.end(after) - t.start(after) <= 3 && t.has(after + 1, Tokens.AFTER_COMMA) && to > from) {
            return true;
        }
        // apposition: "X Y, the chair of ...", "X Y, a spokesman for ..."
        if (after < t.size() && t.has(after, Tokens.AFTER_COMMA)) {
            for (int k = after; k < Math.min(t.size(), after + 5); k++) {
                if (k > after && (t.flags(k) & (Tokens.SENTENCE_START | Tokens.AFTER_COMMA)) != 0) {
                    break;
                }
                if (title(t, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * English: the name at {@code from} follows "in", "near" or "outside" (or "from" when a comma parts it from the
     * verb at {@code after}).
     */
    private static boolean afterPlacePreposition(Tokens t, int from, int after, String language) {
        if (language != null && !"en".equals(language) || from == 0 || !glued(t, from)
                || t.shape(from - 1) != Tokens.LOWER) {
            return false;
        }
        return t.is(from - 1, "in") || t.is(from - 1, "near") || t.is(from - 1, "outside")
                || t.is(from - 1, "from") && t.has(after, Tokens.AFTER_COMMA);
    }

    /** "Abu" and "Umm", which start both Arabic names of people and of places ("Abu Kamal", "Umm Qasr"). */
    private static final FoldedWords KUNYAS = FoldedWords.of(Set.of("abu", "umm"));

    /** "Abu" or "Umm" at token {@code i}. */
    static boolean kunya(Tokens t, int i) {
        return KUNYAS.contains(t, i);
    }

    /** English: "Abu X" or "Umm X", not possessive, right after "in", "near", "outside" or "from": a place. */
    private static boolean kunyaPlace(Tokens t, int from, int to, String language) {
        return KUNYAS.contains(t, from) && !t.has(to, Tokens.POSSESSIVE) && (language == null || "en".equals(language))
                && from > 0 && glued(t, from) && t.shape(from - 1) == Tokens.LOWER && (t.is(from - 1, "in")
                || t.is(from - 1, "near") || t.is(from - 1, "outside") || t.is(from - 1, "from"));
    }

    /** True when nothing but spaces separates token {@code i} from the one before. */
    private static boolean glued(Tokens t, int i) {
        return (t.flags(i) & NAME_GLUE) == 0;
    }

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr");
    /** {@link #HONORIFICS} asked by the token's hash: the word before every name candidate is asked. */
    private static final FoldedWords HONORIFIC_WORDS = FoldedWords.of(HONORIFICS);
    /** Honorifics of a language, folded: "Herr Habermann", "Frau Wendtland", "M. Dupérat", "Mme Carrouge". */
    private static final Map<String, Set<String>> LANGUAGE_HONORIFICS = Map.of(
            "de", Set.of("herr", "frau", "dr"),
            "fr", Set.of("m", "mme", "mlle", "monsieur", "madame", "me"));

    private static boolean isHonorific(Tokens t, int i, String language) {
        if (HONORIFIC_WORDS.contains(t, i)) {
            return true;
        }
        Set<String> own = language == null ? null : LANGUAGE_HONORIFICS.get(language);
        return own != null && t.capitalized(i) && own.contains(t.folded(i));
    }
}
