package io.newswatch.poller.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlRepairTest {

    @Test
    void htmlEntitiesBecomeCharacterReferences() {
        XmlRepair.Repaired repaired = XmlRepair.repair("<t>caf&eacute; &nbsp;&amp; &lt;b&gt; &#233; &#xE9;</t>");
        assertThat(repaired.xml()).isEqualTo("<t>caf&#233; &#160;&amp; &lt;b&gt; &#233; &#xE9;</t>");
        assertThat(repaired.warnings()).isEmpty();
    }

    @Test
    void bareAmpersandsAndUnknownEntitiesAreEscaped() {
        XmlRepair.Repaired repaired = XmlRepair.repair("<t>Q&A &nosuch; a&b=1 &#xZZ; & </t>");
        assertThat(repaired.xml()).isEqualTo("<t>Q&amp;A &amp;nosuch; a&amp;b=1 &amp;#xZZ; &amp; </t>");
        assertThat(repaired.warnings()).containsExactly("1 reference(s) to undeclared entities kept as text",
                "4 unescaped & escaped");
    }

    @Test
    void cdataIsCopiedAsItIs() {
        assertThat(XmlRepair.repair("<t><![CDATA[a & b <i>&nbsp;</i>]]></t>").xml())
                .isEqualTo("<t><![CDATA[a & b <i>&nbsp;</i>]]></t>");
    }

    @Test
    void theDocumentTypeWithItsInternalSubsetGoes() {
        XmlRepair.Repaired repaired = XmlRepair.repair(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"a>b\"><!ENTITY y SYSTEM 'file:///etc/passwd'>]><r>&x;&y;</r>");
        assertThat(repaired.xml()).isEqualTo("<r>&amp;x;&amp;y;</r>");
        assertThat(repaired.warnings())
                .contains("removed the document type declaration: entities it declares are not expanded");
    }

    @Test
    void commentsProcessingInstructionsAndForbiddenCharactersGo() {
        XmlRepair.Repaired repaired = XmlRepair.repair("junk <?xml-stylesheet href='a'?><r><!-- a -- b -->x\u0001y&#1;z</r>");
        assertThat(repaired.xml()).isEqualTo("<r>xyz</r>");
        assertThat(repaired.warnings()).containsExactly("ignored 4 characters of text before the first tag",
                "2 character(s) that XML forbids removed");
    }

    @Test
    void charactersBeyondTheBasicPlaneSurvive() {
        assertThat(XmlRepair.repair("<r>\uD83D\uDCF0 &#128240;</r>").xml()).isEqualTo("<r>\uD83D\uDCF0 &#128240;</r>");
    }

    @Test
    void paddedNamespaceUrisAreTrimmed() {
        assertThat(XmlRepair.repair("<rss xmlns:itunes=\" http://www.itunes.com/dtds/podcast-1.0.dtd \"/>").xml())
                .isEqualTo("<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"/>");
    }
}
