package io.newswatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a stream of English news articles for the benchmark, the same stream for the same seed: 2-5 KB each,
 * about 40% on foreign and security affairs with the names the enricher knows and analysts watch (NATO, Montenegro,
 * Russia, Sergey Lavrov, Jens Stoltenberg, Crimea, Syria, Kosovo, the EU...), the rest economy, sport, weather,
 * science and culture, which match few rules; and about one in five a syndicated copy of a recent story carried by
 * another outlet with small edits (another headline, a dropped or added sentence, an agency line), which the
 * enricher must put in the same story. Sentences are templates written for this benchmark; slots are filled from
 * small lists of real places, bodies and public figures and from invented companies and clubs.
 *
 * <p>Not thread-safe: one publisher draws from it.
 */
public final class CorpusGenerator {

    /** Share of articles that copy a recent story. */
    static final double SYNDICATED = 0.2;

    private record Person(String name, String role, String surname) {
    }

    private static final List<Person> FIGURES = List.of(
            new Person("Sergey Lavrov", "Russian Foreign Minister", "Lavrov"),
            new Person("Jens Stoltenberg", "NATO Secretary General", "Stoltenberg"),
            new Person("Vladimir Putin", "Russian President", "Putin"),
            new Person("Dmitry Peskov", "Kremlin spokesman", "Peskov"),
            new Person("Milo Đukanović", "Montenegro's President", "Đukanović"),
            new Person("Aleksandar Vučić", "Serbian President", "Vučić"),
            new Person("Albin Kurti", "Kosovo's Prime Minister", "Kurti"),
            new Person("Josep Borrell", "the EU's foreign policy chief", "Borrell"),
            new Person("Antony Blinken", "US Secretary of State", "Blinken"),
            new Person("Volodymyr Zelensky", "Ukrainian President", "Zelensky"),
            new Person("Emmanuel Macron", "French President", "Macron"),
            new Person("Olaf Scholz", "German Chancellor", "Scholz"),
            new Person("Maia Sandu", "Moldovan President", "Sandu"),
            new Person("Recep Tayyip Erdoğan", "Turkish President", "Erdoğan"),
            new Person("Ursula von der Leyen", "European Commission President", "von der Leyen"),
            new Person("Bashar al-Assad", "Syrian President", "Assad"));
    private static final List<String> BODIES = List.of("NATO", "the European Union", "the EU", "the OSCE",
            "the United Nations", "the UN Security Council", "the Kremlin", "the European Commission",
            "the NATO-Russia Council", "the Council of Europe", "the IAEA", "the Pentagon");
    private static final List<String> HOTSPOTS = List.of("Montenegro", "Crimea", "Syria", "Kosovo", "Serbia",
            "Ukraine", "Moldova", "the Black Sea", "Bosnia and Herzegovina", "North Macedonia", "the Baltic states",
            "Transnistria", "Aleppo", "Sevastopol", "Pristina", "Podgorica");
    private static final List<String> CAPITALS = List.of("Brussels", "Moscow", "Kyiv", "Belgrade", "Warsaw",
            "Vilnius", "Ankara", "Berlin", "Paris", "Washington", "Vienna", "Damascus", "Chisinau", "Sarajevo");
    private static final List<String> ISSUES = List.of("security guarantees", "sanctions", "arms control",
            "the accession talks", "military cooperation", "energy security", "the ceasefire", "troop deployments",
            "the humanitarian corridor", "defence spending", "cyber attacks", "disinformation campaigns",
            "the enlargement process", "border demarcation", "the missile shield");

