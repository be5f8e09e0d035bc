package io.newswatch.tagging.entity;

import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.text.FoldedEndings;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.InflectedForms;
import io.newswatch.tagging.text.Tokens;

import java.util.HashSet;
import java.util.Set;

/**
 * A person named by the surname alone with no cue, in German, French, Russian, Ukrainian and the South Slavic
 * languages: a capitalised word that is a surname of {@code kb/surnames-generated.txt} (the last names of the npm
 * package {@code @faker-js/faker} for those languages, less common words, names of the knowledge base, given names
 * and the nouns the generator lists: {@code services/enricher/tools/surnames.sh}), standing alone: "Hartwig von der
 * CDU verlangte", "Kerhervé et Morvan ont voté", "Рябинин и Толмачёва воздержались". A surname that is also a common
 * word ("Koch", "Bauer", "Martin", "Blanc") is not listed: it still needs a cue, a given name, a surname's ending or a
 * full mention ({@link LoneSurnames}, {@link PersonFinder}). Other cases through the language's endings ("Kolara",
 * "Koprivice", "Ковальського"; German only the genitive "Hartwigs"). And, with no list, a Russian or Ukrainian word
 * starting a sentence that ends like the commonest surnames and is no common word ({@code kb/surname-shaped-words.txt}),
 * and in German and French a Slavic surname by its transliterated ending ("Gortschakow", "Loukachenko", "Jovetić").
 */
final class ListedSurnames {

    private static final FoldedWords SURNAMES = FoldedWords.of(load("surnames-generated.txt"));
    /** Common Russian and Ukrainian words that end like the commonest surnames ("снова", "причина", "магазин"). */
    private static final FoldedWords SURNAME_SHAPED_WORDS = FoldedWords.of(load("surname-shaped-words.txt"));
    /**
     * Endings (folded) that a word starting a sentence may not have to be a surname alone though the commonest
     * surnames have them: the feminine -ина (most are nouns: "Вакцина", "Медицина", "Годовщина") and the demonyms
     * in -анин/-янин ("Россиянин", "Киевлянин").
     */
    private static final FoldedEndings NOT_AT_SENTENCE_START = FoldedEndings.of("ina", "yna", "anin", "ianin",
            "yanin", "anyn", "ianyn");
    /**
     * The commonest surname endings (folded) in the nominative, the case of a subject starting a sentence: -ов/-ова,
     * -ев/-ева, -ин, -енко, -чук, -дзе, -швили ("Корову", "Головою" are other cases, of nouns).
     */
    private static final FoldedEndings NOMINATIVE_EAST_SLAVIC_SURNAMES = FoldedEndings.of("ov", "ova", "ev", "eva",
            "in", "yn", "enko", "chuk", "iuk", "yuk", "dze", "shvili");
    /** Shortest surname asked (folded letters): the list has none shorter. */
    private static final int MIN_LENGTH = 4;
    /**
     * German articles, determiners and prepositions of place (lower case) before which a capitalised word is a noun
     * or a place, not a surname alone: "die Metzger", "im Ahrenberg", "aus Verl".
     */
    private static final FoldedWords GERMAN_BEFORE_NOUNS = FoldedWords.of(Set.of("der", "die", "das", "dem", "den",
            "des", "ein", "eine", "einem", "einen", "eines", "einer", "kein", "keine", "keinen", "keinem", "keiner",
            "im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "in", "nach", "aus", "dieser", "diese", "dieses",
            "diesem", "diesen", "jeder", "jede", "jedes", "alle", "allen", "unser", "unsere", "ihre", "seine"));
    /** French prepositions of place (lower case): "à Guillou" is rather a place. */
    private static final FoldedWords FRENCH_PLACE_PREPOSITIONS = FoldedWords.of(Set.of("a", "en", "vers"));

    private ListedSurnames() {
    }

    /** True when capitalised token {@code i}, which nothing owns, is a listed surname standing alone. */
    static boolean alone(Tokens t, int i, String language) {
        if (t.shape(i) != Tokens.CAPITALIZED || t.foldLength(i) < MIN_LENGTH || t.has(i, Tokens.BOILERPLATE)
                || !listed(t, i, language) && !eastSlavicSentenceStart(t, i, language)
                && !slavicInGermanOrFrench(t, i, language)) {
            return false; // the list first: most capitalised words are no listed surname
        }
        // one word: no capitalised word glued on either side (but a role noun before), no hyphen ("Ahrens-Straße")
        int after = i + 1;
        if (t.has(i, Tokens.AFTER_HYPHEN) || hyphenAfter(t, i) || after < t.size() && (t.has(after, Tokens.AFTER_HYPHEN)
                || (t.flags(after) & LoneSurnames.GLUE) == 0 && t.capitalized(after))
                || LoneSurnames.capitalBefore(t, i) || LoneSurnames.placePreposition(t, i)) {
            return false;
        }
        if ("de".equals(language) && lowerBefore(t, i, GERMAN_BEFORE_NOUNS)
                || "fr".equals(language) && (LoneSurnames.frenchDeterminerBefore(t, i)
                || lowerBefore(t, i, FRENCH_PLACE_PREPOSITIONS))) {
            return false;
        }
        return !Cues.NOT_NAME_WORDS.contains(t, i) && !Cues.NOT_PERSON_ENDING_WORDS.contains(t, i)
                && !PersonFinder.title(t, i);
    }

