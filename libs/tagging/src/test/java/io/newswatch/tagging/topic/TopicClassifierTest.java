package io.newswatch.tagging.topic;

import io.newswatch.contract.TopicScore;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.newswatch.tagging.Fixtures.CLOCK;
import static io.newswatch.tagging.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

class TopicClassifierTest {

    private static List<String> topics(Tagging t) {
        return t.topics().stream().map(TopicScore::id).toList();
    }

    @Test
    void shippedTopicsOnShortArticles() {
        assertThat(topics(tag("Alliance invites Montenegro\nNATO foreign ministers invited Montenegro to join the "
                + "alliance on Wednesday, opening accession talks that should make it the 29th member.")))
                .contains("enlargement", "western-balkans");
        assertThat(topics(tag("Council to meet\nNATO and Russia agreed to convene the NATO-Russia Council next week.")))
                .contains("nato-russia-council");
        assertThat(topics(tag("Peninsula\nSeven years after the annexation of Crimea, Sevastopol remains a naval base.")))
                .contains("crimea");
        assertThat(topics(tag("Shelling\nSyrian government forces shelled Idlib as Damascus denied it; Syria's war goes on.")))
                .contains("syria");
        assertThat(topics(tag("Front line\nUkrainian troops held the line near Kharkiv as Kyiv asked for more air defence for Ukraine.")))
                .contains("ukraine");
    }

    private static List<String> topics(String text, String language) {
        return topics(io.newswatch.tagging.Fixtures.enricher().tag(text, text.indexOf('\n'), language));
    }

    @Test
    void topicsInTheLanguagesOfTheRegionWithTheirInflections() {
        assertThat(topics("Газпром сократил поставки\nПоставки газа по газопроводу сократились, энергетическая "
                + "безопасность Молдавии под угрозой, заявил министр.", "ru"))
                .contains("energy-security").doesNotContain("israel-palestine"); // "газа" is gas, not Gaza
        assertThat(topics("Vojna saradnja\nSrbija i Rusija održale su zajedničku vojnu vežbu kod Niša, a ministar "
                + "je rekao da će vojna saradnja biti nastavljena.", "sr")).contains("military-cooperation");
        assertThat(topics("Војна сарадња\nСрбија и Русија одржале су заједничку војну вежбу код Ниша, а министар "
                + "је рекао да ће војна сарадња бити настављена.", "sr")).contains("military-cooperation");
        assertThat(topics("Waffenlieferungen\nDeutschland will weitere Waffenlieferungen an die Ukraine leisten; die "
                + "Militärhilfe für Kiew soll steigen.", "de")).contains("military-cooperation", "ukraine");
        assertThat(topics("Sanctions\nL'Union européenne a adopté de nouvelles sanctions contre la Russie et le gel "
                + "des avoirs de trois banques.", "fr")).contains("sanctions");
        assertThat(topics("Вибори\nЦентральна виборча комісія оголосила результати виборів; явка на виборах "
                + "склала 61 відсоток.", "uk")).contains("elections");
    }

    @Test
    void terrorismMilitaryCooperationAndEnergySecurityByWhatTheyMean() {
        assertThat(topics("Enquête\nLe parquet antiterroriste a ouvert une enquête : le suspect avait prêté "
                + "allégeance à un groupe djihadiste.", "fr")).contains("terrorism");
        assertThat(topics("Затримання\nСБУ провела контртерористичну операцію, у затриманих вилучили вибухівку.",
                "uk")).contains("terrorism");
        assertThat(topics("Спільне виробництво\nПольща та Україна поглиблюють військово-технічну співпрацю: "
                + "оборонна угода передбачає спільне виробництво снарядів.", "uk")).contains("military-cooperation");
        assertThat(topics("Soldiers\nMilitary trainers from France will arrive under a new defence deal, and "
                + "military co-operation will grow.", "en")).contains("military-cooperation");
        assertThat(topics("НПЗ остановлен\nПосле атаки остановлен НПЗ, экспорт нефти через терминал сокращён, "
                + "цены на бензин растут.", "ru")).contains("energy-security");
        assertThat(topics("Raffinerie\nDie Raffinerie in Schwedt bleibt ohne Rohöl, die Ölversorgung Berlins ist "
                + "gefährdet.", "de")).contains("energy-security");
    }