    private static final List<String> COMPANIES = List.of("Nordhaven Shipping", "Alder Biotech", "Castellan Steel",
            "Brightwater Energy", "Meridian Foods", "Kestrel Aerospace", "Ouseburn Bank", "Tamsin Retail Group",
            "Larchmont Telecom", "Vellacourt Insurance", "Pinecrest Logistics", "Halvorsen Motors");
    private static final List<String> MARKETS = List.of("London", "Frankfurt", "Tokyo", "New York", "Milan",
            "Madrid", "Amsterdam", "Zurich", "Stockholm", "Toronto", "Sydney", "Singapore");
    private static final List<String> SECTORS = List.of("retail", "housing", "manufacturing", "shipping",
            "renewable energy", "banking", "tourism", "agriculture", "software", "car making");
    private static final List<String> CLUBS = List.of("Riverside United", "Harbour City", "Ashford Rovers",
            "Kingsbridge Athletic", "Northgate Wanderers", "Eastmoor Town", "Millbrook Albion", "Westfield Rangers",
            "Redcliff County", "Stonegate FC", "Bramley Park", "Oakhurst Orient");
    private static final List<String> PLAYERS = List.of("Tom Hartley", "Luca Brennan", "Marco Delgado",
            "Sam Okafor", "Jonas Lindqvist", "Adrian Kowal", "Theo Marchetti", "Niall Costigan", "Pieter de Groot");
    private static final List<String> REGIONS = List.of("the north-west", "the Scottish Highlands",
            "the Alps", "southern Spain", "the Po valley", "coastal Norway", "the Midlands", "Brittany",
            "the Adriatic coast", "eastern Poland", "the Danube delta", "central Portugal");
    private static final List<String> SCIENCES = List.of("a new battery chemistry", "a coral reef survey",
            "a malaria vaccine trial", "a deep-sea sensor network", "a comet sample", "gene editing in wheat",
            "a quantum memory chip", "a study of sleep in teenagers", "a fusion test reactor");
    private static final List<String> VENUES = List.of("the city museum", "the national theatre",
            "the old harbour warehouse", "the concert hall", "the botanical garden", "the riverside gallery");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final List<String> REPORTERS = List.of("Anna Whitcombe", "David Ferreira", "Clara Novak",
            "Owen Mulligan", "Ruth Abernathy", "Farid Haddad", "Ines Carvalho", "Peter Lund", "Grace Oduya",
            "Hugo Bastien", "Mila Petrović", "James Tiernan");
    private static final List<String> AGENCIES = List.of("Harbour Wire", "Continental Press", "Meridian News",
            "Eastgate Agency");

    /** Each desk: share of articles, headlines, and the sentences its paragraphs are made of. */
    private record Desk(String name, double weight, List<String> headlines, List<String> sentences) {
    }

