package io.newswatch.indexer.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One HTTP exchange with Elasticsearch: every status is an answer; only not reaching it is an exception. */
@FunctionalInterface
public interface ElasticsearchHttp {

    /** NDJSON, the body of {@code _bulk}. */
    String NDJSON = "application/x-ndjson";
    /** JSON, the body of every other request. */
    String JSON = "application/json";

    /**
     * Sends a request and returns Elasticsearch's answer, whatever its status.
     *
     * @param body        the body (UTF-8), or null for none
     * @param contentType {@link #JSON} or {@link #NDJSON}
     * @throws IOException when Elasticsearch cannot be reached or does not answer in time
     */
    Response send(String method, String path, byte[] body, String contentType) throws IOException;

    /** Sends a JSON request. */
    default Response send(String method, String path, String json) throws IOException {
        return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), JSON);
    }

    /** Status and body of an answer. */
    record Response(int status, String body) {

        /** A 2xx status. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
