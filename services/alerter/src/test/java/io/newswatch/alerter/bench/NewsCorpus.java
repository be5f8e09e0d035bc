package io.newswatch.alerter.bench;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated news and rules for the matching benchmark, reproducible from a seed. Names are combined from first
 * names, surnames, organisation words and real place names, so that there are tens of thousands of distinct
 * entities; articles mention a handful of them (popular ones far more often, Zipf-like) inside about 3 KB of
 * ordinary news vocabulary; rules are what analysts write: entity-name phrases, boolean combinations, topic and
 * place filters, proximity, a few wildcards. Also the corpus of {@code RarestPassPresearcherTest}.
 */
public final class NewsCorpus {

    private static final String[] FIRST = ("Aleksandar Milo Sergey Sergei Dmitry Vladimir Maria Anna Elena Olga Ivan "
            + "Nikola Marko Petar Jovan Ana Milica Jelena Dragan Zoran Goran Vesna Edi Albin Hashim Vjosa Ramush "
            + "Kristalina Ursula Emmanuel Olaf Angela Boris Rishi Keir Joe Kamala Antony Jens Mark Josep Charles "
            + "Recep Mevlut Hakan Ilham Nikol Maia Irakli Salome Volodymyr Dmytro Oleksii Denys Andrzej Donald "
            + "Mateusz Viktor Peter Zuzana Robert Igor Gordana Tanja Dritan Edi Ilir Ljubomir Hristijan Stevo Zdravko "
            + "Andrej Janez Natasa Kolinda Zlatko Davor Bakir Zeljko Denis Christian Milorad Nebojsa Vojislav "
            + "Lavrentiy Grigory Yevgeny Alexei Ramzan Yulia Margarita Maria Valentina Svetlana Nikolai Anatoly "
            + "Kaja Ingrida Gabrielius Edgars Krisjanis Alar Kersti Mette Ulf Magnus Jonas Sanna Petteri Alexander "
            + "Karl Klaus Giorgia Sergio Pedro Antonio Marcelo Mitsotakis Kyriakos Nikos Alexis Ekrem Ahmet").split(" ");
    private static final String[] LAST = ("Vucic Djukanovic Lavrov Shoigu Putin Peskov Medvedev Zakharova "
            + "Nebenzya Gerasimov Patrushev Naryshkin Kadyrov Prigozhin Navalny Zelensky Kuleba Yermak Reznikov "
            + "Stoltenberg Rutte Borrell Kallas Michel Leyen Macron Scholz Merkel Johnson Sunak Starmer Biden "
            + "Blinken Harris Erdogan Cavusoglu Fidan Aliyev Pashinyan Zurabishvili Kobakhidze Garibashvili "
            + "Duda Tusk Morawiecki Orban Szijjarto Fico Caputova Plenkovic Milanovic Izetbegovic Dodik Komsic "
            + "Becirovic Kurti Osmani Thaci Haradinaj Rama Begaj Basha Mickoski Siljanovska Kovachevski Pendarovski "
            + "Golob Pahor Radev Denkov Zhelyazkov Iohannis Ciolacu Sandu Recean Abramovic Milatovic Spajic Bogdanovic "
            + "Dacic Brnabic Vulin Selakovic Mali Zaric Radulovic Lazovic Scepanovic Knezevic Mandic Bojanic "
            + "Petrovic Jovanovic Nikolic Markovic Djordjevic Stojanovic Ilic Stankovic Pavlovic Milosevic Popovic "
            + "Kovacevic Tomic Babic Horvat Kovac Novak Juric Knezic Vukovic Maric Bozic Grgic Pavic Ivanov Smirnov "
            + "Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev Lebedev "
            + "Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zaitsev Solovyov Borisov Yakovlev "
            + "Grigoriev Romanov Vorobyov Sergeev Kuzmin Frolov Kovalenko Bondarenko Tkachenko Shevchenko Kravchenko "
            + "Oliynyk Shevchuk Polishchuk Lysenko Marchenko Rudenko Savchenko Moroz Kowalski Nowak Wisniewski "
            + "Wojcik Kaminski Lewandowski Zielinski Szymanski Dabrowski Kozlowski Jankowski Mazur Krawczyk "
            + "Nagy Kovacs Toth Szabo Horvath Varga Kiss Molnar Nemeth Farkas Balogh Papp Takacs Juhasz Lakatos "
            + "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan "
            + "Berisha Krasniqi Gashi Morina Shala Hoxha Kelmendi Bytyqi Hasani Rexhepi Dimitrov Georgiev "
            + "Todorov Stoyanov Angelov Hristov Nikolov Iliev Atanasov Kolev Popescu Ionescu Dumitru Stan Stoica "
            + "Gheorghe Matei Ciobanu Rusu Lungu Munteanu Ceban Schmidt Schneider Fischer Weber Meyer Wagner "
            + "Becker Schulz Hoffmann Koch Richter Klein Wolf Schroder Neumann Schwarz Braun Zimmermann Kruger "
            + "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Rossi Russo Ferrari Esposito "
            + "Bianchi Romano Colombo Ricci Marino Greco Papadopoulos Georgiou Nikolaou Dimitriou Ioannou").split(" ");
    private static final String[] PLACES = ("Montenegro Serbia Kosovo Albania Bosnia Herzegovina Croatia Slovenia "
            + "Macedonia Bulgaria Romania Moldova Ukraine Russia Belarus Georgia Armenia Azerbaijan Turkey Greece "
            + "Cyprus Hungary Slovakia Poland Lithuania Latvia Estonia Finland Sweden Norway Denmark Germany France "
            + "Italy Spain Portugal Austria Switzerland Belgium Netherlands Luxembourg Ireland Britain Iceland Syria "
            + "Iraq Iran Israel Lebanon Jordan Egypt Libya Tunisia Algeria Morocco Sudan Ethiopia Kazakhstan "
            + "Uzbekistan Turkmenistan Kyrgyzstan Tajikistan Afghanistan Pakistan India China Japan Korea Mongolia "
            + "Podgorica Belgrade Pristina Tirana Sarajevo Zagreb Ljubljana Skopje Sofia Bucharest Chisinau Kyiv "
            + "Moscow Minsk Tbilisi Yerevan Baku Ankara Athens Nicosia Budapest Bratislava Warsaw Vilnius Riga "
            + "Tallinn Helsinki Stockholm Oslo Copenhagen Berlin Paris Rome Madrid Lisbon Vienna Bern Brussels "
            + "Amsterdam Dublin London Washington Damascus Baghdad Tehran Jerusalem Beirut Cairo Tripoli Kharkiv "
            + "Odesa Lviv Dnipro Mariupol Kherson Zaporizhzhia Donetsk Luhansk Crimea Sevastopol Kaliningrad "
            + "Petersburg Novi Sad Nis Kotor Budva Bar Niksic Mostar Banja Luka Tuzla Split Rijeka Dubrovnik Ohrid "
            + "Bitola Durres Vlore Shkoder Prizren Mitrovica Pec Gjakova Varna Burgas Plovdiv Constanta Iasi Cluj "
            + "Transnistria Gagauzia Abkhazia Ossetia Nagorno Karabakh Balkans Caucasus Baltic Arctic Danube "
            + "Adriatic Aegean Bosphorus Dardanelles Sinai Idlib Aleppo Latakia Tartus Homs Mosul Kirkuk Erbil").split(" ");
    private static final String[] ORG_HEAD = ("Baltic Balkan Adriatic Danube Black Sea Caspian Eurasian Atlantic "
            + "Northern Southern Eastern Western Central National Federal Regional Joint Allied United Independent "
            + "Democratic Progressive Civic Green Liberal Social People's Workers' Energy Gas Oil Steel Shipping "
            + "Railway Telecom Digital Cyber Maritime Aerospace Defence Security Border Customs Financial").split(" ");
    private static final String[] ORG_BODY = ("Energy Security Defence Trade Development Investment Transport Media "
            + "Broadcasting Health Research Policy Strategy Cooperation Integration Reconstruction Justice Rights "
            + "Monitoring Election Peace Migration Water Grid Pipeline Banking Credit Insurance Logistics").split(" ");
    private static final String[] ORG_TAIL = ("Agency Council Commission Bank Fund Institute Union Alliance Party "
            + "Movement Front Group Corporation Company Authority Office Ministry Committee Forum Foundation Centre "
            + "Association Federation Holding Consortium Initiative Mission Network Service").split(" ");
    static final String[] TOPICS = ("enlargement nato-russia-council crimea syria ukraine western-balkans covid-19 "
            + "sanctions energy elections migration corruption organised-crime cyber disinformation "
            + "arms-control nuclear air-policing peacekeeping kosovo-serbia-dialogue eu-accession rule-of-law "
            + "media-freedom human-rights refugees black-sea baltic-security arctic terrorism espionage "
            + "military-exercises defence-spending gas-supply oil-prices grain-exports ceasefire prisoner-exchange "
            + "referendum protests constitution judiciary").split(" ");
    private static final String[] WORDS = ("the of and to in a is that for on said with was as by at from it "
            + "an be have has had were are this which their not but its they after also who been more government "
            + "minister president country year years new would will other about first two last week officials "
            + "talks meeting security political military forces support people state told statement could "
            + "international between against since under over during while because before than into after when "
            + "where there some any many most several among both each further including according agreement "
            + "leaders parliament opposition election vote coalition reform reforms economy economic budget "
            + "investment trade border region regional european union alliance defence defense spending troops "
            + "mission peacekeeping sanctions energy gas oil pipeline prices market inflation growth bank "
            + "ministry foreign affairs interior justice court judge ruling law constitution rights freedom media "
            + "journalists report reports reported sources official spokesman spokeswoman announced announcement "
            + "visit visited capital city town village residents police arrested investigation charges corruption "
            + "crime protest protesters demonstration rally strike workers union negotiations dialogue process "
            + "agreement deal signed treaty accession membership candidate status chapters commission council "
            + "summit conference delegation ambassador envoy embassy diplomatic relations cooperation partners "
            + "allies threat threats attack attacks drone drones missile missiles air sea navy army soldiers "
            + "civilians killed wounded damage infrastructure power grid water supply winter humanitarian aid "
            + "refugees migrants asylum camps shelter food grain exports ports shipping insurance routes corridor "
            + "weapons arms deliveries ammunition tanks artillery systems production industry companies company "
            + "contract tender million billion euros dollars percent rate data figures survey poll voters campaign "
            + "candidate candidates party parties leader leadership government's prime speaker office minister's "
            + "however although despite meanwhile moreover nevertheless instead later earlier today yesterday "
            + "tomorrow monday tuesday wednesday thursday friday saturday sunday morning evening night local "
            + "national public private social cultural historic major minor key important serious critical "
            + "possible likely unlikely clear unclear strong weak early late long short high low large small "
            + "guarantees security guarantees written demands proposal proposals response respond responded "
            + "warned warning called calls urged urging insisted denied rejected accepted welcomed criticised "
            + "football match season club coach league stadium festival concert film museum exhibition weather "
            + "storm floods heat fire fires earthquake tourists tourism beaches hotel airport flights railway").split(" ");