    private static final List<Desk> DESKS = List.of(
            new Desk("security", 0.40, List.of(
                    "{person} warns {body} over {issue}",
                    "{body} and {capital} at odds over {hotspot}",
                    "{hotspot}: talks on {issue} stall in {capital}",
                    "{person} meets {person2} as tensions rise over {hotspot}",
                    "{body} ministers weigh {issue} after incident near {hotspot}",
                    "{capital} summons envoy over remarks on {hotspot}"), List.of(
                    "{person_full}, {role}, told reporters in {capital} on {day} that {issue} would top the agenda.",
                    "\"We will not accept any decision about {hotspot} taken without us,\" {surname} said.",
                    "Diplomats in {capital} said the meeting on {issue} ended without a joint statement.",
                    "{body} said it was watching the situation in {hotspot} closely and urged restraint.",
                    "According to officials familiar with the talks, {issue} remained the main point of disagreement.",
                    "The dispute over {hotspot} has strained relations between Moscow and the West for years.",
                    "{person_full} is expected to travel to {capital} next week for further consultations.",
                    "Analysts said the exchange showed how far apart the two sides remain on {issue}.",
                    "\"Our position has not changed, and it will not change under pressure,\" {surname} added.",
                    "A spokesman for {body} declined to comment on reports of new troop movements near {hotspot}.",
                    "The foreign ministers of {count} countries are due to meet in {capital} on {day}.",
                    "Montenegro joined NATO in 2017, a step Moscow described at the time as a provocation.",
                    "Russia annexed Crimea in 2014, a move most members of the United Nations do not recognise.",
                    "The war in Syria has displaced millions of people since it began in 2011.",
                    "Kosovo declared independence from Serbia in 2008; Belgrade still does not recognise it.",
                    "Officials said {issue} would be raised again when the NATO-Russia Council next meets.",
                    "Several member states of the EU have called for a tougher line, diplomats said.",
                    "The statement from {capital} came hours after {person_full} spoke by phone with {person2_full}.",
                    "Observers from the OSCE reported {count} violations of the agreement over the past week.",
                    "Parliament in {capital} is expected to vote on the package before the end of the month.",
                    "Opposition leaders in {capital} accused the government of making concessions without a mandate.",
                    "Satellite images published on {day} appeared to show new positions near {hotspot}.",
                    "{person2_full} said earlier this week that dialogue was the only way forward.",
                    "The talks are the first at this level since the crisis over {hotspot} began.",
                    "Human rights groups urged the negotiators to put the fate of civilians first.",
                    "A senior diplomat said a compromise on {issue} was possible but not before the summer.",
                    "Neither side has published the draft text, which runs to about {count}0 pages.")),
            new Desk("economy", 0.22, List.of(
                    "{company} shares jump after {sector} outlook raised",
                    "Inflation in {market} eases to {pct} per cent",
                    "{company} to cut {count}00 jobs in {sector} overhaul",
                    "Central bank holds rates as {sector} slows",
                    "{market} stocks close higher on {sector} hopes"), List.of(
                    "Shares in {company} rose {pct} per cent in {market} trading on {day} after the company raised its forecast.",
                    "The company said demand in {sector} had recovered faster than expected in the second half.",
                    "Economists had expected a smaller increase, and several banks revised their estimates after the figures.",
                    "\"We see a steady rather than a spectacular recovery,\" said an analyst at a {market} brokerage.",
                    "Consumer prices rose {pct} per cent in the year to last month, down from the month before.",
                    "The central bank left its main interest rate unchanged and said it would watch wages closely.",
                    "{company} said it would invest about {count}0 million euros in new plants over three years.",
                    "Unions said they would seek talks with management over the planned job cuts.",
                    "The {sector} sector accounts for roughly one in ten jobs in the region.",
                    "Bond yields fell slightly after the announcement, while the currency was little changed.",
                    "Retail sales data due on {day} are expected to show whether households are still cutting back.",
                    "The chief executive told investors the company had no plans for further acquisitions this year.",
                    "Higher energy costs weighed on margins, the company said, but prices had started to ease.",
                    "Exports to Asia grew strongly, offsetting weaker demand closer to home.",
                    "The figures were published before the market opened in {market} on {day}.",
                    "Analysts at two banks raised their price targets for {company} after the results.",
                    "Small businesses in {sector} say they are still struggling to find skilled staff.",
                    "The government is expected to announce support for {sector} in the budget next month.",
                    "Investors will watch for comments on wages when the central bank publishes its minutes.",
                    "{company} also announced a share buyback worth about {count}0 million euros.")),
            new Desk("sport", 0.16, List.of(
                    "{club} beat {club2} {score} to go top",
                    "{player} double lifts {club} past {club2}",
                    "{club} manager under pressure after {club2} defeat",
                    "Late goal earns {club} a draw at {club2}"), List.of(
                    "{player} scored twice as {club} beat {club2} {score} on {day} evening.",
                    "The visitors started brightly but were punished for a defensive mistake before half-time.",
                    "\"The lads showed real character after the break,\" the {club} manager said afterwards.",
                    "{club2} had a penalty appeal turned down in the second half, to the fury of their supporters.",
                    "The result leaves {club} {count} points clear with {count2} games remaining.",
                    "A crowd of {count}2,000 watched the match, the largest of the season at the ground.",
                    "{player}, signed in the summer, now has {count} goals in all competitions.",
                    "Both sides face a busy schedule, with cup fixtures midweek and league games at the weekend.",
                    "The referee showed {count2} yellow cards in a bad-tempered second half.",
                    "{club2} remain without a win away from home since the opening weeks of the season.",
                    "Injuries forced {club} to field a young back four, two of them making their first starts.",
                    "{player} hit the post early on before {club2} settled and began to control possession.",
                    "The {club2} captain apologised to the travelling fans after the final whistle.",
                    "Ticket prices at the ground have risen twice this season, prompting protests from supporters.",
                    "{club} have now kept {count2} clean sheets in their last {count} league matches.",
                    "The league confirmed on {day} that the postponed fixture would be played next month.",
                    "Scouts from several clubs abroad were reported to be in the stands to watch {player}.",
                    "Rain made the pitch heavy, and both teams struggled to string passes together.")),
            new Desk("weather", 0.09, List.of(
                    "Storm warnings issued for {region}",
                    "Heatwave to continue across {region} into the weekend",
                    "Heavy snow closes roads in {region}",
                    "Flood alerts as rivers rise in {region}"), List.of(
                    "Forecasters issued warnings for {region} on {day}, with gusts of up to {count}0 km/h expected.",
                    "Temperatures are forecast to reach {temp} degrees in places, well above the seasonal average.",
                    "Several roads were closed and rail services were delayed, local authorities said.",
                    "Residents were advised to avoid unnecessary travel and to check on elderly neighbours.",
                    "The weather service said conditions should ease by the middle of next week.",
                    "More than {count}00 homes lost power overnight, the regional grid operator said.",
                    "Farmers in {region} said the conditions had already damaged crops.",
                    "Meteorologists said such spells had become more frequent over the past two decades.",
                    "Ferry crossings were cancelled for a second day, stranding hundreds of travellers.",
                    "Emergency crews cleared fallen trees from {count} main roads by the early afternoon.",
                    "Schools in parts of {region} will open late on {day} as a precaution.",
                    "The water company asked customers to use less water while reservoirs remain low.",
                    "Ski resorts said the fresh snow would allow them to open earlier than planned.",
                    "Hospitals reported a rise in admissions linked to the conditions, mostly among older patients.",
                    "Insurers said it was too early to estimate the cost of the damage.",
                    "Night-time temperatures are expected to stay unusually high for the time of year.",
                    "A yellow warning remains in place until midnight on {day}.")),
            new Desk("science", 0.08, List.of(
                    "Researchers report progress on {science}",
                    "Study on {science} raises new questions",
                    "Funding boost for work on {science}"), List.of(
                    "Researchers working on {science} published their results in a peer-reviewed journal on {day}.",
                    "The team said the findings would need to be confirmed in larger studies.",
                    "\"It is an encouraging step, but we are years away from practical use,\" one of the authors said.",
                    "The project received about {count} million euros in public funding over four years.",
                    "Independent scientists welcomed the work but cautioned against overstating the results.",
                    "The data will be shared with other laboratories so the experiments can be repeated.",
                    "Similar work elsewhere has produced mixed results, the authors acknowledged.",
                    "The experiments ran for {count2} years and involved more than {count}00 measurements.",
                    "A university spokeswoman said the team hoped to start a second phase next spring.",
                    "Patent applications have been filed, although no company has yet licensed the method.",
                    "The researchers said the main limitation was the small number of samples available.",
                    "An editorial in the same journal called the approach promising but expensive.",
                    "Students from {count} countries took part in the fieldwork, the institute said.",
                    "Critics argue that the money would be better spent on proven techniques.",
                    "The results will be presented at a conference in {market} later this year.")),
            new Desk("culture", 0.05, List.of(
                    "New exhibition opens at {venue}",
                    "Festival draws record crowds to {venue}",
                    "{venue} reopens after restoration"), List.of(
                    "The exhibition at {venue} brings together more than {count}0 works, many shown for the first time.",
                    "Organisers said tickets for the opening weekend sold out within hours.",
                    "The restoration took {count2} years and cost about {count} million euros, the city said.",
                    "Local schools will be offered free guided visits during the autumn term.",
                    "Critics praised the programme, though some questioned the price of admission.",
                    "The festival runs until the end of the month, with events on most evenings.",
                    "A series of talks by the artists accompanies the show on {day} evenings.",
                    "The building, closed since a fire {count} years ago, now has a new roof and a cafe.",
                    "Visitor numbers last year were the highest since records began, the director said.",
                    "Several pieces were lent by private collectors and have rarely been seen in public.",
                    "The city council agreed to cover part of the running costs for the next {count2} years.",
                    "Local musicians will play free concerts in the courtyard every weekend in summer.",
                    "An online catalogue with photographs of every work will be published next month.",
                    "The curators spent {count2} years tracing works that had been scattered across Europe.",
                    "Some residents complained about noise from late events, and organisers promised changes.")));

