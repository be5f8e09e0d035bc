package io.newswatch.tagging.topic;

import io.newswatch.contract.EntityType;
import io.newswatch.contract.TopicScore;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.match.PhraseTrie;
import io.newswatch.tagging.match.Vocabulary;
import io.newswatch.tagging.text.Tokenizer;
import io.newswatch.tagging.text.Tokens;
import io.newswatch.folding.Cyrillic;

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
 * Scores a text against every topic of a {@link Taxonomy} in one pass: all terms of all topics live in one
 * {@link PhraseTrie} over the shared vocabulary (case-insensitive, stems allowed), entity conditions are checked
 * against the tagger's result, and the places the tagger linked count toward the topics of their country
 * ({@link TopicDefinition#places()}: a shelled town names its country's war without naming the country). Thread-safe
 * once built.
 */
public final class TopicClassifier {

    private static final List<Cyrillic.Scheme> TEXT_SCHEMES = List.of(Cyrillic.Scheme.RUSSIAN,
            Cyrillic.Scheme.SOUTH_SLAVIC, Cyrillic.Scheme.UKRAINIAN);

    /** Occurrences of one term beyond this do not add to the score. */
    private static final int MAX_COUNT = 3;

    /** A compiled term of one topic. */
    private record Term(int topic, String text, double weight) {
    }

    private final List<TopicDefinition> topics;
    private final List<Term> terms = new ArrayList<>();
    private final PhraseTrie trie = new PhraseTrie();
    /** Per topic, per require group: the term indices and entity ids that satisfy it. */
    private final List<List<Requirement>> requirements = new ArrayList<>();
    /**
     * Per topic, the folded words of each term already in the trie and the term they belong to: a term of one
     * language that folds like another's ("Украину" and "Україну", "Зеленский" and "Zelensky") counts once.
     */
    private final List<Map<String, Integer>> foldedTerms = new ArrayList<>();

    private record Requirement(int[] terms, String[] entities, String[] countries) {
        Requirement(Set<Integer> terms, Set<String> entities, Set<String> countries) {
            this(terms.stream().mapToInt(Integer::intValue).toArray(), entities.toArray(String[]::new),
                    countries.toArray(String[]::new));
        }
    }

    /** The topics a place inside one country counts toward, and its weight in each. */
    private record PlaceTopics(int[] topics, double[] weights) {
    }

    /** Per ISO country code, the topics its places count toward ({@link TopicDefinition#places()}). */
    private final Map<String, PlaceTopics> placeTopics = new HashMap<>();
    /** Whether some require group names a country ({@code country:XX}): only then are the places' countries gathered. */
    private boolean countryRequirements;
    /**
     * Per term, whether it is a positive term of a topic that counts places: where such a term matched is noted, so
     * that a town the topic names as a term (Kyiv, Aleppo) counts once, as that term, and not again as a place.
     */
    private boolean[] placeTopicTerms = new boolean[0];

    /**
     * Per topic, its entities and their weights in the topic's order, as arrays: the classifier walks every topic's
     * entities for every text, and the map's entry iterator was a few per cent of tagging.
     */
    private final List<String[]> entityIds = new ArrayList<>();
    private final List<double[]> entityWeights = new ArrayList<>();

    public TopicClassifier(Taxonomy taxonomy, Vocabulary vocabulary) {
        this.topics = taxonomy.topics();
        for (int t = 0; t < topics.size(); t++) {
            TopicDefinition topic = topics.get(t);
            foldedTerms.add(new HashMap<>());
            entityIds.add(topic.entities().keySet().toArray(String[]::new));
            entityWeights.add(topic.entities().values().stream().mapToDouble(Double::doubleValue).toArray());
            Map<String, Integer> termIndex = new HashMap<>();
            for (Map.Entry<String, Double> term : topic.terms().entrySet()) {
                termIndex.put(term.getKey(), addTerm(t, term.getKey(), term.getValue(), vocabulary));
            }
            List<Requirement> groups = new ArrayList<>();
            for (List<String> group : topic.require()) {
                Set<Integer> groupTerms = new HashSet<>();
                Set<String> groupEntities = new HashSet<>();
                Set<String> groupCountries = new HashSet<>();
                for (String item : group) {
                    if (item.startsWith(TopicDefinition.COUNTRY_PREFIX)) {
                        groupCountries.add(item.substring(TopicDefinition.COUNTRY_PREFIX.length()));
                        countryRequirements = true;
                    } else if (item.contains("/")) {
                        groupEntities.add(item);
                    } else {
                        Integer index = termIndex.get(item);
                        groupTerms.add(index != null ? index : addTerm(t, item, 0, vocabulary));
                    }
                }
                groups.add(new Requirement(groupTerms, groupEntities, groupCountries));
            }
            requirements.add(groups);
            for (Map.Entry<String, Double> place : topic.places().entrySet()) {
                PlaceTopics earlier = placeTopics.get(place.getKey());
                int[] ts = earlier == null ? new int[0] : earlier.topics();
                double[] ws = earlier == null ? new double[0] : earlier.weights();
                ts = Arrays.copyOf(ts, ts.length + 1);
                ws = Arrays.copyOf(ws, ws.length + 1);
                ts[ts.length - 1] = t;
                ws[ws.length - 1] = place.getValue();
                placeTopics.put(place.getKey(), new PlaceTopics(ts, ws));
            }
        }
        placeTopicTerms = new boolean[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            placeTopicTerms[i] = terms.get(i).weight() > 0 && !topics.get(terms.get(i).topic()).places().isEmpty();
        }
    }

    private int addTerm(int topic, String text, double weight, Vocabulary vocabulary) {
        int index = terms.size();
        Map<String, Integer> seen = foldedTerms.get(topic);
        boolean added = false;
        Integer duplicate = null;
        // a Cyrillic term folds as each language's text would fold it (Крим is krym in Ukrainian, krim in Russian)
        boolean cyrillic = text.chars().anyMatch(c -> Cyrillic.isCyrillic((char) c));
        for (Cyrillic.Scheme scheme : cyrillic ? TEXT_SCHEMES : List.of(Cyrillic.Scheme.RUSSIAN)) {
            Tokens tokens = Tokenizer.tokenize(text, scheme);
            int[] words = new int[tokens.size()];
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < words.length; i++) {
                boolean stem = tokens.end(i) < text.length() && text.charAt(tokens.end(i)) == '*';
                words[i] = stem ? vocabulary.addStem(tokens.folded(i)) : vocabulary.addTermWord(tokens.folded(i));
                key.append(tokens.folded(i)).append(stem ? "* " : " ");
            }
            Integer earlier = seen.putIfAbsent(key.toString(), index);
            if (earlier != null && earlier != index) {
                duplicate = duplicate == null ? earlier : duplicate;
            } else if (words.length > 0) {
                trie.add(words, index);
                added = true;
            }
        }
        if (!added && duplicate != null) {
            return duplicate; // the same words as an earlier term of the topic: that term stands for it
        }
        terms.add(new Term(topic, text, weight));
        return index;
    }

    /** The topics a text passes, best first. */
    public List<TopicScore> classify(Tokens tokens, Vocabulary.Lookup lookup, List<FoundEntity> entities) {
        TermCounts counted = countTerms(tokens, lookup);
        int[] counts = counted.counts;
        Set<String> entityIds = new HashSet<>();
        entities.forEach(e -> entityIds.add(e.id()));
        List<TopicScore> passed = new ArrayList<>();
        Map<Integer, Map<String, Double>> evidence = new HashMap<>();
        double[] scores = new double[topics.size()];
        // the terms found, in the terms' order (as a walk over all of them would meet them)
        int[] found = Arrays.copyOf(counted.found, counted.size);
        Arrays.sort(found);
        for (int i : found) {
            if (terms.get(i).weight() != 0) {
                Term term = terms.get(i);
                double contribution = term.weight() * Math.min(counts[i], MAX_COUNT);
                scores[term.topic()] += contribution;
                evidence.computeIfAbsent(term.topic(), k -> new LinkedHashMap<>()).merge(term.text(), contribution, Double::sum);
            }
        }
        for (int t = 0; t < topics.size(); t++) {
            String[] ids = this.entityIds.get(t);
            double[] weights = entityWeights.get(t);
            for (int k = 0; k < ids.length && !entityIds.isEmpty(); k++) {
                if (entityIds.contains(ids[k])) {
                    scores[t] += weights[k];
                    evidence.computeIfAbsent(t, x -> new LinkedHashMap<>()).merge(ids[k], weights[k], Double::sum);
                }
            }
        }
        Set<String> countries = countPlaces(entities, counted, scores, evidence);
        for (int t = 0; t < topics.size(); t++) {
            TopicDefinition topic = topics.get(t);
            if (scores[t] >= topic.threshold() && requirementsMet(t, counts, entityIds, countries)) {
                passed.add(new TopicScore(topic.id(), topic.label(), Math.round(scores[t] * 100) / 100.0,
                        why(evidence.get(t))));
            }
        }
        passed.sort(Comparator.comparingDouble(TopicScore::score).reversed());
        return passed;
    }

    /**
     * Adds the linked places to the topics of their countries: each distinct place once, with the topic's weight for
     * its country, at most {@link TopicDefinition#MAX_PLACES} places a topic, none the topic already weighs as an
     * entity (the country itself) or matched as one of its terms (Kyiv). A place is a linked location (a
     * knowledge-base id and a country) named outright, not only by a demonym. Returns the countries of the places the
     * text names (the countries included) when a require group asks for one, else an empty set.
     */
    private Set<String> countPlaces(List<FoundEntity> entities, TermCounts terms, double[] scores,
                                    Map<Integer, Map<String, Double>> evidence) {
        if (placeTopics.isEmpty() && !countryRequirements) {
            return Set.of();
        }
        Set<String> countries = countryRequirements ? new HashSet<>() : Set.of();
        int[] counted = null;
        for (FoundEntity place : entities) {
            if (place.type() != EntityType.LOCATION || place.country() == null || place.discovered()
                    || place.strongMentions() == 0) {
                continue;
            }
            if (countryRequirements) {
                countries.add(place.country());
            }
            PlaceTopics placed = placeTopics.get(place.country());
            if (placed == null) {
                continue;
            }
            counted = counted == null ? new int[topics.size()] : counted;
            for (int k = 0; k < placed.topics().length; k++) {
                int t = placed.topics()[k];
                if (counted[t] < TopicDefinition.MAX_PLACES && !topics.get(t).entities().containsKey(place.id())
                        && !terms.matchedAt(t, place)) {
                    counted[t]++;
                    scores[t] += placed.weights()[k];
                    evidence.computeIfAbsent(t, x -> new LinkedHashMap<>()).merge(place.id(), placed.weights()[k], Double::sum);
                }
            }
        }
        return countries;
    }

    /** A passed topic's evidence with a positive contribution, largest first (ties in the order found). */
    private static List<String> why(Map<String, Double> evidence) {
        if (evidence == null) {
            return List.of();
        }
        List<Map.Entry<String, Double>> positive = new ArrayList<>(evidence.size());
        for (Map.Entry<String, Double> e : evidence.entrySet()) {
            if (e.getValue() > 0) {
                positive.add(e);
            }
        }
        positive.sort(Map.Entry.<String, Double>comparingByValue().reversed()); // stable, as the stream's sort
        String[] why = new String[positive.size()];
        for (int k = 0; k < why.length; k++) {
            why[k] = positive.get(k).getKey();
        }
        return List.of(why);
    }

    private boolean requirementsMet(int topic, int[] counts, Set<String> entityIds, Set<String> countries) {
        for (Requirement group : requirements.get(topic)) {
            if (!met(group, counts, entityIds, countries)) {
                return false;
            }
        }
        return true;
    }

    private static boolean met(Requirement group, int[] counts, Set<String> entityIds, Set<String> countries) {
        for (String entity : group.entities()) {
            if (entityIds.contains(entity)) {
                return true;
            }
        }
        for (String country : group.countries()) {
            if (countries.contains(country)) {
                return true;
            }
        }
        for (int term : group.terms()) {
            if (counts[term] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Occurrences of every term (title occurrences count twice), and the terms found, in the order first found: the
     * classifier then visits those, not every term of the taxonomy.
     */
    private final class TermCounts {
        final int[] counts;
        int[] found = new int[32];
        int size;
        /** Topic and start offset of each match of a term of a topic that counts places (pairs), in text order. */
        int[] placeTermMatches;
        int placeTermSize;

        void notePlaceTerm(int term, int startOffset) {
            if (placeTermMatches == null) {
                placeTermMatches = new int[16];
            } else if (placeTermSize == placeTermMatches.length) {
                placeTermMatches = Arrays.copyOf(placeTermMatches, placeTermSize * 2);
            }
            placeTermMatches[placeTermSize++] = terms.get(term).topic();
            placeTermMatches[placeTermSize++] = startOffset;
        }

        /** Whether a term of the topic matched where one of the place's mentions starts. */
        boolean matchedAt(int topic, FoundEntity place) {
            for (int k = 0; k < placeTermSize; k += 2) {
                if (placeTermMatches[k] == topic) {
                    for (FoundEntity.Mention m : place.mentions()) {
                        if (m.start() == placeTermMatches[k + 1]) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        TermCounts(int terms) {
            counts = new int[terms];
        }

        void add(int term, int times) {
            if (counts[term] == 0) {
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                }
                found[size++] = term;
            }
            counts[term] += times;
        }
    }

    private TermCounts countTerms(Tokens t, Vocabulary.Lookup lookup) {
        TermCounts counts = new TermCounts(terms.size());
        int n = t.size();
        for (int i = 0; i < n; i++) {
            if (!t.has(i, Tokens.BOILERPLATE)) {
                walk(t, lookup, i, i, PhraseTrie.ROOT, counts);
            }
        }
        return counts;
    }

    private void walk(Tokens t, Vocabulary.Lookup lookup, int start, int at, int node, TermCounts counts) {
        if (at >= t.size() || (at > start && (t.flags(at) & (Tokens.LINE_START | Tokens.BOILERPLATE)) != 0)) {
            return;
        }
        int word = lookup.ids()[at];
        int stem = lookup.stem(at);
        if (word >= 0) {
            step(t, lookup, start, at, trie.child(node, word), counts);
        }
        if (stem >= 0) {
            step(t, lookup, start, at, trie.child(node, stem), counts);
        }
    }

    private void step(Tokens t, Vocabulary.Lookup lookup, int start, int at, int next, TermCounts counts) {
        if (next == PhraseTrie.NONE) {
            return;
        }
        int[] payloads = trie.payloads(next);
        if (payloads != null) {
            int times = t.has(start, Tokens.TITLE) ? 2 : 1;
            for (int term : payloads) {
                counts.add(term, times);
                if (placeTopicTerms[term]) {
                    counts.notePlaceTerm(term, t.start(start));
                }
            }
        }
        walk(t, lookup, start, at + 1, next, counts);
    }

    public int size() {
        return topics.size();
    }

    /** Approximate heap held by the compiled terms. */
    public long bytes() {
        return trie.bytes() + terms.size() * 64L;
    }
}
