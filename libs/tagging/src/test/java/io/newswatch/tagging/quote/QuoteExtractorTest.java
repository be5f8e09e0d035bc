package io.newswatch.tagging.quote;

import io.newswatch.contract.Quote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.newswatch.tagging.Fixtures.tag;
import static org.assertj.core.api.Assertions.assertThat;

class QuoteExtractorTest {

    private static List<Quote> quotes(String text) {
        return tag(text).quotes();
    }

    @Test
    void speakerAfterTheQuote() {
        assertThat(quotes("Kremlin\nKremlin spokesman Dmitry Peskov spoke. \"Moscow will respond to this move,\" Peskov said."))
                .containsExactly(new Quote("Dmitry Peskov", "person/dmitry-peskov", "Moscow will respond to this move"));
        assertThat(quotes("Alliance\n“The door of the alliance remains open,” said Jens Stoltenberg on Monday."))
                .containsExactly(new Quote("Jens Stoltenberg", "person/jens-stoltenberg", "The door of the alliance remains open"));
    }

    @Test
    void speakerBeforeTheQuote() {
        assertThat(quotes("Talks\nJohn Kerry told reporters: “NATO is not a threat to anybody at all.”"))
                .containsExactly(new Quote("John Kerry", "person/john-kerry", "NATO is not a threat to anybody at all."));
    }

    @Test
    void pronounPointsToThePersonMentionedLast() {
        List<Quote> q = quotes("Talks\nSergey Lavrov met his counterpart. “We are ready for a serious dialogue,” he added.");
        assertThat(q).singleElement().satisfies(quote -> assertThat(quote.speakerId()).isEqualTo("person/sergey-lavrov"));
    }

    @Test
    void discoveredPeopleSpeakToo() {
        List<Quote> q = quotes("Port\n“Work on the new terminal starts in May,” port director Anton Verhoeven said.");
        assertThat(q).singleElement().satisfies(quote -> assertThat(quote.speaker()).isEqualTo("Anton Verhoeven"));
    }

    @Test
    void scareQuotesAreNotQuotationsAndUnattributedOnesHaveNoSpeaker() {
        List<Quote> q = quotes("Summit\nThe summit was called \"historic\". A banner read “Peace for the whole region now”.");
        assertThat(q).singleElement().satisfies(quote -> {
            assertThat(quote.text()).isEqualTo("Peace for the whole region now");
            assertThat(quote.speaker()).isNull();
        });
    }
}