    /** Sentences any desk's reporter may write. */
    private static final List<String> GENERAL = List.of(
            "Further details were not immediately available.",
            "The announcement was made in a short statement posted online late on {day}.",
            "Officials said more information would be released in the coming days.",
            "Local media had reported the plans earlier in the week.",
            "It was not clear how the decision would affect the timetable agreed last year.",
            "Reporters who asked for comment were referred to a written statement.",
            "The story has drawn wide attention on social media, where reactions were divided.",
            "A similar proposal was rejected {count2} years ago after months of debate.",
            "This article has been updated with additional comment.",
            "Some of those involved spoke on condition of anonymity because they were not authorised to talk publicly.");

    private final SplittableRandom random;
    private final List<NewsArticle> recentOriginals = new ArrayList<>();
    private long next;

    /**
     * The names this generator writes about, as an entity recogniser would name them (without a leading "the"):
     * for tools that turn its articles into enriched ones without the enricher (the console benchmark).
     */
    public record Names(List<String> people, List<String> organizations, List<String> places) {
    }

    /** The public figures, bodies and places of the articles. */
    public static Names names() {
        return new Names(FIGURES.stream().map(Person::name).toList(),
                BODIES.stream().map(CorpusGenerator::withoutArticle).distinct().toList(),
                java.util.stream.Stream.concat(HOTSPOTS.stream(), CAPITALS.stream())
                        .map(CorpusGenerator::withoutArticle).distinct().toList());
    }

