package io.newswatch.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(EventSchemas.ID_BASE,
                    "classpath:" + EventSchemas.CLASSPATH_ROOT)));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private static JsonSchema schemaOf(Class<?> type) {
        return FACTORY.getSchema(SchemaLocation.of(EventSchemas.idOf(type)), CONFIG);
    }

    private static Set<ValidationMessage> validate(Object event) {
        JsonNode json = Json.mapper().valueToTree(event);
        return schemaOf(event.getClass()).validate(json);
    }

    @Test
    void everySampleEventIsValidAgainstItsSchema() {
        for (Object event : List.of(SampleEvents.article(), SampleEvents.enriched(), SampleEvents.feed(),
                SampleEvents.rule(), SampleEvents.alert())) {
            assertThat(validate(event)).as(event.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void schemaRejectsAnArticleWithoutUrl() throws Exception {
        JsonNode json = Json.mapper().valueToTree(SampleEvents.article());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("url");
        assertThat(schemaOf(Article.class).validate(json)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("url"));
    }

    @Test
    void schemaRejectsAWrongTypeTag() {
        JsonNode json = Json.mapper().valueToTree(SampleEvents.alert());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("type", "article");
        assertThat(schemaOf(Alert.class).validate(json)).isNotEmpty();
    }

    @Test
    void topLevelPropertiesOfEachSchemaAreExactlyTheRecordComponents() throws Exception {
        for (Class<?> type : EventSchemas.eventTypes()) {
            JsonNode schema = Json.mapper().readTree(
                    getClass().getClassLoader().getResource(EventSchemas.CLASSPATH_ROOT + EventSchemas.fileOf(type)));
            Set<String> inSchema = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(inSchema::add);
            Set<String> inRecord = new TreeSet<>(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).toList());
            assertThat(inSchema).as(type.getSimpleName()).isEqualTo(inRecord);
        }
    }

    @Test
    void eventsSurviveAJsonRoundTrip() {
        for (Object event : List.of(SampleEvents.article(), SampleEvents.enriched(), SampleEvents.feed(),
                SampleEvents.rule(), SampleEvents.alert())) {
            Object decoded = Json.decode(Json.encode(event), event.getClass());
            assertThat(decoded).isEqualTo(event);
        }
    }

    @Test
    void decodingGarbageSaysWhatIsWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.decode("{\"id\": ", Article.class))
                .isInstanceOf(BadEventException.class)
                .hasMessageContaining("not a valid Article");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.decode("{\"title\": \"no id\"}", Article.class))
                .isInstanceOf(BadEventException.class)
                .hasMessageContaining("article id");
    }

    @Test
    void anEntityTypeAddedByANewerProducerDoesNotBreakAnOlderConsumer() {
        String json = Json.encode(SampleEvents.enriched()).replace("\"type\":\"PERSON\"", "\"type\":\"EVENT\"");
        EnrichedArticle decoded = Json.decode(json, EnrichedArticle.class);
        assertThat(decoded.entities()).extracting(Entity::type).containsExactly(EntityType.LOCATION, null);
    }
}