    /** Phrases analysts pair with a name, for proximity rules. */
    private static final String[] PHRASES = ("security guarantees|peace talks|gas supply|arms deliveries|"
            + "prisoner exchange|state visit|election results|border crossing|military exercise|air defence|"
            + "grain exports|energy prices|accession talks|visa liberalisation|war crimes|press freedom|"
            + "joint statement|cyber attack|drone strike|naval blockade|troop withdrawal|nuclear plant|"
            + "oil embargo|price cap|migration pact|rule of law|budget deficit|coalition talks|snap election|"
            + "no confidence").split("\\|");

    private final Random random;
    private final List<String> persons = new ArrayList<>();
    private final List<String> organizations = new ArrayList<>();

    public NewsCorpus(long seed) {
        random = new Random(seed);
        Set<String> people = new LinkedHashSet<>();
        for (String last : LAST) {
            for (String first : FIRST) {
                people.add(first + " " + last);
            }
        }
        persons.addAll(people);
        java.util.Collections.shuffle(persons, random);
        Set<String> orgs = new LinkedHashSet<>();
        for (String head : ORG_HEAD) {
            for (String body : ORG_BODY) {
                for (String tail : ORG_TAIL) {
                    orgs.add(head + " " + body + " " + tail);
                }
            }
        }
        organizations.addAll(orgs);
        java.util.Collections.shuffle(organizations, random);
    }

