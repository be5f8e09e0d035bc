package io.newswatch.tagging.entity;

import io.newswatch.tagging.text.FoldedEndings;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.HashSet;
import java.util.Set;

/**
 * A person the knowledge base lacks, named by the surname alone, in Russian, Ukrainian, Serbian, Croatian, Bosnian,
 * Montenegrin, German and French news: a capitalised word after a role noun ("губернатор Мелентьев", "Министр
 * транспорта области Кочергин", "Ministar saobraćaja Vukčević", "Kämmerer Wolfsteiner", "le préfet Vasseur"), or
 * next to a verb of saying ("сказал Мелентьев", "Тарасюк наголосив", "Lebraud a indiqué", "sagte Brückmann", "a
 * déclaré Quéméner"; in German only before it); in the South Slavic languages any surname in -ić alone ("Prema
 * riječima Bulatovića"), in Russian and Ukrainian the commonest endings (-ов, -ин, -енко, -чук) anywhere but at a
 * sentence's start or after a preposition of place.
 * Russian and Ukrainian words must end like a surname (-ов, -ин, -ский, -енко, -чук...), German ones unlike a noun
 * (-ung, -heit...), so that "глава Минтранса" or "sagte Anfang" stay no one. English has its own rule (ranks before a
 * surname, in {@code EntityTagger}).
 */
final class LoneSurnames {

    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;
    /** Lower-case words at most between a role and the surname: "Министр транспорта области Кочергин". */
    private static final int MAX_BETWEEN = 4;

    /** Endings (folded) of Russian and Ukrainian surnames, in the nominative and the other cases. */
    private static final String[] EAST_SLAVIC_ENDINGS = {"ov", "ova", "ovu", "ovym", "ove", "ovoi", "ovoy", "ev",
            "eva", "evu", "evym", "eve", "evoi", "evoy", "in", "ina", "inu", "inym", "ine", "inoi", "inoy", "yn",
            "yna", "ynu", "ynym", "sky", "skiy", "skii", "skij", "skyi", "skyy", "skogo", "skomu", "skim", "skaya",
            "skaia", "ska", "skoho", "enko", "chuk", "iuk", "yuk", "uk", "iak", "yak", "ich", "icha", "ichu", "ichem",
            "ian", "yan", "iana", "yana", "dze", "shvili", "ykh", "ikh", "ets", "tsia", "ko"};
    /** Endings (folded) of German nouns, which are capitalised too: such a word after "sagte" is no surname. */
    private static final String[] GERMAN_NOUN_ENDINGS = {"ung", "heit", "keit", "schaft", "tion", "tat", "ismus",
            "chen", "lein", "tum", "nis", "ium", "ei", "ik", "ur", "ie"};
    /** Capitalised German words after a verb of saying that are no one: "sagte Anfang Mai". */
    private static final FoldedWords NOT_GERMAN_SURNAMES = FoldedWords.of(Set.of("anfang", "mitte", "ende",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "gestern", "heute",
            "morgen", "bundeskanzler", "kanzler", "deutschland", "berlin"));
    /** Christmas and other capitalised words in -ić that are no surnames. */
    private static final FoldedWords NOT_SOUTH_SLAVIC_SURNAMES = FoldedWords.of(Set.of("bozic", "bozica", "bozicu",
            "bozicem"));
    /** Slavic case endings of a role noun: "губернатора", "с министром", "sa gradonačelnikom". */
    private static final String[] ROLE_ENDINGS = {"a", "u", "om", "em", "e", "ym", "ia", "ya", "i", "y", "ovi"};

    private LoneSurnames() {
    }

    /** True when the language has this rule. */
    static boolean applies(String language) {
        return LanguageGroups.eastSlavic(language) || LanguageGroups.southSlavic(language)
                || "de".equals(language) || "fr".equals(language);
    }

