package io.newswatch.indexer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.kafka.StackClient;
import io.newswatch.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installer against the real Elasticsearch: templates, aliases, and new fields and the refresh interval on indices
 * made before them.
 */
class SchemaInstallerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestStack stack;
    private StackClient client;
    private SchemaInstaller installer;

    @BeforeEach
    void reserve() {
        stack = TestStack.reserve();
        client = new StackClient(stack);
        installer = new SchemaInstaller(this::send, stack.indices(),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), new Random()), duration -> { });
    }

    @AfterEach
    void release() {
        client.close();
        stack.release();
    }

    private ElasticsearchHttp.Response send(String method, String path, byte[] body, String contentType)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ElasticsearchHttp.Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void anIndexCreatedUnderAnOlderTemplateGetsTheNewFieldsInPlace() throws Exception {
        String alias = stack.indices().articles();
        String index = IndexNames.firstIndex(alias);
        // the state of a deployment from before 'countries' and 'title.keyword' existed (the exact index: Elasticsearch
        // refuses wildcard deletes by default)
        client.request("DELETE", "/" + index, null);
        client.request("DELETE", "/_index_template/" + alias, null);
        client.request("PUT", "/" + index, "{\"aliases\":{\"" + alias
                + "\":{\"is_write_index\":true}},\"mappings\":{\"dynamic\":false,\"properties\":{"
                + "\"id\":{\"type\":\"keyword\"},\"title\":{\"type\":\"text\"}}}}");
        assertThat(client.request("GET", "/" + index + "/_mapping", null)
                .at("/" + index + "/mappings/properties/countries").isMissingNode())
                .as("the older index is in place, without the newer fields").isTrue();

        installer.installWithRetry();

        JsonNode mapping = client.request("GET", "/" + IndexNames.firstIndex(alias) + "/_mapping", null)
                .at("/" + IndexNames.firstIndex(alias) + "/mappings/properties");
        assertThat(mapping.at("/countries/type").asText()).isEqualTo("keyword");
        assertThat(mapping.at("/title/fields/keyword/type").asText()).isEqualTo("keyword");
        assertThat(mapping.at("/places/type").asText()).isEqualTo("geo_point");
        assertThat(installer.isInstalled()).isTrue();
        assertThat(client.request("GET", "/_index_template/" + alias, null).at("/index_templates/0/name").asText())
                .isEqualTo(alias);
    }

    @Test
    void anIndexCreatedUnderAnOlderTemplateTakesTheTemplatesRefreshInterval() throws Exception {
        String alias = stack.indices().alerts();
        String index = IndexNames.firstIndex(alias);
        client.request("DELETE", "/" + index, null);
        client.request("PUT", "/" + index, "{\"aliases\":{\"" + alias
                + "\":{\"is_write_index\":true}},\"settings\":{\"index\":{\"refresh_interval\":\"42s\"}}}");
        assertThat(client.request("GET", "/" + index + "/_settings", null)
                .at("/" + index + "/settings/index/refresh_interval").asText()).isEqualTo("42s");

        installer.installWithRetry();

        String wanted = Json.mapper().readTree(ElasticsearchSchema.templates(stack.indices()).get(alias))
                .at("/template/settings/index/refresh_interval").asText();
        assertThat(wanted).isNotEmpty();
        assertThat(client.request("GET", "/" + index + "/_settings", null)
                .at("/" + index + "/settings/index/refresh_interval").asText()).isEqualTo(wanted);
    }

    @Test
    void installingTwiceChangesNothing() throws Exception {
        installer.install();
        installer.install();

        assertThat(client.request("GET", "/_alias/" + stack.indices().articles(), null).size()).isEqualTo(1);
        assertThat(client.request("GET", "/_alias/" + stack.indices().alerts(), null).size()).isEqualTo(1);
    }
}