    private static String withoutArticle(String name) {
        return name.startsWith("the ") ? name.substring(4) : name;
    }

    /** A name no template or list holds: the one watched by the webhook rule of {@code --alerting}. */
    public static final String WATCHED = "Ottilie Brandvold";
    private static final String WATCHED_SENTENCE = WATCHED + ", who chairs the parliament's defence committee, "
            + "asked for a briefing on the matter.";

    /** Percent of originals carrying {@link #WATCHED}; -1 for none. */
    private final int watchedPercent;

    public CorpusGenerator(long seed) {
        this(seed, -1);
    }

    /** @param watchedPercent percent of originals (copies keep their original's text) that name {@link #WATCHED} */
    public CorpusGenerator(long seed, int watchedPercent) {
        this.random = new SplittableRandom(seed);
        this.watchedPercent = watchedPercent;
    }

    /** The next article of the stream. */
    public NewsArticle next() {
        long number = next++;
        if (!recentOriginals.isEmpty() && random.nextDouble() < SYNDICATED) {
            return copy(number, recentOriginals.get(random.nextInt(recentOriginals.size())));
        }
        NewsArticle original = original(number);
        recentOriginals.add(original);
        if (recentOriginals.size() > 64) {
            recentOriginals.removeFirst();
        }
        return original;
    }

    private NewsArticle original(long number) {
        Desk desk = desk();
        Map<String, String> slots = slots();
        int target = targetBytes();
        String title = fill(pick(desk.headlines()), slots);
        List<String> paragraphs = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        int size = title.length();
        while (size < target) {
            int sentences = 2 + random.nextInt(3);
            StringBuilder paragraph = new StringBuilder();
            for (int i = 0; i < sentences && size + paragraph.length() < target; i++) {
                if (unused.isEmpty()) {
                    // Each template once per article; a long article then goes on with other names and places.
                    unused.addAll(desk.sentences());
                    unused.addAll(GENERAL);
                    if (!paragraphs.isEmpty()) {
                        slots = slots();
                    }
                }
                String sentence = fill(unused.remove(random.nextInt(unused.size())), slots);
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(sentence);
            }
            paragraphs.add(paragraph.toString());
            size += paragraph.length() + 2;
        }
        if (watchedPercent > 0 && number % 100 < watchedPercent) {
            paragraphs.add(WATCHED_SENTENCE);
        }
        String byline = pick(REPORTERS);
        return new NewsArticle(number, slug(number, title), desk.name(), title, byline, paragraphs, -1);
    }

