package io.newswatch.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a stream of English news articles for the benchmark, the same stream for the same seed: 2-5 KB each, grouped
 * into <b>stories</b> as real news is: most stories are told once or a few times (half of them by one article, 85%
 * by at most five), a few by 20 to 50 articles from several outlets; a story's articles are interleaved with other
 * stories' over a few thousand articles. Each article of a story is another write-up of the same facts (most of the
 * story's sentences, in another order, with another headline), and about a fifth are a syndicated copy of an earlier
 * article of the story with small edits (a headline prefix, a changed sentence, an agency line): the enricher should
 * put a story's articles together and keep unrelated ones apart.
 *
 * <p>Unrelated stories must not look alike to the enricher's story clustering (MinHash over three-word shingles,
 * joined at an estimated Jaccard similarity of 0.3): sentences are templates written for this benchmark, and two
 * stories of one desk would share most of their shingles. So each story gets names of its own (invented officials,
 * companies, clubs, towns, experts; a desk's real names from small lists) and a voice of its own (a synonym chosen per
 * story for common words: "said" or "stated", "talks" or "negotiations"), and takes part of its desk's sentences only.
 *
 * <p>Desks: world affairs (36%: invented officials and real places and bodies no rule watches), economy, sport,
 * weather, science, culture, and security (4%: the names analysts watch, NATO, Montenegro, Sergey Lavrov, Crimea,
 * Syria, Kosovo..., which the benchmark's rules on the corpus' subjects match). With {@link MatchRate#FEW} that
 * security desk is what matches: a few percent of the articles; with {@link MatchRate#ALL} every story also names one
 * of {@link #WATCHED_NAMES}, which {@link RuleGenerator} watches, so every article matches at least one rule.
 *
 * <p>Not thread-safe: one publisher draws from it.
 */
public final class CorpusGenerator {

    /** How many articles match at least one of the benchmark's rules. */
    public enum MatchRate {
        /** A realistic few percent: the security desk's articles. */
        FEW,
        /** Every article: each story also names one of {@link #WATCHED_NAMES}. */
        ALL;

        /** {@code few} or {@code all}. */
        public static MatchRate parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "few" -> FEW;
                case "all" -> ALL;
                default -> throw new IllegalArgumentException("--match-rate is few or all, not " + text);
            };
        }
    }

    /** Share of a story's later articles that copy an earlier one (another outlet carrying the wire story). */
    static final double SYNDICATED = 0.25;
    /**
     * Sets how long stories stay open: a new story starts with probability {@code OPENING / (OPENING + pending)},
     * where pending is the articles that open stories still have to publish; so about 2.7 x OPENING articles are
     * pending at any time and a story's articles are spread over a few thousand others.
     */
    static final int OPENING = 600;
    /** Share of a desk's sentence templates a story uses: stories of one desk share only some of their sentences. */
    static final double TEMPLATES_PER_STORY = 0.5;
    /** Sentences of its own that each story draws from {@link SentenceGrammar}. */
    static final int GRAMMAR_SENTENCES = 18;

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

    /** World affairs: real places and bodies that no benchmark rule watches, and invented officials. */
    private static final List<String> WORLD_COUNTRIES = List.of("Bolivia", "Peru", "Chile", "Paraguay", "Uruguay",
            "Ecuador", "Kenya", "Ghana", "Senegal", "Zambia", "Malawi", "Namibia", "Botswana", "Nepal", "Bhutan",
            "Mongolia", "Laos", "Cambodia", "Fiji", "Samoa", "Tonga", "Vanuatu", "Iceland", "Costa Rica", "Panama",
            "Guatemala", "Honduras", "Tanzania", "Uganda", "Rwanda", "Madagascar", "Mauritius");
    private static final List<String> WORLD_CAPITALS = List.of("La Paz", "Lima", "Santiago", "Asunción",
            "Montevideo", "Quito", "Nairobi", "Accra", "Dakar", "Lusaka", "Lilongwe", "Windhoek", "Gaborone",
            "Kathmandu", "Thimphu", "Ulaanbaatar", "Vientiane", "Phnom Penh", "Suva", "Apia", "Reykjavik",
            "San José", "Panama City", "Kampala", "Kigali", "Dodoma", "Port Louis", "Antananarivo");
    private static final List<String> WORLD_BODIES = List.of("the African Union", "ASEAN", "Mercosur",
            "the Pacific Islands Forum", "the World Bank", "the IMF", "the Andean Community", "ECOWAS",
            "the World Health Organization", "UNESCO", "the Organization of American States", "the Commonwealth",
            "the Inter-American Development Bank", "the East African Community");
    private static final List<String> WORLD_ISSUES = List.of("water rights", "fishing quotas", "the mining code",
            "debt relief", "the election timetable", "river shipping", "the customs union", "refugee returns",
            "the border railway", "drought relief", "fuel subsidies", "port fees", "land reform", "the census",
            "lithium exports", "the coastal highway", "vaccine supplies", "the fisheries treaty");
    private static final List<String> WORLD_ROLES = List.of("foreign minister", "prime minister", "president",
            "finance minister", "interior minister", "trade minister", "chief negotiator", "opposition leader",
            "ambassador to the African Union", "speaker of parliament");

    /** Invented people: first names and surnames no benchmark rule watches. */
    private static final List<String> FIRST_NAMES = List.of("Alma", "Bruno", "Celia", "Dario", "Edith", "Fabian",
            "Gilda", "Henrik", "Ilse", "Julio", "Kamala", "Lorenz", "Mireille", "Nestor", "Orla", "Paulo", "Quentin",
            "Rosalind", "Silvio", "Thea", "Ulrich", "Valeria", "Wendell", "Xavier", "Yolanda", "Zeno", "Amara",
            "Benedikt", "Consuelo", "Desmond", "Esperanza", "Florian", "Gisela", "Horatio", "Isolde", "Jasper",
            "Kwame", "Leonora", "Mathis", "Noemi");
    private static final List<String> SURNAMES = List.of("Achterberg", "Balogun", "Carrasco", "Dunmore",
            "Esterhazy", "Fairbairn", "Gallardo", "Hollowell", "Ibarra", "Jaramillo", "Kittredge", "Lindgren",
            "Mbeki-Tala", "Nightingale", "Oyelaran", "Pemberton", "Quiroga", "Rothwell", "Santangelo", "Thistlewood",
            "Umberfield", "Valdivia", "Whitlock", "Yamasaki", "Zwanenburg", "Abernethy", "Bellamy", "Cavendish",
            "Delacroix", "Etxeberria", "Fitzwilliam", "Grimaldi", "Hargreaves", "Ingersoll", "Juneau", "Kowalczyk",
            "Langford", "Montalban", "Nakagawa", "Okonkwo");
    private static final List<String> EXPERT_ROLES = List.of("a professor at the university in {town}",
            "head of the {town} chamber of commerce", "a spokeswoman for the regional council",
            "a researcher at the {town} institute", "chair of the residents' association",
            "a former adviser to the government", "director of the {town} office of a consultancy",
            "a union representative", "the mayor of {town}", "a lawyer representing the families");
    /** Invented towns: a first part and an ending. */
    private static final List<String> TOWN_STARTS = List.of("Ash", "Brack", "Coll", "Dun", "Elm", "Fern", "Glen",
            "Hart", "Ivy", "Kirk", "Lang", "Marsh", "Nether", "Oak", "Pen", "Quarr", "Rook", "Shel", "Thorn", "Wick",
            "Yarn", "Birch", "Cray", "Holm");
    private static final List<String> TOWN_ENDS = List.of("ford", "bury", "wick", "ham", "ley", "mouth", "stead",
            "combe", "thorpe", "by", "minster", "field");

    private static final List<String> COMPANY_HEADS = List.of("Nordhaven", "Alder", "Castellan", "Brightwater",
            "Meridian", "Kestrel", "Ouseburn", "Tamsin", "Larchmont", "Vellacourt", "Pinecrest", "Halvorsen",
            "Greyfriars", "Osterley", "Blackmoor", "Silverdale", "Wrenfield", "Corrigan", "Eastcote", "Fennimore",
            "Highgate", "Juniper", "Lowther", "Marlowe", "Northcliffe", "Penhallow", "Redmayne", "Sandringham");
    private static final List<String> COMPANY_KINDS = List.of("Shipping", "Biotech", "Steel", "Energy", "Foods",
            "Aerospace", "Bank", "Retail Group", "Telecom", "Insurance", "Logistics", "Motors", "Textiles",
            "Chemicals", "Paper", "Glassworks");
    private static final List<String> MARKETS = List.of("London", "Frankfurt", "Tokyo", "New York", "Milan",
            "Madrid", "Amsterdam", "Zurich", "Stockholm", "Toronto", "Sydney", "Singapore");
    private static final List<String> SECTORS = List.of("retail", "housing", "manufacturing", "shipping",
            "renewable energy", "banking", "tourism", "agriculture", "software", "car making");
    private static final List<String> CLUB_ENDS = List.of("United", "City", "Rovers", "Athletic", "Wanderers",
            "Town", "Albion", "Rangers", "County", "FC", "Orient", "Harriers");
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

    /** Each desk: share of stories, headlines, and the sentences its paragraphs are made of. */
    private record Desk(String name, double weight, List<String> headlines, List<String> sentences) {
    }

    private static final List<Desk> DESKS = List.of(
            new Desk("security", 0.04, List.of(
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

    /** World affairs: the security desk's sentences that name no watched subject, with other names. */
    private static final List<String> WATCHED_WORDS = List.of("Montenegro", "Crimea", "Syria", "Kosovo", "NATO",
            "OSCE", "EU", "Moscow", "Serbia", "Belgrade");

    private static Desk world() {
        Desk security = DESKS.getFirst();
        List<String> sentences = new ArrayList<>(security.sentences().stream()
                .filter(s -> WATCHED_WORDS.stream().noneMatch(s::contains)).toList());
        sentences.addAll(List.of(
                "The dispute over {hotspot} has strained relations between the two neighbours for years.",
                "{hotspot} has asked {body} to send observers before the vote on {issue}.",
                "Officials said {issue} would be raised again when the regional ministers next meet in {capital}.",
                "Trade between the two countries has fallen by a third since the row over {issue} began."));
        return new Desk("world", 0.36, security.headlines(), List.copyOf(sentences));
    }

    /** Every desk, the security desk first. */
    private static final List<Desk> ALL_DESKS = Stream.concat(Stream.of(DESKS.getFirst(), world()),
            DESKS.stream().skip(1)).toList();

    /** Sentences that name a story's own people and places, by desk. */
    private static final Map<String, List<String>> OWN_NAMES = Map.of(
            "security", List.of(
                    "{person_full} arrived in {capital} on {day} with a delegation of {count}0 officials and advisers.",
                    "\"The people of {hotspot} expect results, not more meetings,\" said {expert}, {expert_role}.",
                    "{expert}, {expert_role}, said the dispute over {issue} had dragged on for {count2} years.",
                    "A second round of talks on {issue} is planned in {town} once the delegations have consulted."),
            "world", List.of(
                    "{person_full} arrived in {capital} on {day} with a delegation of {count}0 officials and advisers.",
                    "\"The people of {hotspot} expect results, not more meetings,\" said {expert}, {expert_role}.",
                    "{expert}, {expert_role}, said the dispute over {issue} had dragged on for {count2} years.",
                    "A second round of talks on {issue} is planned in {town} once the delegations have consulted."),
            "economy", List.of(
                    "{expert}, {expert_role}, said {company} had been preparing the move since the spring.",
                    "The plant in {town} employs about {count}00 people, according to the company's annual report.",
                    "\"{town} depends on {company} more than people realise,\" {expert} said.",
                    "{company} was founded in {town} in 19{count}{count2} and listed its shares two decades later."),
            "sport", List.of(
                    "{player} grew up in {town} and joined {club} as a teenager.",
                    "\"{player} was outstanding, and the whole of {town} will be proud of him,\" said {expert}.",
                    "{club} play their home games at {town} Road, which holds about {count}5,000 spectators.",
                    "The {club2} coach, {expert}, said his side had been unlucky with two refereeing decisions."),
            "weather", List.of(
                    "In {town}, the river rose by {count2} metres overnight and several streets were flooded.",
                    "\"I have lived in {town} for {count}0 years and never seen anything like it,\" said {expert}.",
                    "{expert}, {expert_role}, said the clean-up in {town} would take weeks.",
                    "Volunteers in {town} filled sandbags through the night outside the fire station."),
            "science", List.of(
                    "The study was led by {expert}, {expert_role}, with colleagues from {count2} other institutions.",
                    "\"We did not expect the effect to be this large,\" {expert} said in an interview.",
                    "Samples were collected near {town} over {count2} seasons and analysed in {market}.",
                    "{expert} said the next step would be a trial in {town} with local partners."),
            "culture", List.of(
                    "The show was curated by {expert}, {expert_role}, who spent {count2} years on it.",
                    "Works by the painter {artist}, born in {town} in 18{count}{count2}, form the centre of the exhibition.",
                    "\"{artist} has been overlooked for far too long,\" said {expert}.",
                    "Coaches will run from {town} on weekends so that visitors from the region can attend."));

    /**
     * A story's voice: for each of these words, the story uses one of the alternatives (the first is the word
     * itself). Only words written in lower case in a template (or capitalised as its first word) are replaced, so
     * names ("the NATO-Russia Council") stay as they are.
     */
    private static final Map<String, List<String>> VOICE = voice(
            "said stated noted remarked", "told informed", "reporters journalists correspondents",
            "officials authorities aides", "talks negotiations discussions", "meeting session gathering",
            "statement communique declaration", "analysts observers commentators", "government administration cabinet",
            "company firm group", "shares stock", "rose climbed jumped", "fell dropped slipped",
            "investors shareholders traders", "economists strategists", "scored netted struck", "match game fixture",
            "supporters fans followers", "fans supporters followers", "manager coach boss", "season campaign",
            "researchers scientists investigators", "team group consortium", "results findings",
            "study paper report", "exhibition show display", "visitors guests viewers", "works pieces paintings",
            "warning alert advisory", "warnings alerts advisories", "residents locals householders",
            "roads routes highways", "heavy intense severe", "conditions weather", "closely carefully",
            "urged pressed", "agenda programme", "main chief central", "decision move ruling",
            "position stance line", "announced unveiled revealed", "plans proposals", "increase rise",
            "figures numbers data", "recovered rebounded improved", "forecast outlook guidance", "demand orders",
            "struggling battling", "crowd attendance", "pitch field turf", "captain skipper", "journal publication",
            "funding money grants", "promising encouraging", "approach method technique", "organisers promoters",
            "tickets passes", "restoration renovation refurbishment", "reported recorded noted",
            "several many a_number_of", "comment remarks", "proposal plan", "concerns worries fears",
            "published released", "cut reduce", "jobs posts positions", "experts specialists",
            "damage destruction", "travellers passengers commuters", "officers staff");

    private static Map<String, List<String>> voice(String... groups) {
        Map<String, List<String>> voice = new HashMap<>();
        for (String group : groups) {
            List<String> words = Stream.of(group.split(" ")).map(w -> w.replace('_', ' ')).toList();
            voice.put(words.getFirst(), words);
        }
        return voice;
    }

    /** Names watched by rules under {@link MatchRate#ALL}: every story then names one of them. */
    public static final List<String> WATCHED_NAMES = List.of("Ingrid Solvang", "Tobias Marrenfeld",
            "Corinna Vasquez-Hale", "Emeric Doubrava", "Hedda Ringstrom", "Lucan Ferreby", "Mirela Costandin",
            "Ansgar Tolleson", "Beatrix Okwuosa", "Casimir Lindqvist-Roe", "Dagny Hartvigsen", "Evander Moosbrugger");
    private static final List<String> WATCHED_MENTIONS = List.of(
            "{watched}, whose office follows the matter, asked to be kept informed.",
            "Among those briefed on {day} was {watched}, who has followed the case for years.",
            "{watched} was expected to comment on the developments later in the week.");

    /** A name no template or list holds: the one watched by the webhook rule of {@code --alerting}. */
    public static final String WATCHED = "Ottilie Brandvold";
    private static final String WATCHED_SENTENCE = WATCHED + ", who chairs the parliament's defence committee, "
            + "asked for a briefing on the matter.";

    /** One story: its desk, its names, its sentences, and how many articles it still has to publish. */
    private static final class Story {
        final long number;
        final long firstArticle;
        final Desk desk;
        final List<String> headlines;
        final List<String> sentences;
        final String watchedMention;
        final boolean alerting;
        final int size;
        int written;
        /** The story's latest write-up (not a copy): what another outlet's copy copies. */
        NewsArticle lastWriteUp;

        Story(long number, long firstArticle, Desk desk, List<String> headlines, List<String> sentences,
              String watchedMention, boolean alerting, int size) {
            this.number = number;
            this.firstArticle = firstArticle;
            this.desk = desk;
            this.headlines = headlines;
            this.sentences = sentences;
            this.watchedMention = watchedMention;
            this.alerting = alerting;
            this.size = size;
        }
    }

    private final SplittableRandom random;
    private final MatchRate matchRate;
    /** Percent of stories carrying {@link #WATCHED}; -1 for none. */
    private final int watchedPercent;
    /** One entry per article still to publish, naming its story: a story is continued in proportion to what it has left. */
    private final List<Story> pending = new ArrayList<>();
    private long next;
    private long stories;

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
                Stream.concat(HOTSPOTS.stream(), CAPITALS.stream())
                        .map(CorpusGenerator::withoutArticle).distinct().toList());
    }

    private static String withoutArticle(String name) {
        return name.startsWith("the ") ? name.substring(4) : name;
    }

    public CorpusGenerator(long seed) {
        this(seed, MatchRate.FEW, -1);
    }

    /**
     * @param matchRate      how many articles match at least one rule
     * @param watchedPercent percent of stories (every article of them) that name {@link #WATCHED}, or -1
     */
    public CorpusGenerator(long seed, MatchRate matchRate, int watchedPercent) {
        this.random = new SplittableRandom(seed);
        this.matchRate = matchRate;
        this.watchedPercent = watchedPercent;
    }

    /** Stories started so far. */
    public long stories() {
        return stories;
    }

    /** The next article of the stream. */
    public NewsArticle next() {
        long number = next++;
        Story story;
        if (random.nextInt(OPENING + pending.size()) < pending.size()) {
            int at = random.nextInt(pending.size());
            story = pending.get(at);
            pending.set(at, pending.getLast());
            pending.removeLast();
        } else {
            story = open(number);
            for (int i = 1; i < story.size; i++) {
                pending.add(story);
            }
        }
        NewsArticle article;
        if (story.written > 0 && random.nextDouble() < SYNDICATED) {
            article = copy(number, story, story.lastWriteUp);
        } else {
            article = writeUp(number, story);
            story.lastWriteUp = article;
        }
        story.written++;
        return article;
    }

    /** Articles per story: half one, 85% at most five, 2.5% 20 to 50. */
    int storySize() {
        double draw = random.nextDouble();
        if (draw < 0.50) {
            return 1;
        }
        if (draw < 0.65) {
            return 2;
        }
        if (draw < 0.75) {
            return 3;
        }
        if (draw < 0.81) {
            return 4;
        }
        if (draw < 0.85) {
            return 5;
        }
        if (draw < 0.93) {
            return 6 + random.nextInt(5);
        }
        if (draw < 0.975) {
            return 11 + random.nextInt(9);
        }
        return 20 + random.nextInt(31);
    }

    private Story open(long firstArticle) {
        long number = stories++;
        Desk desk = desk();
        Map<String, String> slots = slots(desk);
        Map<String, String> voice = new HashMap<>();
        VOICE.forEach((word, choices) -> voice.put(word, pick(choices)));
        List<String> headlines = new ArrayList<>();
        List<String> templates = new ArrayList<>(desk.headlines());
        for (int i = 0; i < 2; i++) {
            headlines.add(fill(speak(templates.remove(random.nextInt(templates.size())), voice), slots));
        }
        List<String> sentences = new ArrayList<>();
        for (List<String> source : List.of(desk.sentences(), GENERAL)) {
            List<String> left = new ArrayList<>(source);
            int take = (int) Math.ceil(TEMPLATES_PER_STORY * source.size());
            for (int i = 0; i < take; i++) {
                sentences.add(fill(speak(left.remove(random.nextInt(left.size())), voice), slots));
            }
        }
        for (String own : OWN_NAMES.get(desk.name())) {
            sentences.add(fill(speak(own, voice), slots));
        }
        for (int i = 0; i < GRAMMAR_SENTENCES; i++) {
            sentences.add(fill(SentenceGrammar.sentence(desk.name(), random), slots));
        }
        String mention = matchRate == MatchRate.ALL ? fill(pick(WATCHED_MENTIONS),
                Map.of("watched", pick(WATCHED_NAMES), "day", slots.get("day"))) : null;
        boolean alerting = watchedPercent > 0 && number % 100 < watchedPercent;
        return new Story(number, firstArticle, desk, headlines, sentences, mention, alerting, storySize());
    }

    /** One outlet's article on the story: most of its sentences, in an order of its own, and one of its headlines. */
    private NewsArticle writeUp(long number, Story story) {
        int target = targetBytes();
        String title = story.written == 0 ? story.headlines.getFirst() : pick(story.headlines);
        List<String> order = new ArrayList<>(story.sentences);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        // a few sentences left out on the first pass, used only if the article is still short
        List<String> spare = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (String sentence : order) {
            (random.nextDouble() < 0.15 ? spare : chosen).add(sentence);
        }
        chosen.addAll(spare);
        List<String> paragraphs = new ArrayList<>();
        int size = title.length();
        int at = 0;
        while (size < target && at < chosen.size()) {
            int sentences = 2 + random.nextInt(3);
            StringBuilder paragraph = new StringBuilder();
            if (paragraphs.isEmpty() && story.watchedMention != null) {
                paragraph.append(story.watchedMention);
            }
            for (int i = 0; i < sentences && at < chosen.size() && size + paragraph.length() < target; i++) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(chosen.get(at++));
            }
            paragraphs.add(paragraph.toString());
            size += paragraph.length() + 2;
        }
        if (story.alerting) {
            paragraphs.add(WATCHED_SENTENCE);
        }
        return new NewsArticle(number, slug(number, title), story.desk.name(), title, pick(REPORTERS), paragraphs,
                story.written == 0 ? -1 : story.firstArticle);
    }

    /** Another outlet's copy of an article: new headline wording, a sentence less, an agency line. */
    private NewsArticle copy(long number, Story story, NewsArticle original) {
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
        return new NewsArticle(number, slug(number, title), story.desk.name(), title, pick(REPORTERS), paragraphs,
                story.firstArticle);
    }

    private Desk desk() {
        double draw = random.nextDouble();
        for (Desk desk : ALL_DESKS) {
            draw -= desk.weight();
            if (draw < 0) {
                return desk;
            }
        }
        return ALL_DESKS.getLast();
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

    /** A story's names: the desk's real ones for the security desk, invented ones (or unwatched places) for the rest. */
    private Map<String, String> slots(Desk desk) {
        Map<String, String> slots = new HashMap<>();
        String town = pick(TOWN_STARTS) + pick(TOWN_ENDS);
        if (desk.name().equals("security")) {
            Person person = pick(FIGURES);
            Person other = pick(FIGURES);
            while (other == person) {
                other = pick(FIGURES);
            }
            slots.put("person", person.name());
            slots.put("person_full", person.name());
            slots.put("role", person.role());
            slots.put("surname", person.surname());
            slots.put("person2", other.name());
            slots.put("person2_full", other.name());
            slots.put("body", pick(BODIES));
            slots.put("hotspot", pick(HOTSPOTS));
            slots.put("capital", pick(CAPITALS));
            slots.put("issue", pick(ISSUES));
        } else {
            String surname = pick(SURNAMES);
            String person = pick(FIRST_NAMES) + " " + surname;
            String country = pick(WORLD_COUNTRIES);
            slots.put("person", person);
            slots.put("person_full", person);
            slots.put("role", country + "'s " + pick(WORLD_ROLES));
            slots.put("surname", surname);
            String other = pick(FIRST_NAMES) + " " + pick(SURNAMES);
            slots.put("person2", other);
            slots.put("person2_full", other);
            slots.put("body", pick(WORLD_BODIES));
            slots.put("hotspot", country);
            slots.put("capital", pick(WORLD_CAPITALS));
            slots.put("issue", pick(WORLD_ISSUES));
        }
        String clubTown = pick(TOWN_STARTS) + pick(TOWN_ENDS);
        String club = clubTown + " " + pick(CLUB_ENDS);
        String club2 = pick(TOWN_STARTS) + pick(TOWN_ENDS) + " " + pick(CLUB_ENDS);
        while (club2.startsWith(clubTown)) {
            club2 = pick(TOWN_STARTS) + pick(TOWN_ENDS) + " " + pick(CLUB_ENDS);
        }
        slots.put("company", pick(COMPANY_HEADS) + " " + pick(COMPANY_KINDS));
        slots.put("market", pick(MARKETS));
        slots.put("sector", pick(SECTORS));
        slots.put("club", club);
        slots.put("club2", club2);
        slots.put("player", pick(FIRST_NAMES) + " " + pick(SURNAMES));
        slots.put("region", pick(REGIONS));
        slots.put("science", pick(SCIENCES));
        slots.put("venue", pick(VENUES));
        slots.put("town", town);
        slots.put("expert", pick(FIRST_NAMES) + " " + pick(SURNAMES));
        slots.put("expert_role", pick(EXPERT_ROLES).replace("{town}", town));
        slots.put("artist", pick(FIRST_NAMES) + " " + pick(SURNAMES));
        slots.put("day", pick(DAYS));
        slots.put("place", desk.name().equals("security") || desk.name().equals("world") ? slots.get("capital")
                : desk.name().equals("economy") ? slots.get("market") : town);
        slots.put("count", String.valueOf(2 + random.nextInt(8)));
        slots.put("count2", String.valueOf(2 + random.nextInt(5)));
        slots.put("pct", (1 + random.nextInt(6)) + "." + random.nextInt(10));
        slots.put("temp", String.valueOf(28 + random.nextInt(12)));
        slots.put("score", (1 + random.nextInt(4)) + "-" + random.nextInt(2));
        return slots;
    }

    /** A template in the story's voice: its lower-case words (and its first word) replaced by the story's choice. */
    private static String speak(String template, Map<String, String> voice) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int at = 0;
        boolean inSlot = false;
        while (at < template.length()) {
            char c = template.charAt(at);
            if (c == '{' || c == '}') {
                inSlot = c == '{';
                out.append(c);
                at++;
                continue;
            }
            if (inSlot || !Character.isLetter(c)) {
                out.append(c);
                at++;
                continue;
            }
            int end = at;
            while (end < template.length() && Character.isLetter(template.charAt(end))) {
                end++;
            }
            String word = template.substring(at, end);
            boolean first = at == 0 && Character.isUpperCase(word.charAt(0));
            String key = first ? word.toLowerCase(Locale.ROOT) : word;
            String choice = voice.get(key);
            if (choice == null || !first && !word.equals(key)) {
                out.append(word);
            } else {
                out.append(first ? Character.toUpperCase(choice.charAt(0)) + choice.substring(1) : choice);
            }
            at = end;
        }
        return out.toString();
    }

    private static String fill(String template, Map<String, String> slots) {
        String text = Markers.replace(template, '{', '}', slots::get);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String slug(long number, String title) {
        String words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return number + "-" + (words.length() > 60 ? words.substring(0, 60).replaceAll("-$", "") : words);
    }
}
