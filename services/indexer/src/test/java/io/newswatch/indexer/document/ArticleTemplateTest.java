package io.newswatch.indexer.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the articles template asks Elasticsearch to do for every document, and no more. */
class ArticleTemplateTest {

    private static final JsonNode PROPERTIES = TemplateFields.properties("newswatch-articles");

    @Test
    void noTextFieldKeepsNormsBecauseNothingRanksArticlesByRelevance() {
        // Every reader sorts by time (the console, the alerter's search and backtest, Kibana's saved searches);
        // norms would be one more value written and merged per field and document for a score nobody reads.
        List<String> text = textFields(PROPERTIES, "");

        assertThat(text).contains("title", "summary", "body", "text_folded", "quotes.text");
        for (String field : text) {
            assertThat(TemplateFields.field(PROPERTIES, field).path("norms").asBoolean(true))
                    .as("norms of %s", field).isFalse();
        }
    }

    @Test
    void theFoldedTextKeepsPositionsForPhraseAndProximitySearches() {
        // the alerter's search and backtest run match_phrase and intervals queries on text_folded
        JsonNode folded = TemplateFields.field(PROPERTIES, "text_folded");

        assertThat(folded.path("index_options").asText("positions")).isIn("positions", "offsets");
        assertThat(folded.path("index").asBoolean(true)).isTrue();
    }

    private static List<String> textFields(JsonNode properties, String prefix) {
        List<String> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().has("properties")) {
                fields.addAll(textFields(entry.getValue().get("properties"), prefix + entry.getKey() + "."));
            } else if (entry.getValue().path("type").asText().equals("text")) {
                fields.add(prefix + entry.getKey());
            }
        }
        return fields;
    }
}
