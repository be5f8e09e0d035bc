package io.newswatch.indexer.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.indexer.document.TemplateFields;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kibana cannot run here, so this checks {@code deploy/kibana/newswatch.ndjson} the way Kibana's import would
 * fail on it: every line a saved object, every reference resolving, and every field a visualization aggregates on
 * present in the index template with a type that can be aggregated that way.
 */
class KibanaSavedObjectsTest {

    private static final Path FILE = Path.of(System.getProperty("newswatch.home", "../.."))
            .resolve("deploy/kibana/newswatch.ndjson");
    /** Data view title to index template. */
    private static final Map<String, String> TEMPLATES = Map.of(
            "newswatch-articles", "newswatch-articles", "newswatch-alerts", "newswatch-alerts");
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "date", "date_nanos", "long", "integer",
            "short", "byte", "double", "float", "half_float", "scaled_float", "boolean", "ip", "geo_point");
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float");

    private static List<JsonNode> objects;
    private static Map<String, JsonNode> byKey;

    @BeforeAll
    static void read() throws IOException {
        objects = new ArrayList<>();
        byKey = new HashMap<>();
        List<String> lines = Files.readAllLines(FILE);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode object = Json.mapper().readTree(lines.get(i));
            assertThat(object.isObject()).as("line %d is a JSON object", i + 1).isTrue();
            objects.add(object);
            assertThat(byKey.put(key(object.path("type").asText(), object.path("id").asText()), object))
                    .as("line %d repeats %s", i + 1, object.path("id")).isNull();
        }
    }

    private static String key(String type, String id) {
        return type + "/" + id;
    }

    @Test
    void everyLineIsASavedObjectKibanaCanImport() {
        assertThat(objects).isNotEmpty().allSatisfy(object -> {
            assertThat(object.path("id").asText()).isNotBlank();
            assertThat(object.path("type").asText()).isIn("index-pattern", "lens", "map", "search", "dashboard");
            assertThat(object.path("attributes").path("title").asText()).isNotBlank();
            assertThat(object.path("references").isArray()).isTrue();
            assertThat(object.path("coreMigrationVersion").asText()).isNotBlank();
        });
    }

    @Test
    void theDashboardShowsTheIssuesPanels() throws IOException {
        JsonNode dashboard = byKey.get(key("dashboard", "newswatch-overview"));
        assertThat(dashboard.at("/attributes/title").asText()).isEqualTo("newswatch overview");
        List<String> titles = new ArrayList<>();
        for (JsonNode reference : dashboard.get("references")) {
            titles.add(byKey.get(key(reference.get("type").asText(), reference.get("id").asText()))
                    .at("/attributes/title").asText());
        }
        assertThat(titles).contains("Articles over time by topic", "Top people", "Top organisations", "Top places",
                "Places mentioned", "Sources", "Latest alerts", "Story sizes");
        JsonNode panels = Json.mapper().readTree(dashboard.at("/attributes/panelsJSON").asText());
        assertThat(panels).hasSize(dashboard.get("references").size());
    }

    @Test
    void everyReferenceResolvesAndEveryNamedReferenceIsThere() throws IOException {
        for (JsonNode object : objects) {
            Set<String> names = new HashSet<>();
            for (JsonNode reference : object.get("references")) {
                names.add(reference.get("name").asText());
                assertThat(byKey).as("%s refers to %s", object.get("id"), reference)
                        .containsKey(key(reference.get("type").asText(), reference.get("id").asText()));
            }
            for (String name : referenceNamesUsed(object)) {
                assertThat(names).as("%s uses reference %s", object.get("id"), name).contains(name);
            }
        }
    }

    /** The reference names an object's attributes point at. */
    private static List<String> referenceNamesUsed(JsonNode object) throws IOException {
        JsonNode attributes = object.get("attributes");
        List<String> names = new ArrayList<>();
        switch (object.get("type").asText()) {
            case "lens" -> attributes.at("/state/datasourceStates/formBased/layers").fieldNames()
                    .forEachRemaining(layer -> names.add("indexpattern-datasource-layer-" + layer));
            case "map" -> {
                for (JsonNode layer : Json.mapper().readTree(attributes.get("layerListJSON").asText())) {
                    JsonNode ref = layer.at("/sourceDescriptor/indexPatternRefName");
                    if (!ref.isMissingNode()) {
                        names.add(ref.asText());
                    }
                }
            }
            case "search" -> names.add(Json.mapper().readTree(attributes.at("/kibanaSavedObjectMeta/searchSourceJSON")
                    .asText()).get("indexRefName").asText());
            case "dashboard" -> {
                for (JsonNode panel : Json.mapper().readTree(attributes.get("panelsJSON").asText())) {
                    names.add(panel.get("panelIndex").asText() + ":" + panel.get("panelRefName").asText());
                }
            }
            default -> {
            }
        }
        return names;
    }

    @Test
    void everyLensVisualizationShowsColumnsItsLayerDefines() {
        for (JsonNode lens : objects.stream().filter(o -> o.get("type").asText().equals("lens")).toList()) {
            JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
            JsonNode visualization = lens.at("/attributes/state/visualization");
            List<JsonNode> visualLayers = new ArrayList<>();
            if (visualization.has("layers")) {
                visualization.get("layers").forEach(visualLayers::add);
            } else {
                visualLayers.add(visualization);
            }
            for (JsonNode visual : visualLayers) {
                JsonNode layer = layers.path(visual.path("layerId").asText());
                assertThat(layer.isObject()).as("%s shows layer %s", lens.get("id"), visual.path("layerId")).isTrue();
                Set<String> columns = new HashSet<>();
                layer.get("columns").fieldNames().forEachRemaining(columns::add);
                List<String> order = new ArrayList<>();
                layer.get("columnOrder").forEach(column -> order.add(column.asText()));
                assertThat(order).as("column order of %s", lens.get("id")).containsExactlyInAnyOrderElementsOf(columns);
                List<String> shown = new ArrayList<>();
                for (String accessor : List.of("xAccessor", "splitAccessor")) {
                    if (visual.has(accessor)) {
                        shown.add(visual.get(accessor).asText());
                    }
                }
                visual.path("accessors").forEach(accessor -> shown.add(accessor.asText()));
                visual.path("columns").forEach(column -> shown.add(column.get("columnId").asText()));
                assertThat(shown).as("columns shown by %s", lens.get("id")).isNotEmpty();
                assertThat(columns).as("columns of %s", lens.get("id")).containsAll(shown);
            }
        }
    }

    @Test
    void everyVisualisedFieldExistsInTheTemplateWithATypeItCanBeAggregatedAs() throws IOException {
        List<String> checked = new ArrayList<>();
        for (JsonNode object : objects) {
            switch (object.get("type").asText()) {
                case "index-pattern" -> {
                    JsonNode properties = properties(object.get("id").asText());
                    checked.add(expectType(properties, object.at("/attributes/timeFieldName").asText(), "date"));
                }
                case "lens" -> {
                    JsonNode properties = properties(object.at("/references/0/id").asText());
                    for (JsonNode layer : object.at("/attributes/state/datasourceStates/formBased/layers")) {
                        for (JsonNode column : layer.get("columns")) {
                            checked.addAll(lensColumn(properties, column));
                        }
                    }
                }
                case "map" -> {
                    JsonNode properties = properties(object.at("/references/0/id").asText());
                    for (JsonNode layer : Json.mapper().readTree(object.at("/attributes/layerListJSON").asText())) {
                        JsonNode geoField = layer.at("/sourceDescriptor/geoField");
                        if (!geoField.isMissingNode()) {
                            checked.add(expectType(properties, geoField.asText(), "geo_point"));
                        }
                    }
                }
                case "search" -> {
                    JsonNode properties = properties(object.at("/references/0/id").asText());
                    for (JsonNode column : object.at("/attributes/columns")) {
                        assertThat(TemplateFields.field(properties, column.asText()).path("type").asText())
                                .as("column %s of %s", column, object.get("id")).isNotEmpty();
                    }
                    for (JsonNode sort : object.at("/attributes/sort")) {
                        checked.add(expectAggregatable(properties, sort.get(0).asText()));
                    }
                }
                default -> {
                }
            }
        }
        assertThat(checked).contains("places", "person", "organization", "location", "topic", "source.name",
                "story.articles", "title.keyword", "rule.name", "published", "timestamp");
    }

    private static List<String> lensColumn(JsonNode properties, JsonNode column) {
        String field = column.path("sourceField").asText("");
        if (field.isEmpty() || field.equals("___records___")) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        switch (column.get("operationType").asText()) {
            case "date_histogram" -> fields.add(expectType(properties, field, "date"));
            case "max", "min", "sum", "average", "median", "percentile", "standard_deviation" ->
                    fields.add(expectNumeric(properties, field));
            case "last_value" -> {
                fields.add(expectAggregatable(properties, field));
                fields.add(expectType(properties, column.at("/params/sortField").asText(), "date"));
            }
            default -> fields.add(expectAggregatable(properties, field));
        }
        return fields;
    }

    private static JsonNode properties(String dataView) {
        assertThat(TEMPLATES).as("data view %s has a template", dataView).containsKey(dataView);
        return TemplateFields.properties(TEMPLATES.get(dataView));
    }

    private static String expectAggregatable(JsonNode properties, String field) {
        assertThat(TemplateFields.field(properties, field).path("type").asText())
                .as("type of %s", field).isIn(AGGREGATABLE);
        return field;
    }

    private static String expectNumeric(JsonNode properties, String field) {
        assertThat(TemplateFields.field(properties, field).path("type").asText())
                .as("type of %s", field).isIn(NUMERIC);
        return field;
    }

    private static String expectType(JsonNode properties, String field, String type) {
        assertThat(TemplateFields.field(properties, field).path("type").asText()).as("type of %s", field)
                .isEqualTo(type);
        return field;
    }
}