    int personCount() {
        return persons.size();
    }

    int organizationCount() {
        return organizations.size();
    }

    /** A rule query of the kinds analysts write, its entities drawn with a popularity skew. */
    public String rule() {
        inRule = true;
        try {
            return ruleOfAKind();
        } finally {
            inRule = false;
        }
    }

    private String ruleOfAKind() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return "\"" + person() + "\"";
        }
        if (kind < 45) {
            return "person:\"" + person() + "\"";
        }
        if (kind < 55) {
            return "\"" + organization() + "\"";
        }
        if (kind < 65) {
            return "\"" + person() + "\" AND (" + place() + " OR " + place() + ")";
        }
        if (kind < 72) {
            return "person:\"" + person() + "\" AND \"" + phrase() + "\"~5";
        }
        if (kind < 80) {
            return "topic:" + topic() + " AND location:" + place();
        }
        if (kind < 86) {
            return "topic:" + topic() + " AND \"" + person() + "\"";
        }
        if (kind < 92) {
            return "organization:\"" + organization() + "\" AND " + place() + " NOT football";
        }
        if (kind < 97) {
            return "(\"" + person() + "\" OR \"" + person() + "\") AND " + place();
        }
        if (kind < 99) {
            String surname = person().split(" ")[1];
            return surname.substring(0, Math.max(4, surname.length() - 2)) + "* AND " + place();
        }
        return "\"" + place() + "\" AND \"" + phrase() + "\"";
    }

    /** An enriched article of about 3 KB mentioning a few entities, places and topics. */
    public EnrichedArticle article(int n) {
        List<String> people = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (int i = 0, count = 2 + random.nextInt(5); i < count; i++) {
            people.add(person());
        }
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            orgs.add(organization());
        }
        for (int i = 0, count = 2 + random.nextInt(4); i < count; i++) {
            places.add(place());
        }
        StringBuilder body = new StringBuilder();
        while (body.length() < 3_000) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0, length = 8 + random.nextInt(18); i < length; i++) {
                int pick = random.nextInt(100);
                String word = pick < 1 ? phrase() : pick < 4 ? people.get(random.nextInt(people.size()))
                        : pick < 6 ? orgs.get(random.nextInt(orgs.size()))
                        : pick < 10 ? places.get(random.nextInt(places.size())) : word();
                sentence.append(i == 0 ? capitalise(word) : word).append(' ');
            }
            body.append(sentence.toString().strip()).append(". ");
            if (random.nextInt(5) == 0) {
                body.append("\n\n");
            }
        }
        String title = capitalise(word()) + " " + people.getFirst() + " " + word() + " " + places.getFirst();
        String url = "https://bench.example/" + n;
        Instant now = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(n);
        Article article = new Article(Article.SCHEMA_VERSION, Article.TYPE, Ids.article(url), now, url, title, "",
                body.toString(), null, "en", now, false, now, List.of(),
                new Source("Bench Wire " + (n % 40), "wire" + (n % 40) + ".example", "feed", "feed", List.of()),
                "hash", 1);
        List<Entity> entities = new ArrayList<>();
        people.stream().distinct().forEach(p -> entities.add(entity(p, EntityType.PERSON)));
        orgs.stream().distinct().forEach(o -> entities.add(entity(o, EntityType.ORGANIZATION)));
        places.stream().distinct().forEach(p -> entities.add(entity(p, EntityType.LOCATION)));
        List<TopicScore> topics = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            topics.add(new TopicScore(topic(), "topic", 1.0, List.of()));
        }
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(), now, article,
                entities, topics.stream().distinct().toList(), Story.of(article), List.of());
    }

    private static Entity entity(String name, EntityType type) {
        return new Entity(type.name().toLowerCase() + "/" + name.toLowerCase().replace(' ', '-'), name, type, 1, 0.5,
                List.of(name), null, null, false);
    }

    /** A popularity skew: a few names are in many articles, most in few. */
    private int skewed(int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(size * u * u));
    }

    /**
     * Rules watch names across the whole range: most drawn evenly (the long tail of people each desk follows),
     * some with the same skew as the news (the names everyone watches).
     */
    private int watched(int size) {
        return random.nextInt(10) < 7 ? random.nextInt(size) : skewed(size);
    }

    private boolean inRule;

    private String person() {
        return persons.get(inRule ? watched(persons.size()) : skewed(persons.size()));
    }

    private String organization() {
        return organizations.get(inRule ? watched(organizations.size()) : skewed(organizations.size()));
    }

    private String phrase() {
        return PHRASES[random.nextInt(PHRASES.length)];
    }

    private String place() {
        return PLACES[skewed(PLACES.length)];
    }

    private String topic() {
        return TOPICS[random.nextInt(TOPICS.length)];
    }

    private String word() {
        return WORDS[skewed(WORDS.length)];
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
