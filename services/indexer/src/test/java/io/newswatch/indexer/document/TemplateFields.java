package io.newswatch.indexer.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the index templates the indexer installs (packaged from deploy/elasticsearch/ into the contract). */
public final class TemplateFields {

    private TemplateFields() {
    }

    /** The {@code template.mappings.properties} of a template file ("newswatch-articles"). */
    public static JsonNode properties(String template) {
        String resource = "/io/newswatch/contract/elasticsearch/" + template + ".index-template.json";
        try (InputStream in = TemplateFields.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Json.mapper().readTree(in).at("/template/mappings/properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping of a dotted field path ("source.name", or a multi-field: "title.keyword"), or a missing node. */
    public static JsonNode field(JsonNode properties, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = properties.path(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            node = node.has("properties") ? node.get("properties").path(parts[i]) : node.path("fields").path(parts[i]);
        }
        return node;
    }

    /** The dotted paths of a document's fields that the template does not map. */
    public static List<String> unmapped(JsonNode document, JsonNode properties) {
        List<String> missing = new ArrayList<>();
        collect(document, properties, "", missing);
        return missing;
    }

    private static void collect(JsonNode value, JsonNode properties, String prefix, List<String> missing) {
        if (value.isArray()) {
            value.forEach(element -> collect(element, properties, prefix, missing));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            JsonNode mapping = properties.path(field.getKey());
            if (mapping.isMissingNode()) {
                missing.add(path);
            } else if (mapping.has("properties") && (field.getValue().isObject() || field.getValue().isArray())) {
                collect(field.getValue(), mapping.get("properties"), path + ".", missing);
            }
        }
    }
}