    /**
     * A hyphen right after the word: a compound's first part ("Kirch- und Schulgemeinde") or, in scanned pages, a word
     * broken at the line's end ("Kirch-\ngemeinde").
     */
    private static boolean hyphenAfter(Tokens t, int i) {
        int end = t.end(i);
        if (end >= t.text().length()) {
            return false;
        }
        char c = t.text().charAt(end);
        return c == '-' || c == '¬' || c == '\u00ad';
    }

    /** The word as written, or (Slavic) another case of it, or (German) its genitive in -s, is listed. */
    private static boolean listed(Tokens t, int i, String language) {
        if (SURNAMES.contains(t, i)) {
            return true;
        }
        if (LanguageGroups.slavic(language)) {
            return InflectedForms.baseIn(SURNAMES, t, i, language);
        }
        // German: "Hartwigs Antrag"; not the other endings of German rules ("Kirchen" is no "Kirch")
        return "de".equals(language) && t.endsWith(i, "s")
                && SURNAMES.contains(t.foldedChars(), t.foldStart(i), t.foldLength(i) - 1);
    }

    /**
     * A Russian or Ukrainian word starting a sentence that ends like the commonest surnames in the nominative (-ов,
     * -ин, -енко, -чук), is no common word of that shape and is followed by a lower-case
     * word or a comma: "Рябинин и Толмачёва воздержались", "Гнатенко, заступник міністра, ...". Mid-sentence
     * {@link LoneSurnames} takes these endings without a cue already.
     */
    private static boolean eastSlavicSentenceStart(Tokens t, int i, String language) {
        int after = i + 1;
        return LanguageGroups.eastSlavic(language) && t.has(i, Tokens.SENTENCE_START | Tokens.LINE_START)
                && after < t.size()
                && (t.shape(after) == Tokens.LOWER || t.has(after, Tokens.AFTER_COMMA))
                && NOMINATIVE_EAST_SLAVIC_SURNAMES.endsToken(t, i, 3) && !NOT_AT_SENTENCE_START.endsToken(t, i, 3)
                && !SURNAME_SHAPED_WORDS.contains(t, i);
    }

    /** Slavic surnames as German transliterates them: "Gortschakow", "Ignatjew", "Lukaschenko", "Kowalski". */
    private static final FoldedEndings GERMAN_SLAVIC_SURNAMES = FoldedEndings.of("ow", "owa", "ew", "ewa", "enko",
            "itsch", "owitsch", "ewitsch", "ski", "skyj", "skij", "schwili", "dse", "ovic", "evic");
    /** Slavic surnames as French transliterates them: "Gortchakov", "Ignatiev", "Loukachenko", "Kowalski". */
    private static final FoldedEndings FRENCH_SLAVIC_SURNAMES = FoldedEndings.of("ov", "ova", "ev", "eva", "enko",
            "itch", "vitch", "ski", "chvili", "dze", "ovic", "evic");
    /** German and French words with those endings: "Interview", "Bungalow", "Casanova" stays a name anyway. */
    private static final FoldedEndings NOT_SLAVIC_SURNAMES = FoldedEndings.of("view", "galow", "nova");

    /**
     * A Russian, Ukrainian, Polish or South Slavic surname in a German or French text, by its transliterated ending
     * (-ow/-ov, -jew/-iev, -enko, -itsch/-itch, -ski, -schwili, -ović, -ić): "sagte Gortschakow" needs no cue.
     */
    private static boolean slavicInGermanOrFrench(Tokens t, int i, String language) {
        boolean german = "de".equals(language);
        if (!german && !"fr".equals(language) || NOT_SLAVIC_SURNAMES.endsToken(t, i, 1)) {
            return false;
        }
        char last = t.text().charAt(t.end(i) - 1);
        return last == 'ć' || (german ? GERMAN_SLAVIC_SURNAMES : FRENCH_SLAVIC_SURNAMES).endsToken(t, i, 3);
    }

    private static boolean lowerBefore(Tokens t, int i, FoldedWords words) {
        return i > 0 && (t.flags(i) & LoneSurnames.GLUE) == 0 && t.shape(i - 1) == Tokens.LOWER
                && words.contains(t, i - 1);
    }

    private static Set<String> load(String list) {
        Set<String> names = new HashSet<>();
        GivenNames.read(KnowledgeBaseLoader.CLASSPATH_ROOT + list, names);
        return Set.copyOf(names);
    }
}
