package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.entity.NameFinder.Found;
import io.newswatch.tagging.text.FoldedStems;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the news of the region write the names of bodies and places that no knowledge base holds, where capitals say
 * less than in English: Russian and South Slavic bodies are a capitalised head and lower-case genitives ("Министерство
 * обороны", "Savez samostalnih sindikata"), companies and parties are quoted after their legal form or kind ("ООО
 * «Камский литейный завод»", "партии «Новые люди»"), German ministries are compounds ("Wirtschaftsministeriums"), places
 * follow a preposition of place in the locative ("в Казани", "у Крагујевцу"). Plain rules over folded tokens.
 */
final class LanguagePatterns {

    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;

    /** Legal forms before a quoted company name, folded. */
    private static final Set<String> LEGAL_FORMS = Set.of("ooo", "oao", "zao", "pao", "ao", "nao", "gup", "fgup",
            "mup", "ano", "nko", "tov", "prat", "pat", "doo", "ad", "jp", "pjsc", "ojsc", "jsc", "llc");
    /** Beginnings of words (folded) for a kind of body before a quoted name: "компании «...»", "stranke „...“". */
    private static final String[] KIND_STEMS = {"kompani", "firm", "holding", "kontsern", "grupp", "bank", "zavod",
            "fabrik", "predpriyat", "parti", "dvizheni", "fond", "organizats", "izdani", "gazet", "telekanal",
            "agentstv", "obshchestv", "korporats", "kombinat", "soyuz", "klub", "preduzec", "strank", "partij",
            "pokret", "udruzenj", "fondacij", "tvrtk", "list", "dnevnik", "portal", "konzern", "zeitung", "societe",
            "groupe", "entreprise", "journal", "kompaniia", "kompanii", "partiia", "partii", "vydavnytstv",
            "sluzhb", "vedomstv", "ugrupovann", "gruppirovk", "chvk", "pvk", "batal", "polk", "otriad", "otryad",
            "frakts", "koalits", "blok", "kanal", "operator", "khold", "kontsern"};
    /** Beginnings of head words of Slavic bodies, folded: "Министерство ...", "Vlada ...", "... комитет ...". */
    private static final String[] HEAD_STEMS = {"ministerstv", "ministarstv", "vedomstv", "komitet", "sluzhb",
            "agentstv", "ahentstv", "agencij", "upravleni", "institut", "instytut", "universitet", "universytet",
            "univerzitet", "akademi", "fakultet", "sovet", "savet", "savjet", "vijec", "savez", "prokuratur",
            "pravitelstv", "uriad", "administrats", "departament", "komissi", "komisij", "skupstin", "tuzilastv",
            "kancelarij", "strank", "sindikat", "ambasad", "opstin", "direkcij", "sekretarijat", "predsednistv",
            "predsjednistv", "inspektsi", "partii", "partij", "teatr", "muze", "muzej", "zhurnal", "shkol", "skol",
            "bolnits", "bolnic", "likarn", "bibliotek", "pozorist", "kazalist", "klinik", "gimnazi", "tsentr",
            "assotsiats", "asocijacij", "korporats", "kontsern", "armi", "brigad", "divizi", "tserkv", "crkv", "vojsk", "voysk", "udruzenj",
            "konsortsium", "konsorcij", "gvardi", "hvardi", "instituci", "birzh", "berz", "kabinet"};
    /** Head words of Slavic bodies that are short or common as stems, as whole folded words. */
    private static final Set<String> HEAD_WORDS = Set.of("mid", "sud", "suda", "sudu", "sudom", "sude", "sudi", "vlada",
            "vlade", "vladi", "vladu", "vladom", "uprava", "uprave", "upravi", "upravu", "upravom", "front", "fronta",
            "frontu", "frontom", "ured", "ureda", "uredu", "vece", "veca", "vecu", "rada", "rady", "radi", "centar",
            "centra", "centru", "banka", "banke", "banci", "zavod", "zavoda", "zavodu", "pokret", "pokreta", "soyuz",
            "soyuza", "duma", "dumy", "dume", "shtab", "shtaba", "palata", "palaty", "fond", "fonda", "fondu", "luka", "luke",
            "luci", "luku", "lukom", "bank", "banku", "bankom", "flot", "flota", "flotu", "flotom", "korpus", "korpusa",
            "korpusu", "biuro", "byuro", "biro", "sily", "syly", "sil", "silam", "silami", "silakh", "sylam",
            "sylamy", "sylakh");
    /** Connectors inside a Slavic body's name: "Канцеларија за Косово и Метохију", "Комитет по обороне". */
    private static final Set<String> CONNECTORS = Set.of("za", "i", "po", "pri", "od", "na");
    /**
     * German compounds that name one body by their last part: "Wirtschaftsministeriums", "Bundesamt". Not "-partei",
     * "-verband" or "-behörde", which as often name a kind ("Regierungspartei", "Aufsichtsbehörde").
     */
    private static final String[] GERMAN_BODY_ENDINGS = {"ministerium", "ministeriums", "bundesamt", "bundesamts",
            "landesamt", "landesamts", "bundesamtes", "landesamtes", "bundesanstalt", "bundesagentur", "bundesinstitut", "bundesinstituts",
            "bundeszentrale", "landesanstalt", "kriminalamt", "kriminalamts"};
    /**
     * Last parts of the federal bodies' one-word names after "Bundes-": "Bundespolizei", "Bundesnetzagentur". Not
     * "-regierung": "die Bundesregierung" is as often the government of the day as a named body.
     */
    private static final String[] GERMAN_FEDERAL_ENDINGS = {"polizei", "wehr", "rat", "rates", "rats",
            "tag", "tages", "tags", "bank", "agentur", "gericht", "gerichts", "gerichtshof", "gerichtshofs",
            "anwaltschaft", "kanzleramt", "kanzleramts", "nachrichtendienst", "kartellamt", "kartellamts"};
    /** Bodies named by what follows "für": "Bundesamt für Migration und Flüchtlinge". */
    private static final Set<String> GERMAN_FOR_HEADS = Set.of("bundesamt", "bundesamtes", "bundesamts", "landesamt",
            "landesamtes", "bundesanstalt",
            "bundesagentur", "bundesinstitut", "bundeszentrale", "landesanstalt", "ministerium", "institut",
            "zentrum", "kommission", "beauftragte", "beauftragter");
    /** Military units named by a compound and a number: "Panzergrenadierbrigade 41", "Jagdgeschwader 74". */
    private static final String[] GERMAN_UNIT_ENDINGS = {"brigade", "division", "bataillon", "bataillons",
            "regiment", "regiments", "geschwader", "geschwaders"};
    /** Commands named by a compound and a place or body: "Landeskommando Brandenburg". */
    private static final String[] GERMAN_COMMAND_ENDINGS = {"kommando", "kommandos"};
    /** French words before a company's or party's name: "la société Provence Vracs". */
    private static final Set<String> NAME_KINDS = Set.of("societe", "groupe", "entreprise", "compagnie", "firme",
            "parti", "syndicat", "constructeur");

    /** Prepositions of place (folded) after which a capitalised word is a place, per language family. */
    private static final Set<String> RUSSIAN_PLACE_PREPOSITIONS = Set.of("v", "vo", "iz", "izo", "pod", "okolo", "bliz");
    private static final Set<String> UKRAINIAN_PLACE_PREPOSITIONS = Set.of("v", "u", "iz", "z", "pid", "bilia");
    private static final Set<String> SOUTH_SLAVIC_PLACE_PREPOSITIONS = Set.of("u", "iz", "kod", "blizu", "ka", "oko");
    /** Adjectival endings of the first word of a two-word place: "Нижнем Новгороде", "Novom Sadu". */
    private static final String[] ADJECTIVE_ENDINGS = {"om", "em", "oy", "ey", "ykh", "ikh", "oj", "ih", "im", "ym",
            "iy", "yi", "aya", "ogo", "ego", "oho", "kii", "koi", "kiy", "ii"};

    private LanguagePatterns() {
    }

    static void organizations(Tokens t, String language, List<Found> found) {
        int n = t.size();
        boolean slavic = LanguageGroups.slavic(language);
        boolean german = "de".equals(language);
        boolean eastSlavic = LanguageGroups.eastSlavic(language);
        boolean french = "fr".equals(language);
        boolean english = language == null || "en".equals(language);
        boolean southSlavic = LanguageGroups.southSlavic(language);
        for (int i = 0; i < n; i++) {
            if (t.has(i, Tokens.BOILERPLATE) || NameFinder.overlaps(found, i, i)) {
                continue;
            }
            int end = quoted(t, i);
            if (end < 0 && slavic) {
                end = slavicBody(t, i, language);
                if (end >= 0 && t.shape(i) == Tokens.LOWER) {
                    // "Следственный комитет", "Федеральная антимонопольная служба": the adjectives before are part
                    // of it; a lower-case head whose adjective another name took is no name of its own
                    int start = adjectivesBefore(t, i);
                    if (start < 0 || NameFinder.overlaps(found, start, i - 1)) {
                        end = -1;
                    } else {
                        i = start;
                    }
                }
            }
            if (end < 0) {
                end = club(t, i);
            }
            // Russian and Ukrainian only: Serbian is written in both scripts, and its Latin acronyms are no cue here
            if (end < 0 && eastSlavic) {
                end = cyrillicAcronym(t, i);
            }
            if (end < 0 && eastSlavic) {
                end = compoundBody(t, i);
            }
            if (end < 0 && german) {
                end = germanBody(t, i);
            }
            if (end < 0 && german) {
                end = germanNamedBody(t, i);
            }
            if (end < 0 && french) {
                end = afterKind(t, i, NAME_KIND_WORDS); // not in German, where every noun after "Konzern" is capitalised
            }
            if (end < 0 && english) {
                end = afterKind(t, i, ENGLISH_NAME_KIND_WORDS);
            }
            if (end < 0 && southSlavic) {
                end = afterKind(t, i, SOUTH_SLAVIC_NAME_KIND_WORDS); // "kompaniji Panonija investment"
            }
            if (end < 0 && french) {
                end = frenchBody(t, i);
            }
            if (end < 0 && french && (end = frenchNamedAfterHead(t, i)) >= 0) {
                // "l'école Jean-Moulin", "rue Jean-Jaurès": a school or a street named after a person is no person
                if (!NameFinder.overlaps(found, i, end)) {
                    EntityType type = FRENCH_STREETS.contains(t.folded(i)) ? EntityType.LOCATION : EntityType.ORGANIZATION;
                    found.add(new Found(i, end, type, t.surface(i, end)));
                }
                i = end;
                continue;
            }
            if (end < 0 && french) {
                end = frenchAdjectiveBody(t, i);
            }

            if (end >= 0 && !NameFinder.overlaps(found, i, end)) {
                found.add(new Found(i, end, EntityType.ORGANIZATION, t.surface(i, end)));
                i = end;
            }
        }
    }

    /**
     * Cyrillic acronyms that name no body: things, events and measures ("ВВП", "ДТП", "СМИ", "ПВО", "АЭС", "ЗМІ",
     * "ПДВ"), folded. The acronyms of states are names of places the knowledge base holds ("США", "РФ").
     */
    private static final Set<String> NOT_BODY_ACRONYMS = Set.of("vvp", "nds", "dtp", "chp", "smi", "pvo",
            "ppo", "bpla", "zhkkh", "ii", "vich", "orvi", "chs", "svo", "rszo", "rszv", "zrk", "pzrk", "btr",
            "bmp", "vpk", "tets", "tes", "aes", "ges", "npz", "lep", "ip", "fop", "ege", "oge", "vuz", "zhk", "tts",
            "dnk", "ptsr", "kpp", "tot", "zmi", "pdv", "pdfo", "vlk", "otg", "osbb", "bdp", "sssr", "tv", "eko",
            "ova", "mva", "chvk", "pvk", "sizo", "mrot", "vnzh", "ooo", "oao", "zao", "pao", "ao", "nao", "tov", "pat",
            "prat", "doo", "ad", "jp", "pp", "kp", "dp", "ho", "go", "srsr", "ursr", "rsfsr", "ato", "oos", "ndi",
            "zno", "lch", "chm", "che", "chie", "vpo", "vnz", "ptu", "zhek", "oi", "zhd", "vov", "pmzh", "it", "po",
            "oms", "nko",
            // diseases, codes, kinds of group and labels of news pages: "ВІЛ", "УК", "ДРГ", "ОПГ", "ФОТО"
            "vil", "snid", "spid", "drg", "opg", "kto", "uk", "kk", "kpk", "upk", "gk", "zu", "pdr", "pdd", "reb",
            "ipso", "ptrk", "bbm", "inn", "ipn", "edrpou", "yedrpou", "iedrpou", "azs", "sto", "pk", "shi", "gmo",
            "nlo", "mks", "pmm", "foto", "video", "kku", "pku", "tsku", "kupap");

    /**
     * "ФАС", "МЧС", "ДСНС", "НАБУ": two to six Cyrillic capitals that no knowledge base holds are, in the news of the
     * region, the short name of a body; not the acronyms of things and measures, nor Roman numerals ("ХХ", "ІІІ").
     * The token itself, or -1.
     */
    private static int cyrillicAcronym(Tokens t, int i) {
        if (!NameFinder.acronym(t, i) || !cyrillic(t, i) || NOT_BODY_ACRONYMS.contains(t.folded(i))
                || i + 1 < t.size() && quoted(t, i + 1) >= 0) {
            return -1; // "ДП «Антонов»", "ФК «X»", "КНП «X»": the kind or legal form of the quoted name after it
        }
        if (i + 1 < t.size() && (capitalsBeside(t, i + 1) || t.has(i + 1, Tokens.AFTER_HYPHEN)
                && Character.isDigit(t.text().charAt(t.start(i + 1)))) || i > 0 && capitalsBeside(t, i - 1)) {
            return -1; // "ВИКРАДЕНІ ІКОНИ ПОВЕРНУЛИ ДО МУЗЕЮ": a line in capitals; "АК-47": a model
        }
        if (writtenInLowerCase(t, i)) {
            return -1; // "це ВСЕ, що ми знаємо": a word in capitals that the text also writes in lower case
        }
        String text = t.text();
        for (int k = t.start(i); k < t.end(i); k++) {
            if ("ХІСМ".indexOf(text.charAt(k)) < 0) {
                return i + 1 < t.size() && (t.flags(i + 1) & GLUE) == 0 && t.capitalized(i + 1)
                        && STATE_GENITIVES.contains(t.folded(i + 1)) ? i + 1 : i;
            }
        }
        return -1;
    }

    /** True when the text also has token {@code i}'s word in lower case. A scan, run for acronym candidates only. */
    private static boolean writtenInLowerCase(Tokens t, int i) {
        String text = t.text();
        int length = t.end(i) - t.start(i);
        for (int k = 0; k < t.size(); k++) {
            if (t.end(k) - t.start(k) == length && t.shape(k) == Tokens.LOWER
                    && text.regionMatches(true, t.start(k), text, t.start(i), length)) {
                return true;
            }
        }
        return false;
    }

    /** A word in Cyrillic capitals next to an acronym: text written in capitals, not two bodies side by side. */
    private static boolean capitalsBeside(Tokens t, int k) {
        return t.shape(k) == Tokens.UPPER && t.end(k) - t.start(k) >= 2 && cyrillic(t, k);
    }

    /** A state in the genitive after a body's acronym is part of its name: "МВС України", "ФСИН России". */
    private static final Set<String> STATE_GENITIVES = Set.of("ukrainy", "rossii", "rosii", "rf", "belarusi",
            "bilorusi", "moldovy", "kazakhstana", "gruzii", "hruzii", "armenii", "virmenii", "serbii");

    private static boolean cyrillic(Tokens t, int i) {
        return Character.UnicodeScript.of(t.text().codePointAt(t.start(i))) == Character.UnicodeScript.CYRILLIC;
    }

    /** Second parts of Russian and Ukrainian short names of ministries: "Минфин", "Минобороны", "Мінцифри". */
    private static final String[] MINISTRY_DOMAINS = {"fin", "oboron", "energ", "yust", "iust", "zdrav", "trans",
            "ekonom", "prom", "prosv", "obrnauk", "tsifr", "tsyfr", "selkhoz", "kult", "stroy", "prirod", "sport",
            "trud", "vostok", "ahro", "agro", "rehion", "region", "sots", "molod", "inform", "zakord",
            "strateh"};
    /**
     * Last parts of the one-word names of Russian and Ukrainian agencies and companies: "Ростехнадзор", "Роснефть",
     * "Газпром", "Сбербанк", "Росатом", "Укренерго", "Уралтрансмаш", "Ростелеком", "Росгвардия", "Роскосмос".
     */
    private static final String[] BODY_MORPHEMES = {"nadzor", "neft", "nafta", "naftohaz", "gaz", "haz", "prom",
            "bank", "atom", "energo", "enerho", "mash", "telekom", "gvardi", "hvardi", "kosmos", "stat", "flot",
            "aviatsi", "aviatsii", "zaliznyts", "poshta", "reestr", "reiestr", "nedra", "avtodor"};
    /** Case endings after such a last part, folded: "Роснефти", "Газпрома", "Росгвардией". */
    private static final String[] BODY_CASE_ENDINGS = {"", "a", "u", "om", "e", "i", "y", "yu", "iu", "ya", "ia",
            "ey", "ei", "oi", "oy", "oiu", "em"};
    /** State-company beginnings "Рос-" and "Укр-" that are words of other kinds: "России", "Ростов", "Україна". */
    private static final String[] NOT_BODY_BEGINNINGS = {"ross", "rosi", "rostov", "rostisl", "rostysl", "rostrop",
            "roslavl", "rostok", "rosa", "ukrai", "ukray"};

    /**
     * A one-word Russian or Ukrainian body by how such names are made: a ministry's short name ("Минфина",
     * "Міноборони"), a last part that names a trade ("Ростехнадзора", "Роснефть", "Сбербанка"), or a state company's
     * "Рос-"/"Укр-" beginning ("Ростех", "Укрпошта"). The token, or -1.
     */
    private static int compoundBody(Tokens t, int i) {
        if (t.shape(i) != Tokens.CAPITALIZED || !cyrillic(t, i) || GivenNames.contains(t, i, null)) {
            return -1;
        }
        String word = t.folded(i);
        for (String not : NOT_BODY_BEGINNINGS) {
            if (word.startsWith(not)) {
                return -1;
            }
        }
        if (word.startsWith("min") && word.length() >= 6) {
            for (String domain : MINISTRY_DOMAINS) {
                if (word.startsWith(domain, 3)) {
                    return i;
                }
            }
        }
        if ((word.startsWith("ros") || word.startsWith("ukr")) && word.length() >= 6 && word.length() <= 14) {
            return i;
        }
        for (String ending : BODY_CASE_ENDINGS) {
            if (!word.endsWith(ending)) {
                continue;
            }
            int stem = word.length() - ending.length();
            for (String morpheme : BODY_MORPHEMES) {
                if (stem >= morpheme.length() + 3 && word.startsWith(morpheme, stem - morpheme.length())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** "ООО «X Y»", "партии «X»", "компанија „X“": the last token inside the quotation marks, or -1. */
    private static int quoted(Tokens t, int i) {
        if (i == 0 || !t.has(i, Tokens.AFTER_QUOTE) || !t.capitalized(i) || !kindBefore(t, i - 1)
                && !(i >= 2 && t.shape(i - 1) == Tokens.LOWER && (t.flags(i - 1) & GLUE) == 0 && kindBefore(t, i - 2))
                && !(NameFinder.acronym(t, i - 1) && cyrillic(t, i - 1))) {
            return -1; // "компании «X»", "службы «X»", "угруповання військ «X»" (a genitive between), "ДП «X»"
        }
        String text = t.text();
        int before = t.start(i) - 1;
        while (before > t.end(i - 1) && text.charAt(before) == ' ') {
            before--;
        }
        if ("«„“\"‹".indexOf(text.charAt(before)) < 0) {
            return -1;
        }
        int j = i;
        while (j + 1 < t.size() && j - i < 7 && (t.flags(j + 1) & (Tokens.AFTER_QUOTE | Tokens.SENTENCE_START
                | Tokens.LINE_START)) == 0) {
            j++;
        }
        int after = t.end(j);
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return after < text.length() && "»“”\"›".indexOf(text.charAt(after)) >= 0 ? j : -1;
    }

    /** A word for a kind of body or a legal form ("ПАО"), or a lower-case head word of a Slavic body, at {@code k}. */
    private static boolean kindBefore(Tokens t, int k) {
        return kind(t.folded(k)) || t.shape(k) == Tokens.LOWER && head(t, k);
    }

    static boolean kind(String folded) {
        return wordOrInflected(folded, LEGAL_FORMS, KIND_STEMS);
    }

    /** One of the words, or one of the stems with an ending of at most four letters (a case or number form). */
    private static boolean wordOrInflected(String folded, Set<String> words, String[] stems) {
        if (words.contains(folded)) {
            return true;
        }
        for (String stem : stems) {
            // not a word for its people: "Журналісти", "журналистов" (of журнал)
            if (folded.startsWith(stem) && folded.length() <= stem.length() + 4
                    && !folded.startsWith("ist", stem.length())) {
                return true;
            }
        }
        return false;
    }

    /** Two-letter beginnings of the head words and stems, and their shortest length: most words fail these. */
    private static final boolean[] HEAD_STARTS = new boolean[1 << 12];
    private static final int HEAD_SHORTEST;
    /** The head stems by their two-letter beginning ({@link #headStart}): a word is tried against its own few. */
    private static final String[][] HEAD_STEMS_BY_START = new String[1 << 12][];

    static {
        int shortest = Integer.MAX_VALUE;
        for (String head : Stream.concat(HEAD_WORDS.stream(), Stream.of(HEAD_STEMS)).toList()) {
            shortest = Math.min(shortest, head.length());
            HEAD_STARTS[headStart(head.charAt(0), head.charAt(1))] = true;
        }
        HEAD_SHORTEST = shortest;
        for (String stem : HEAD_STEMS) {
            int start = headStart(stem.charAt(0), stem.charAt(1));
            String[] bucket = HEAD_STEMS_BY_START[start];
            bucket = bucket == null ? new String[1] : Arrays.copyOf(bucket, bucket.length + 1);
            bucket[bucket.length - 1] = stem;
            HEAD_STEMS_BY_START[start] = bucket;
        }
    }

    private static int headStart(char first, char second) {
        return (first * 31 + second) & ((1 << 12) - 1);
    }

    static boolean head(Tokens t, int i) {
        // asked of every word of a Slavic text: rejected from its letters before it is made a string
        int from = t.foldStart(i);
        if (t.foldLength(i) < HEAD_SHORTEST
                || !HEAD_STARTS[headStart(t.foldedChars()[from], t.foldedChars()[from + 1])]) {
            return false;
        }
        String[] stems = HEAD_STEMS_BY_START[headStart(t.foldedChars()[from], t.foldedChars()[from + 1])];
        if (HEAD_WORD_SET.contains(t, i)) {
            return true;
        }
        return stems != null && wordOrInflected(t.folded(i), Set.of(), stems);
    }

    /** {@link #HEAD_WORDS} asked by the token's hash: a string is made only for the words a stem may fit. */
    private static final FoldedWords HEAD_WORD_SET = FoldedWords.of(HEAD_WORDS);

    /**
     * A Slavic body from its head word at {@code i}: "Министерство обороны", "Савеза самосталних синдиката",
     * "Vlada Crne Gore", "Канцеларије за Косово и Метохију", "МИД России". The last token, or -1.
     */
    private static int slavicBody(Tokens t, int i, String language) {
        if (!head(t, i)) {
            return -1;
        }
        boolean capitalHead = t.capitalized(i);
        if (capitalHead && i > 0 && t.capitalized(i - 1) && (t.flags(i) & GLUE) == 0
                && !PersonFinder.title(t, i - 1) && !Cues.NOT_NAME_WORDS.contains(t, i - 1)) {
            return -1; // the second word of another name: "Banje Luke", "Narodne Skupštine" is taken from its start
        }
        if (!capitalHead && adjectivesBefore(t, i) < 0) {
            return -1; // "министерство" in running text is any ministry
        }
        int end = -1;
        boolean capitalSeen = false;
        int capitals = 0;
        int capitalAdjective = -1;
        for (int k = i + 1; k < t.size() && k <= i + 6; k++) {
            if ((t.flags(k) & GLUE) != 0) {
                break;
            }
            String word = t.folded(k);
            if (t.capitalized(k)) {
                if (GivenNames.contains(t, k, language) || ++capitals > 2) {
                    break;
                }
                capitalSeen = true;
                end = k;
                if (obliqueAdjective(word)) {
                    capitalAdjective = k;
                }
            } else if (CONNECTORS.contains(word)) {
                if (k + 1 >= t.size() || !t.capitalized(k + 1) || (t.flags(k + 1) & GLUE) != 0
                        || k + 2 < t.size() && (t.shape(k + 2) == Tokens.LOWER && head(t, k + 2)
                        || t.has(k + 2, Tokens.AFTER_HYPHEN))) {
                    break; // "Narodna banka Srbije i Republički zavod", "Банком России и Санкт-Петербургской биржей"
                }
            } else if (capitalAdjective == k - 1 && !Cues.NOT_NAMES.contains(word) && word.length() >= 3) {
                end = k; // "Генеральний штаб Збройних сил України": the noun of a capitalised adjective
            } else if (!capitalSeen && genitive(word) && !Cues.NOT_NAMES.contains(word)) {
                end = k;
            } else {
                break;
            }
        }
        if (end < 0 && !capitalHead) {
            return i; // "Следственный комитет" alone: the adjective makes it a name
        }
        return end;
    }

    /**
     * The first word of the adjectives before a lower-case head, capitalised, or -1: "Следственный комитет",
     * "Федеральная антимонопольная служба", "Державної прикордонної служби" (at most two lower-case adjectives).
     */
    private static int adjectivesBefore(Tokens t, int head) {
        int k = head - 1;
        while (k > 0 && head - k <= 2 && t.shape(k) == Tokens.LOWER && (t.flags(k + 1) & GLUE) == 0
                && slavicAdjective(t.folded(k))) {
            k--;
        }
        if (k < 0 || (t.flags(k + 1) & GLUE) != 0 || !t.capitalized(k) || PersonFinder.title(t, k)
                || Cues.NOT_NAME_WORDS.contains(t, k) || head(t, k)
                || !capitalAdjective(t.folded(k))) {
            // "у Београду полицијска управа": a place, not the name's adjective; "Волонтери фонду", "Сотрудники
            // завода": the people of a body, no adjective of its name
            return -1;
        }
        if (k > 0 && t.has(k, Tokens.AFTER_HYPHEN) && t.capitalized(k - 1) && (t.flags(k - 1) & GLUE) == 0) {
            k--; // "Санкт-Петербургской биржей"
        }
        return k;
    }

    /**
     * Folded endings of Slavic adjectives in any case and gender ("антимонопольная", "prykordonnoi", "revizorska",
     * Ukrainian "Київській", "міській", "Апеляційному"; -ній and -ській only, as -ії ends nouns: "комісії").
     */
    private static final String[] SLAVIC_ADJECTIVE_ENDINGS = {"aya", "aja", "yy", "iy", "yi", "yj", "ij", "ny", "ky",
            "oy", "oi", "oj", "ogo", "oho", "ego", "ykh", "ikh", "yh", "ih", "ym", "im", "om", "em", "na", "ni", "no",
            "ne", "ka", "ki", "ko", "ke", "oe", "ye", "ie", "ee", "og", "yu", "iu", "ju", "omu", "emu", "skii", "nii"};

    /** Plurals of nouns for people in -ники/-ники/-nici, which end like adjectives ("Сотрудники", "Працівники"). */
    private static final String[] PEOPLE_PLURALS = {"niki", "nyky", "nici"};

    /** A capitalised adjective of a body's name: "Следственный", "Київській", not "Сотрудники". */
    private static boolean capitalAdjective(String folded) {
        return slavicAdjective(folded) && !endsWithAny(folded, 5, PEOPLE_PLURALS);
    }

    private static boolean slavicAdjective(String folded) {
        return endsWithAny(folded, 5, SLAVIC_ADJECTIVE_ENDINGS);
    }

    /** True when the word has at least {@code shortest} letters and one of the endings: the adjective scanners' test. */
    private static boolean endsWithAny(String folded, int shortest, String[] endings) {
        if (folded.length() < shortest) {
            return false;
        }
        for (String ending : endings) {
            if (folded.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** Oblique-case adjective endings: "Збройних", "Вооружённых", "Oružanih", "Государственной" (not "России"). */
    private static final String[] OBLIQUE_ADJECTIVE_ENDINGS = {"ykh", "ikh", "ih", "oy", "oi", "oj", "ogo", "oho",
            "ego", "og"};

    private static boolean obliqueAdjective(String folded) {
        return endsWithAny(folded, 5, OBLIQUE_ADJECTIVE_ENDINGS);
    }

    private static final String[] GENITIVE_ENDINGS = {"a", "ya", "y", "i", "e", "ov", "ev", "ey", "ykh", "ikh", "ogo",
            "ego", "oy", "ih", "og", "ara", "ija", "iia", "iv"};
    /** Not genitives: adjectives, past tenses ("заявили"), Ukrainian infinitives ("виділити", "бути"), reflexives. */
    private static final String[] NOT_GENITIVE_ENDINGS = {"ye", "ie", "oe", "la", "li", "lo", "yi", "ee", "yty", "uty",
            "aly", "yly", "ily", "sia", "sya", "sja"}; // and reflexive verbs: "зустрілися", "встретились"

    private static boolean genitive(String word) {
        return !endsWithAny(word, 0, NOT_GENITIVE_ENDINGS) && endsWithAny(word, 3, GENITIVE_ENDINGS);
    }

    /**
     * "Wirtschaftsministeriums", "Bundesamt für Migration und Flüchtlinge", "Panzergrenadierbrigade 41",
     * "Landeskommando Brandenburg": the last token, or -1.
     */
    private static int germanBody(Tokens t, int i) {
        if (t.shape(i) != Tokens.CAPITALIZED) {
            return -1;
        }
        String folded = t.folded(i);
        if (compound(folded, GERMAN_BODY_ENDINGS)) {
            return germanFor(t, i);
        }
        if (folded.startsWith("bundes") && compound(folded, GERMAN_FEDERAL_ENDINGS)) {
            // "Bundespolizei", "Bundesrat", "Bundesverfassungsgerichts"; not "Bundesrat Motta", a member's title
            return memberTitle(t, i) ? -1 : i;
        }
        if (GERMAN_FOR_HEADS.contains(folded)) {
            int end = germanFor(t, i);
            return end > i ? end : -1; // "Bundesamt" alone is any federal office
        }
        boolean next = i + 1 < t.size() && (t.flags(i + 1) & GLUE) == 0;
        if (next && t.shape(i + 1) == Tokens.NUMBER && compound(folded, GERMAN_UNIT_ENDINGS)) {
            return i + 1;
        }
        if (next && t.shape(i + 1) == Tokens.CAPITALIZED && !Cues.NOT_NAMES.contains(t.folded(i + 1))
                && compound(folded, GERMAN_COMMAND_ENDINGS)) {
            return i + 1;
        }
        return -1;
    }

    /** A council word used as a title before a capitalised name ("Bundesrat Motta", "Nationalrat Dr. Ullmer"). */
    private static boolean memberTitle(Tokens t, int i) {
        int next = i + 1;
        return next < t.size() && (t.flags(next) & GLUE) == 0 && t.capitalized(next)
                && !Cues.NOT_NAME_WORDS.contains(t, next) && PersonFinder.councilTitle(t, i);
    }

    private static boolean compound(String folded, String[] endings) {
        for (String ending : endings) {
            if (folded.length() >= ending.length() + 3 && folded.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** German words inside a body's name after "für": "Bundesamt für Sicherheit in der Informationstechnik". */
    private static final Set<String> GERMAN_NAME_LINKS = Set.of("und", "der", "des", "fur");

    /**
     * The body at {@code i} and what "für" names after it: "Bundesamt für Ausrüstung, Informationstechnik und Nutzung
     * der Bundeswehr" (capitalised words, a few linking words, commas only in a list that "und" closes).
     */
    private static int germanFor(Tokens t, int i) {
        int n = t.size();
        if (i + 2 >= n || !t.folded(i + 1).equals("fur") || (t.flags(i + 1) & GLUE) != 0
                || t.shape(i + 2) != Tokens.CAPITALIZED || (t.flags(i + 2) & GLUE) != 0) {
            return i;
        }
        int end = i + 2;
        int beforeComma = -1;
        boolean linked = false;
        for (int k = i + 3; k < n && k <= i + 10; k++) {
            int flags = t.flags(k);
            boolean comma = (flags & Tokens.AFTER_COMMA) != 0;
            if ((flags & GLUE & ~Tokens.AFTER_COMMA) != 0 || comma && beforeComma >= 0) {
                break;
            }
            if (t.shape(k) == Tokens.CAPITALIZED && (linked || comma) && !Cues.NOT_NAMES.contains(t.folded(k))) {
                if (comma) {
                    beforeComma = end;
                }
                end = k;
                linked = false;
            } else if (!comma && t.shape(k) == Tokens.LOWER && GERMAN_NAME_LINKS.contains(t.folded(k))
                    && k + 1 < n && t.shape(k + 1) == Tokens.CAPITALIZED && (t.flags(k + 1) & GLUE) == 0) {
                if (t.folded(k).equals("und")) {
                    beforeComma = -1; // the list is closed
                }
                linked = true;
            } else {
                break; // two capitalised words in a row: the sentence goes on ("... für Migration Zahlen vor")
            }
        }
        return beforeComma >= 0 ? beforeComma : end;
    }

    /** Abbreviations before a sports club's name, as written: "FC Barcelona", "VfB Stuttgart", "FK Partizan", "ФК Зенит". */
    private static final Set<String> CLUB_PREFIXES = Set.of("FC", "SC", "SV", "VfB", "VfL", "TSV", "TSG", "FSV", "BSC",
            "SpVgg", "FK", "NK", "KK", "RK", "HNK", "OFK", "OGC", "RC", "AJ", "ФК", "ПФК", "ХК", "РК");

    /** {@link #CLUB_PREFIXES} as an array, to compare with the text in place. */
    private static final String[] CLUB_PREFIX_LIST = CLUB_PREFIXES.toArray(String[]::new);

    /**
     * True when token {@code i} is written as one of {@link #CLUB_PREFIXES}: compared in the text (asked of every
     * short capitalised word before another, "US President", "The New": no substring made of each).
     */
    private static boolean clubPrefix(Tokens t, int i) {
        int start = t.start(i);
        int length = t.end(i) - start;
        for (String prefix : CLUB_PREFIX_LIST) {
            if (prefix.length() == length && t.text().startsWith(prefix, start)) {
                return true;
            }
        }
        return false;
    }

    /** "FC Bayern", "1. FC Kaiserslautern", "FK Crvena zvezda", "ФК Зенит": the club's last token, or -1. */
    private static int club(Tokens t, int i) {
        if (i + 1 >= t.size() || t.shape(i) == Tokens.LOWER || t.end(i) - t.start(i) > 5 || !t.capitalized(i + 1)
                || !clubPrefix(t, i)
                || (t.flags(i + 1) & GLUE) != 0) {
            return -1;
        }
        int end = i + 1;
        while (end + 1 < t.size() && end - i < 3 && (t.flags(end + 1) & GLUE) == 0
                && (t.capitalized(end + 1) || t.has(end + 1, Tokens.AFTER_HYPHEN))
                && !Cues.NOT_NAME_WORDS.contains(t, end + 1)) {
            end++;
        }
        return end;
    }

    /** Last parts of German names of one body written with a hyphen: "Lehmbruck-Museum", "Springer-Verlag". */
    private static final Set<String> GERMAN_HYPHEN_HEADS = Set.of("museum", "museums", "verlag", "verlags",
            "verlages", "stiftung", "institut", "instituts", "universitat", "klinik", "klinikum", "gymnasium",
            "konzern", "konzerns", "gruppe", "werft", "theater", "theaters", "orchester", "zentrum", "zentrums",
            "verein", "vereins", "hochschule", "akademie", "bank", "festival", "werke");
    /** Nouns that make a capitalised adjective before them a name: "Deutsche Bank", "Mitteldeutschen Verlages". */
    private static final Set<String> GERMAN_NAMED_HEADS = Set.of("bank", "verlag", "verlags", "verlages", "stiftung",
            "universitat", "partei", "zeitung", "rundschau", "zentralbank", "bahn", "welle", "akademie", "hochschule",
            "volkspartei", "union", "presse-agentur", "nachrichtenagentur");

    /** "Lehmbruck-Museum", "Deutsche Bank", "Mitteldeutschen Verlages": the name's last token, or -1. */
    private static int germanNamedBody(Tokens t, int i) {
        if (i + 1 >= t.size() || t.shape(i) != Tokens.CAPITALIZED || t.shape(i + 1) != Tokens.CAPITALIZED
                || Cues.NOT_NAME_WORDS.contains(t, i)) {
            return -1;
        }
        String next = t.folded(i + 1);
        if (t.has(i + 1, Tokens.AFTER_HYPHEN) && GERMAN_HYPHEN_HEADS.contains(next)) {
            return i + 1;
        }
        String word = t.folded(i);
        boolean adjective = word.length() > 4 && (word.endsWith("e") || word.endsWith("en") || word.endsWith("er")
                || word.endsWith("es"));
        if (adjective && (t.flags(i + 1) & GLUE) == 0 && GERMAN_NAMED_HEADS.contains(next)
                && !t.has(i, Tokens.SENTENCE_START)) {
            return i + 1;
        }
        return -1;
    }

    /**
     * French heads of a body named by "de" and a capitalised name: "ministère de la Défense", "Banque de France". Not
     * the heads that as often name a part of a place ("centre de Lyon", "mairie de Paris" is more often the place).
     */
    private static final Set<String> FRENCH_HEADS = Set.of("ministere", "universite", "banque", "agence",
            "commission", "institut", "musee", "fondation", "federation", "academie", "caisse");
    /** {@link #FRENCH_HEADS} asked of every word of a French text: by its hash, no string made. */
    private static final FoldedWords FRENCH_HEAD_WORDS = FoldedWords.of(FRENCH_HEADS);
    private static final Set<String> FRENCH_OF = Set.of("de", "du", "des", "d");
    private static final Set<String> FRENCH_ARTICLES = Set.of("la", "l", "les");

    /** "ministère de la Défense", "Université de Strasbourg", "Banque de France": the name's last token, or -1. */
    private static int frenchBody(Tokens t, int i) {
        if (i + 2 >= t.size() || !FRENCH_HEAD_WORDS.contains(t, i) || !FRENCH_OF.contains(t.folded(i + 1))
                || (t.flags(i + 1) & GLUE) != 0) {
            return -1;
        }
        int k = i + 2;
        if (FRENCH_ARTICLES.contains(t.folded(k)) && t.shape(k) == Tokens.LOWER && k + 1 < t.size()) {
            k++;
        }
        if (!t.capitalized(k) || (t.flags(k) & GLUE) != 0) {
            return -1; // "Défense" is a name here, whatever English lists say
        }
        int end = k;
        while (end + 1 < t.size() && end - k < 2 && t.capitalized(end + 1) && (t.flags(end + 1) & GLUE) == 0) {
            end++;
        }
        return end;
    }

    /** Capitalised French heads whose name goes on in lower case: "Parquet national antiterroriste". */
    private static final Set<String> FRENCH_ADJECTIVE_HEADS = Set.of("direction", "parquet", "office", "conseil",
            "cour", "autorite", "agence", "commission", "caisse", "institut", "inspection", "tribunal", "banque",
            "federation", "confederation", "parti", "mouvement", "garde", "brigade", "haute", "haut");
    private static final String[] FRENCH_ADJECTIVE_ENDINGS = {"al", "ale", "ales", "aux", "ique", "iques", "iste",
            "istes", "ien", "ienne", "enne", "aire", "aires", "el", "elle", "if", "ive", "ieur", "ieure", "ier", "iere",
            "ais", "aise", "ois", "oise", "ile"};

    private static boolean frenchAdjective(String folded) {
        return endsWithAny(folded, 4, FRENCH_ADJECTIVE_ENDINGS);
    }

    /**
     * "le Parquet national antiterroriste", "la Direction générale de la sécurité intérieure", "l'Office national
     * des forêts": a capitalised head inside a sentence, an adjective after it, then adjectives and "de" with a noun.
     * The name's last token, or -1.
     */
    private static int frenchAdjectiveBody(Tokens t, int i) {
        int n = t.size();
        if (i + 1 >= n || t.shape(i) != Tokens.CAPITALIZED || (t.flags(i) & GLUE) != 0
                || !FRENCH_ADJECTIVE_HEADS.contains(t.folded(i)) || t.shape(i + 1) != Tokens.LOWER
                || (t.flags(i + 1) & GLUE) != 0 || !frenchAdjective(t.folded(i + 1))) {
            return -1;
        }
        int end = i + 1;
        for (int k = i + 2; k < n && k <= i + 8; k++) {
            if ((t.flags(k) & GLUE) != 0) {
                break;
            }
            String word = t.folded(k);
            if (t.shape(k) == Tokens.LOWER && frenchAdjective(word)) {
                end = k;
                continue;
            }
            if (!FRENCH_OF.contains(word) || t.shape(k) != Tokens.LOWER) {
                break;
            }
            int noun = k + 1;
            if (noun < n && FRENCH_ARTICLES.contains(t.folded(noun)) && t.shape(noun) == Tokens.LOWER) {
                noun++;
            }
            if (noun >= n || (t.flags(noun) & GLUE) != 0 || t.shape(noun) == Tokens.NUMBER
                    || t.end(noun) - t.start(noun) < 3) {
                break;
            }
            end = noun;
            k = noun;
            if (t.capitalized(noun)) {
                break; // "de la Défense": the name ends with its capitalised word
            }
        }
        return end;
    }

    /**
     * English nouns for a kind of body before its name: "the newspaper Al-Watan", "the broadcaster Rudaw", "the
     * militia Saraya al-Salam". Not "group" or "company", as often followed by a place or a date.
     */
    private static final Set<String> ENGLISH_NAME_KINDS = Set.of("newspaper", "daily", "weekly", "broadcaster",
            "channel", "magazine", "outlet", "website", "militia", "faction", "airline", "carrier", "lender",
            "insurer", "conglomerate", "watchdog", "regulator");

    /** "la société Provence Vracs", "la société lyonnaise Cybelis", "the newspaper Al-Watan": the name's last token. */
    /** French lower-case heads of the names of schools and other buildings: "l'école Jean-Moulin", "lycée Victor-Hugo". */
    private static final Set<String> FRENCH_BUILDINGS = Set.of("ecole", "college", "lycee", "hopital", "clinique",
            "gymnase", "stade", "piscine", "mediatheque", "creche");
    /** French lower-case heads of street names: "rue Jean-Jaurès", "avenue Georges-Clemenceau". */
    private static final Set<String> FRENCH_STREETS = Set.of("rue", "avenue", "boulevard", "place", "quai", "allee",
            "impasse", "square", "esplanade");
    /** Lower-case words inside a hyphenated name: "Charles-de-Gaulle", "Saint-Louis-en-l'Île". */
    private static final Set<String> FRENCH_NAME_PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "en", "sur");

    /**
     * "l'école Jean-Moulin", "le lycée Victor-Hugo", "rue Jean-Jaurès", "avenue Charles-de-Gaulle": a lower-case
     * building or street head, then a capitalised name (words joined by spaces or hyphens). The name's last token,
     * or -1.
     */
    private static int frenchNamedAfterHead(Tokens t, int i) {
        if (i + 1 >= t.size() || t.shape(i) != Tokens.LOWER || (t.flags(i + 1) & GLUE) != 0
                || !t.capitalized(i + 1) || Cues.NOT_NAME_WORDS.contains(t, i + 1)
                || !(FRENCH_BUILDINGS.contains(t.folded(i)) || FRENCH_STREETS.contains(t.folded(i)))) {
            return -1;
        }
        int end = i + 1;
        while (end + 1 < t.size() && end - i < 5 && (t.flags(end + 1) & GLUE) == 0) {
            int k = end + 1;
            if (t.capitalized(k) && (t.has(k, Tokens.AFTER_HYPHEN) || !Cues.NOT_NAME_WORDS.contains(t, k))) {
                end = k;
            } else if (t.has(k, Tokens.AFTER_HYPHEN) && FRENCH_NAME_PARTICLES.contains(t.folded(k))
                    && k + 1 < t.size() && t.has(k + 1, Tokens.AFTER_HYPHEN) && t.capitalized(k + 1)) {
                end = k + 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** {@link #NAME_KINDS} and {@link #ENGLISH_NAME_KINDS} asked of the word before every capitalised one. */
    private static final FoldedWords NAME_KIND_WORDS = FoldedWords.of(NAME_KINDS);
    private static final FoldedWords ENGLISH_NAME_KIND_WORDS = FoldedWords.of(ENGLISH_NAME_KINDS);
    /**
     * South Slavic words for a company in every case (folded; Cyrillic folds to them) before its name: "kompaniji
     * Panonija investment", "предузеће Ибарградња", "tvrtka Končar".
     */
    private static final FoldedWords SOUTH_SLAVIC_NAME_KIND_WORDS = FoldedWords.of(Set.of("kompanija", "kompanije",
            "kompaniji", "kompaniju", "kompanijom", "preduzece", "preduzeca", "preduzecu", "preduzecem", "poduzece",
            "poduzeca", "poduzecu", "poduzecem", "firma", "firme", "firmi", "firmu", "firmom", "tvrtka", "tvrtke",
            "tvrtki", "tvrtku", "tvrtkom", "koncern", "koncerna", "koncernu", "koncernom"));

    private static int afterKind(Tokens t, int i, FoldedWords kinds) {
        if (i == 0 || !t.capitalized(i) || (t.flags(i) & GLUE) != 0) {
            return -1;
        }
        // the kind before first: most capitalised words have none, and the word lists after it cost more
        int cue = i - 1;
        if (t.shape(cue) == Tokens.LOWER && !kinds.contains(t, cue) && cue > 0
                && (t.flags(cue) & GLUE) == 0 && kinds.contains(t, cue - 1) && t.shape(cue - 1) == Tokens.LOWER) {
            cue--; // an adjective between: "la société lyonnaise Cybelis"
        }
        if (t.shape(cue) != Tokens.LOWER || !kinds.contains(t, cue) || Cues.NOT_NAME_WORDS.contains(t, i)
                || PersonFinder.title(t, i)) {
            return -1;
        }
        int end = i;
        while (end + 1 < t.size() && end - i < 3 && t.capitalized(end + 1) && (t.flags(end + 1) & GLUE) == 0
                && !Cues.NOT_NAME_WORDS.contains(t, end + 1)) {
            end++;
        }
        return end;
    }

    static void places(Tokens t, int[] owner, String language, List<Found> found) {
        Set<String> prepositions = "uk".equals(language) ? UKRAINIAN_PLACE_PREPOSITIONS
                : LanguageGroups.eastSlavic(language) ? RUSSIAN_PLACE_PREPOSITIONS
                : LanguageGroups.southSlavic(language) ? SOUTH_SLAVIC_PLACE_PREPOSITIONS : Set.of();
        boolean english = language == null || "en".equals(language);
        boolean french = "fr".equals(language);
        int n = t.size();
        if ("de".equals(language)) {
            germanPlaces(t, owner, found);
        }
        for (int i = 1; i < n; i++) {
            if ((t.flags(i) & GLUE) != 0 || t.shape(i) != Tokens.CAPITALIZED) {
                continue;
            }
            boolean sentenceStart = false;
            if (t.shape(i - 1) != Tokens.LOWER) {
                // "Near Hit, ...", "In Tal Marzouq, ...": a capitalised preposition opening the sentence, the name
                // closed by a comma (English)
                sentenceStart = english && t.shape(i - 1) == Tokens.CAPITALIZED
                        && t.has(i - 1, Tokens.SENTENCE_START | Tokens.LINE_START)
                        && SENTENCE_PLACE_PREPOSITIONS.contains(t.folded(i - 1)) && closedByComma(t, i);
                if (!sentenceStart) {
                    continue;
                }
            }
            if (!PLACE_CUES_BEFORE.contains(t, i - 1)) {
                continue; // no cue below can hold: asked by the word's hash, no string made of it
            }
            String before = t.folded(i - 1);
            boolean cue = prepositions.contains(before)
                    || english && (before.equals("near") || (sentenceStart || before.equals("in")
                    || ENGLISH_PLACE_PREPOSITIONS.contains(before) || placeAdjectiveAfterPreposition(t, i, before)
                    || before.equals("of") && i >= 2 && COMPASS.contains(t.folded(i - 2))) && englishPlaceAfterIn(t, i))
                    || french && (before.equals("a") && t.surface(i - 1).equals("à") || before.equals("vers"));
            if (!cue || !free(t, owner, i, language) && !(english && i + 1 < n && PersonFinder.kunya(t, i)
                    && owner[i] < 0 && (t.flags(i + 1) & GLUE) == 0 && free(t, owner, i + 1, language))) {
                // the cheap test first: this runs for every word ("in Abu Sudaira": a kunya starts places too)
                continue;
            }
            if (!prepositions.isEmpty() && otherScript(t, i - 1, i)) {
                continue; // "в Telegram", "у Facebook": a Latin name after a Cyrillic preposition is a medium or a brand
            }
            if (prepositions == UKRAINIAN_PLACE_PREPOSITIONS && withWhom(t, i, before)) {
                continue; // "зустрівся з Гаврилюком": з with the instrumental is "with", not "from"
            }
            if (i + 1 < n && owner[i + 1] >= 0 && (t.flags(i + 1) & GLUE) == 0 && t.capitalized(i + 1)
                    && adjective(t.folded(i))) {
                continue; // "у Верховній Раді": the adjective of a name found otherwise
            }
            int end = i;
            if (i + 1 < n && (t.flags(i + 1) & GLUE) == 0 && free(t, owner, i + 1, language)
                    && (adjective(t.folded(i)) || english || french)) {
                end = i + 1;
            } else if (i + 1 < n && !prepositions.isEmpty() && (t.flags(i + 1) & GLUE) == 0
                    && t.shape(i + 1) == Tokens.LOWER && REGIONS.startsToken(t, i + 1) && adjective(t.folded(i))) {
                end = i + 1; // "в Томской области"
            }
            if (!NameFinder.overlaps(found, i, end)) {
                found.add(new Found(i, end, EntityType.LOCATION, t.surface(i, end)));
                // "в Гданьске и Клайпеде", "у Јагодини и Чачку"
                int next = end + 2;
                if (next < n && prepositions.size() > 0 && AND.contains(t.folded(end + 1))
                        && t.shape(end + 1) == Tokens.LOWER && (t.flags(next) & GLUE) == 0
                        && (t.flags(end + 1) & GLUE) == 0 && free(t, owner, next, language)) {
                    found.add(new Found(next, next, EntityType.LOCATION, t.surface(next, next)));
                }
            }
        }
        if (english) {
            governedPlaces(t, owner, found);
        }
        if (prepositions.isEmpty()) {
            return;
        }
        // "Калининградской области", "Харківській області", "Краснодарского края"
        for (int i = 1; i < n; i++) {
            if (t.shape(i) == Tokens.LOWER && REGIONS.startsToken(t, i) && (t.flags(i) & GLUE) == 0
                    && free(t, owner, i - 1, language) && adjective(t.folded(i - 1))
                    && !NameFinder.overlaps(found, i - 1, i)) {
                found.add(new Found(i - 1, i, EntityType.LOCATION, t.surface(i - 1, i)));
            }
        }
    }

    /** Lower-case nouns after a place's possessive that only a place has: "Wasit's governor", "Hit's outskirts". */
    private static final FoldedWords PLACE_ROLES = FoldedWords.of(Set.of("governor", "mayor", "outskirts",
            "residents", "inhabitants", "suburbs", "townspeople", "governorate"));
    /** Of those, the ones a place names before them without a possessive: "the Diyala governor". */
    private static final FoldedWords PLACE_OFFICES = FoldedWords.of(Set.of("governor", "mayor"));

    /**
     * "Wasit's governor", "Qaryat Daoud's mayor", "Hit's outskirts", "the Deir Qannas governor" (English): one or two
     * capitalised words nobody owns before such a noun, the first not glued to a capitalised word before it ("Bank of
     * England's governor", "the Central Bank governor" stay bodies: a body's last word ends no place here).
     */
    private static void governedPlaces(Tokens t, int[] owner, List<Found> found) {
        int n = t.size();
        for (int k = 1; k < n; k++) {
            if (t.shape(k) != Tokens.LOWER || (t.flags(k) & GLUE) != 0 || !PLACE_ROLES.contains(t, k)) {
                continue;
            }
            int to = k - 1;
            boolean possessive = t.has(to, Tokens.POSSESSIVE);
            if (!possessive && !PLACE_OFFICES.contains(t, k) || !free(t, owner, to, "en")
                    || NameFinder.ORGANIZATION_ENDING_WORDS.contains(t, to)) {
                continue;
            }
            int from = to;
            if (from > 0 && (t.flags(from) & GLUE) == 0 && free(t, owner, from - 1, "en")
                    && !t.has(from - 1, Tokens.POSSESSIVE)) {
                from--;
            }
            boolean startsName = from == 0 || (t.flags(from) & GLUE) != 0 || !t.capitalized(from - 1)
                    || t.is(from - 1, "the") && t.has(from - 1, Tokens.SENTENCE_START | Tokens.LINE_START);
            // without a possessive, only after "the": "the Diyala governor", not "Trump governor"
            boolean article = possessive || from > 0 && t.is(from - 1, "the") && (t.flags(from) & GLUE) == 0
                    && (from < to || t.end(from) - t.start(from) >= 4); // "the Fed governor": no place
            if (startsName && article && !NameFinder.overlaps(found, from, to)) {
                found.add(new Found(from, to, EntityType.LOCATION, t.surface(from, to)));
            }
        }
    }

    /** True when two tokens start in different scripts (Cyrillic and Latin). */
    private static boolean otherScript(Tokens t, int a, int b) {
        return Character.UnicodeScript.of(t.text().codePointAt(t.start(a)))
                != Character.UnicodeScript.of(t.text().codePointAt(t.start(b)));
    }

    private static final String[] INSTRUMENTAL = {"ом", "ем", "єм", "ою", "ею", "єю"};

    /** A Ukrainian "з"/"із" before a word in the instrumental: company ("with X"), not a place of origin. */
    private static boolean withWhom(Tokens t, int i, String before) {
        return (before.equals("z") || before.equals("iz")) && endsWithAny(t.surface(i), 0, INSTRUMENTAL);
    }

    /** German nouns for a kind of place before its name: "des Kreises Hildburghausen", "die Stadt Suhl". */
    private static final Set<String> GERMAN_PLACE_KINDS = Set.of("landkreis", "landkreises", "kreis",
            "kreises", "stadt", "gemeinde", "ortschaft", "dorf", "dorfes", "bezirk", "bezirks", "bezirkes", "stadtteil",
            "ortsteil", "kleinstadt", "hafenstadt", "grenzstadt", "provinz", "oblast", "gebiet", "region");
    /** Endings of German abstract nouns, which no place has: "die Stadt Verantwortung" is no name. */
    private static final String[] GERMAN_ABSTRACT_ENDINGS = {"ung", "heit", "keit", "schaft", "tion", "ismus", "tat",
            "nis", "tum"};

    /** "im Landkreis Görlitz", "des Kreises Hildburghausen", "die Stadt Suhl": the one word after, a place. */
    private static void germanPlaces(Tokens t, int[] owner, List<Found> found) {
        int n = t.size();
        for (int i = 1; i + 1 < n; i++) {
            if (t.shape(i) != Tokens.CAPITALIZED || !GERMAN_PLACE_KINDS.contains(t.folded(i))
                    || (t.flags(i + 1) & GLUE) != 0 || !free(t, owner, i + 1, "de")) {
                continue;
            }
            boolean abstractNoun = endsWithAny(t.folded(i + 1), 0, GERMAN_ABSTRACT_ENDINGS);
            int after = i + 2;
            if (!abstractNoun && (after >= n || (t.flags(after) & GLUE) != 0 || t.shape(after) == Tokens.LOWER)
                    && !NameFinder.overlaps(found, i + 1, i + 1)) {
                found.add(new Found(i + 1, i + 1, EntityType.LOCATION, t.surface(i + 1)));
            }
        }
    }

    /** English words of movement or position before a place, beside "in": "outside Kherson", "towards Pokrovsk". */
    private static final Set<String> ENGLISH_PLACE_PREPOSITIONS = Set.of("outside", "towards", "toward",
            // and the verbs of war whose object is a place: "retook Tikrit", "could not reach Azaz"
            "captured", "recaptured", "retook", "retake", "seized", "stormed", "besieged", "shelled", "liberated",
            "overran", "encircled", "reach", "reached", "entered", "bombed", "bombarded", "surrounded");
    /** Capitalised prepositions that open a sentence on a place: "Near Hit, three strikes...". */
    private static final Set<String> SENTENCE_PLACE_PREPOSITIONS = Set.of("in", "near", "outside");
    /**
     * Words between a preposition of place and the place, that say the name is one: "in neighbouring Kamianka",
     * "in rebel-held Saraqeb", "near besieged Darayya".
     */
    private static final Set<String> PLACE_ADJECTIVES = Set.of("neighbouring", "neighboring", "nearby", "besieged",
            "embattled", "held", "controlled", "encircled", "occupied", "liberated", "recaptured");
    private static final Set<String> PREPOSITIONS_BEFORE_ADJECTIVE = Set.of("in", "near", "outside", "into",
            "toward", "towards", "around");
    /**
     * Every word before a capitalised one that a cue of {@link #places} may start with (each language's prepositions,
     * the English ones and adjectives, "of" of "north of", French "à" and "vers"): the words before most capitalised
     * words are none of them, and are rejected by one question.
     */
    private static final FoldedWords PLACE_CUES_BEFORE = FoldedWords.of(Stream.of(RUSSIAN_PLACE_PREPOSITIONS,
            UKRAINIAN_PLACE_PREPOSITIONS, SOUTH_SLAVIC_PLACE_PREPOSITIONS, ENGLISH_PLACE_PREPOSITIONS,
            SENTENCE_PLACE_PREPOSITIONS, PLACE_ADJECTIVES, Set.of("near", "in", "of", "a", "vers"))
            .flatMap(Set::stream).collect(java.util.stream.Collectors.toSet()));

    /**
     * "in neighbouring X", "near besieged X", "in rebel-held X", "in government-controlled X": a preposition of
     * place, then one such adjective (or a hyphenated "-held", "-controlled"), then the name.
     */
    private static boolean placeAdjectiveAfterPreposition(Tokens t, int i, String before) {
        if (i < 2 || !PLACE_ADJECTIVES.contains(before) || (t.flags(i - 1) & GLUE) != 0) {
            return false;
        }
        int preposition = i - 2;
        if (t.has(i - 1, Tokens.AFTER_HYPHEN)) {
            if (!t.is(i - 1, "held") && !t.is(i - 1, "controlled")) {
                return false;
            }
            preposition = i - 3; // "rebel-held": the word before the hyphen
        } else if (t.is(i - 1, "held") || t.is(i - 1, "controlled")) {
            return false; // "in held X" is no English
        }
        return preposition >= 0 && (t.shape(preposition) == Tokens.LOWER
                || t.has(preposition, Tokens.SENTENCE_START | Tokens.LINE_START) && closedByComma(t, i))
                && PREPOSITIONS_BEFORE_ADJECTIVE.contains(t.folded(preposition));
    }

    /** True when the one or two capitalised words from {@code i} are followed by a comma. */
    private static boolean closedByComma(Tokens t, int i) {
        int after = i + 1;
        if (after < t.size() && t.shape(after) == Tokens.CAPITALIZED && (t.flags(after) & GLUE) == 0) {
            after++;
        }
        return after < t.size() && t.has(after, Tokens.AFTER_COMMA) && !t.has(after, Tokens.SENTENCE_START);
    }

    /** "north of X", "south-west of X". */
    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest");

    /** Endings of languages, creeds and fields after "in" ("in Arabic", "in Kurdish", "in Islam"): no places. */
    private static final String[] NOT_PLACE_ENDINGS = {"ic", "ish", "ese", "ian", "ism", "ity", "ics", "ing", "ment",
            "tion", "sion", "ness", "ship"};

    /**
     * Capitalised words after "in" that are no place: a creed, and the nouns of phrases that open a sentence ("In
     * Islam", "In Addition, ...", "In Total, ...").
     */
    private static final Set<String> NOT_PLACES_AFTER_IN = Set.of("islam", "addition", "total", "fact", "general",
            "particular", "short", "brief", "response", "contrast", "summary", "conclusion", "turn", "return",
            "practice", "theory", "time", "future", "recent", "other", "effect", "order", "case", "sum", "essence",
            "reality", "principle", "part", "person", "public", "private", "town", "truth", "office", "charge");

    /**
     * "in Bashiqa", "in Ain Issa": one or two capitalised words nobody owns after "in", ending the name (a lower-case
     * word or punctuation after), not a possessive, and not shaped like a language, creed or abstract noun.
     */
    private static boolean englishPlaceAfterIn(Tokens t, int i) {
        int end = i;
        if (i + 1 < t.size() && t.shape(i + 1) == Tokens.CAPITALIZED && (t.flags(i + 1) & GLUE) == 0) {
            end = i + 1;
        }
        int after = end + 1;
        if (after < t.size() && (t.flags(after) & GLUE) == 0 && t.shape(after) != Tokens.LOWER
                || t.has(end, Tokens.POSSESSIVE)
                || t.end(i) - t.start(i) < 4 && !(end > i && PersonFinder.kunya(t, i))) {
            return false;
        }
        for (int k = i; k <= end; k++) {
            String word = t.folded(k);
            if (Cues.NOT_PERSON_ENDINGS.contains(word) || NameFinder.ORGANIZATION_ENDINGS.contains(word)
                    || NOT_PLACES_AFTER_IN.contains(word)) {
                return false;
            }
            for (String ending : NOT_PLACE_ENDINGS) {
                if (word.endsWith(ending)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Set<String> AND = Set.of("i", "ta", "y");
    private static final String[] REGION_STEMS = {"oblast", "kra", "rayon", "raion", "okrug", "respublik",
            "gubernii", "opstin", "okrug", "kanton", "zupanij"};

    /** A word for a region, in some case ("области", "krai", "opštini"): asked of every lower-case word of a Slavic text. */
    private static final FoldedStems REGIONS = FoldedStems.of(3, REGION_STEMS);

    static boolean adjective(String folded) {
        return endsWithAny(folded, 0, ADJECTIVE_ENDINGS);
    }

    private static boolean free(Tokens t, int[] owner, int i, String language) {
        return owner[i] < 0 && t.shape(i) == Tokens.CAPITALIZED && !t.has(i, Tokens.BOILERPLATE)
                && !Cues.NOT_NAME_WORDS.contains(t, i) && t.end(i) - t.start(i) >= 3 && !head(t, i)
                && !GivenNames.contains(t, i, language) && !PersonFinder.title(t, i);
    }
}
