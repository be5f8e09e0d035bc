package io.newswatch.indexer.bulk;

import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@link ElasticsearchHttp} over the shared low-level {@link RestClient} (hosts, credentials, TLS and timeouts from
 * {@code newswatch.elasticsearch.*}). The typed client is not used for bulk writes: the NDJSON is built once from
 * documents that are already JSON, and the answer is read with a filter that keeps only the statuses.
 */
public final class RestClientHttp implements ElasticsearchHttp {

    private final RestClient client;

    public RestClientHttp(RestClient client) {
        this.client = client;
    }

    @Override
    public Response send(String method, String path, byte[] body, String contentType)
            throws IOException {
        int query = path.indexOf('?');
        Request request = new Request(method, query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                request.addParameter(equals < 0 ? parameter : parameter.substring(0, equals),
                        equals < 0 ? "" : parameter.substring(equals + 1));
            }
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
        }
        org.elasticsearch.client.Response response;
        try {
            response = client.performRequest(request);
        } catch (ResponseException e) {
            response = e.getResponse();
        }
        HttpEntity entity = response.getEntity();
        return new Response(response.getStatusLine().getStatusCode(),
                entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8));
    }
}
