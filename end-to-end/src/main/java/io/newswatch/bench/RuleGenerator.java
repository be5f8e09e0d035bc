package io.newswatch.bench;

import io.newswatch.contract.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Alert rules of the kinds analysts write, deterministic by seed. Most watch one of many names, organisations or
 * places that the corpus rarely or never mentions (as a large deployment's rules do: each analyst's own beat), in
 * the shapes of the alerter's README: phrases, entity fields, boolean combinations with exclusions, topic and
 * location filters, proximity, wildcards. A small share (0.3%) watch what the corpus is about (NATO, Crimea,
 * Lavrov, topic:syria...), so an article of the corpus' security desk matches a few rules at 10k and a few dozen at
 * 100k; and one rule watches each of {@link CorpusGenerator#WATCHED_NAMES}, which every story names under
 * {@code --match-rate all} and none otherwise. These rules notify no
 * channel (alerts are raised, stored and indexed); {@link #hooks} are the few that notify the benchmark's webhook,
 * one alert per matching article, which is how delivery latency is measured.
 */
public final class RuleGenerator {

    /** Share of rules on the corpus' own subjects. */
    static final double HOT = 0.003;

    private static final List<String> FIRST = List.of("Anna", "Boris", "Carla", "Dmitri", "Elena", "Felix",
            "Greta", "Hassan", "Irina", "Jonas", "Katarina", "Luka", "Marta", "Nikola", "Olga", "Pavel", "Rania",
            "Stefan", "Tamara", "Viktor", "Yusuf", "Zora", "Adrian", "Bianca", "Cedric", "Darya", "Emil", "Farah",
            "Goran", "Helena", "Igor", "Jelena", "Karim", "Lidia", "Milan", "Nadia", "Oskar", "Petra", "Radu",
            "Sofia", "Tomas", "Uma", "Vesna", "Walter", "Ximena", "Yara", "Zoran", "Arben", "Besa", "Dorin");
    private static final List<String> ONSETS = List.of("Var", "Del", "Kor", "Mal", "Tes", "Bran", "Sol", "Vel",
            "Dra", "Kav", "Lun", "Mir", "Nov", "Pet", "Ros", "Stan", "Tor", "Vuk", "Zel", "Hal");
    private static final List<String> MIDDLES = List.of("en", "a", "o", "i", "er", "an", "ov", "ul", "es", "im");
    private static final List<String> ENDINGS = List.of("ko", "ski", "ic", "escu", "ov", "idis", "ani", "berg",
            "sen", "oglu", "ova", "enko");
    private static final List<String> ORG_KINDS = List.of("Holdings", "Foundation", "Institute", "Party",
            "Movement", "Group", "Agency", "Bank", "Alliance", "Council");
    private static final List<String> TOPICS = List.of("enlargement", "sanctions", "arms-control", "energy-security",
            "cyber", "migration", "disinformation", "elections", "corruption", "protests", "trade", "climate",
            "human-rights", "frozen-conflicts", "military-cooperation", "defence-spending");
    private static final List<String> KEYWORDS = List.of("\"pipeline\"", "\"export controls\"", "referendum",
            "\"air defence\"", "\"grain deal\"", "\"peace plan\"", "smuggling", "\"naval exercise\"", "espionage",
            "\"nuclear plant\"", "\"visa regime\"", "\"border crossing\"");
    private static final List<String> HOT_QUERIES = List.of(
            "Montenegro AND NATO", "\"NATO-Russia Council\"", "person:\"Sergey Lavrov\"",
            "person:\"Jens Stoltenberg\" AND \"security guarantees\"~5", "Crimea AND (Russia OR Ukraine) NOT football",
            "topic:syria", "location:Kosovo AND location:Serbia", "organization:OSCE", "Transnistria OR Moldova",
            "person:Erdoğan AND \"Black Sea\"", "topic:enlargement AND location:Montenegro", "sanction* AND Kremlin",
            "\"arms control\" AND (Moscow OR Washington)", "person:Vučić AND Kurti", "Sevastopol",
            "organization:\"European Commission\" AND \"energy security\"", "Aleppo OR Damascus",
            "person:Zelensky AND person:Macron", "Podgorica", "\"humanitarian corridor\"");

    private final SplittableRandom random;

    public RuleGenerator(long seed) {
        this.random = new SplittableRandom(seed ^ 0x5eed5L);
    }

    /**
     * {@code count} rules with ids {@code bench-rule-<n>}, notifying no channel; the last of them watch
     * {@link CorpusGenerator#WATCHED_NAMES} (as many as {@code count} allows).
     */
    public List<Rule> rules(int count) {
        List<Rule> rules = new ArrayList<>(count);
        Instant now = Instant.now();
        List<String> watched = CorpusGenerator.WATCHED_NAMES;
        int firstWatched = Math.max(0, count - watched.size());
        for (int n = 0; n < count; n++) {
            String drawn = random.nextDouble() < HOT ? pick(HOT_QUERIES) : coldQuery();
            String query = n >= firstWatched ? "\"" + watched.get(n - firstWatched) + "\"" : drawn;
            String owner = "analyst-" + (n % 250);
            rules.add(new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "bench-rule-" + n, now, name(query), query, List.of(),
                    true, owner, List.of("bench"), Rule.Scope.STORY, null, Rule.Mode.INSTANT, null, null));
        }
        return rules;
    }

    /** The fixed rules whose alerts go to the webhook, one alert per matching article. */
    public static List<Rule> hooks(String webhookUrl) {
        List<String[]> hooks = List.of(
                new String[] {"bench-hook-montenegro", "Montenegro"},
                new String[] {"bench-hook-lavrov", "person:\"Sergey Lavrov\""},
                new String[] {"bench-hook-nato-crimea", "organization:NATO AND (Crimea OR \"Black Sea\")"},
                new String[] {"bench-hook-kosovo", "Kosovo AND (Serbia OR Belgrade) NOT football"},
                new String[] {"bench-hook-guarantees", "person:\"Jens Stoltenberg\" AND \"security guarantees\"~5"});
        Instant now = Instant.now();
        return hooks.stream().map(hook -> new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, hook[0], now, hook[0], hook[1],
                List.of("webhook:" + webhookUrl), true, "bench", List.of("bench", "hook"), Rule.Scope.ARTICLE, null,
                Rule.Mode.INSTANT, null, null)).toList();
    }

    /** The one rule whose alerts go to the webhook under {@code --alerting}: it matches the watched sentence. */
    public static List<Rule> watchedHook(String webhookUrl) {
        return List.of(new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, "bench-hook-watched", Instant.now(),
                "bench-hook-watched", "\"" + CorpusGenerator.WATCHED + "\"", List.of("webhook:" + webhookUrl), true,
                "bench", List.of("bench", "hook"), Rule.Scope.ARTICLE, null, Rule.Mode.INSTANT, null, null));
    }

    private String coldQuery() {
        double draw = random.nextDouble();
        if (draw < 0.30) {
            return "\"" + person() + "\"";
        }
        if (draw < 0.45) {
            return "person:\"" + person() + "\"";
        }
        if (draw < 0.57) {
            return "organization:\"" + organisation() + "\"";
        }
        if (draw < 0.72) {
            return "(" + place() + " OR " + place() + ") AND " + pick(KEYWORDS) + " NOT football";
        }
        if (draw < 0.84) {
            return "topic:" + pick(TOPICS) + " AND location:" + place();
        }
        if (draw < 0.94) {
            return "person:\"" + person() + "\" AND " + pick(KEYWORDS).replace("\"", "").replaceAll("^(.*)$", "\"$1\"")
                    + "~5";
        }
        return surname().substring(0, 5) + "* AND " + pick(KEYWORDS);
    }

    private String name(String query) {
        return "Watch " + (query.length() > 60 ? query.substring(0, 60) : query);
    }

    private String person() {
        return pick(FIRST) + " " + surname();
    }

    private String surname() {
        return pick(ONSETS) + pick(MIDDLES) + pick(ENDINGS);
    }

    private String organisation() {
        return pick(ONSETS) + pick(MIDDLES) + "n " + pick(ORG_KINDS);
    }

    private String place() {
        return pick(ONSETS) + pick(MIDDLES) + pick(List.of("grad", "ovo", "burg", "ville", "polis", "stad"));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
