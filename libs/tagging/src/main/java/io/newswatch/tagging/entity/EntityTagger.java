package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.entity.EntityDictionary.Alias;
import io.newswatch.tagging.entity.EntityDictionary.AliasKind;
import io.newswatch.tagging.kb.KbEntity;
import io.newswatch.tagging.match.PhraseTrie;
import io.newswatch.tagging.match.Vocabulary;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the entities of one text: dictionary matches (longest first, case and boundary rules), ambiguous names
 * resolved by context, persons discovered from cues, short forms resolved to the full names of the same text, and
 * salience. Stateless and thread-safe; all per-text state lives in one call.
 */
public final class EntityTagger {

    /** Tokens of the first characters after the title count as the lead (more salient). */
    private static final int LEAD_CHARS = 600;
    private static final double TITLE_WEIGHT = 3;
    private static final double LEAD_WEIGHT = 2;
    private static final double DEMONYM_FACTOR = 0.4;
    private static final int WALK_STOP = Tokens.LINE_START | Tokens.AFTER_QUOTE | Tokens.BOILERPLATE;

    private final EntityDictionary dictionary;
    private final PersonFinder personFinder = new PersonFinder();

    public EntityTagger(EntityDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** A resolved mention before aggregation: token span, and who it names. */
    private static final class Hit {
        private final int from;
        private final int to;
        private final int entity;
        private final String discoveredName;
        private final EntityType discoveredType;
        private final boolean weak;
        /** A discovered name's id, made once: aggregation and the short-form passes ask for it again and again. */
        private String discoveredKey;

        Hit(int from, int to, int entity, String discoveredName, EntityType discoveredType, boolean weak) {
            this.from = from;
            this.to = to;
            this.entity = entity;
            this.discoveredName = discoveredName;
            this.discoveredType = discoveredType;
            this.weak = weak;
        }

        int from() {
            return from;
        }

        int to() {
            return to;
        }

        int entity() {
            return entity;
        }

        String discoveredName() {
            return discoveredName;
        }

        EntityType discoveredType() {
            return discoveredType;
        }

        boolean weak() {
            return weak;
        }

        String key(EntityDictionary d) {
            if (entity >= 0) {
                return d.entity(entity).id();
            }
            if (discoveredKey == null) {
                discoveredKey = NameFinder.idOf(discoveredType, discoveredName);
            }
            return discoveredKey;
        }

        EntityType type(EntityDictionary d) {
            return entity >= 0 ? d.entity(entity).type() : discoveredType;
        }

        /** The same entity named again at one token (not weak), a discovered name's id made once for both. */
        Hit at(int token) {
            Hit again = new Hit(token, token, entity, discoveredName, discoveredType, false);
            if (entity < 0 && discoveredKey == null) {
                discoveredKey = NameFinder.idOf(discoveredType, discoveredName);
            }
            again.discoveredKey = discoveredKey;
            return again;
        }
    }

    /** A dictionary match: a token span and the aliases that fit it. */
    private record Match(int from, int to, int[] aliases) {
    }

    /**
     * Tags a tokenized text.
     *
     * @param tokens   the text's tokens, boilerplate already marked
     * @param lookup   their word ids
     * @param titleEnd offset of the end of the title in the text (0 when there is none)
     */
    public List<FoundEntity> tag(Tokens tokens, Vocabulary.Lookup lookup, int titleEnd) {
        return tag(tokens, lookup, titleEnd, null);
    }

    /**
     * Tags a tokenized text in a known language.
     *
     * @param language the text's ISO 639-1 code, or null: in German every noun is capitalised, so a capitalised
     *                 word before a place does not make it part of a longer name
     */
    public List<FoundEntity> tag(Tokens tokens, Vocabulary.Lookup lookup, int titleEnd, String language) {
        boolean germanNouns = "de".equals(language) || "lb".equals(language);
        int n = tokens.size();
        int[] owner = new int[n];
        Arrays.fill(owner, -1);
        List<Match> matches = match(tokens, lookup);
        int[] present = presentWords(tokens, lookup.ids());
        // 0. organisations named by their first or last word: what the dictionary found inside them is part of them
        //    ("Al Assad University Hospital" is no person, "Bank of England" no place), unless it is the whole name
        //    Arabic place names by their head word ("Tal Qasab", "Ain al-Arab") likewise; a company named by a cue
        //    ("shares of Kestrel") is no town of the same name; then the other mentions of the companies kept
        List<NameFinder.Found> named = NameFinder.organizations(tokens, language);
        ArabicNames.find(tokens, named, EntityType.LOCATION, language);
        List<NameFinder.Found> organizations = new ArrayList<>();
        keepNamed(named, matches, organizations);
        keepNamed(CompanyCues.repeats(tokens, organizations), matches, organizations);

        // 1. unambiguous matches
        List<Hit> hits = new ArrayList<>();
        Set<Integer> certain = new HashSet<>();
        Set<String> countries = new HashSet<>();
        List<Match> deferred = new ArrayList<>();
        for (Match m : matches) {
            int entity = singleEntity(m);
            boolean places = allPlaces(m);
            if (places && (partOfLongerName(tokens, m, matches, germanNouns, language) || m.from() > 0
                    && (tokens.flags(m.from()) & EntityDictionary.BOUNDARIES) == 0
                    && GivenNames.contains(tokens, m.from() - 1, language))) {
                continue; // "Boston Red Sox", "Virgin Australia", "Paris Agreement": no place
            }
            if (places && givenNameBeforeSurname(tokens, m, language)) {
                continue; // "Богдан Ярошенко": a man, not the village Bohdan
            }
            if (surnameAfterAnotherGivenName(tokens, m, language)) {
                continue; // "Инна Белоусова": a woman the person finder names, not the minister Belousov
            }
            if (places && inflectedSmallPlaceAtStart(tokens, lookup, m)) {
                continue; // "Строители из компании...": a plural noun at a sentence's start, not the town Строитель
            }
            if (entity >= 0 && !dictionary.entity(entity).ambiguous()) {
                boolean weak = allDemonyms(m);
                hits.add(new Hit(m.from(), m.to(), entity, null, null, weak));
                if (!weak) {
                    certain.add(entity);
                }
                String country = dictionary.entity(entity).country();
                if (country != null) {
                    countries.add(country);
                }
            } else {
                deferred.add(m);
            }
        }
        // 2. ambiguous names, by context
        Map<Integer, Integer> contextCache = new HashMap<>();
        boolean[] placed = new boolean[n];
        for (Hit h : hits) {
            if (!h.weak() && h.type(dictionary) == EntityType.LOCATION) {
                Arrays.fill(placed, h.from(), h.to() + 1, true);
            }
        }
        for (Match m : deferred) {
            Hit hit = resolve(tokens, m, present, certain, countries, matches, contextCache, placed);
            if (hit != null) {
                hits.add(hit);
                if (!hit.weak() && hit.type(dictionary) == EntityType.LOCATION) {
                    Arrays.fill(placed, hit.from(), hit.to() + 1, true);
                }
            }
        }
        for (Hit h : hits) {
            for (int k = h.from(); k <= h.to(); k++) {
                owner[k] = 1;
            }
        }
        for (NameFinder.Found o : organizations) {
            hits.add(new Hit(o.from(), o.to(), -1, o.name(), o.type(), false));
            own(owner, o.from(), o.to());
        }
        // 3. people and places from cues; first the places a kind word names ("the Ibrahim Khalil border crossing")
        for (NameFinder.Found p : PlaceKinds.find(tokens, owner, language)) {
            hits.add(new Hit(p.from(), p.to(), -1, p.name(), EntityType.LOCATION, false));
            own(owner, p.from(), p.to());
        }
        for (PersonFinder.Found p : personFinder.find(tokens, owner, language)) {
            Hit known = knownSurnameAfterPatronymic(tokens, p, hits, language);
            if (known != null) {
                // "Володимира Олександровича Зеленського": given name and patronymic before a known surname
                hits.set(hits.indexOf(known), new Hit(p.from(), known.to(), known.entity(), null, null, false));
            } else {
                hits.add(new Hit(p.from(), p.to(), -1, p.name(), EntityType.PERSON, false));
            }
            own(owner, p.from(), p.to());
        }
        for (NameFinder.Found p : NameFinder.places(tokens, owner, language)) {
            // "Lake Assad", "the Tabqa Dam said": a person inside a feature's name is the feature's
            hits.removeIf(h -> h.from() >= p.from() && h.to() <= p.to() && h.type(dictionary) == EntityType.PERSON);
            hits.add(new Hit(p.from(), p.to(), -1, p.name(), EntityType.LOCATION, false));
            own(owner, p.from(), p.to());
        }
        // places listed with one: "in Mosul and Tal Afar", "у Подгорици и Никшићу", "aus Cherson und Mykolajiw"
        boolean[] place = new boolean[n];
        boolean anyPlace = false;
        for (Hit h : hits) {
            if (!h.weak() && h.type(dictionary) == EntityType.LOCATION) {
                Arrays.fill(place, h.from(), h.to() + 1, true);
                anyPlace = true;
            }
        }
        if (anyPlace) {
            for (NameFinder.Found p : CoordinatedPlaces.find(tokens, owner, place, language)) {
                hits.add(new Hit(p.from(), p.to(), -1, p.name(), EntityType.LOCATION, false));
                own(owner, p.from(), p.to());
            }
        }
        // acronyms the text defines: "the Islamic State (IS) group" makes every later "IS" the Islamic State
        resolveAcronyms(tokens, owner, hits);
        // "the Commission" after "the European Commission": a body's last word, capitalised, names it again
        resolveShortOrganizations(tokens, owner, hits);
        // 4. short forms: a surname alone names the person named in full elsewhere in the text
        resolveSurnames(tokens, lookup, owner, hits, language);
        return aggregate(tokens, hits, titleEnd);
    }

    /**
     * A place of one word that is a listed given name, followed by a capitalised word shaped like a surname of the
     * text's language ("Богдан Ярошенко", "Vera Petrović"): the start of a person's name, not the place.
     */
    private static boolean givenNameBeforeSurname(Tokens t, Match m, String language) {
        int next = m.to() + 1;
        return m.from() == m.to() && next < t.size() && (t.flags(next) & EntityDictionary.BOUNDARIES) == 0
                && t.shape(next) == Tokens.CAPITALIZED && LoneSurnames.surnameShaped(t, next, language)
                && GivenNames.contains(t, m.from(), language);
    }

    /**
     * A known person's one-word name (a surname alone, in any case) glued after a listed given name in a Slavic text:
     * the whole name is no alias of that person ("Сергея Лаврова" would have matched whole), so it names someone
     * else of that surname ("Инна Белоусова" is not Andrei Belousov), whom the person finder names; unless the given
     * name starts like the person's own, another spelling of it ("Аљбин Курти" is Albin Kurti).
     */
    private boolean surnameAfterAnotherGivenName(Tokens t, Match m, String language) {
        int given = m.from() - 1;
        return m.from() == m.to() && given >= 0 && LanguageGroups.slavic(language)
                && (t.flags(m.from()) & EntityDictionary.BOUNDARIES) == 0 && t.shape(given) == Tokens.CAPITALIZED
                && othersGivenName(m, initial(t.folded(given).charAt(0))) && GivenNames.contains(t, given, language);
    }

    /**
     * The known person's one-word hit glued after a discovered East Slavic name that ends in a patronymic ("Володимира
     * Олександровича" + "Зеленського"), or null.
     */
    private Hit knownSurnameAfterPatronymic(Tokens t, PersonFinder.Found p, List<Hit> hits, String language) {
        int next = p.to() + 1;
        if (!LanguageGroups.eastSlavic(language) || next >= t.size() || p.to() == p.from()
                || (t.flags(next) & EntityDictionary.BOUNDARIES) != 0 || !PersonFinder.patronymic(t.folded(p.to()))) {
            return null;
        }
        for (Hit h : hits) {
            if (h.from() == next && h.to() == next && h.entity() >= 0 && !h.weak()
                    && h.type(dictionary) == EntityType.PERSON) {
                return h;
            }
        }
        return null;
    }

    /** Every entity of the match is a person whose name starts with another letter than {@code initial}. */
    private boolean othersGivenName(Match m, char initial) {
        for (int id : m.aliases()) {
            KbEntity e = dictionary.entity(dictionary.alias(id).entity());
            if (e.type() != EntityType.PERSON || e.name().isEmpty() || initial(e.name().charAt(0)) == initial) {
                return false;
            }
        }
        return true;
    }

    /** A name's first letter for comparing spellings: lower case, i, y and j as one (Юлия: Iulia, Yulia, Julija). */
    private static char initial(char c) {
        char lower = Character.toLowerCase(c);
        return lower == 'y' || lower == 'j' ? 'i' : lower;
    }

    /**
     * Keeps the discovered names that no dictionary match covers whole, and drops the matches inside them. A company
     * named by a cue wins over a town of the same name that needs context anyway ("a stake in Kestrel").
     */
    private void keepNamed(List<NameFinder.Found> named, List<Match> matches, List<NameFinder.Found> kept) {
        for (NameFinder.Found o : named) {
            if (NameFinder.overlaps(kept, o.from(), o.to())) {
                continue;
            }
            boolean covered = false;
            for (Match m : matches) {
                if (m.from() <= o.from() && m.to() >= o.to() && !(o.type() == EntityType.ORGANIZATION
                        && m.from() == o.from() && m.to() == o.to() && ambiguousPlaces(m))) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(o);
                matches.removeIf(m -> m.from() >= o.from() && m.to() <= o.to());
            }
        }
    }

    private boolean ambiguousPlaces(Match m) {
        for (int id : m.aliases()) {
            KbEntity e = dictionary.entity(dictionary.alias(id).entity());
            if (e.type() != EntityType.LOCATION || !e.ambiguous()) {
                return false;
            }
        }
        return true;
    }

    /** Capitalised last words of bodies that, after "the", name the body of the text that ends with them. */
    private static final Set<String> SHORT_BODIES = Set.of("commission", "coalition", "council", "committee",
            "ministry", "court", "tribunal", "agency", "alliance", "assembly", "parliament", "bank", "fund",
            "union", "party", "front", "movement", "army", "command", "authority", "board", "observatory", "mission",
            "federation", "organisation", "organization", "institute", "foundation", "group", "company", "corporation");

    private void resolveShortOrganizations(Tokens t, int[] owner, List<Hit> hits) {
        Map<String, Hit> byLastWord = new HashMap<>();
        Set<String> clashes = new HashSet<>();
        for (Hit h : hits) {
            if (h.type(dictionary) != EntityType.ORGANIZATION || h.to() == h.from()
                    || !SHORT_BODIES.contains(t.folded(h.to()))) {
                continue;
            }
            Hit other = byLastWord.putIfAbsent(t.folded(h.to()), h);
            if (other != null && !other.key(dictionary).equals(h.key(dictionary))) {
                clashes.add(t.folded(h.to()));
            }
        }
        clashes.forEach(byLastWord::remove);
        if (byLastWord.isEmpty()) {
            return;
        }
        for (int i = 1; i < t.size(); i++) {
            if (owner[i] >= 0 || t.shape(i) != Tokens.CAPITALIZED || !t.is(i - 1, "the")
                    || (t.flags(i) & EntityDictionary.BOUNDARIES) != 0 || t.has(i, Tokens.BOILERPLATE)
                    || t.has(i, Tokens.TITLE)) {
                continue;
            }
            // the whole name, not the first word of another one: "the Commission's", not "the Commission Building"
            int after = i + 1;
            if (after < t.size() && !t.has(i, Tokens.POSSESSIVE) && (t.flags(after) & EntityDictionary.BOUNDARIES) == 0
                    && (t.capitalized(after) || t.is(after, "of") || t.is(after, "for"))) {
                continue;
            }
            Hit body = byLastWord.get(t.folded(i));
            if (body != null) {
                hits.add(body.at(i));
                owner[i] = 1;
            }
        }
    }

    private List<Match> match(Tokens t, Vocabulary.Lookup lookup) {
        int[] ids = lookup.ids();
        PhraseTrie trie = dictionary.trie();
        List<Match> matches = new ArrayList<>();
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0 && lookup.lemma(i) < 0 || t.has(i, Tokens.BOILERPLATE)) {
                continue;
            }
            int node = PhraseTrie.ROOT;
            int[] best = null;
            int bestEnd = -1;
            for (int j = i; j < n; j++) {
                if (j > i && (t.flags(j) & WALK_STOP) != 0) {
                    break;
                }
                int next = trie.child(node, ids[j]);
                if (next == PhraseTrie.NONE && lookup.lemma(j) >= 0) {
                    next = trie.child(node, lookup.lemma(j)); // an inflected name: "Сергея Лаврова", "Podgorici"
                }
                node = next;
                if (node == PhraseTrie.NONE) {
                    break;
                }
                int[] payloads = trie.payloads(node);
                if (payloads != null) {
                    int[] fitting = fitting(t, i, payloads);
                    if (fitting != null) {
                        best = fitting;
                        bestEnd = j;
                    }
                }
            }
            if (best != null) {
                matches.add(new Match(i, bestEnd, best));
                i = bestEnd;
            }
        }
        return matches;
    }

    /** The aliases whose case and separators fit the text from token {@code from}; null when none. */
    private int[] fitting(Tokens t, int from, int[] aliases) {
        int[] fit = null;
        int count = 0;
        for (int id : aliases) {
            Alias alias = dictionary.alias(id);
            if (fits(t, from, alias)) {
                if (fit == null) {
                    fit = new int[aliases.length];
                }
                fit[count++] = id;
            }
        }
        return fit == null ? null : count == fit.length ? fit : Arrays.copyOf(fit, count);
    }

    private static boolean fits(Tokens t, int from, Alias alias) {
        byte[] rule = alias.caseRule();
        int[] separators = alias.separators();
        for (int k = 0; k < rule.length; k++) {
            int i = from + k;
            byte shape = t.shape(i);
            if (rule[k] == EntityDictionary.CAPITAL && shape != Tokens.CAPITALIZED && shape != Tokens.UPPER) {
                return false;
            }
            if (rule[k] == EntityDictionary.ALL_CAPS && shape != Tokens.UPPER) {
                return false;
            }
            if (k > 0 && ((t.flags(i) & EntityDictionary.BOUNDARIES & ~separators[k]) != 0
                    || t.has(i - 1, Tokens.POSSESSIVE) != ((separators[k] & Tokens.POSSESSIVE) != 0))) {
                return false; // a possessive inside a match only where the name has one: "NATO's Russia policy"
            }
        }
        return true;
    }

    private boolean allPlaces(Match m) {
        for (int id : m.aliases()) {
            if (dictionary.entity(dictionary.alias(id).entity()).type() != EntityType.LOCATION) {
                return false;
            }
        }
        return true;
    }

    private int singleEntity(Match m) {
        int entity = -1;
        for (int id : m.aliases()) {
            int e = dictionary.alias(id).entity();
            if (entity >= 0 && e != entity) {
                return -1;
            }
            entity = e;
        }
        return entity;
    }

    private boolean allDemonyms(Match m) {
        for (int id : m.aliases()) {
            if (dictionary.alias(id).kind() != AliasKind.DEMONYM) {
                return false;
            }
        }
        return true;
    }

    private Hit resolve(Tokens t, Match m, int[] present, Set<Integer> certain, Set<String> countries,
                        List<Match> matches, Map<Integer, Integer> contextCache, boolean[] placed) {
        boolean nameLike = adjacentName(t, m, matches);
        boolean placeCue = m.from() > 0 && (t.flags(m.from()) & EntityDictionary.BOUNDARIES) == 0
                && (Cues.PLACE_CUE_WORDS.contains(t, m.from() - 1) || listedPlace(t, m.from(), placed));
        // "in March", "on Friday": a month or a day after a preposition is a date, not the town of that name
        boolean dateWord = m.from() == m.to() && AFTER_PLACE.contains(t.folded(m.from()));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean bestWeak = false;
        for (int id : m.aliases()) {
            Alias alias = dictionary.alias(id);
            int e = alias.entity();
            KbEntity entity = dictionary.entity(e);
            int evidence = contextCache.computeIfAbsent(e, k -> contextHits(k, present)) * 2
                    + (certain.contains(e) ? 3 : 0)
                    + (entity.country() != null && countries.contains(entity.country()) && !certain.contains(e)
                    && !t.has(m.from(), Tokens.SENTENCE_START) ? 1 : 0); // "Reading of the report..." in England
            if (entity.ambiguous() && (nameLike || (evidence == 0 && (!placeCue || dateWord)))) {
                continue;
            }
            if (entity.ambiguous() && dateWord && !certain.contains(e) && contextCache.get(e) == 0) {
                continue; // "paid since March" in a British story: the country is no evidence for the town March
            }
            double score = entity.prior() + evidence;
            if (score > bestScore) {
                best = e;
                bestScore = score;
                bestWeak = alias.kind() == AliasKind.DEMONYM;
            }
        }
        return best < 0 ? null : new Hit(m.from(), m.to(), best, null, null, bestWeak);
    }

    /**
     * True when a one-word match opens a sentence only through its base form ({@code lookup.lemma}) and names small
     * places of the gazetteer alone (prior below 1): an inflected noun there, the subject in the nominative plural
     * ("Строители", "Жители"), is far likelier than a small town in an oblique case.
     */
    private boolean inflectedSmallPlaceAtStart(Tokens t, Vocabulary.Lookup lookup, Match m) {
        int i = m.from();
        if (m.to() != i || !t.has(i, Tokens.SENTENCE_START) || lookup.lemma(i) < 0
                || dictionary.trie().child(PhraseTrie.ROOT, lookup.ids()[i]) != PhraseTrie.NONE) {
            return false;
        }
        for (int id : m.aliases()) {
            if (dictionary.entity(dictionary.alias(id).entity()).prior() >= 1) {
                return false;
            }
        }
        return true;
    }

    /** "Iraq and Jordan", "Metz et Nancy": the word follows a conjunction after a place found before. */
    private static boolean listedPlace(Tokens t, int from, boolean[] placed) {
        int c = from - 1;
        return c > 0 && placed[c - 1] && t.shape(c) == Tokens.LOWER && CoordinatedPlaces.conjunction(t.folded(c))
                && (t.flags(c) & EntityDictionary.BOUNDARIES) == 0;
    }

    private static void own(int[] owner, int from, int to) {
        for (int k = from; k <= to; k++) {
            owner[k] = 1;
        }
    }

    private static final java.util.Set<String> AFTER_PLACE = java.util.Set.of("monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "today", "tonight", "yesterday", "and", "or");

    /**
     * True when a place name is glued to a capitalised word that is no entity, title or date, so that the two make
     * a longer proper noun: a team, company or treaty named after the place ("Boston Red Sox", "Virgin Australia",
     * "Paris Agreement", "Croix-Rouge", "US-Regierung"). Headlines in title case are left alone; a given name after
     * starts a person ("Глава Татарстана Рустам Минниханов").
     */
    private static boolean partOfLongerName(Tokens t, Match m, List<Match> matches, boolean germanNouns,
                                            String language) {
        if (t.has(m.from(), Tokens.TITLE)) {
            return false;
        }
        int before = m.from() - 1;
        if (before >= 0 && !germanNouns && (t.flags(m.from()) & EntityDictionary.BOUNDARIES) == 0 && t.shape(before) == Tokens.CAPITALIZED
                && !t.has(before, Tokens.SENTENCE_START) && !t.has(before, Tokens.POSSESSIVE)
                && !Cues.NOT_NAME_WORDS.contains(t, before) && !Cues.TITLE_WORDS.contains(t, before)
                && !Cues.PLACE_CUE_WORDS.contains(t, before) && !covered(matches, before)) {
            return true;
        }
        int after = m.to() + 1;
        return after < t.size() && (t.flags(after) & EntityDictionary.BOUNDARIES) == 0
                && !t.has(m.to(), Tokens.POSSESSIVE) && t.shape(after) == Tokens.CAPITALIZED
                && !AFTER_PLACE.contains(t.folded(after)) && !GivenNames.contains(t, after, language)
                && !Cues.TITLE_WORDS.contains(t, after) && !covered(matches, after) && !nameAfter(t, after, language);
    }

    /**
     * A Slavic person's name of two words starts at {@code i}, its second word shaped like a surname ("opštine
     * Pljevlja Mirsad Šabotić", "Gradonačelnik Kraljeva Predrag Terzić"): the place before it is the genitive of a
     * title, not the start of a longer name.
     */
    private static boolean nameAfter(Tokens t, int i, String language) {
        int next = i + 1;
        return next < t.size() && (t.flags(next) & EntityDictionary.BOUNDARIES) == 0
                && t.shape(next) == Tokens.CAPITALIZED && LoneSurnames.surnameShaped(t, next, language);
    }

    /** An acronym in brackets right after a name ("Islamic State (IS)") names that entity everywhere in the text. */
    private void resolveAcronyms(Tokens t, int[] owner, List<Hit> hits) {
        String text = t.text();
        Map<String, Hit> acronyms = new HashMap<>();
        for (Hit h : List.copyOf(hits)) {
            int a = h.to() + 1;
            if (a >= t.size() || t.shape(a) != Tokens.UPPER || t.end(a) - t.start(a) < 2 || t.end(a) - t.start(a) > 6
                    || t.end(a) >= text.length() || text.charAt(t.end(a)) != ')' || h.to() == h.from() && h.entity() < 0) {
                continue;
            }
            String between = text.substring(t.end(h.to()), t.start(a));
            if (between.strip().equals("(") && owner[a] < 0) {
                acronyms.putIfAbsent(t.folded(a), h);
            }
        }
        if (acronyms.isEmpty()) {
            return;
        }
        for (int i = 0; i < t.size(); i++) {
            Hit named = owner[i] < 0 && t.shape(i) == Tokens.UPPER ? acronyms.get(t.folded(i)) : null;
            if (named != null && !t.has(i, Tokens.BOILERPLATE)) {
                hits.add(named.at(i));
                owner[i] = 1;
            }
        }
    }

    /** True when the match is glued to a capitalised word that is no entity: "Michael Jordan", "Chad Smith". */
    private static boolean adjacentName(Tokens t, Match m, List<Match> matches) {
        int before = m.from() - 1;
        if (before >= 0 && (t.flags(m.from()) & EntityDictionary.BOUNDARIES) == 0 && t.shape(before) == Tokens.CAPITALIZED
                && !Cues.NOT_NAME_WORDS.contains(t, before) && !Cues.TITLE_WORDS.contains(t, before)
                && !covered(matches, before)) {
            return true;
        }
        int after = m.to() + 1;
        return after < t.size() && (t.flags(after) & EntityDictionary.BOUNDARIES) == 0
                && !t.has(m.to(), Tokens.POSSESSIVE) && t.shape(after) == Tokens.CAPITALIZED
                && !Cues.NOT_NAME_WORDS.contains(t, after) && !covered(matches, after);
    }

    private static boolean covered(List<Match> matches, int token) {
        for (Match m : matches) {
            if (token >= m.from() && token <= m.to()) {
                return true;
            }
        }
        return false;
    }

    private int contextHits(int entity, int[] present) {
        int hits = 0;
        for (int[] phrase : dictionary.context(entity)) {
            boolean all = phrase.length > 0;
            for (int word : phrase) {
                if (Arrays.binarySearch(present, word) < 0) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits++;
            }
        }
        return hits;
    }

    private static int[] presentWords(Tokens t, int[] ids) {
        int[] words = new int[ids.length];
        int count = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= 0 && !t.has(i, Tokens.BOILERPLATE)) {
                words[count++] = ids[i];
            }
        }
        int[] sorted = Arrays.copyOf(words, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private void resolveSurnames(Tokens t, Vocabulary.Lookup lookup, int[] owner, List<Hit> hits, String language) {
        boolean english = language == null || "en".equals(language);
        Set<String> endings = SurnameForms.endings(language);
        Map<String, Hit> bySurname = new HashMap<>();
        Map<String, Hit> byStem = new HashMap<>(); // "Гаврилюка", "Тарасовым", "Hansens": other cases of a surname
        Set<String> clashes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        boolean slavic = LanguageGroups.slavic(language);
        List<Hit> startPairs = new ArrayList<>();
        for (Hit h : hits) {
            boolean person = h.type(dictionary) == EntityType.PERSON;
            if (!person || h.to() == h.from()) {
                continue;
            }
            if (slavic && startPair(t, h, language)) {
                startPairs.add(h); // "Сам Курочкин": decided once the text's surnames are known
                continue;
            }
            addSurnames(t, lookup, h, endings, bySurname, byStem, clashes, seen);
        }
        // "Сам Курочкин", "Водночас Кольцов": a word starting a sentence before the surname of a person the text
        // names elsewhere is no given name; the surname alone is that person
        for (Hit h : startPairs) {
            Hit person = surnamesPerson(t, lookup, h.to(), bySurname, byStem, endings);
            if (person != null && !person.key(dictionary).equals(h.key(dictionary))) {
                hits.remove(h);
                hits.add(person.at(h.to()));
                owner[h.from()] = -1;
            } else {
                addSurnames(t, lookup, h, endings, bySurname, byStem, clashes, seen);
            }
        }
        clashes.forEach(bySurname::remove);
        clashes.forEach(byStem::remove);
        if (LoneSurnames.applies(language)) {
            loneSurnames(t, lookup, owner, bySurname, byStem, endings, language);
        }
        if (slavic && !byStem.isEmpty()) {
            surnamesNotPlaces(t, lookup, hits, bySurname, byStem, endings, language);
        }
        Map<String, Hit> byGivenName = slavic ? givenNamesOfPeople(t, hits, language) : Map.of();
        StringBuilder initials = new StringBuilder(); // the folded first letters of those given names
        byGivenName.keySet().forEach(g -> initials.append(g.charAt(0)));
        String givenInitials = initials.toString();
        for (int i = 0; i < t.size(); i++) {
            if (owner[i] >= 0 || !t.capitalized(i) || t.has(i, Tokens.BOILERPLATE)) {
                continue;
            }
            Hit person = surnamesPerson(t, lookup, i, bySurname, byStem, endings);
            if (person == null && !byGivenName.isEmpty() && t.shape(i) == Tokens.CAPITALIZED
                    && t.foldLength(i) > 0 && givenInitials.indexOf(t.foldedChars()[t.foldStart(i)]) >= 0
                    && GivenNames.contains(t, i, language)) { // the cheap tests first: no strings for most words
                // "Петра", "Петрові" after "Петро Гнатюк": the given name alone, in another case
                for (String given : GivenNames.bases(t, i, language)) {
                    person = person == null ? byGivenName.get(given) : person;
                }
            }
            if (person == null && english && i > 0 && rankedSurname(t, i)) {
                // "Gen. Allen", "Prime Minister Abadi": a surname after a rank or office names a person; its later
                // mentions alone name the same one (English only: a German noun after "Minister" is capitalised)
                person = new Hit(i, i, -1, t.surface(i), EntityType.PERSON, false);
                bySurname.put(lookup.base(t, i), person);
            }
            if (person != null) {
                hits.add(person.at(i));
                owner[i] = 1;
            }
        }
    }

    /** Registers the surname (and the first name of a short name) of a person named in full. */
    private void addSurnames(Tokens t, Vocabulary.Lookup lookup, Hit h, Set<String> endings, Map<String, Hit> bySurname,
            Map<String, Hit> byStem, Set<String> clashes, Set<String> seen) {
        if (!seen.add(h.key(dictionary))) {
            return;
        }
        // the surname, and the first name of a name of two or three words ("Karim" after "Karim Ahmed Khan")
        for (int k : h.to() - h.from() <= 2 ? new int[] {h.to(), h.from()} : new int[] {h.to()}) {
            if (t.shape(k) != Tokens.CAPITALIZED || t.end(k) - t.start(k) < 3) {
                continue;
            }
            String word = lookup.base(t, k);
            Hit other = bySurname.putIfAbsent(word, h);
            if (other != null && !other.key(dictionary).equals(h.key(dictionary))) {
                clashes.add(word);
            }
            String stem = endings == null || k != h.to() ? null : SurnameForms.stem(t.folded(k), endings);
            if (stem != null && byStem.putIfAbsent(stem, h) != null
                    && !byStem.get(stem).key(dictionary).equals(h.key(dictionary))) {
                clashes.add(stem);
            }
        }
    }

    /** The person whose surname token {@code i} is, in its own case or another, or null. */
    private static Hit surnamesPerson(Tokens t, Vocabulary.Lookup lookup, int i, Map<String, Hit> bySurname,
            Map<String, Hit> byStem, Set<String> endings) {
        Hit person = bySurname.isEmpty() ? null : bySurname.get(lookup.base(t, i));
        if (person == null && endings != null && !byStem.isEmpty() && t.shape(i) == Tokens.CAPITALIZED) {
            String stem = SurnameForms.stemOf(t.folded(i), endings, byStem);
            person = stem == null ? null : byStem.get(stem);
        }
        return person;
    }

    /**
     * The listed given names (folded, nominative) that start the text's people of two or three words, each of one
     * person only: "Петро" of "Петро Гнатюк".
     */
    private Map<String, Hit> givenNamesOfPeople(Tokens t, List<Hit> hits, String language) {
        Map<String, Hit> byGivenName = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Hit h : hits) {
            if (h.to() == h.from() || h.to() - h.from() > 2 || h.weak() || h.type(dictionary) != EntityType.PERSON
                    || t.shape(h.from()) != Tokens.CAPITALIZED) {
                continue;
            }
            // each spelling its given name may have ("Петро": petro, and the Russian petr of its other cases)
            for (String given : GivenNames.bases(t, h.from(), language)) {
                Hit other = byGivenName.putIfAbsent(given, h);
                if (other != null && !other.key(dictionary).equals(h.key(dictionary))) {
                    shared.add(given);
                }
            }
        }
        shared.forEach(byGivenName::remove);
        return byGivenName;
    }

    /**
     * A discovered name of two words starting a sentence whose first word is no listed given name: "Сам Курочкин"
     * may be an adverb or pronoun before a surname.
     */
    private static boolean startPair(Tokens t, Hit h, String language) {
        return h.entity() < 0 && h.to() == h.from() + 1 && t.has(h.from(), Tokens.SENTENCE_START | Tokens.LINE_START)
                && !GivenNames.contains(t, h.from(), language);
    }

    /**
     * A place of one word, not after a preposition of place, that is the surname of a person the text names, in some
     * case ("Кольцова" after "с Андреем Кольцовым" is no village Kol'tsovo, "Белоусовой" no Belousovo): that person.
     */
    private void surnamesNotPlaces(Tokens t, Vocabulary.Lookup lookup, List<Hit> hits, Map<String, Hit> bySurname,
            Map<String, Hit> byStem, Set<String> endings, String language) {
        for (int j = 0; j < hits.size(); j++) {
            Hit h = hits.get(j);
            int i = h.from();
            if (h.to() != i || h.weak() || h.entity() < 0 || h.type(dictionary) != EntityType.LOCATION
                    || t.shape(i) != Tokens.CAPITALIZED || LoneSurnames.placePreposition(t, i)
                    || !LoneSurnames.surnameShaped(t, i, language)) {
                continue;
            }
            Hit person = surnamesPerson(t, lookup, i, bySurname, byStem, endings);
            if (person != null) {
                hits.set(j, person.at(i));
            }
        }
    }

    /**
     * Surnames alone that a role noun or a verb of saying marks ({@link LoneSurnames}), added to the surnames of the
     * text unless one of its people already has it, so that every mention of it, in any case, names that person.
     */
    private void loneSurnames(Tokens t, Vocabulary.Lookup lookup, int[] owner, Map<String, Hit> bySurname,
            Map<String, Hit> byStem, Set<String> endings, String language) {
        for (int i = 0; i < t.size(); i++) {
            if (owner[i] >= 0 || !t.capitalized(i) || !LoneSurnames.surname(t, i, language)) {
                continue;
            }
            String base = lookup.base(t, i);
            if (bySurname.containsKey(base) || endings != null && SurnameForms.stemOf(t.folded(i), endings, byStem) != null) {
                continue;
            }
            Hit lone = new Hit(i, i, -1, t.surface(i), EntityType.PERSON, false);
            bySurname.put(base, lone);
            String stem = endings == null ? null : SurnameForms.stem(t.folded(i), endings);
            if (stem != null) {
                byStem.putIfAbsent(stem, lone);
            }
        }
    }

    /** Ranks and offices that a surname alone follows in news ("Gen. Allen", "President Assad"). */
    private static final Set<String> RANKS = Set.of("president", "gen", "general", "colonel", "col", "lt",
            "lieutenant", "sergeant", "sgt", "captain", "capt", "major", "maj", "admiral", "adm", "senator", "sen",
            "rep", "governor", "gov", "mayor", "chancellor", "king", "queen", "prince", "princess", "sheikh", "emir",
            "ayatollah", "imam", "pope", "cardinal", "archbishop", "bishop", "secretary", "minister", "premier",
            "judge", "ambassador", "brigadier", "brig", "commander", "cmdr", "marshal", "prosecutor", "mullah", "mufti");
    /** Words after "General" or "Major" that make a company or a league, not a person. */
    private static final Set<String> NOT_SURNAMES = Set.of("electric", "dynamics", "mills", "atomics", "motors",
            "league", "assembly", "staff", "election", "elections", "secretary", "manager", "counsel", "hospital");

    private static boolean rankedSurname(Tokens t, int i) {
        if (t.shape(i) != Tokens.CAPITALIZED || t.end(i) - t.start(i) < 3 || (t.flags(i) & WALK_STOP) != 0
                || (t.flags(i) & EntityDictionary.BOUNDARIES) != 0 || !t.capitalized(i - 1)
                || !RANKS.contains(t.folded(i - 1))) {
            return false;
        }
        String word = t.folded(i);
        if (Cues.NOT_NAMES.contains(word) || PersonFinder.title(word) || Cues.NOT_PERSON_ENDINGS.contains(word)
                || NOT_SURNAMES.contains(word) || t.has(i - 1, Tokens.POSSESSIVE)) {
            return false;
        }
        // the whole name: "General Hospital", "King Abdullah II Bridge" are no surnames alone
        int after = i + 1;
        if (after < t.size() && (t.flags(after) & EntityDictionary.BOUNDARIES) == 0 && t.capitalized(after)) {
            return false;
        }
        // "Major" and "General" at the start of a sentence are adjectives more often than ranks
        String rank = t.folded(i - 1);
        return !(("major".equals(rank) || "general".equals(rank)) && t.has(i - 1, Tokens.SENTENCE_START));
    }

    private List<FoundEntity> aggregate(Tokens t, List<Hit> hits, int titleEnd) {
        hits.sort((a, b) -> Integer.compare(a.from, b.from));
        Map<String, List<Hit>> byEntity = new LinkedHashMap<>();
        for (Hit h : hits) {
            byEntity.computeIfAbsent(h.key(dictionary), k -> new ArrayList<>()).add(h);
        }
        double[] scores = new double[byEntity.size()];
        double max = 0;
        int index = 0;
        for (List<Hit> entityHits : byEntity.values()) {
            double score = 0;
            for (Hit h : entityHits) {
                int at = t.start(h.from());
                double weight = at < titleEnd ? TITLE_WEIGHT : at < titleEnd + LEAD_CHARS ? LEAD_WEIGHT : 1;
                score += h.weak() ? weight * DEMONYM_FACTOR : weight;
            }
            scores[index++] = score;
            max = Math.max(max, score);
        }
        List<FoundEntity> found = new ArrayList<>(byEntity.size());
        index = 0;
        for (Map.Entry<String, List<Hit>> e : byEntity.entrySet()) {
            List<FoundEntity.Mention> mentions = new ArrayList<>();
            for (Hit h : e.getValue()) {
                int start = t.start(h.from());
                int end = t.end(h.to());
                if (end < t.text().length() && t.text().charAt(end) == '.' && end - t.start(h.to()) == 1
                        && t.shape(h.to()) == Tokens.UPPER) {
                    end++; // "U.S." keeps its last full stop
                }
                mentions.add(new FoundEntity.Mention(start, end, t.text().substring(start, end), h.weak()));
            }
            double salience = Math.round(1000 * scores[index++] / max) / 1000.0;
            Hit first = e.getValue().get(0);
            if (first.entity() >= 0) {
                KbEntity kb = dictionary.entity(first.entity());
                found.add(new FoundEntity(kb.id(), kb.name(), kb.type(), kb.country(), kb.geo(), false, mentions,
                        salience, dictionary.variants(first.entity())));
            } else {
                found.add(new FoundEntity(e.getKey(), first.discoveredName(), first.discoveredType(), null, null, true,
                        mentions, salience, List.of()));
            }
        }
        found.sort(Comparator.comparingDouble(FoundEntity::salience).reversed()
                .thenComparingInt(f -> f.mentions().get(0).start()));
        return found;
    }
}
