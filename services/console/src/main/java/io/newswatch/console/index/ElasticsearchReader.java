package io.newswatch.console.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.service.ServiceException;
import io.newswatch.contract.Json;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Searches of the articles and alerts aliases, for what has no rule semantics: an article by id, a story's
 * articles, story sizes, alert counts. Every request has the console's timeout; a failure is a
 * {@link ServiceException} (503 when Elasticsearch cannot be reached) that a page shows instead of its content.
 */
@ApplicationScoped
public class ElasticsearchReader {

    private final RestClient client;
    private final RequestOptions options;

    ElasticsearchReader(RestClient client, ConsoleConfig config) {
        this.client = client;
        int timeout = (int) Math.min(config.requestTimeout().toMillis(), Integer.MAX_VALUE);
        this.options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Math.min(timeout, 5_000)).setSocketTimeout(timeout).build()).build();
    }

    /** One search: the answer's JSON. */
    public JsonNode search(String index, ObjectNode body) {
        return post("/" + index + "/_search", Json.encode(body));
    }

    /** Several searches in one round trip ({@code _msearch}); the answers in order. */
    public List<JsonNode> searches(List<String> indices, List<ObjectNode> bodies) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < bodies.size(); i++) {
            lines.append("{\"index\":\"").append(indices.get(i)).append("\"}\n")
                    .append(Json.encode(bodies.get(i))).append('\n');
        }
        JsonNode answer = post("/_msearch", lines.toString());
        List<JsonNode> responses = new java.util.ArrayList<>();
        for (JsonNode response : answer.path("responses")) {
            if (response.has("error")) {
                int status = response.path("status").asInt(502);
                throw new ServiceException(status == 404 ? 404 : 502, "Elasticsearch refused a search: "
                        + response.path("error").path("reason").asText("unknown reason"), null, null);
            }
            responses.add(response);
        }
        return responses;
    }

    private JsonNode post(String path, String body) {
        Request request = new Request("POST", path);
        request.setEntity(new NStringEntity(body, path.endsWith("_msearch")
                ? ContentType.create("application/x-ndjson") : ContentType.APPLICATION_JSON));
        request.setOptions(options);
        try (InputStream content = client.performRequest(request).getEntity().getContent()) {
            return Json.mapper().readTree(content);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            throw new ServiceException(status == 404 ? 404 : 502, "Elasticsearch refused a search (HTTP " + status
                    + ")", null, null);
        } catch (IOException e) {
            throw new ServiceException(503, "Elasticsearch cannot be reached (" + e.getMessage() + ")", null, null);
        }
    }
}