    /** Another outlet's version of a story: new headline wording, a sentence less or more, an agency line. */
    private NewsArticle copy(long number, NewsArticle original) {
        List<String> paragraphs = new ArrayList<>(original.paragraphs());
        String title = switch (random.nextInt(4)) {
            case 0 -> "UPDATE: " + original.title();
            case 1 -> original.title() + " - report";
            case 2 -> original.title().replaceFirst("^(\\S+) ", "$1 says ");
            default -> original.title();
        };
        if (paragraphs.size() > 3 && original.bytes() > 2800 && random.nextBoolean()) {
            paragraphs.remove(1 + random.nextInt(paragraphs.size() - 2));
        }
        if (random.nextBoolean()) {
            String last = paragraphs.removeLast();
            paragraphs.add(last.replace(" said", " told reporters"));
        }
        paragraphs.add("(Reporting by " + pick(REPORTERS) + " for " + pick(AGENCIES) + "; editing by "
                + pick(REPORTERS) + ")");
        return new NewsArticle(number, slug(number, title), original.desk(), title, pick(REPORTERS), paragraphs,
                original.number());
    }

    private Desk desk() {
        double draw = random.nextDouble();
        for (Desk desk : DESKS) {
            draw -= desk.weight();
            if (draw < 0) {
                return desk;
            }
        }
        return DESKS.getLast();
    }

    /** 2-5 KB, most between 2.5 and 4 KB, as wire stories are. */
    private int targetBytes() {
        double draw = random.nextDouble();
        if (draw < 0.25) {
            return 2050 + random.nextInt(700);
        }
        if (draw < 0.80) {
            return 2800 + random.nextInt(1150);
        }
        return 4000 + random.nextInt(800);
    }

    private Map<String, String> slots() {
        Person person = pick(FIGURES);
        Person other = pick(FIGURES);
        while (other == person) {
            other = pick(FIGURES);
        }
        String club = pick(CLUBS);
        String club2 = pick(CLUBS);
        while (club2.equals(club)) {
            club2 = pick(CLUBS);
        }
        return Map.ofEntries(
                Map.entry("person", person.name()), Map.entry("person_full", person.name()),
                Map.entry("role", person.role()), Map.entry("surname", person.surname()),
                Map.entry("person2", other.name()), Map.entry("person2_full", other.name()),
                Map.entry("body", pick(BODIES)), Map.entry("hotspot", pick(HOTSPOTS)),
                Map.entry("capital", pick(CAPITALS)), Map.entry("issue", pick(ISSUES)),
                Map.entry("company", pick(COMPANIES)), Map.entry("market", pick(MARKETS)),
                Map.entry("sector", pick(SECTORS)), Map.entry("club", club), Map.entry("club2", club2),
                Map.entry("player", pick(PLAYERS)), Map.entry("region", pick(REGIONS)),
                Map.entry("science", pick(SCIENCES)), Map.entry("venue", pick(VENUES)),
                Map.entry("day", pick(DAYS)), Map.entry("count", String.valueOf(2 + random.nextInt(8))),
                Map.entry("count2", String.valueOf(2 + random.nextInt(5))),
                Map.entry("pct", (1 + random.nextInt(6)) + "." + random.nextInt(10)),
                Map.entry("temp", String.valueOf(28 + random.nextInt(12))),
                Map.entry("score", (1 + random.nextInt(4)) + "-" + random.nextInt(2)));
    }

    private static String fill(String template, Map<String, String> slots) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                out.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, at, open);
            String value = slots.get(template.substring(open + 1, close));
            out.append(value);
            at = close + 1;
        }
        String text = out.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String slug(long number, String title) {
        String words = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return number + "-" + (words.length() > 60 ? words.substring(0, 60).replaceAll("-$", "") : words);
    }
}
