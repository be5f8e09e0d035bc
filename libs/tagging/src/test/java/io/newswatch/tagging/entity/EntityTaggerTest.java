package io.newswatch.tagging.entity;

import io.newswatch.contract.EntityType;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newswatch.tagging.Fixtures.entity;
import static io.newswatch.tagging.Fixtures.ids;
import static io.newswatch.tagging.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

class EntityTaggerTest {

    @Test
    void discoveredIdsAreTheFoldedNameWithHyphens() {
        assertThat(NameFinder.idOf(EntityType.ORGANIZATION, "Syrian Democratic Forces"))
                .isEqualTo("organization/syrian-democratic-forces");
        assertThat(NameFinder.idOf(EntityType.ORGANIZATION, "  Drexel Burnham Lambert Inc. "))
                .isEqualTo("organization/drexel-burnham-lambert-inc");
        assertThat(NameFinder.idOf(EntityType.PERSON, "Lt. Gen. Stephen J. Townsend"))
                .isEqualTo("person/lt-gen-stephen-j-townsend");
        assertThat(NameFinder.idOf(EntityType.LOCATION, "Đakovica-based")).isEqualTo("location/djakovica-based");
        assertThat(NameFinder.idOf(EntityType.ORGANIZATION, "Brigade 4")).isEqualTo("organization/brigade-4");
        assertThat(NameFinder.idOf(EntityType.PERSON, "O'Brien's 3rd-Party (UK) Zeta_9"))
                .isEqualTo("person/o-brien-s-3rd-party-uk-zeta-9");
    }

    @Test
    void asciiNamesGetTheIdsOfTheFoldingPath() {
        // the ASCII names take a pass of their own: the same id as folding the name and keeping letters and digits
        for (String name : List.of("Syrian Democratic Forces", "  a--B  c ", "ALL CAPS 42nd", "x", "", "-.-",
                "Mc'Donald & Sons, Inc.", "Tab\tand\nnewline", "Zz Aa 09 ~!@#$%^&*()_+`{}|[]:;<>?,./")) {
            String folded = io.newswatch.folding.TextFolding.fold(name);
            StringBuilder expected = new StringBuilder("location/");
            boolean gap = false;
            for (char c : folded.toCharArray()) {
                if (Character.isLetterOrDigit(c)) {
                    if (gap && expected.length() > "location/".length()) {
                        expected.append('-');
                    }
                    gap = false;
                    expected.append(c);
                } else {
                    gap = true;
                }
            }
            assertThat(NameFinder.idOf(EntityType.LOCATION, name)).as(name).isEqualTo(expected.toString());
        }
    }

    @Test
    void acronymsMatchOnlyInCapitals() {
        Tagging t = tag("Ministers meet\nLet us ask the AP whether NATO and the EU agree; nato fans disagree.");
        assertThat(ids(t)).contains("organization/ap", "organization/nato", "organization/eu")
                .doesNotContain("location/united-states");
        assertThat(entity(t, "organization/nato").orElseThrow().strongMentions()).isEqualTo(1);
    }

    @Test
    void namesMatchOnlyWhenCapitalised() {
        Tagging t = tag("Dinner plans\nThe family roasted a turkey while Turkey hosted the summit.");
        assertThat(entity(t, "location/turkey").orElseThrow().mentions()).hasSize(1)
                .allSatisfy(m -> assertThat(m.text()).isEqualTo("Turkey"));
    }

