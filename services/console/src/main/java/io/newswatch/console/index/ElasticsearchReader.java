package io.newswatch.console.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Reads of the articles and alerts aliases, for what has no rule semantics: an article by id (in real time), a
 * story's articles, story sizes, alert counts. Every request has the console's timeout; a failure is a
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

    /**
     * Documents by id, read in real time ({@code _mget}): a document is found as soon as it is written, before the
     * index's next refresh makes it searchable. Each entry of {@code docs} names its {@code _index} and {@code _id}.
     */
    public JsonNode documents(ArrayNode docs, List<String> sourceExcludes) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("docs", docs);
        return send("POST", "/_mget?_source_excludes=" + String.join(",", sourceExcludes), Json.encode(body));
    }

    /** The concrete indices behind an alias (or the index itself, when {@code name} is one). */
    public List<String> indicesOf(String name) {
        List<String> indices = new java.util.ArrayList<>();
        send("GET", "/" + name + "/_alias", null).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    private JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, String body) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, path.endsWith("_msearch")
                    ? ContentType.create("application/x-ndjson") : ContentType.APPLICATION_JSON));
        }
        request.setOptions(options);
        try (InputStream content = client.performRequest(request).getEntity().getContent()) {
            return Json.mapper().readTree(content);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            throw new ServiceException(status == 404 ? 404 : 502, "Elasticsearch refused a request (HTTP " + status
                    + ")", null, null);
        } catch (IOException e) {
            throw new ServiceException(503, "Elasticsearch cannot be reached (" + e.getMessage() + ")", null, null);
        }
    }
}
