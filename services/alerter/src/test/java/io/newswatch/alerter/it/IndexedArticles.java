package io.newswatch.alerter.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Entity;
import io.newswatch.contract.EntityType;
import io.newswatch.contract.Json;
import io.newswatch.contract.TopicScore;
import io.newswatch.stack.TestStack;
import io.newswatch.folding.TextFolding;

import java.io.IOException;
import java.util.List;

/**
 * Writes fixture articles into a test's articles index in the shape the indexer writes (the template's snake-case
 * fields, {@code text_folded} folded to ASCII with Đ as Dj), so that backtests have a history to search without an
 * indexer running.
 */
final class IndexedArticles {

    private IndexedArticles() {
    }

    /** Indexes the documents and makes them searchable at once. */
    static void index(TestStack stack, List<ObjectNode> documents) throws IOException {
        StringBuilder bulk = new StringBuilder();
        for (ObjectNode document : documents) {
            bulk.append("{\"index\":{\"_index\":\"").append(stack.indices().articles()).append("\",\"_id\":\"")
                    .append(document.path("id").asText()).append("\"}}\n").append(Json.encode(document)).append('\n');
        }
        var response = stack.stack().setup().send("POST", "/_bulk?refresh=true", bulk.toString());
        if (response.status() != 200 || response.body().contains("\"errors\":true")) {
            throw new IOException("bulk indexing failed: " + response.body());
        }
    }

    /**
     * The document of an article.
     *
     * @param folded the folded text when the fixture needs one the simple folding cannot make (a transliteration);
     *               null to fold title, summary and body
     */
    static ObjectNode document(EnrichedArticle enriched, String folded) {
        var article = enriched.article();
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("id", enriched.id());
        doc.put("url", article.url());
        doc.put("title", article.title());
        doc.put("summary", article.summary());
        doc.put("body", article.body());
        doc.put("text_folded", folded != null ? folded : fold(article.fullText(), article.language()));
        doc.put("language", article.language());
        doc.put("published", article.published().toString());
        doc.put("fetched", article.fetched().toString());
        ObjectNode source = doc.putObject("source");
        source.put("name", article.source().name());
        source.put("domain", article.source().domain());
        ArrayNode entities = doc.putArray("entities");
        for (Entity entity : enriched.entities()) {
            ObjectNode fields = entities.addObject().put("id", entity.id()).put("name", entity.name())
                    .put("type", entity.type().name());
            entity.variants().forEach(fields.putArray("variants")::add);
        }
        names(doc.putArray("entity"), enriched.entities(), null);
        names(doc.putArray("person"), enriched.entities(), EntityType.PERSON);
        names(doc.putArray("organization"), enriched.entities(), EntityType.ORGANIZATION);
        names(doc.putArray("location"), enriched.entities(), EntityType.LOCATION);
        ArrayNode topics = doc.putArray("topic");
        enriched.topics().stream().map(TopicScore::id).forEach(topics::add);
        if (enriched.story() != null) {
            doc.putObject("story").put("id", enriched.story().id()).put("outlets", enriched.story().outlets())
                    .put("languages", enriched.story().languages());
        }
        return doc;
    }

    private static void names(ArrayNode names, List<Entity> entities, EntityType type) {
        entities.stream().filter(e -> type == null || e.type() == type).map(Entity::name).forEach(names::add);
    }

    private static String fold(String text, String language) {
        return TextFolding.searchText(text, language);
    }
}