    @Test
    void diacriticsAndTransliterationsNameTheSamePerson() {
        Tagging t = tag("Podgorica visit\nMilo Đukanović met the envoy. Later Milo Djukanovic spoke again.");
        FoundEntity milo = entity(t, "person/milo-djukanovic").orElseThrow();
        assertThat(milo.forms()).containsExactly("Milo Đukanović", "Milo Djukanovic");
        assertThat(milo.type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void umlautsAndNordicVowelsMayBeWrittenAsDigraphs() {
        Tagging t = tag("Copenhagen\nForeign Minister Lars Loekke Rasmussen met Gerhard Schroeder's successor.");
        assertThat(ids(t)).contains("person/lars-lokke-rasmussen", "person/gerhard-schroder");
    }

    @Test
    void rolesAndPlacesAreNotPartOfDiscoveredNames() {
        Tagging t = tag("Premiere\nActress Dora Kestrel said the film was finished. Fort Hallam said it would reopen.");
        assertThat(ids(t)).contains("person/dora-kestrel").doesNotContain("person/fort-hallam", "person/actress-dora-kestrel");
    }

    @Test
    void possessivesHyphensAndLongestMatch() {
        Tagging t = tag("Council news\nNATO's envoy said the NATO Russia Council and the NATO-Russia Council are one.");
        FoundEntity council = entity(t, "organization/nato-russia-council").orElseThrow();
        assertThat(council.strongMentions()).isEqualTo(2);
        // inside the longer name, NATO and Russia are not mentioned on their own
        assertThat(entity(t, "organization/nato").orElseThrow().strongMentions()).isEqualTo(1);
        assertThat(ids(t)).doesNotContain("location/russia");
    }

    @Test
    void noMatchInsideAWord() {
        Tagging t = tag("Markets\nThe Natoli family and Romanians in Omaha Beach bought Germanium.");
        assertThat(ids(t)).doesNotContain("organization/nato", "location/oman", "location/germany");
    }

    @Test
    void placesCarryCountryAndCoordinates() {
        FoundEntity podgorica = entity(tag("Visit\nThe minister arrived in Podgorica."), "location/podgorica").orElseThrow();
        assertThat(podgorica.country()).isEqualTo("ME");
        assertThat(podgorica.geo().lat()).isBetween(42.0, 43.0);
        assertThat(podgorica.geo().lon()).isBetween(19.0, 20.0);
    }

    @Test
    void demonymIsAWeakMentionOfItsCountry() {
        Tagging t = tag("Talks\nRussian diplomats and Montenegrin officials met.");
        FoundEntity russia = entity(t, "location/russia").orElseThrow();
        assertThat(russia.strongMentions()).isZero();
        assertThat(russia.mentions()).singleElement().satisfies(m -> assertThat(m.weak()).isTrue());
        assertThat(ids(t)).contains("location/montenegro");
    }

    @Test
    void surnameAfterFullNameIsTheSamePerson() {
        Tagging t = tag("Alliance chief\nJens Stoltenberg opened the meeting. Stoltenberg said allies agreed.");
        FoundEntity jens = entity(t, "person/jens-stoltenberg").orElseThrow();
        assertThat(jens.strongMentions()).isEqualTo(2);
        assertThat(jens.forms()).containsExactly("Jens Stoltenberg", "Stoltenberg");
    }

    @Test
    void surnameBeforeFullNameIsResolvedToo() {
        Tagging t = tag("Đukanović in Brussels\nPresident Milo Đukanović met allies.");
        assertThat(entity(t, "person/milo-djukanovic").orElseThrow().strongMentions()).isEqualTo(2);
    }

    @Test
    void personsOutsideTheKnowledgeBaseAreDiscoveredFromCues() {
        Tagging t = tag("Harbour deal\nPort director Anton Verhoeven welcomed the deal. "
                + "\"We are ready,\" said Lidia Marchetti, a spokeswoman for the operator. "
                + "Verhoeven added that work starts in May.");
        FoundEntity anton = entity(t, "person/anton-verhoeven").orElseThrow();
        assertThat(anton.discovered()).isTrue();
        assertThat(anton.type()).isEqualTo(EntityType.PERSON);
        assertThat(anton.strongMentions()).isEqualTo(2);
        assertThat(entity(t, "person/lidia-marchetti")).isPresent();
    }

    @Test
    void capitalisedPhrasesWithoutCuesAreNotPeople() {
        Tagging t = tag("Harbour deal\nThe Grand Canal Authority said on Monday that Harbour Street will close.");
        assertThat(t.entities()).noneMatch(e -> e.type() == EntityType.PERSON);
        assertThat(ids(t)).containsExactly("organization/grand-canal-authority");
    }

    @Test
    void organisationsAreDiscoveredByTheirFirstOrLastWord() {
        Tagging t = tag("Markets\nShares of Kestrel Avionics Corp rose after the Ministry of Water Resources and the "
                + "Halvard Mining Company signed a deal. Orvane Holdings declined.");
        assertThat(ids(t)).contains("organization/kestrel-avionics-corp", "organization/ministry-of-water-resources",
                "organization/halvard-mining-company", "organization/orvane-holdings");
        assertThat(entity(t, "organization/orvane-holdings").orElseThrow().discovered()).isTrue();
    }

    @Test
    void namesInsideAnOrganisationOrTeamAreNotPeopleOrPlaces() {
        Tagging t = tag("Hospital\nWounded fighters were taken to the Al Assad University Hospital. Fans of the Boston "
                + "Red Sox flew Virgin Australia to watch the game.");
        assertThat(ids(t)).contains("organization/al-assad-university-hospital")
                .doesNotContain("person/bashar-al-assad", "location/boston", "location/australia");
    }

    @Test
    void ranksWithInitialsAndAppositionsNamePeople() {
        Tagging t = tag("Coalition\nLt. Gen. Stephen J. Marrow spoke first. The Iraqi Foreign Minister, Haidar "
                + "al-Sammak, replied. Later Marrow and al-Sammak met again.");
        assertThat(ids(t)).contains("person/stephen-j-marrow", "person/haidar-al-sammak");
        assertThat(entity(t, "person/stephen-j-marrow").orElseThrow().strongMentions()).isEqualTo(2);
    }

    @Test
    void aFirstNameRepeatedAfterTheFullNameIsThatPerson() {
        Tagging t = tag("Interview\nKarim Dawood, a spokesman for the council, said the road was open. Karim added "
                + "that trucks would follow.");
        assertThat(entity(t, "person/karim-dawood").orElseThrow().strongMentions()).isEqualTo(2);
    }

    @Test
    void anAcronymTheTextDefinesNamesItsEntity() {
        Tagging t = tag("Offensive\nFighters of the Islamic State (IS) group retreated. IS commanders fled west, and "
                + "the Dawn Liberation Front (DLF) said DLF units held the bridge.");
        assertThat(entity(t, "organization/islamic-state").orElseThrow().strongMentions()).isEqualTo(3);
        assertThat(entity(t, "organization/dawn-liberation-front").orElseThrow().strongMentions()).isEqualTo(3);
    }

    @Test
    void variantsOfWellKnownNames() {
        Tagging t = tag("War\nDa’esh lost ground, Saddam was long gone, and Asad's forces advanced on Mosul.");
        assertThat(ids(t)).contains("organization/islamic-state", "person/saddam-hussein", "person/bashar-al-assad",
                "location/mosul").doesNotContain("location/al-mawsil-al-jadidah");
    }

    @Test
    void placesNamedByTheirCue() {
        Tagging t = tag("Front\nShelling hit Qarvesh province and the town of Dal Harun, a Berlevik-based group said.");
        assertThat(ids(t)).contains("location/qarvesh", "location/dal-harun", "location/berlevik");
    }

    @Test
    void commonWordsThatArePlacesStayWords() {
        Tagging t = tag("Books\nReading of the report took hours. A hot bath helped. Of course, they left for Bath, "
                + "England, on Friday.");
        assertThat(entity(t, "location/bath").orElseThrow().mentions()).hasSize(1);
        assertThat(ids(t)).doesNotContain("location/reading", "location/of");
    }

    @Test
    void inflectedNamesInSlavicLanguagesAndGerman() {
        Enricher enricher = io.newswatch.tagging.Fixtures.enricher();
        assertThat(idsOf(enricher.tag("Визит Сергея Лаврова в Черногории: у Лаврова были переговоры в Подгорице.", 0, "ru")))
                .contains("person/sergey-lavrov", "location/montenegro", "location/podgorica");
        assertThat(idsOf(enricher.tag("Sastanak u Podgorici: Đukanović je razgovarao sa Vučićem o Crnoj Gori.", 0, "cnr")))
                .contains("location/podgorica", "person/milo-djukanovic", "person/aleksandar-vucic", "location/montenegro");
        assertThat(idsOf(enricher.tag("Die Außenpolitik Russlands und Frankreichs wurde in Berlin besprochen.", 0, "de")))
                .contains("location/russia", "location/france", "location/berlin");
    }

    @Test
    void anEntityCarriesItsIdAndEveryNameRulesMayUse() {
        Tagging t = io.newswatch.tagging.Fixtures.enricher().tag("Встреча. Лавров прибыл в Мосул.", 0, "ru");
        FoundEntity lavrov = entity(t, "person/sergey-lavrov").orElseThrow();
        assertThat(lavrov.toContract().variants()).contains("Sergei Lavrov", "Сергей Лавров", "Lavrov")
                .doesNotContain("Sergey Lavrov");
        assertThat(entity(t, "location/mosul").orElseThrow().toContract().variants()).contains("Мосул");
        Tagging discovered = tag("Talks\nThe Dawn Liberation Front said it would talk.");
        assertThat(entity(discovered, "organization/dawn-liberation-front").orElseThrow().toContract().variants())
                .isEmpty();
    }

    private static List<String> idsOf(Tagging t) {
        return t.entities().stream().map(FoundEntity::id).toList();
    }

    @Test
    void boilerplateYieldsNoEntities() {
        Tagging t = tag("Summit\nLeaders met in Vilnius.\nPhotographer: Tomas Kowalczyk/AFP via Getty Images\n"
                + "Read also: Reuters on Lithuania\n© 2026 Baltic Daily. All rights reserved.");
        assertThat(ids(t)).containsExactly("location/vilnius");
    }

    @Test
    void georgiaTheCountryOrTheStateByContext() {
        Tagging country = tag("Caucasus\nProtesters filled the streets of Tbilisi as Georgia's government met.");
        assertThat(ids(country)).contains("location/georgia").doesNotContain("location/georgia-us-state");
        Tagging state = tag("Elections\nVoters in Atlanta lined up as Georgia counted ballots for governor.");
        assertThat(ids(state)).contains("location/georgia-us-state").doesNotContain("location/georgia");
    }

    @Test
    void jordanAndChadThePlacesOrThePeople() {
        assertThat(ids(tag("Refugees\nAid reached camps in Jordan near Amman."))).contains("location/jordan");
        assertThat(ids(tag("Basketball\nMichael Jordan and Chad Ochoa played golf."))).doesNotContain("location/jordan", "location/chad");
        assertThat(ids(tag("Sahel\nSoldiers in Chad guarded N'Djamena."))).contains("location/chad");
    }

    @Test
    void mostSalientFirstWithTitleMentionsWeighingMore() {
        Tagging t = tag("Serbia and Kosovo resume dialogue\nOfficials from Brussels said Serbia and Kosovo will meet.");
        assertThat(t.entities().get(0).salience()).isEqualTo(1.0);
        assertThat(ids(t).subList(0, 2)).containsExactlyInAnyOrder("location/serbia", "location/kosovo");
        assertThat(entity(t, "location/brussels").orElseThrow().salience()).isLessThan(0.5);
    }
}