    @Test
    void termsThatFoldAlikeCountOnce() {
        // "Украину" (Russian) and "Україну" (Ukrainian) are both "ukrainu": one term, one weight
        TopicDefinition ukraine = new TopicDefinition("ukraine", "Ukraine", null, 4,
                Map.of("Украину", 3.0, "Україну", 3.0), Map.of(), null);
        Enricher enricher = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.of(List.of(ukraine)), CLOCK);
        assertThat(enricher.tag("Помощь\nПомощь Украину.", 6, "ru").topics()).isEmpty();
    }

    @Test
    void aPassingMentionIsNotATopic() {
        assertThat(topics(tag("Football\nThe striker, who once played in Ukraine, scored twice on Sunday."))).isEmpty();
    }

    @Test
    void stemsTitleWeightRequirementsAndEvidence() {
        TopicDefinition sanctions = new TopicDefinition("sanctions", "Sanctions", null, 4,
                Map.of("sanction*", 2.0, "asset freeze", 3.0), Map.of("location/russia", 1.0),
                List.of(List.of("sanction*", "asset freeze")));
        Enricher enricher = new Enricher(new KnowledgeBaseLoader().addShipped().build(),
                Taxonomy.of(List.of(sanctions)), CLOCK);
        Tagging body = enricher.tag("Brussels\nThe EU sanctioned two banks; more sanctions on Russia follow.", 8, "en");
        TopicScore score = body.topics().get(0);
        assertThat(score.score()).isEqualTo(5.0);
        assertThat(score.evidence()).containsExactly("sanction*", "location/russia");

        Tagging title = enricher.tag("New sanctions\nThe measures start today.", 13, "en");
        assertThat(title.topics()).singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(4.0));

        Tagging noRequired = enricher.tag("Moscow\nRussia, Russia, Russia.", 6, "en");
        assertThat(noRequired.topics()).isEmpty();
    }

    @Test
    void placesCountTowardTheirCountrysTopic() {
        // a toy topic: one term, the country's places at 2 each, a require group the country's places meet
        TopicDefinition war = new TopicDefinition("war", "War", null, 5, Map.of("shelling", 1.0),
                Map.of("location/ukraine", 2.0), List.of(List.of("location/ukraine", "country:UA")),
                Map.of("UA", 2.0));
        Enricher enricher = new Enricher(new KnowledgeBaseLoader().addShipped().build(),
                Taxonomy.of(List.of(war)), CLOCK);

        Tagging towns = enricher.tag("Night\nShelling hit Izium and Kupiansk overnight, officials said.", 6, "en");
        assertThat(towns.topics()).singleElement().satisfies(t -> {
            assertThat(t.score()).isEqualTo(5.0); // 1 (shelling) + 2 + 2: two towns, never naming the country
            assertThat(t.evidence()).containsExactlyInAnyOrder("location/izium", "location/kupiansk", "shelling");
            assertThat(t.evidence().getLast()).isEqualTo("shelling"); // largest contribution first
        });

        // one passing town is no topic; the country, weighed as an entity, is not also one of its places
        assertThat(enricher.tag("Night\nShelling hit Izium overnight, officials said.", 6, "en").topics()).isEmpty();
        assertThat(enricher.tag("Night\nShelling hit Ukraine and Izium overnight.", 6, "en").topics())
                .singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(5.0));

        // at most three places count, however many the text lists
        Tagging many = enricher.tag("Night\nShelling hit Izium, Kupiansk, Kramatorsk, Sloviansk and Kherson.", 6, "en");
        assertThat(many.topics()).singleElement().satisfies(t -> assertThat(t.score())
                .isEqualTo(1.0 + 2.0 * TopicDefinition.MAX_PLACES));

        // places of another country count for nothing
        assertThat(enricher.tag("Night\nShelling hit Lyon, Grenoble and Marseille overnight.", 6, "en").topics())
                .isEmpty();
    }

    @Test
    void aTownTheTopicNamesAsATermCountsOnceAsThatTerm() {
        TopicDefinition war = new TopicDefinition("war", "War", null, 0.5, Map.of("Izium", 1.0), null, null,
                Map.of("UA", 2.0));
        Enricher enricher = new Enricher(new KnowledgeBaseLoader().addShipped().build(),
                Taxonomy.of(List.of(war)), CLOCK);
        assertThat(enricher.tag("Night\nShelling hit Izium and Kupiansk.", 6, "en").topics()).singleElement()
                .satisfies(t -> {
                    assertThat(t.score()).isEqualTo(3.0); // Izium the term (1), Kupiansk the place (2)
                    assertThat(t.evidence()).containsExactly("location/kupiansk", "Izium");
                });
    }

    @Test
    void aPlaceInsideTheCountryMeetsItsRequireGroup() {
        TopicDefinition war = new TopicDefinition("war", "War", null, 1, Map.of("shelling", 1.0), null,
                List.of(List.of("country:UA")));
        Enricher enricher = new Enricher(new KnowledgeBaseLoader().addShipped().build(),
                Taxonomy.of(List.of(war)), CLOCK);
        assertThat(enricher.tag("Night\nShelling near Izium.", 6, "en").topics()).hasSize(1);
        assertThat(enricher.tag("Night\nShelling in Ukraine.", 6, "en").topics()).hasSize(1); // the country too
        assertThat(enricher.tag("Night\nShelling near Lyon.", 6, "en").topics()).isEmpty();
        assertThat(enricher.tag("Night\nShelling by Ukrainian troops.", 6, "en").topics()).isEmpty(); // a demonym
    }

    @Test
    void shippedCountryTopicsFromTheirTownsInTheLanguagesOfTheRegion() {
        assertThat(topics("Обстріли\nРосійські війська обстріляли Нікополь і Марганець, у Нікополі пошкоджено "
                + "газопровід, обстріл тривав до ранку.", "uk")).contains("ukraine");
        assertThat(topics("Drone strike\nA drone strike hit a market in Jarabulus and shells fell on Nubl and "
                + "Tal Rifat, as fighting in northern Syria spread.", "en")).contains("syria");
        // one town of the country in passing is no topic
        assertThat(topics("Konzert\nDas Orchester aus Kramatorsk spielte am Samstag in Leipzig Beethoven.", "de"))
                .doesNotContain("ukraine");
    }

    @Test
    void shippedTaxonomyIsWellFormed() {
        Taxonomy taxonomy = Taxonomy.load(List.of());
        assertThat(taxonomy.topics()).extracting(TopicDefinition::id)
                .contains("enlargement", "nato-russia-council", "crimea", "syria", "ukraine", "western-balkans");
        // every entity a topic refers to exists in the shipped knowledge base
        var kb = new KnowledgeBaseLoader().addShipped().build();
        for (TopicDefinition topic : taxonomy.topics()) {
            topic.entities().keySet().forEach(id -> assertThat(kb.get(id)).as(topic.id() + " refers to " + id).isNotNull());
            topic.require().forEach(group -> group.stream().filter(i -> i.contains("/"))
                    .forEach(id -> assertThat(kb.get(id)).as(topic.id() + " requires " + id).isNotNull()));
        }
    }

    @Test
    void badTaxonomyIsRejectedWithItsName() {
        TopicDefinition bad = new TopicDefinition("Bad Topic", null, null, 1, Map.of("x", 1.0), null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Taxonomy.of(List.of(bad)))
                .hasMessageContaining("Bad Topic");
    }

    @Test
    void aCountryThatIsNoIsoCodeIsRejectedWithTheTopic() {
        TopicDefinition lowerCase = new TopicDefinition("war", null, null, 1, Map.of("x", 1.0), null, null,
                Map.of("ua", 1.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Taxonomy.of(List.of(lowerCase)))
                .hasMessageContaining("war").hasMessageContaining("'ua'");
        TopicDefinition badRequire = new TopicDefinition("war", null, null, 1, Map.of("x", 1.0), null,
                List.of(List.of("country:Ukraine")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Taxonomy.of(List.of(badRequire)))
                .hasMessageContaining("'Ukraine'");
        TopicDefinition noWeight = new TopicDefinition("war", null, null, 1, Map.of("x", 1.0), null, null,
                Map.of("UA", 0.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Taxonomy.of(List.of(noWeight)))
                .hasMessageContaining("no weight");
    }
}