    /** True when capitalised token {@code i}, which nothing owns, is a surname alone by its cue. */
    static boolean surname(Tokens t, int i, String language) {
        if (t.shape(i) != Tokens.CAPITALIZED || t.end(i) - t.start(i) < 3 || t.has(i, Tokens.BOILERPLATE)) {
            return false;
        }
        // one word: no capitalised word glued on either side, other than the role noun before it
        int after = i + 1;
        if (after < t.size() && (t.flags(after) & GLUE) == 0 && t.capitalized(after)) {
            return false;
        }
        // the ending first (cheap, and most words fail it), then the lists, then the cues
        boolean south = LanguageGroups.southSlavic(language);
        boolean east = LanguageGroups.eastSlavic(language);
        if (south && !southSlavicSurname(t, i)) {
            // a surname of another shape ("Kecman", "Vujin", "Чанак") only as the subject of a verb of saying, with
            // or without its auxiliary: "izjavio je Kecman", "Vujin je rekla"; never a body ("saopštila je Vlada")
            // the verb first: most capitalised words have none, and the lists after it cost more
            return (speechBefore(t, i, language) || speechAfter(t, i, language))
                    && !SOUTH_SLAVIC_BODIES.contains(t, i) && !Cues.NOT_NAME_WORDS.contains(t, i)
                    && !Cues.NOT_PERSON_ENDING_WORDS.contains(t, i) && !PersonFinder.title(t, i)
                    && !capitalBefore(t, i) && !placePreposition(t, i) && southSlavicNominative(t, i);
        }
        if (south && NOT_SOUTH_SLAVIC_SURNAMES.contains(t, i)
                || east && !eastSlavicSurname(t, i, EAST_SLAVIC_SURNAMES)
                || "de".equals(language) && (germanNoun(t, i) || NOT_GERMAN_SURNAMES.contains(t, i))) {
            return false;
        }
        if (Cues.NOT_NAME_WORDS.contains(t, i) || Cues.NOT_PERSON_ENDING_WORDS.contains(t, i)
                || PersonFinder.title(t, i)) {
            return false;
        }
        if (south) {
            return !capitalBefore(t, i) && !placePreposition(t, i);
        }
        if ("fr".equals(language) && (frenchDeterminerBefore(t, i) || FRENCH_NOUN_ENDINGS.endsToken(t, i, 2))) {
            // "le Conseil a indiqué", "l'Inspection a confirmé": a body, not a surname alone; "le premier Consul
            // Général", "le conseiller Municipal": an office or an adjective capitalised in older typography
            return false;
        }
        // the commonest Russian and Ukrainian endings need no cue where no sentence starts and no place preposition
        // stands
        if (east && !t.has(i, Tokens.SENTENCE_START | Tokens.LINE_START) && !capitalBefore(t, i)
                && !placePreposition(t, i) && eastSlavicSurname(t, i, STRONG_EAST_SLAVIC_SURNAMES)) {
            return true;
        }
        // German: no verb of saying after, where a capitalised subject is as often a noun ("Das Unternehmen erklärte");
        // French: no "dit" before, which names a place or gives a nickname more often ("au lieu dit Lamothe")
        return speechBefore(t, i, language) && !("fr".equals(language) && t.is(i - 1, "dit"))
                || !"de".equals(language) && speechAfter(t, i, language)
                || roleBefore(t, i, language);
    }

    /**
     * Endings (folded) of French nouns and adjectives that surnames seldom have: offices and bodies ("Directeur",
     * "Secrétaire", "Inspection", "Municipale"), qualities ("Majesté"), doctrines ("Socialisme"), adjectives
     * ("Catholique", "Prussienne", "Générale"). Not -ier, -al, -ent or -ain, which many surnames have (Garnier, Duval,
     * Laurent, Germain).
     */
    private static final FoldedEndings FRENCH_NOUN_ENDINGS = FoldedEndings.of("ique", "isme", "iste", "tion", "sion",
            "ite", "ment", "aux", "eurs", "teur", "ieur", "ante", "ente", "ance", "ence", "ienne", "aise", "euse",
            "eux", "ive", "ale", "ales", "aire", "aires");

    /** French articles and determiners: a surname alone never follows one. */
    private static final FoldedWords FRENCH_DETERMINERS = FoldedWords.of(Set.of("le", "la", "les", "l", "du",
            "des", "au", "aux", "un", "une", "ce", "cet", "cette", "son", "sa", "ses", "leur", "leurs", "notre",
            "votre"));

    /**
     * A determiner right before {@code i}, in lower case or starting a sentence ("la Commission", "La Commission";
     * not the "Le" of "Jean-Yves Le Drian" mid-sentence).
     */
    private static boolean frenchDeterminerBefore(Tokens t, int i) {
        return i > 0 && (t.flags(i) & GLUE) == 0 && FRENCH_DETERMINERS.contains(t, i - 1)
                && (t.shape(i - 1) == Tokens.LOWER || t.has(i - 1, Tokens.SENTENCE_START | Tokens.LINE_START));
    }

    /** A capitalised word glued before {@code i} that is no role noun: "Đurđevića" in "Tari Đurđevića". */
    private static boolean capitalBefore(Tokens t, int i) {
        return i > 0 && (t.flags(i) & GLUE) == 0 && t.capitalized(i - 1) && !role(t, i - 1, "sr");
    }

