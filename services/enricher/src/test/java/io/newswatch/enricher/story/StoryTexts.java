package io.newswatch.enricher.story;

/** One wire story, a copy and a light rewrite of it by other outlets, and a different story on the same subject. */
final class StoryTexts {

    private StoryTexts() {
    }

    static final String WIRE_TITLE = "Moldova and Romania sign power-line deal";
    static final String WIRE = """
            Moldova and Romania signed an agreement on Tuesday to build a second high-voltage power line between the \
            two countries, a project officials in Chisinau said would end the country's dependence on electricity from \
            the breakaway Transnistria region by the end of next year.

            The 400-kilovolt line will run for about 160 kilometres from Suceava in Romania to Balti in northern \
            Moldova. The European Union will cover most of the cost through a grant, the Moldovan energy ministry said \
            in a statement after the signing ceremony in Bucharest.

            Moldova has relied for decades on a gas-fired power plant in Transnistria that sells electricity to the \
            rest of the country. Supplies were cut twice last winter, forcing the government to buy expensive power on \
            the Romanian exchange and to declare a state of emergency in the energy sector.

            "This line is about security as much as it is about energy," the Moldovan energy minister told reporters. \
            "Nobody will be able to switch off our lights again." Romanian officials said construction would start in \
            the spring once the last permits are issued.""";

    /** Another outlet runs the wire copy under its own headline and drops the last paragraph. */
    static final String COPY_TITLE = "Romania to link grid with Moldova";
    static final String COPY = """
            Moldova and Romania signed an agreement on Tuesday to build a second high-voltage power line between the \
            two countries, a project officials in Chisinau said would end the country's dependence on electricity from \
            the breakaway Transnistria region by the end of next year.

            The 400-kilovolt line will run for about 160 kilometres from Suceava in Romania to Balti in northern \
            Moldova. The European Union will cover most of the cost through a grant, the Moldovan energy ministry said \
            in a statement after the signing ceremony in Bucharest.

            Moldova has relied for decades on a gas-fired power plant in Transnistria that sells electricity to the \
            rest of the country. Supplies were cut twice last winter, forcing the government to buy expensive power on \
            the Romanian exchange and to declare a state of emergency in the energy sector.""";

    /** A third outlet rewrites the opening and shortens sentences, keeping most of the wording. */
    static final String REWRITE_TITLE = "New power line to cut Moldova's reliance on Transnistria";
    static final String REWRITE = """
            Moldova and Romania on Tuesday agreed to build a second high-voltage power line between the two countries. \
            Officials in Chisinau said the project would end the country's dependence on electricity from the \
            breakaway Transnistria region by the end of next year.

            The 400-kilovolt line will run for about 160 kilometres from Suceava in Romania to Balti in northern \
            Moldova. The European Union will cover most of the cost through a grant, the Moldovan energy ministry said.

            Moldova has relied for decades on a gas-fired power plant in Transnistria that sells electricity to the \
            rest of the country. Supplies were cut twice last winter, and the government had to buy expensive power on \
            the Romanian exchange.

            "This line is about security as much as it is about energy," the energy minister said.""";

    /** Same countries, same subject, a different story. */
    static final String OTHER_TITLE = "Transnistria gas talks stall";
    static final String OTHER = """
            Talks between Chisinau and the separatist authorities in Tiraspol on gas deliveries for the coming winter \
            broke off on Thursday without an agreement, leaving the fate of the region's only large power plant \
            uncertain.

            Negotiators from the Moldovan government said they had offered to pay market prices for the gas, but the \
            separatist side insisted on a long-term contract. A mediator from the OSCE mission said both delegations \
            would meet again next month.

            Residents of Tiraspol queued at shops to buy heaters and candles after the local utility warned of rolling \
            blackouts. Romania has offered to supply emergency electricity to the right bank of the Dniester.""";
}
