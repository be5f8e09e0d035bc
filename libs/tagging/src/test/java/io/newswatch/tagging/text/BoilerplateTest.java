package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateTest {

    @Test
    void marksCaptionsCreditsAndPromptsNotBodyText() {
        String text = "Montenegro opens talks\nThe minister said the talks would go on.\nPhoto: Reuters/Stevo Vasiljevic\n"
                + "— Read also: Podgorica votes\nTroops left the base; photo: NATO\nSubscribe to our newsletter\n"
                + "Reporting by Ana Petrović; editing by John Smith";
        Tokens tokens = Tokenizer.tokenize(text, "en");
        Boilerplate.mark(tokens);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.has(i, Tokens.BOILERPLATE)) {
                kept.append(tokens.surface(i)).append(' ');
            }
        }
        assertThat(kept.toString().strip())
                .isEqualTo("Montenegro opens talks The minister said the talks would go on Troops left the base");
    }

    @Test
    void theFirstWordCheckLetsEveryLineStartThroughThatTheExpressionCouldMatch() {
        for (String line : List.of("Photo: AP", "  PHOTOGRAPHS / x", "— Read also: Podgorica", "(Video) watch: x",
                "File photo: x", "Related stories", "This article is also available in Serbian", "Sign up now",
                "«Advertisement»", "Before it's here, it's on the Bloomberg Terminal", "Share this")) {
            assertThat(Boilerplate.mayStartLine(line, 0, line.length())).as(line).isTrue();
        }
        for (String line : List.of("The minister said", "Montenegro joined NATO", "12 photos: x", "Photographic: x",
                "Наслов: x", "")) {
            assertThat(Boilerplate.mayStartLine(line, 0, line.length())).as(line).isFalse();
        }
    }
}
