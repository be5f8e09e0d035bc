package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.text.FoldedEndings;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds organisations and places the knowledge base does not know, from the way news write them: a capitalised name
 * that ends like a body ("Syrian Democratic Forces", "Drexel Burnham Lambert Inc", "Defence Ministry", "Al Assad
 * University Hospital") or starts like one ("Ministry of Foreign Affairs", "Bank of Japan"); a place before "province",
 * "governorate", "district" or glued to "-based", and after "the town of". Plain rules over the tokens, no model.
 */
final class NameFinder {

    /** A discovered name: token span, type, and the name as written. */
    record Found(int from, int to, EntityType type, String name) {
    }

    private static final int MAX_WORDS = 7;
    private static final int GLUE = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION | Tokens.BOILERPLATE;

    /** Last words that make a capitalised name an organisation. */
    static final Set<String> ORGANIZATION_ENDINGS = Set.of("corp", "corporation", "inc", "incorporated", "co", "ltd",
            "llc", "plc", "ag", "sa", "nv", "gmbh", "spa", "bv", "ab", "asa", "group", "bank", "holdings", "holding",
            "ministry", "forces", "army", "navy", "society", "university", "party", "council", "committee",
            "commission", "agency", "authority", "institute", "foundation", "association", "union", "front",
            "movement", "brigade", "brigades", "organization", "organisation", "coalition", "court", "parliament",
            "assembly", "exchange", "airlines", "airways", "motors", "systems", "technologies", "industries",
            "company", "federation", "guard", "guards", "police", "service", "services", "hospital", "college",
            "school", "academy", "department", "office", "bureau", "directorate", "administration", "network",
            "news", "times", "post", "fund", "trust", "partners", "securities", "capital", "investments",
            "petroleum", "oil", "gas", "energy", "telecom", "communications", "pharmaceuticals", "electric",
            "steel", "mining", "insurance", "reserve", "board", "instruments", "electronics", "resources",
            "laboratories", "chemicals", "aerospace", "logistics", "shipping", "ventures", "enterprises", "units", "government", "militia", "militias", "regiment",
            "battalion", "division", "corps", "fleet", "command", "force", "squadron", "club", "league", "church", "tribunal",
            "observatory", "mission", "alliance", "ministerium", "partei", "regierung", "ministère", "parti",
            "ministarstvo", "vlada", "stranka", "se", "kg", "kgaa", "sas", "sarl", "srl", "doo", "jsc", "pjsc");
    /** First words of "X of Y" organisations. */
    static final Set<String> ORGANIZATION_HEADS = Set.of("ministry", "university", "bank", "department", "council",
            "party", "institute", "office", "commission", "committee", "federation", "league", "army", "court",
            "church", "board", "bureau", "academy", "college", "union", "organization", "organisation", "government",
            "chamber", "house", "senate", "assembly", "agency", "association", "society", "school", "order");
    /** Lower-case words allowed inside an organisation's name. */
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "de", "du", "des", "la", "le",
            "di", "del", "der", "für", "fur", "und", "on", "in", "al");
    /** Capitalised words that start a sentence or a phrase, not a name. */
    private static final Set<String> LEADING = Set.of("the", "a", "an", "in", "on", "at", "for", "by", "from", "with",
            "of", "to", "and", "but", "or", "as", "after", "before", "while", "when", "if", "its", "his", "her",
            "their", "our", "this", "that", "these", "those", "both", "all", "some", "many", "several", "new",
            "former", "acting", "top", "senior", "meanwhile", "however", "also", "said", "says", "according", "since",
            "under", "against", "between", "during", "without", "about", "over", "into", "through", "than", "then",
            "der", "die", "das", "den", "dem", "des", "le", "la", "les", "l", "u", "na");
    // The lists above as FoldedWords for the per-token checks (no string made of every capitalised word).
    private static final FoldedWords LEADING_WORDS = FoldedWords.of(LEADING);
    static final FoldedWords ORGANIZATION_ENDING_WORDS = FoldedWords.of(ORGANIZATION_ENDINGS);
    static final FoldedWords ORGANIZATION_HEAD_WORDS = FoldedWords.of(ORGANIZATION_HEADS);
    private static final FoldedWords CONNECTOR_WORDS = FoldedWords.of(CONNECTORS);
    /** Words after a place name that make it one: "Nineveh province", "Tal Afar district". */
    private static final FoldedWords PLACE_AFTER = FoldedWords.of(Set.of("province", "governorate", "district",
            "oblast", "region", "county", "prefecture", "canton", "municipality", "countryside", "neighbourhood",
            "neighborhood", "subdistrict"));
    /** Words before "of" and a place: "the town of Qayyarah". */
    private static final FoldedWords PLACE_BEFORE = FoldedWords.of(Set.of("town", "city", "village", "towns",
            "villages", "cities", "suburb", "district", "province", "port", "neighbourhood", "neighborhood", "outskirts",
            "countryside", "vicinity", "suburbs"));

    private NameFinder() {
    }

    /** The id of a discovered entity: its type's prefix and the folded name with hyphens ("organization/sdf"). */
    static String idOf(EntityType type, String name) {
        String prefix = switch (type) {
            case PERSON -> "person/";
            case ORGANIZATION -> "organization/";
            default -> "location/";
        };
        String ascii = asciiId(prefix, name);
        if (ascii != null) {
            return ascii;
        }
        String folded = io.newswatch.folding.TextFolding.fold(name);
        StringBuilder id = new StringBuilder(prefix.length() + folded.length()).append(prefix);
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int kind = Character.getType(c);
            if (Character.isLetter(c) || kind == Character.DECIMAL_DIGIT_NUMBER || kind == Character.LETTER_NUMBER
                    || kind == Character.OTHER_NUMBER) {
                if (gap && id.length() > prefix.length()) {
                    id.append('-');
                }
                gap = false;
                id.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return id.toString(); // a hand loop, not two regular expressions: this runs for every discovered mention
    }

    /**
     * {@link #idOf} of a name written in ASCII, or null for any other: folding lower-cases ASCII and nothing more,
     * and its letters and digits are the characters kept, so one pass over the name's chars gives the same id
     * without the folded copy and a code point's type asked per character (a profile put {@code TextFolding.fold}
     * here at 2% of tagging).
     */
    private static String asciiId(String prefix, String name) {
        int n = name.length();
        char[] id = new char[prefix.length() + n];
        prefix.getChars(0, prefix.length(), id, 0);
        int at = prefix.length();
        boolean gap = false;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean lower = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (lower || c >= 'A' && c <= 'Z') {
                if (gap && at > prefix.length()) {
                    id[at++] = '-';
                }
                gap = false;
                id[at++] = lower ? c : (char) (c + 32);
            } else {
                gap = true;
            }
        }
        return new String(id, 0, at);
    }

    /** Organisations named by their first or last word, longest first; they may cover dictionary matches. */
    static List<Found> organizations(Tokens t) {
        return organizations(t, null);
    }

    /**
     * Organisations of a text in a known language (ISO 639-1, or null): besides the English patterns, a name in
     * quotation marks after a legal form or a word for a body ("ООО «Камский литейный завод»", "партии «Новые
     * люди»", "компанија „Шумадија компоненте“"), a Slavic body named by its head word and the genitives after it
     * ("Министерство обороны", "Следственный комитет России", "Vlada Crne Gore", "Savez samostalnih sindikata"), a
     * German compound ("Wirtschaftsministeriums", "Bundesamt"), a French name after "société", "groupe"...
     */
    static List<Found> organizations(Tokens t, String language) {
        List<Found> found = new ArrayList<>();
        // German capitalises every noun: "Vorlage der Regierung", "Kommandant der Division" are a noun and its
        // genitive, not a body named by its last word (a German body so named has adjectives before the word:
        // "Freisinnige Partei", "Eidgenössische Bank", or is a body's head and its genitive: "Rat der Europäischen
        // Union")
        boolean german = "de".equals(language) || "lb".equals(language);
        LanguagePatterns.organizations(t, language, found);
        acronymsAfterKind(t, found);
        ArabicNames.find(t, found, EntityType.ORGANIZATION, language);
        CompanyCues.find(t, found);
        groupsByMembers(t, found);
        int n = t.size();
        int i = 0;
        while (i < n) {
            if (!startsName(t, i)) {
                i++;
                continue;
            }
            int end = runEnd(t, i);
            int from = i;
            while (from < end && LEADING_WORDS.contains(t, from)) {
                from++;
            }
            // "Shares of Kestrel Avionics Corp": a sentence's first word before "of" is not part of the name
            if (from + 2 <= end && t.has(from, Tokens.SENTENCE_START) && t.is(from + 1, "of")
                    && !ORGANIZATION_HEAD_WORDS.contains(t, from)) {
                from += 2;
            }
            int last = -1;
            for (int k = end; k > from; k--) {
                if (t.capitalized(k) && ORGANIZATION_ENDING_WORDS.contains(t, k)) {
                    last = k;
                    break;
                }
            }
            // "Syrian Observatory for Human Rights", "Institute for Strategic Studies": what the body is for is named
            if (last > from && last + 2 <= end && t.is(last + 1, "for") && t.capitalized(last + 2)
                    && t.capitalized(end)) {
                last = end;
            }
            if (overlaps(found, from, end)) {
                i = end + 1;
                continue;
            }
            int defined = definedByAcronym(t, from, end);
            if (defined >= 0) {
                found.add(new Found(defined, end, EntityType.ORGANIZATION, t.surface(defined, end)));
                i = end + 1;
                continue;
            }
            // "Ministry of Foreign Affairs", "Office for the Coordination of Humanitarian Affairs"
            boolean head = from < end && ORGANIZATION_HEAD_WORDS.contains(t, from)
                    && (t.is(from + 1, "of") || t.is(from + 1, "for"));
            if (head && end > from + 1 && t.capitalized(end)) {
                found.add(new Found(from, end, EntityType.ORGANIZATION, t.surface(from, end)));
            } else if (last > from && (t.capitalized(from) || ordinal(t, from))
                    && !(german && lowerCaseInside(t, from, last) && !GERMAN_BODY_HEADS.endsToken(t, from, 0))) {
                found.add(new Found(from, last, EntityType.ORGANIZATION, t.surface(from, last)));
            }
            i = end + 1;
        }
        return found;
    }

    /**
     * The first token of a name of two or more capitalised words that an acronym in brackets right after it spells
     * ("Aerodromi Crne Gore (ACG)", "Office for the Coordination of Humanitarian Affairs (OCHA)", "Elektroprivreda
     * Crne Gore (EPCG)": a word may give two letters), or -1. The knowledge base's own names win over it.
     */
    static int definedByAcronym(Tokens t, int from, int end) {
        int a = end + 1;
        if (a >= t.size() || !acronym(t, a) || end == from) {
            return -1;
        }
        String text = t.text();
        if (!text.substring(t.end(end), t.start(a)).strip().equals("(") || t.end(a) >= text.length()
                || text.charAt(t.end(a)) != ')') {
            return -1;
        }
        String letters = text.substring(t.start(a), t.end(a));
        for (int start = from; start < end; start++) {
            if (t.capitalized(start) && spells(t, start, end, letters)) {
                return start;
            }
        }
        return -1;
    }

    /** True when the capitalised words from..end give the acronym's letters in order, each its initial first. */
    private static boolean spells(Tokens t, int from, int end, String letters) {
        String text = t.text();
        int at = 0;
        int skipped = 0;
        for (int k = from; k <= end; k++) {
            if (!t.capitalized(k)) {
                continue; // "of", "the", "for"
            }
            char initial = Character.toUpperCase(text.charAt(t.start(k)));
            while (at < letters.length() && letters.charAt(at) != initial && k > from && skipped < 2) {
                at++; // a letter from inside the word before: "Elektroprivreda" gives "EP"
                skipped++;
            }
            if (at >= letters.length() || letters.charAt(at) != initial) {
                return false;
            }
            at++;
        }
        return at == letters.length();
    }

    /** Words for a kind of body before its acronym (folded): "the operator ENTSO", "la société GRTgaz". */
    private static final Set<String> ACRONYM_KINDS = Set.of("company", "firm", "group", "agency", "party", "bank",
            "operator", "broadcaster", "regulator", "watchdog", "carrier", "airline", "union", "insurer", "lender",
            "utility", "militia", "conglomerate", "manufacturer", "maker", "network", "channel", "societe", "groupe",
            "syndicat", "compagnie", "parti", "operateur", "entreprise", "constructeur", "banque", "agence", "firme",
            "trader", "producer", "supplier", "exporter", "importer", "refiner", "miner", "shipper", "distributor",
            "retailer", "developer", "newspaper", "daily", "television", "radio", "outlet", "exchange", "fund");
    /** Endings of German compounds for a kind of body: "Katastrophenschutzdienst DSNS", "Energiekonzern RWE". */
    private static final String[] GERMAN_KIND_ENDINGS = {"konzern", "gruppe", "partei", "gewerkschaft", "betreiber",
            "versorger", "sender", "dienst", "behorde", "agentur", "verband", "unternehmen", "firma", "miliz",
            "hersteller", "fluggesellschaft"};
    /** Acronyms of roles, units and things, not bodies. */
    private static final Set<String> NOT_ORGANIZATION_ACRONYMS = Set.of("ceo", "cfo", "coo", "cto", "mp", "mep", "pr",
            "hr", "it", "ai", "tv", "gdp", "vat", "ipo", "usd", "eur", "gmbh", "ag", "se", "llc", "plc", "ltd", "inc",
            "sa", "nv", "ooo", "oao", "zao", "pao", "ao", "doo", "ad", "pjsc", "jsc", "ojsc");

    /** An acronym the knowledge base may lack, named as a body by the word before it: "Katastrophenschutzdienst DSNS". */
    private static void acronymsAfterKind(Tokens t, List<Found> found) {
        for (int i = 1; i < t.size(); i++) {
            if (!acronym(t, i) || (t.flags(i) & GLUE) != 0 || t.has(i - 1, Tokens.POSSESSIVE)
                    || NOT_ORGANIZATION_ACRONYMS.contains(t.folded(i)) || overlaps(found, i, i)
                    || t.has(i, Tokens.BOILERPLATE)) {
                continue;
            }
            String before = t.folded(i - 1);
            boolean kind = t.shape(i - 1) == Tokens.LOWER && (ACRONYM_KINDS.contains(before)
                    || LanguagePatterns.kind(before));
            if (!kind && t.shape(i - 1) == Tokens.CAPITALIZED) {
                for (String ending : GERMAN_KIND_ENDINGS) {
                    if (before.endsWith(ending) && before.length() > ending.length() + 2) {
                        kind = true;
                        break;
                    }
                }
            }
            if (kind) {
                found.add(new Found(i, i, EntityType.ORGANIZATION, t.surface(i)));
            }
        }
    }

    /** Nouns for the members of an armed group: "Hashd fighters", "members of Harakat Hazm". */
    private static final FoldedWords MEMBERS = FoldedWords.of(Set.of("fighters", "militants", "militiamen", "gunmen",
            "commanders", "members", "insurgents", "jihadists", "operatives", "rebels"));
    /** Capitalised words for a creed, people or stance, not a group: "Sunni militants", "Islamist fighters". */
    private static final Set<String> NOT_GROUPS = Set.of("sunni", "shia", "shiite", "alawite", "yazidi", "druze",
            "christian", "muslim", "jewish", "arab", "turkmen", "sufi", "salafi", "jihadi", "foreign", "tribal",
            "government", "opposition", "rebel", "regime", "coalition", "party", "parliament", "congress", "union",
            "militia", "taliban", "kurd", "kurds", "baath", "hamas");
    private static final String[] DEMONYM_ENDINGS = {"ian", "ean", "ese", "ish", "ic", "i", "ite", "ist", "an"};

    /** An armed group named by its members: "Hashd fighters", "Ahrar militants", "members of Harakat Hazm". */
    private static void groupsByMembers(Tokens t, List<Found> found) {
        int n = t.size();
        for (int i = 1; i < n; i++) {
            if (t.shape(i) != Tokens.LOWER || !MEMBERS.contains(t, i) || (t.flags(i) & GLUE) != 0) {
                continue;
            }
            int to = i - 1;
            if (groupWord(t, to) && !t.has(to, Tokens.POSSESSIVE)) {
                int from = to;
                if (from > 0 && (t.flags(from) & GLUE) == 0 && groupWord(t, from - 1)
                        && !t.has(from - 1, Tokens.POSSESSIVE)) {
                    from--;
                }
                if (!overlaps(found, from, to) && (from == 0 || (t.flags(from) & GLUE) != 0
                        || !t.capitalized(from - 1))) {
                    found.add(new Found(from, to, EntityType.ORGANIZATION, t.surface(from, to)));
                }
            }
            int from = i + 2;
            if (from < n && t.is(i + 1, "of") && (t.flags(i + 1) & GLUE) == 0) {
                if (t.is(from, "the") && from + 1 < n) {
                    from++;
                }
                if ((t.flags(from) & GLUE) == 0 && groupWord(t, from)) {
                    int end = from;
                    while (end + 1 < n && end - from < 3 && (t.flags(end + 1) & GLUE) == 0 && groupWord(t, end + 1)
                            && !t.has(end, Tokens.POSSESSIVE)) {
                        end++;
                    }
                    if (!overlaps(found, from, end)) {
                        found.add(new Found(from, end, EntityType.ORGANIZATION, t.surface(from, end)));
                    }
                }
            }
        }
    }

    private static boolean groupWord(Tokens t, int i) {
        if (t.shape(i) != Tokens.CAPITALIZED || t.has(i, Tokens.BOILERPLATE) || t.end(i) - t.start(i) < 3) {
            return false;
        }
        String word = t.folded(i);
        if (Cues.NOT_NAMES.contains(word) || NOT_GROUPS.contains(word) || PersonFinder.title(word)) {
            return false;
        }
        for (String ending : DEMONYM_ENDINGS) {
            if (word.endsWith(ending)) {
                return false;
            }
        }
        return true;
    }

    /** Two to six capital letters: "SNCF", "DSNS", "МЧС". */
    static boolean acronym(Tokens t, int i) {
        int length = t.end(i) - t.start(i);
        if (t.shape(i) != Tokens.UPPER || length < 2 || length > 6) {
            return false;
        }
        String text = t.text();
        for (int k = t.start(i); k < t.end(i); k++) {
            if (!Character.isLetter(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** German heads of a body named by a genitive after them, and compounds so ending ("Zentralrat", "Verband"). */
    private static final FoldedEndings GERMAN_BODY_HEADS = FoldedEndings.of("rat", "rates", "kommission",
            "ausschuss", "ausschusses", "bund", "bundes", "verband", "verbandes", "gesellschaft", "verein", "vereins",
            "vereinigung", "union", "kammer", "gericht", "gerichts", "gerichtshof", "gerichtshofes", "parlament",
            "parlaments", "ministerium", "ministeriums", "institut", "instituts", "stiftung", "akademie",
            "universitat", "kongress", "konferenz", "fraktion", "partei", "bank", "agentur", "behorde", "komitee",
            "komitees", "synode", "senat", "senats", "hochschule", "zentrum", "zentrums", "organisation", "liga",
            "allianz", "armee");

    /** True when a lower-case word (a connector: "der", "und", "für") stands between {@code from} and {@code to}. */
    private static boolean lowerCaseInside(Tokens t, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (t.shape(k) == Tokens.LOWER) {
                return true;
            }
        }
        return false;
    }

    static boolean overlaps(List<Found> found, int from, int to) {
        for (Found f : found) {
            if (f.from() <= to && f.to() >= from) {
                return true;
            }
        }
        return false;
    }

    /** Places named by a cue: "X province", "X-based", "the town of X". Only tokens nobody owns. */
    static List<Found> places(Tokens t, int[] owner) {
        return places(t, owner, null);
    }

    /**
     * Places of a text in a known language: besides the English cues, a capitalised word after a Slavic preposition
     * of place ("в Казани", "у Крагујевцу", "iz Trsta", "в Нижнем Новгороде") and after "near" or "west of".
     */
    static List<Found> places(Tokens t, int[] owner, String language) {
        List<Found> found = new ArrayList<>();
        int n = t.size();
        for (int i = 0; i < n; i++) {
            // every token is asked: by its hash, not as a string (FoldedWords)
            if (t.shape(i) == Tokens.LOWER && PLACE_AFTER.contains(t, i) && i > 0 && (t.flags(i) & GLUE) == 0) {
                int to = i - 1;
                int from = to;
                while (from > 0 && from > to - 2 && free(t, owner, from - 1) && (t.flags(from) & GLUE) == 0
                        && !LEADING_WORDS.contains(t, from - 1)) {
                    from--;
                }
                if (free(t, owner, to) && free(t, owner, from) && !LEADING_WORDS.contains(t, from)) {
                    found.add(new Found(from, to, EntityType.LOCATION, t.surface(from, to)));
                }
            } else if (t.is(i, "based") && i > 0 && t.has(i, Tokens.AFTER_HYPHEN) && free(t, owner, i - 1)) {
                found.add(new Found(i - 1, i - 1, EntityType.LOCATION, t.surface(i - 1)));
            } else if (t.shape(i) == Tokens.LOWER && PLACE_BEFORE.contains(t, i) && i + 2 < n && t.is(i + 1, "of")
                    && (t.flags(i + 2) & GLUE) == 0 && free(t, owner, i + 2)) {
                int to = i + 2;
                while (to + 1 < n && to < i + 4 && free(t, owner, to + 1) && (t.flags(to + 1) & GLUE) == 0) {
                    to++;
                }
                found.add(new Found(i + 2, to, EntityType.LOCATION, t.surface(i + 2, to)));
            }
        }
        for (int i = 2; i < n; i++) {
            // "Qabr Fidda, a village 12 km south of Maskanah", "Umm Rabab, a farming town", "Tal Qasab, west of Sinjar"
            if (t.has(i, Tokens.AFTER_COMMA) && !t.has(i, Tokens.SENTENCE_START) && free(t, owner, i - 1)
                    && apposedPlace(t, i) && !overlaps(found, i - 1, i - 1)) {
                int from = i - 1;
                while (from > 0 && from > i - 3 && (t.flags(from) & GLUE) == 0 && free(t, owner, from - 1)) {
                    from--;
                }
                if (from == 0 || (t.flags(from) & GLUE) != 0 || !t.capitalized(from - 1)) {
                    found.add(new Found(from, i - 1, EntityType.LOCATION, t.surface(from, i - 1)));
                }
            }
        }
        if (language == null || "en".equals(language)) {
            naturalFeatures(t, found);
        }
        LanguagePatterns.places(t, owner, language, found);
        return found;
    }

    /** Capitalised last words of the name of a river, a mountain range, a plain, a dam... ("Euphrates River"). */
    private static final FoldedWords FEATURE_AFTER = FoldedWords.of(Set.of("river", "valley", "mountains",
            "mountain", "hills", "heights", "plain", "plains", "desert", "dam", "lake", "canal", "gorge", "pass",
            "peninsula", "marshes", "basin", "delta", "reservoir", "airbase", "airfield"));
    /** Capitalised first words of such names ("Lake Tharthar", "Mount Sinjar"). */
    private static final FoldedWords FEATURE_BEFORE = FoldedWords.of(Set.of("lake", "mount", "mt"));

    /**
     * Natural features and dams named by their kind, English: "Euphrates River", "Tigris River Valley", "Hamrin
     * Mountains", "Haditha Dam", "Lake Tharthar", "Mount Zartak": up to three capitalised words before a capitalised
     * kind word, or one or two after "Lake"/"Mount". They may cover a known place ("Mosul Dam"), not a known body.
     */
    private static void naturalFeatures(Tokens t, List<Found> found) {
        int n = t.size();
        for (int i = 1; i < n; i++) {
            if (t.shape(i) != Tokens.CAPITALIZED || (t.flags(i) & GLUE) != 0) {
                continue;
            }
            if (FEATURE_AFTER.contains(t, i) && featureWord(t, i - 1)) {
                int to = i;
                while (to + 1 < n && (t.flags(to + 1) & GLUE) == 0 && t.shape(to + 1) == Tokens.CAPITALIZED
                        && FEATURE_AFTER.contains(t, to + 1)) {
                    to++; // "Tigris River Valley"
                }
                int from = i - 1;
                while (from > 0 && from > i - 3 && (t.flags(from) & GLUE) == 0 && featureWord(t, from - 1)) {
                    from--;
                }
                if (!overlaps(found, from, to)) {
                    found.add(new Found(from, to, EntityType.LOCATION, t.surface(from, to)));
                }
                i = to;
            } else if (FEATURE_BEFORE.contains(t, i - 1) && t.shape(i - 1) == Tokens.CAPITALIZED && featureWord(t, i)
                    && !overlaps(found, i - 1, i)) {
                int to = i + 1 < n && (t.flags(i + 1) & GLUE) == 0 && featureWord(t, i + 1) ? i + 1 : i;
                found.add(new Found(i - 1, to, EntityType.LOCATION, t.surface(i - 1, to)));
                i = to;
            }
        }
    }

    /** A capitalised word that may be part of a feature's name: not a sentence word, a title or a demonym cue. */
    private static boolean featureWord(Tokens t, int i) {
        return t.shape(i) == Tokens.CAPITALIZED && !t.has(i, Tokens.BOILERPLATE) && !LEADING_WORDS.contains(t, i)
                && !Cues.NOT_NAME_WORDS.contains(t, i) && !FEATURE_AFTER.contains(t, i);
    }

    /** Nouns for a place in apposition: "X, a village ...". */
    private static final Set<String> PLACE_NOUNS = Set.of("village", "town", "city", "hamlet", "suburb",
            "settlement", "township", "neighbourhood", "neighborhood", "district", "port", "oasis");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest");

    /** True when the words from {@code i} (after a comma) say that the name before the comma is a place. */
    private static boolean apposedPlace(Tokens t, int i) {
        int n = t.size();
        if (t.is(i, "a") || t.is(i, "an")) {
            for (int k = i + 1; k < Math.min(n, i + 4); k++) {
                if (t.shape(k) != Tokens.LOWER || (t.flags(k) & GLUE) != 0) {
                    return false;
                }
                if (PLACE_NOUNS.contains(t.folded(k))) {
                    return k + 1 >= n || !t.is(k + 1, "council") && !t.is(k + 1, "hall");
                }
            }
            return false;
        }
        int k = i;
        if (t.shape(k) == Tokens.NUMBER && k + 2 < n && (t.is(k + 1, "km") || t.is(k + 1, "kilometres")
                || t.is(k + 1, "kilometers") || t.is(k + 1, "miles"))) {
            k += 2;
        }
        if (k + 1 >= n || !DIRECTIONS.contains(t.folded(k))) {
            return false;
        }
        if (k + 2 < n && t.has(k + 1, Tokens.AFTER_HYPHEN) && DIRECTIONS.contains(t.folded(k + 1))) {
            k++;
        }
        return k + 1 < n && t.is(k + 1, "of");
    }

    private static boolean free(Tokens t, int[] owner, int i) {
        return owner[i] < 0 && t.shape(i) == Tokens.CAPITALIZED && !t.has(i, Tokens.BOILERPLATE)
                && !Cues.NOT_NAME_WORDS.contains(t, i) && t.end(i) - t.start(i) >= 3;
    }

    private static boolean startsName(Tokens t, int i) {
        return (t.capitalized(i) || ordinal(t, i)) && !t.has(i, Tokens.BOILERPLATE);
    }

    /** "15th", "1st", "3rd": the number of a military unit ("15th Division", "1st Armored Brigade"). */
    private static boolean ordinal(Tokens t, int i) {
        if (t.shape(i) != Tokens.NUMBER) {
            return false;
        }
        String word = t.folded(i);
        return word.length() >= 3 && word.length() <= 5
                && (word.endsWith("th") || word.endsWith("st") || word.endsWith("nd") || word.endsWith("rd"));
    }

    /** The last token of a run of capitalised words (with lower-case connectors inside) from {@code i}. */
    private static int runEnd(Tokens t, int i) {
        int end = i;
        int k = i + 1;
        while (k < t.size() && k - i < MAX_WORDS && (t.flags(k) & GLUE) == 0 && !t.has(k - 1, Tokens.POSSESSIVE)) {
            if (t.capitalized(k) && !t.has(k, Tokens.BOILERPLATE)) {
                end = k;
                k++;
            } else if (t.shape(k) == Tokens.LOWER && CONNECTOR_WORDS.contains(t, k) && k + 1 < t.size()
                    && (t.flags(k + 1) & GLUE) == 0 && t.capitalized(k + 1)) {
                k++;
            } else if (t.is(k, "for") && k + 2 < t.size() && t.is(k + 1, "the") && (t.flags(k + 2) & GLUE) == 0
                    && t.capitalized(k + 2)) {
                k += 2; // "for the Coordination of ..."
            } else {
                break;
            }
        }
        return end;
    }
}