    /** A South Slavic surname in -ić/-ић in the nominative, genitive, dative or instrumental: no plural place in -ići. */
    private static boolean southSlavicSurname(Tokens t, int i) {
        String text = t.text();
        int end = t.end(i);
        int stem = end;
        for (String ending : SOUTH_SLAVIC_CASES) {
            if (end - t.start(i) > ending.length() + 3 && text.startsWith(ending, end - ending.length())) {
                stem = end - ending.length();
                break;
            }
        }
        char c = text.charAt(stem - 1);
        return c == 'ć' || c == 'ћ';
    }

    /** Case endings after -ić, Latin and Cyrillic (longest first); none is the nominative. */
    private static final String[] SOUTH_SLAVIC_CASES = {"em", "ем", "a", "а", "u", "у"};
    /** Prepositions (folded) after which a capitalised word is a place rather than a person. */
    private static final FoldedWords PLACE_PREPOSITIONS = FoldedWords.of(Set.of("v", "vo", "u", "iz", "z", "pid",
            "pod", "na", "do", "kod", "blizu", "bilia", "okolo"));

    /** A lower-case preposition of place right before {@code i}: "в Кольцове", "u Nikšiću". */
    static boolean placePreposition(Tokens t, int i) {
        return i > 0 && (t.flags(i) & GLUE) == 0 && t.shape(i - 1) == Tokens.LOWER
                && PLACE_PREPOSITIONS.contains(t, i - 1);
    }

    /** Endings (folded) of the commonest Russian and Ukrainian surnames, with their cases: -ов, -ин, -енко, -чук. */
    private static final String[] STRONG_EAST_SLAVIC_ENDINGS = {"ov", "ova", "ovu", "ovym", "ev", "eva", "evu",
            "evym", "in", "ina", "inu", "inym", "enko", "chuk", "iuk", "yuk", "dze", "shvili"};

    /** The two lists of endings by their last letters: asked of every capitalised word of a Russian text. */
    private static final FoldedEndings EAST_SLAVIC_SURNAMES = FoldedEndings.of(EAST_SLAVIC_ENDINGS);
    private static final FoldedEndings STRONG_EAST_SLAVIC_SURNAMES = FoldedEndings.of(STRONG_EAST_SLAVIC_ENDINGS);

    private static boolean eastSlavicSurname(Tokens t, int i, FoldedEndings endings) {
        return endings.endsToken(t, i, 3);
    }

