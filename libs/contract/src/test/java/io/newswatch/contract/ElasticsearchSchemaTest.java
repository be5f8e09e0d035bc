package io.newswatch.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchSchemaTest {

    @Test
    void templatesForOtherNamesMatchOnlyTheirOwnIndices() throws Exception {
        Map<String, String> templates = ElasticsearchSchema.templates(IndexNames.withPrefix("t42"));
        JsonNode articles = Json.mapper().readTree(templates.get("t42-articles"));
        assertThat(articles.get("index_patterns").get(0).asText()).isEqualTo("t42-articles-*");
        assertThat(articles.at("/template/mappings/properties/places/type").asText()).isEqualTo("geo_point");
    }

    @Test
    void installPutsTemplatesAndCreatesTheFirstIndexOnlyWhenTheAliasIsMissing() throws Exception {
        List<String> requests = new ArrayList<>();
        ElasticsearchSchema.install((method, path, body) -> {
            requests.add(method + " " + path);
            boolean aliasExists = path.equals("/_alias/newswatch-alerts");
            return new ElasticsearchSchema.Response(method.equals("HEAD") && !aliasExists ? 404 : 200, "{}");
        }, IndexNames.DEFAULT);
        assertThat(requests).containsExactly(
                "PUT /_index_template/newswatch-articles",
                "HEAD /_alias/newswatch-articles",
                "PUT /newswatch-articles-000001",
                "PUT /_index_template/newswatch-alerts",
                "HEAD /_alias/newswatch-alerts");
    }

    @Test
    void aRefusedTemplateIsAnErrorThatCarriesElasticsearchsAnswer() {
        assertThatThrownBy(() -> ElasticsearchSchema.install(
                (method, path, body) -> new ElasticsearchSchema.Response(400, "{\"error\":\"bad mapping\"}"),
                IndexNames.DEFAULT))
                .hasMessageContaining("bad mapping")
                .hasMessageContaining("newswatch-articles");
    }
}
