package io.newswatch.e2e;

import java.util.List;

/**
 * Thirty short stories written for the end-to-end tests, published one after another by the
 * {@link GrowingFeedServer}. Ten mention Montenegro (one only as "Montenegro's"); the others are near-misses
 * (neighbours, the Balkans, mountains) or unrelated.
 */
final class TestWireStories {

    /** A story and whether a rule on the term Montenegro must alert on it. */
    record Story(String slug, String title, String body, boolean mentionsMontenegro) {
    }

    static final List<Story> ALL = List.of(
            new Story("podgorica-parliament-vote", "Parliament in Podgorica backs defence reform",
                    "Lawmakers in Montenegro approved a defence reform on Monday that the government says is needed for NATO membership.\n"
                            + "The vote passed by a narrow margin after a night of debate.", true),
            new Story("belgrade-bridge-opening", "New bridge over the Sava opens in Belgrade",
                    "A new road bridge opened in Belgrade on Monday, cutting the journey across the river by twenty minutes.\n"
                            + "Serbia's transport minister said two more bridges were planned.", false),
            new Story("syria-camp-winter", "Camps in northern Syria brace for winter",
                    "Aid groups in Syria warned on Tuesday that fuel for heating in the camps near Idlib would run out within weeks.\n"
                            + "The United Nations appealed for more money.", false),
            new Story("adriatic-coast-guard", "Coast guards of the Adriatic train together",
                    "Crews from Croatia, Albania and Montenegro held a joint search and rescue exercise off the coast on Tuesday.\n"
                            + "Officials said the drill tested radio links between the three navies.", true),
            new Story("crimea-power-cut", "Power cut hits Sevastopol",
                    "A storm damaged power lines in Crimea on Wednesday, leaving parts of Sevastopol without electricity.\n"
                            + "Repair crews expected to restore supply by the evening.", false),
            new Story("kotor-cruise-limits", "Kotor limits cruise ship visits",
                    "The old port town of Kotor in Montenegro will allow only two cruise ships a day from next season.\n"
                            + "Residents had complained that crowds made the streets impassable.", true),
            new Story("alps-avalanche-warning", "Avalanche warning raised across the Alps",
                    "Forecasters raised the avalanche warning to its second-highest level on Wednesday after heavy snow.\n"
                            + "Ski resorts closed several runs above two thousand metres.", false),
            new Story("skopje-rail-link", "Skopje and Sofia agree on a rail link",
                    "North Macedonia and Bulgaria agreed on Thursday to finish a railway between their capitals by 2030.\n"
                            + "The European Union will pay most of the cost.", false),
            new Story("montenegro-energy-deal", "Montenegro signs an undersea cable deal",
                    "Montenegro signed an agreement on Thursday to extend the undersea power cable that links it with Italy.\n"
                            + "The government said the project would make the country an exporter of solar power.", true),
            new Story("moscow-budget-defence", "Russian budget raises defence spending again",
                    "Russia's parliament approved a budget on Thursday that raises defence spending for the fourth year in a row.\n"
                            + "Economists in Moscow warned about the cost to health and schools.", false),
            new Story("tirana-election-date", "Albania sets a date for local elections",
                    "Albania's president set local elections for the spring on Friday.\n"
                            + "Opposition parties in Tirana said they would take part after boycotting the last vote.", false),
            new Story("budva-tourism-season", "A long season for the Budva riviera",
                    "Hotels on Montenegro's coast reported their longest tourist season on record this year.\n"
                            + "Visitors from Germany and Poland stayed well into November.", true),
            new Story("mont-blanc-tunnel", "Mont Blanc tunnel closes for repairs",
                    "The road tunnel under Mont Blanc will close for three months of repairs from January.\n"
                            + "Lorries will have to use the Fréjus tunnel instead.", false),
            new Story("nato-summit-agenda", "Alliance summit agenda published",
                    "NATO published the agenda of next month's summit on Friday.\n"
                            + "Membership talks with Montenegro and support for Ukraine lead the list.", true),
            new Story("danube-low-water", "Low water slows Danube shipping",
                    "Barges on the Danube carried half their usual load this week because of low water.\n"
                            + "Shipping companies in Austria and Hungary asked for deeper channels.", false),
            new Story("sarajevo-film-prize", "Sarajevo film wins a prize abroad",
                    "A film made in Sarajevo won the main prize at a festival in Spain on Saturday.\n"
                            + "The director thanked a crew of twelve who worked without pay.", false),
            new Story("ulcinj-salt-pans", "Birds return to the Ulcinj salt pans",
                    "Flamingos have returned to the old salt pans of Ulcinj in southern Montenegro, ornithologists said on Saturday.\n"
                            + "The site was protected as a nature park three years ago.", true),
            new Story("zagreb-tram-strike", "Tram drivers strike in Zagreb",
                    "Tram drivers in the Croatian capital stopped work for a day on Saturday over pay.\n"
                            + "The city said talks would resume on Monday.", false),
            new Story("lavrov-geneva-talks", "Lavrov meets his counterpart in Geneva",
                    "Russian Foreign Minister Sergey Lavrov met his American counterpart in Geneva on Sunday.\n"
                            + "Neither side reported progress on arms control.", false),
            new Story("podgorica-airport-expansion", "Podgorica airport to double its terminal",
                    "The airport of Montenegro's capital will double the size of its terminal by 2028, the operator said on Sunday.\n"
                            + "Passenger numbers have grown by a third in two years.", true),
            new Story("vienna-opera-season", "Vienna opera opens its season",
                    "The Vienna State Opera opened its season on Sunday with a new production that drew boos and cheers.\n"
                            + "Critics were divided.", false),
            new Story("baltic-undersea-cable", "Baltic states inspect undersea cables",
                    "Estonia, Latvia and Lithuania began a joint inspection of undersea cables on Monday after an anchor damaged one.\n"
                            + "Investigators have not named the ship.", false),
            new Story("cetinje-museum-reopens", "Cetinje museum reopens after restoration",
                    "The national museum in Cetinje, the old royal capital of Montenegro, reopened on Monday after four years of work.\n"
                            + "Entry will be free for the first month.", true),
            new Story("ankara-inflation-falls", "Inflation falls in Turkey",
                    "Turkey's inflation rate fell for the sixth month in a row, the statistics office in Ankara said on Monday.\n"
                            + "The central bank is expected to cut interest rates.", false),
            new Story("kosovo-border-crossing", "A new border crossing between Kosovo and Albania",
                    "Kosovo and Albania opened a new border crossing on Tuesday to ease lorry traffic in the mountains.\n"
                            + "The crossing will be open day and night.", false),
            new Story("durmitor-snow-start", "Early snow in the Durmitor mountains",
                    "Ski lifts in the Durmitor mountains opened a month early this year after heavy snowfall.\n"
                            + "Montenegro's tourism board expects a record winter.", true),
            new Story("athens-port-sale", "Greece sells a stake in a northern port",
                    "Greece agreed on Tuesday to sell a stake in the port of Kavala to an investment group.\n"
                            + "Unions in Athens called a protest.", false),
            new Story("bucharest-metro-line", "Bucharest opens a new metro line",
                    "A new metro line opened in Bucharest on Wednesday, linking the airport with the city centre.\n"
                            + "The line took twelve years to build.", false),
            new Story("ljubljana-bike-lanes", "Ljubljana doubles its bike lanes",
                    "Slovenia's capital said on Wednesday that it had doubled the length of its bike lanes in five years.\n"
                            + "Cycling now accounts for a fifth of trips in the city.", false),
            new Story("chisinau-gas-talks", "Moldova seeks new gas contracts",
                    "Moldova's government opened talks with suppliers in Romania on Wednesday to replace gas it bought from Russia.\n"
                            + "Officials in Chisinau said the winter was covered.", false));

    private TestWireStories() {
    }
}