    private static boolean germanNoun(Tokens t, int i) {
        for (String ending : GERMAN_NOUN_ENDINGS) {
            if (t.endsWith(i, ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A role noun right before, or (Slavic) a role noun and up to four lower-case words of its complement before:
     * "губернатор Мелентьев", "Голова обласної військової адміністрації Тарасюк", "le maire Quéméner".
     */
    private static boolean roleBefore(Tokens t, int i, String language) {
        boolean slavic = LanguageGroups.eastSlavic(language);
        for (int k = i - 1; k >= 0 && k >= i - 1 - (slavic ? MAX_BETWEEN : 0); k--) {
            if ((t.flags(k + 1) & GLUE) != 0) {
                return false;
            }
            if (role(t, k, language)) {
                return !"de".equals(language) || k == i - 1;
            }
            if (t.shape(k) != Tokens.LOWER) {
                return false;
            }
        }
        return false;
    }

    /** A role noun (a title of {@link Cues#TITLES}), in Slavic languages also in another case. */
    private static boolean role(Tokens t, int k, String language) {
        if (PersonFinder.title(t, k)) {
            return !"fr".equals(language) || t.shape(k) == Tokens.LOWER || t.has(k, Tokens.SENTENCE_START);
        }
        return (LanguageGroups.eastSlavic(language) || LanguageGroups.southSlavic(language)) && INFLECTED_ROLES.contains(t, k);
    }

    /** The titles of {@link Cues#TITLES} with a Slavic case ending: "губернатора", "министром", "gradonačelnikom". */
    private static final FoldedWords INFLECTED_ROLES;

    static {
        Set<String> inflected = new HashSet<>();
        for (String title : Cues.TITLES) {
            for (String ending : title.length() < 4 ? new String[0] : ROLE_ENDINGS) {
                inflected.add(title + ending);
            }
        }
        INFLECTED_ROLES = FoldedWords.of(inflected);
    }

    /**
     * A verb of saying right before the name starting at {@code i}: "сказал Мелентьев", "sagte Brückmann", "a déclaré
     * Quéméner"; in the South Slavic languages also with its auxiliary between ("izjavio je Kecman", "рекла је
     * Обрадовић", "kazali su").
     */
    static boolean speechBefore(Tokens t, int i, String language) {
        if (i == 0 || (t.flags(i) & GLUE) != 0) {
            return false;
        }
        if (Cues.SPEECH_VERB_WORDS.contains(t, i - 1)) {
            return true;
        }
        return i > 1 && LanguageGroups.southSlavic(language) && SOUTH_SLAVIC_AUXILIARIES.contains(t, i - 1)
                && t.shape(i - 1) == Tokens.LOWER && (t.flags(i - 1) & GLUE) == 0
                && Cues.SPEECH_VERB_WORDS.contains(t, i - 2);
    }

    /**
     * A verb of saying right after the name ending at {@code i}, in French after "a", in the South Slavic languages
     * after the auxiliary: "Тарасюк наголосив", "Lebraud a indiqué", "Vujin je rekla".
     */
    static boolean speechAfter(Tokens t, int i, String language) {
        int after = i + 1;
        if (after + 1 < t.size() && (t.flags(after) & GLUE) == 0 && t.shape(after) == Tokens.LOWER
                && ("fr".equals(language) && t.is(after, "a")
                || LanguageGroups.southSlavic(language) && SOUTH_SLAVIC_AUXILIARIES.contains(t, after))) {
            after++;
        }
        return after < t.size() && (t.flags(after) & GLUE) == 0 && Cues.SPEECH_VERB_WORDS.contains(t, after);
    }

    /**
     * Genitive, dative, locative and instrumental endings (folded) that a speaker's surname, in the nominative, seldom
     * has ("Crne Gore", "Tanjugu", "Vijestima").
     */
    private static final FoldedEndings SOUTH_SLAVIC_OBLIQUE = FoldedEndings.of("u", "i", "e", "oj", "om", "em",
            "ima", "ama");
    /** Surname endings in -i that are nominative: "Stamenkovski", "Mickoski". */
    private static final FoldedEndings SOUTH_SLAVIC_SKI = FoldedEndings.of("ski", "cki", "zki");

    /**
     * A South Slavic word that may be a speaker's name in the nominative: not in the dative or another oblique case,
     * which a verb of saying takes for the one told ("izjavio je Tanjugu", "rekla je Beti", "kazao je Vijestima").
     */
    static boolean southSlavicNominative(Tokens t, int i) {
        return !SOUTH_SLAVIC_OBLIQUE.endsToken(t, i, 2) || SOUTH_SLAVIC_SKI.endsToken(t, i, 2);
    }

    /** The South Slavic auxiliaries of the past tense, folded: "je", "su" (Cyrillic "је", "су" fold to them). */
    private static final FoldedWords SOUTH_SLAVIC_AUXILIARIES = FoldedWords.of(Set.of("je", "su"));

    /**
     * South Slavic bodies that a verb of saying takes as its subject ("saopštila je Vlada", "Policija je navela"),
     * in the nominative, folded: no surname alone.
     */
    private static final FoldedWords SOUTH_SLAVIC_BODIES = FoldedWords.of(Set.of("vlada", "skupstina",
            "ministarstvo", "policija", "uprava", "opstina", "opcina", "komisija", "agencija", "kompanija", "firma",
            "stranka", "partija", "sud", "tuzilastvo", "direkcija", "banka", "ambasada", "sindikat", "savez",
            "udruzenje", "fond", "institut", "zavod", "koalicija", "opozicija", "vojska", "predsednistvo",
            "predsjednistvo", "sabor", "grad", "drzava", "kabinet", "biro", "centar", "sluzba", "inspekcija",
            "preduzece", "poduzece", "fakultet", "univerzitet", "sveuciliste", "bolnica", "klinika", "skola", "kremlj",
            "zapad", "istok"));

    /**
     * A word shaped like a surname of the text's language, in any case: Russian and Ukrainian endings (-ов, -ин,
     * -ский, -енко, -чук, -ич...), a South Slavic -ić; false in other languages.
     */
    static boolean surnameShaped(Tokens t, int i, String language) {
        return LanguageGroups.eastSlavic(language) ? eastSlavicSurname(t, i, EAST_SLAVIC_SURNAMES)
                : LanguageGroups.southSlavic(language) && t.end(i) - t.start(i) >= 4 && southSlavicSurname(t, i);
    }

    /** A Russian or Ukrainian word ending like the commonest surnames (-ов, -ин, -енко, -чук), in any case. */
    static boolean commonEastSlavicSurname(Tokens t, int i, String language) {
        return LanguageGroups.eastSlavic(language)
                && eastSlavicSurname(t, i, STRONG_EAST_SLAVIC_SURNAMES);
    }
}
